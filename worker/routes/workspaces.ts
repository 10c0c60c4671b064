import { Hono } from 'hono';
import { ManagerTokenInputSchema, WorkspaceIdParamSchema, WorkspaceInputSchema } from '../../shared/schemas/workspace';
import { insertToken } from '../db/tokens';
import { getWorkspace, insertWorkspace } from '../db/workspaces';
import { notFound } from '../errors';
import type { AppEnv } from '../env';
import { requireAdmin } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { newId, newToken, sha256Hex } from '../services/tokens';

/**
 * POST /v1/workspaces (admin): a workspace and its first manager token, shown once. POST /v1/workspaces/:id/tokens
 * (added, admin; issue 15): a new manager token for a workspace, the way back in when its managers lost theirs.
 */
export const workspaces = new Hono<AppEnv>()
	.post('/:id/tokens', requireAdmin, validate('param', WorkspaceIdParamSchema), validate('json', ManagerTokenInputSchema), async (c) => {
		const workspace = await getWorkspace(c.env.DB, c.req.valid('param').id);
		if (!workspace) throw notFound('workspace');
		const id = newId();
		const token = newToken();
		const label = c.req.valid('json').label ?? 'manager (admin)';
		await insertToken(c.env.DB, { id, workspaceId: workspace.id, role: 'manager', label, hash: await sha256Hex(token), now: new Date().toISOString() }).run();
		return c.json({ id, role: 'manager' as const, token }, 201);
	})
	.post('/', requireAdmin, validate('json', WorkspaceInputSchema), async (c) => {
		const { name } = c.req.valid('json');
		const now = new Date().toISOString();
		const workspace = { id: newId(), name };
		const token = newToken();
		await c.env.DB.batch([
			insertWorkspace(c.env.DB, { ...workspace, now }),
			insertToken(c.env.DB, { id: newId(), workspaceId: workspace.id, role: 'manager', label: 'first manager', hash: await sha256Hex(token), now }),
		]);
		return c.json({ workspace, token }, 201);
	});
