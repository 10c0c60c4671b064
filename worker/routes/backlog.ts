import { Hono } from 'hono';
import { MAX_AUDIT, MAX_EVIDENCE } from '../../shared/limits';
import { BacklogPatchSchema, BacklogQuerySchema, type BacklogDetail, ItemIdParamSchema, MergeSchema } from '../../shared/schemas/backlog';
import { type AuditRow, auditStatement, toAuditEntry } from '../db/audit';
import { decodeCursor, listItems } from '../db/backlog-list';
import { type ItemRow, evidenceOf, evidenceStatement, getItem, getItemStatement, toBacklogItem } from '../db/items';
import { mergeItems } from '../db/merge';
import { patchItem } from '../db/triage';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../errors';
import { requireRole, tokenCaller } from '../middleware/auth';
import { validate } from '../middleware/validate';

const mergedConflict = (row: ItemRow) => new ApiError('conflict', `Item ${row.id} was merged into ${row.merged_into}; change that item instead.`);

/** The manager's backlog: the ranked list, one item with its evidence and audit, triage and merge. */
export const backlog = new Hono<AppEnv>()
	.use(requireRole('manager'))
	.get('/', validate('query', BacklogQuerySchema), async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		const query = c.req.valid('query');
		const cursor = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
		if (query.cursor && !cursor) {
			throw new ApiError('invalid_request', 'The query is not valid.', { issues: [{ path: 'cursor', message: 'not a cursor of this sort' }] });
		}
		const now = Date.now();
		const { rows, nextCursor } = await listItems(c.env.DB, workspaceId, query, cursor, now);
		return c.json({ items: rows.map((row) => toBacklogItem(row, now)), nextCursor }, 200);
	})
	.get('/:id', validate('param', ItemIdParamSchema), async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		const id = c.req.valid('param').id;
		const now = Date.now();
		// One round trip; each statement is scoped by workspace, so another workspace's id reads nothing.
		const [item, evidence, audit] = await c.env.DB.batch([
			getItemStatement(c.env.DB, workspaceId, id, now),
			evidenceStatement(c.env.DB, workspaceId, id, MAX_EVIDENCE),
			auditStatement(c.env.DB, workspaceId, id, MAX_AUDIT),
		]);
		const row = item?.results[0] as ItemRow | undefined;
		if (!row) throw notFound('backlog item');
		const body: BacklogDetail = {
			item: toBacklogItem(row, now),
			evidence: evidenceOf(evidence?.results ?? []),
			audit: ((audit?.results ?? []) as AuditRow[]).map(toAuditEntry),
		};
		if (row.merged_into) body.mergedInto = row.merged_into;
		return c.json(body, 200);
	})
	.patch('/:id', validate('param', ItemIdParamSchema), validate('json', BacklogPatchSchema), async (c) => {
		const caller = tokenCaller(c.var.caller);
		const now = new Date();
		const current = await getItem(c.env.DB, caller.workspaceId, c.req.valid('param').id, now.getTime());
		if (!current) throw notFound('backlog item');
		if (current.merged_into) throw mergedConflict(current);
		const row = await patchItem(c.env.DB, caller.workspaceId, current, c.req.valid('json'), { tokenId: caller.tokenId, label: caller.label }, now);
		if (!row) throw new ApiError('conflict', 'The item was merged while this change was on its way; reload it.');
		return c.json({ item: toBacklogItem(row, now.getTime()) }, 200);
	})
	.post('/:id/merge', validate('param', ItemIdParamSchema), validate('json', MergeSchema), async (c) => {
		const caller = tokenCaller(c.var.caller);
		const sourceId = c.req.valid('param').id;
		const targetId = c.req.valid('json').into;
		const now = new Date();
		const [source, target] = await Promise.all([
			getItem(c.env.DB, caller.workspaceId, sourceId, now.getTime()),
			getItem(c.env.DB, caller.workspaceId, targetId, now.getTime()),
		]);
		if (!source) throw notFound('backlog item');
		if (!target) throw notFound('target item');
		if (source.id === target.id) throw new ApiError('conflict', 'An item cannot be merged into itself.');
		if (source.merged_into) throw mergedConflict(source);
		if (target.merged_into) throw mergedConflict(target);
		const row = await mergeItems(c.env.DB, caller.workspaceId, source.id, target.id, { tokenId: caller.tokenId, label: caller.label }, now);
		if (!row) throw new ApiError('conflict', 'One of the items was merged meanwhile; reload them.');
		return c.json({ item: toBacklogItem(row, now.getTime()) }, 200);
	});
