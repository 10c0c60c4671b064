import { Hono } from 'hono';
import { MetricsQuerySchema } from '../../shared/schemas/metrics';
import { readMetrics } from '../db/metrics';
import type { AppEnv } from '../env';
import { requireRole, tokenCaller } from '../middleware/auth';
import { validate } from '../middleware/validate';

/** GET /v1/metrics: the figures of the manager's "Check" (docs/BACKEND.md, Metrics). */
export const metrics = new Hono<AppEnv>().get('/', requireRole('manager'), validate('query', MetricsQuerySchema), async (c) => {
	const { workspaceId } = tokenCaller(c.var.caller);
	return c.json(await readMetrics(c.env.DB, workspaceId, c.req.valid('query'), Date.now()), 200);
});
