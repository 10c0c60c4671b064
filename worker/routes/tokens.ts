import { Hono } from 'hono';
import { TokenIdParamSchema, TokenInputSchema } from '../../shared/schemas/workspace';
import { insertToken, listTokens, revokeToken } from '../db/tokens';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../errors';
import { requireRole, tokenCaller } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { newId, newToken, sha256Hex } from '../services/tokens';

export const tokens = new Hono<AppEnv>()
	.use(requireRole('manager'))
	// GET (added): the workspace's tokens without their secrets, so a manager can find the one to revoke.
	.get('/', async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		return c.json({ tokens: await listTokens(c.env.DB, workspaceId) }, 200);
	})
	.post('/', validate('json', TokenInputSchema), async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		const { role, label } = c.req.valid('json');
		const id = newId();
		const token = newToken();
		await insertToken(c.env.DB, { id, workspaceId, role, label: label ?? null, hash: await sha256Hex(token), now: new Date().toISOString() }).run();
		return c.json({ id, role, token }, 201);
	})
	.delete('/:id', validate('param', TokenIdParamSchema), async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		const outcome = await revokeToken(c.env.DB, workspaceId, c.req.valid('param').id, new Date().toISOString());
		if (outcome === 'not-found') throw notFound('token');
		if (outcome === 'last-manager') {
			throw new ApiError('conflict', 'This is the workspace\'s last manager token; create another manager token before revoking it.');
		}
		return c.body(null, 204);
	});
