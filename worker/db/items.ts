import type { BacklogItem, BacklogQuery } from '../../shared/schemas/backlog';
import { scoreAt } from '../services/score';

export interface ItemRow {
	id: string;
	kind: BacklogItem['kind'];
	title: string;
	status: BacklogItem['status'];
	owner: string | null;
	note: string | null;
	rank: number;
	signal_count: number;
	reporter_count: number;
	first_seen: string;
	last_seen: string;
	route: string | null;
	selector: string | null;
	tags: string;
	status_changed_at: string | null;
	glpi_itemtype: 'Problem' | 'Change' | null;
	glpi_id: number | null;
	glpi_url: string | null;
}

const ITEM_COLUMNS = `id, kind, title, status, owner, note, rank, signal_count, reporter_count, first_seen, last_seen,
	route, selector, tags, status_changed_at, glpi_itemtype, glpi_id, glpi_url`;

export function toBacklogItem(row: ItemRow, nowMs: number): BacklogItem {
	const item: BacklogItem = {
		id: row.id,
		title: row.title,
		kind: row.kind,
		status: row.status,
		score: scoreAt(row.rank, nowMs),
		signalCount: row.signal_count,
		reporterCount: row.reporter_count,
		firstSeen: row.first_seen,
		lastSeen: row.last_seen,
		tags: JSON.parse(row.tags) as string[],
	};
	if (row.owner) item.owner = row.owner;
	if (row.note) item.note = row.note;
	if (row.route) item.route = row.route;
	if (row.selector) item.selector = row.selector;
	if (row.status_changed_at) item.statusChangedAt = row.status_changed_at;
	if (row.glpi_itemtype && row.glpi_id && row.glpi_url) {
		item.glpi = { itemtype: row.glpi_itemtype, id: row.glpi_id, url: row.glpi_url };
	}
	return item;
}

interface Cursor {
	/** rank (sort=score) or last_seen (sort=recent) of the last row returned. */
	v: number | string;
	id: string;
}

export const encodeCursor = (cursor: Cursor) => btoa(JSON.stringify(cursor)).replace(/=+$/, '');

export function decodeCursor(text: string, sort: BacklogQuery['sort']): Cursor | undefined {
	try {
		const value = JSON.parse(atob(text)) as Partial<Cursor>;
		const valueOk = sort === 'score' ? typeof value.v === 'number' : typeof value.v === 'string';
		return valueOk && typeof value.id === 'string' ? (value as Cursor) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * One page of the backlog, in index order: (workspace, merged_into, rank) for score and (…, last_seen) for recency;
 * the cursor is the last row's sort value and id, so a page never re-reads what came before it.
 */
export async function listItems(db: D1Database, workspaceId: string, query: BacklogQuery, cursor: Cursor | undefined) {
	const column = query.sort === 'score' ? 'rank' : 'last_seen';
	const where = ['workspace_id = ?1', 'merged_into IS NULL'];
	const params: unknown[] = [workspaceId];
	const param = (value: unknown) => {
		params.push(value);
		return `?${params.length}`;
	};
	if (query.status) where.push(`status IN (SELECT value FROM json_each(${param(JSON.stringify(query.status))}))`);
	if (query.kind) where.push(`kind IN (SELECT value FROM json_each(${param(JSON.stringify(query.kind))}))`);
	if (query.route) where.push(`route = ${param(query.route)}`);
	if (query.q) where.push(`instr(search_text, ${param(query.q.toLowerCase())}) > 0`);
	if (cursor) {
		const v = param(cursor.v);
		where.push(`(${column} < ${v} OR (${column} = ${v} AND id < ${param(cursor.id)}))`);
	}
	const sql = `SELECT ${ITEM_COLUMNS} FROM items WHERE ${where.join(' AND ')}
		ORDER BY ${column} DESC, id DESC LIMIT ${param(query.limit + 1)}`;
	const { results } = await db.prepare(sql).bind(...params).all<ItemRow>();
	const page = results.slice(0, query.limit);
	const last = page.at(-1);
	const nextCursor = results.length > query.limit && last ? encodeCursor({ v: query.sort === 'score' ? last.rank : last.last_seen, id: last.id }) : null;
	return { rows: page, nextCursor };
}

export const getItem = (db: D1Database, workspaceId: string, id: string) =>
	db.prepare(`SELECT ${ITEM_COLUMNS}, merged_into FROM items WHERE workspace_id = ?1 AND id = ?2`).bind(workspaceId, id).first<ItemRow & { merged_into: string | null }>();

/** The newest signals of an item and of every item merged into it. */
export async function listEvidence(db: D1Database, workspaceId: string, itemId: string, limit: number) {
	const { results } = await db
		.prepare(
			`SELECT body FROM signals WHERE workspace_id = ?1 AND item_id IN (
				SELECT ?2 UNION SELECT id FROM items WHERE workspace_id = ?1 AND merged_into = ?2)
			ORDER BY received_at DESC, created_at DESC LIMIT ?3`,
		)
		.bind(workspaceId, itemId, limit)
		.all<{ body: string }>();
	return results.map((row) => JSON.parse(row.body) as unknown);
}
