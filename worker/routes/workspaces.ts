import { Hono } from 'hono';
import { WorkspaceInputSchema } from '../../shared/schemas/workspace';
import { insertToken } from '../db/tokens';
import { insertWorkspace } from '../db/workspaces';
import type { AppEnv } from '../env';
import { requireAdmin } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { newId, newToken, sha256Hex } from '../services/tokens';

/** POST /v1/workspaces (admin): a workspace and its first manager token, shown once. */
export const workspaces = new Hono<AppEnv>().post('/', requireAdmin, validate('json', WorkspaceInputSchema), async (c) => {
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
