import { Hono } from 'hono';
import type { WhoAmI } from '../../shared/schemas/workspace';
import { getWorkspace } from '../db/workspaces';
import type { AppEnv } from '../env';
import { notFound } from '../errors';
import { requireRole, tokenCaller } from '../middleware/auth';

/** GET /v1/me (added to the contract): lets the extension check a token when it is saved, and read the opt-ins. */
export const me = new Hono<AppEnv>().get('/', requireRole('reporter'), async (c) => {
	const caller = tokenCaller(c.var.caller);
	const workspace = await getWorkspace(c.env.DB, caller.workspaceId);
	if (!workspace) throw notFound('workspace');
	const body: WhoAmI = {
		workspace: { id: workspace.id, name: workspace.name },
		role: caller.role,
		tokenId: caller.tokenId,
		settings: { shareText: workspace.share_text === 1, autoFriction: workspace.auto_friction === 1 },
	};
	return c.json(body, 200);
});
