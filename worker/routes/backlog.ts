import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_EVIDENCE } from '../../shared/limits';
import { BacklogQuerySchema } from '../../shared/schemas/backlog';
import { ServerIdSchema } from '../../shared/schemas/common';
import type { Signal } from '../../shared/schemas/signal';
import { decodeCursor, getItem, listEvidence, listItems, toBacklogItem } from '../db/items';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../errors';
import { requireRole, tokenCaller } from '../middleware/auth';
import { validate } from '../middleware/validate';

const IdParamSchema = z.strictObject({ id: ServerIdSchema });

export const backlog = new Hono<AppEnv>()
	.use(requireRole('manager'))
	.get('/', validate('query', BacklogQuerySchema), async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		const query = c.req.valid('query');
		const cursor = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
		if (query.cursor && !cursor) {
			throw new ApiError('invalid_request', 'The query is not valid.', { issues: [{ path: 'cursor', message: 'not a cursor of this sort' }] });
		}
		const { rows, nextCursor } = await listItems(c.env.DB, workspaceId, query, cursor);
		const now = Date.now();
		return c.json({ items: rows.map((row) => toBacklogItem(row, now)), nextCursor }, 200);
	})
	.get('/:id', validate('param', IdParamSchema), async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		const row = await getItem(c.env.DB, workspaceId, c.req.valid('param').id);
		if (!row) throw notFound('backlog item');
		const evidence = (await listEvidence(c.env.DB, workspaceId, row.id, MAX_EVIDENCE)) as Signal[];
		return c.json({ item: toBacklogItem(row, Date.now()), evidence }, 200);
	});
