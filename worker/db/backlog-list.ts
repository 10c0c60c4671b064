import type { BacklogQuery } from '../../shared/schemas/backlog';
import { foldQuery } from '../services/search';
import { type ItemRow, firstSparklineWeek, itemColumns } from './items';

export interface Cursor {
	/** rank (sort=score) or last_seen (sort=recent) of the last row returned. */
	v: number | string;
	id: string;
}

export const encodeCursor = (cursor: Cursor) => btoa(JSON.stringify(cursor)).replace(/=+$/, '');

export function decodeCursor(text: string, sort: BacklogQuery['sort']): Cursor | undefined {
	try {
		const value: unknown = JSON.parse(atob(text));
		if (typeof value !== 'object' || value === null) return undefined;
		const { v, id } = value as Record<string, unknown>;
		const valueOk = sort === 'score' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string';
		return valueOk && typeof id === 'string' ? { v: v as number | string, id } : undefined;
	} catch {
		return undefined;
	}
}

type Filters = Pick<BacklogQuery, 'status' | 'kind' | 'route' | 'q' | 'sort'>;

/**
 * The backlog's rows in index order: (workspace, merged_into, rank) for score, (…, last_seen) for recency, and
 * (workspace, route, merged_into, rank) when a route is given. The cursor is the last row's sort value and id, so a
 * page never re-reads what came before it. `q` is the one filter that reads every item of the workspace (items,
 * never signals).
 */
async function selectItems(db: D1Database, workspaceId: string, filters: Filters, limit: number, cursor: Cursor | undefined, nowMs: number) {
	const params: unknown[] = [workspaceId, firstSparklineWeek(nowMs)];
	const param = (value: unknown) => {
		params.push(value);
		return `?${params.length}`;
	};
	const column = filters.sort === 'score' ? 'rank' : 'last_seen';
	const where = ['workspace_id = ?1', 'merged_into IS NULL'];
	if (filters.status) where.push(`status IN (SELECT value FROM json_each(${param(JSON.stringify(filters.status))}))`);
	if (filters.kind) where.push(`kind IN (SELECT value FROM json_each(${param(JSON.stringify(filters.kind))}))`);
	if (filters.route) where.push(`route = ${param(filters.route)}`);
	if (filters.q) {
		const q = param(foldQuery(filters.q));
		where.push(`(instr(search_text, ${q}) > 0 OR instr(tags, ${q}) > 0)`);
	}
	if (cursor) {
		const v = param(cursor.v);
		where.push(`(${column} < ${v} OR (${column} = ${v} AND id < ${param(cursor.id)}))`);
	}
	const sql = `SELECT ${itemColumns('?2')} FROM items WHERE ${where.join(' AND ')}
		ORDER BY ${column} DESC, id DESC LIMIT ${param(limit)}`;
	const { results } = await db.prepare(sql).bind(...params).all<ItemRow>();
	return results;
}

/** One page of GET /v1/backlog. */
export async function listItems(db: D1Database, workspaceId: string, query: BacklogQuery, cursor: Cursor | undefined, nowMs: number) {
	const results = await selectItems(db, workspaceId, query, query.limit + 1, cursor, nowMs);
	const page = results.slice(0, query.limit);
	const last = page.at(-1);
	const nextCursor = results.length > query.limit && last ? encodeCursor({ v: query.sort === 'score' ? last.rank : last.last_seen, id: last.id }) : null;
	return { rows: page, nextCursor };
}

/** Every row of GET /v1/backlog.csv, up to `limit`. */
export const exportItems = (db: D1Database, workspaceId: string, filters: Filters, limit: number, nowMs: number) =>
	selectItems(db, workspaceId, filters, limit, undefined, nowMs);
