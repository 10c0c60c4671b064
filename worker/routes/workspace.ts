import { Hono } from 'hono';
import { WorkspaceSettingsPatchSchema } from '../../shared/schemas/workspace';
import { updateWorkspaceSettings } from '../db/workspaces';
import type { AppEnv } from '../env';
import { notFound } from '../errors';
import { requireRole, tokenCaller } from '../middleware/auth';
import { validate } from '../middleware/validate';

/** PATCH /v1/workspace (added, manager): the caller's workspace opt-ins, which GET /v1/me returns to every client. */
export const workspace = new Hono<AppEnv>().patch('/', requireRole('manager'), validate('json', WorkspaceSettingsPatchSchema), async (c) => {
	const { workspaceId } = tokenCaller(c.var.caller);
	const row = await updateWorkspaceSettings(c.env.DB, workspaceId, c.req.valid('json'));
	if (!row) throw notFound('workspace');
	return c.json({ workspace: { id: row.id, name: row.name }, settings: { shareText: row.share_text === 1, autoFriction: row.auto_friction === 1 } }, 200);
});
