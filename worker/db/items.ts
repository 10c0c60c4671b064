import { SPARKLINE_WEEKS } from '../../shared/limits';
import type { BacklogItem } from '../../shared/schemas/backlog';
import type { Signal } from '../../shared/schemas/signal';
import { scoreAt } from '../services/score';
import { sparkline, weekOf } from '../services/weeks';

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
	burst_reporters: number;
	first_seen: string;
	last_seen: string;
	route: string | null;
	selector: string | null;
	tags: string;
	status_changed_at: string | null;
	glpi_itemtype: 'Problem' | 'Change' | null;
	glpi_id: number | null;
	glpi_url: string | null;
	merged_into: string | null;
	/** JSON [[week, n], …] of the sparkline's weeks (the correlated subquery of itemColumns). */
	weeks: string | null;
}

/**
 * The columns of a backlog item, with its sparkline's weeks read from item_weeks by primary key; `firstWeek` is the
 * placeholder the query binds to firstSparklineWeek(now).
 */
export const itemColumns = (firstWeek: string) => `id, kind, title, status, owner, note, rank, signal_count, reporter_count, burst_reporters,
	first_seen, last_seen, route, selector, tags, status_changed_at, glpi_itemtype, glpi_id, glpi_url, merged_into,
	(SELECT json_group_array(json_array(w.week, w.n)) FROM item_weeks w WHERE w.item_id = items.id AND w.week >= ${firstWeek}) AS weeks`;

/** The first week of the sparkline at `nowMs`. */
export const firstSparklineWeek = (nowMs: number) => weekOf(nowMs) - SPARKLINE_WEEKS + 1;

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
		weekly: sparkline(row.weeks ? (JSON.parse(row.weeks) as [number, number][]) : [], nowMs),
	};
	if (row.burst_reporters > 0) item.burstReporters = row.burst_reporters;
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

/**
 * SQL of the ids of an item of the workspace and of the items merged into it: signals are reached through these ids,
 * which the items table has checked against the workspace.
 */
export const itemAndSources = (workspace: string, item: string) =>
	`SELECT id FROM items WHERE workspace_id = ${workspace} AND id = ${item} UNION ALL SELECT id FROM items WHERE workspace_id = ${workspace} AND merged_into = ${item}`;

/** One item of the workspace, merged or not; null when it does not exist there (another workspace's id included). */
export const getItem = (db: D1Database, workspaceId: string, id: string, nowMs: number) =>
	getItemStatement(db, workspaceId, id, nowMs).first<ItemRow>();

export const getItemStatement = (db: D1Database, workspaceId: string, id: string, nowMs: number) =>
	db
		.prepare(`SELECT ${itemColumns('?3')} FROM items WHERE workspace_id = ?1 AND id = ?2`)
		.bind(workspaceId, id, firstSparklineWeek(nowMs));

/** The SQL of evidenceStatement, exported for the query-plan test. */
export const EVIDENCE_SQL = `SELECT s.body FROM (
		SELECT rowid AS rid, created_at FROM signals
		WHERE item_id IN (${itemAndSources('?1', '?2')})
		ORDER BY created_at DESC, rowid DESC LIMIT ?3
	) AS newest
	CROSS JOIN signals s ON s.rowid = newest.rid AND +s.workspace_id = ?1
	ORDER BY newest.created_at DESC, newest.rid DESC`;

/**
 * The newest signals of an item and of every item merged into it; parse its rows with evidenceOf. The newest are
 * picked from the (item_id, created_at) index alone and only their bodies are read, so a large item costs index
 * entries, not bodies. Scoped by workspace through the items, so another workspace's id reads nothing. (CROSS JOIN
 * and the unary + keep SQLite from walking the workspace's signals instead of fetching these rows by rowid.)
 */
export const evidenceStatement = (db: D1Database, workspaceId: string, itemId: string, limit: number) =>
	db.prepare(EVIDENCE_SQL).bind(workspaceId, itemId, limit);

/** Signals as stored: the validated JSON of POST /v1/signals, unchanged. */
export const evidenceOf = (rows: readonly unknown[]) => rows.map((row) => JSON.parse((row as { body: string }).body) as Signal);
