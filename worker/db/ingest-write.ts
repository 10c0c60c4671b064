import type { PlannedItem, PlannedSignal } from '../services/ingest-plan';
import { NEW_ITEM_RANK, addRanksSql } from '../services/score';
import { newId } from '../services/tokens';
import { weekSql } from '../services/weeks';

const MAX_ITEM_TAGS = 20;

/**
 * The rows this request inserted, found by primary key from the batch's ids (?2) and checked against its batch id
 * (?3). Written as `id IN (…)` so that SQLite seeks each id; a join on json_each would let it scan the workspace.
 */
const INSERTED = 'signals s WHERE s.workspace_id = ?1 AND s.id IN (SELECT value FROM json_each(?2)) AND s.batch_id = ?3';

/** The SQL of the write batch, in order, exported for the query-plan test. */
export const INGEST_SQL = {
	// The item is re-read at insert time: if a merge moved it since the read batch, its signals go to the target.
	signals: `INSERT INTO signals (workspace_id, id, kind, created_at, received_at, reporter, route, page_kind, body, item_id, batch_id, term)
		SELECT ?1, j.value ->> '$.id', j.value ->> '$.kind', j.value ->> '$.at', ?2, j.value ->> '$.reporter',
			j.value ->> '$.route', j.value ->> '$.pageKind', j.value -> '$.signal',
			coalesce((SELECT i.merged_into FROM items i WHERE i.id = j.value ->> '$.itemId'), j.value ->> '$.itemId'),
			?3, j.value ->> '$.term'
		FROM json_each(?4) j
		WHERE true
		ON CONFLICT (workspace_id, id) DO NOTHING`,
	// A reporter new to the item: its first signal in this batch is flagged (the batch is one transaction, so two
	// requests never both see the reporter as new).
	newReporters: `UPDATE signals SET new_reporter = 1 WHERE workspace_id = ?1 AND id IN (
		SELECT min(s.id) FROM ${INSERTED} AND s.reporter IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM item_reporters r WHERE r.item_id = s.item_id AND r.reporter = s.reporter)
		GROUP BY s.item_id, s.reporter)`,
	// New items exist only if one of their signals landed (a racing replay may have stored them elsewhere).
	// last_seen starts below any date and first_seen at the receive time: the UPDATE below sets both.
	items: `INSERT INTO items (id, workspace_id, kind, title, rank, first_seen, last_seen, route, page_kind, selector, signature, search_text)
		SELECT j.value ->> '$.id', ?1, j.value ->> '$.kind', j.value ->> '$.title', ?2, ?3, '',
			j.value ->> '$.route', j.value ->> '$.pageKind', j.value ->> '$.selector', j.value ->> '$.signature', j.value ->> '$.searchText'
		FROM json_each(?4) j
		WHERE EXISTS (SELECT 1 FROM signals s WHERE s.item_id = j.value ->> '$.id')`,
	keys: `INSERT OR IGNORE INTO item_keys (workspace_id, key, item_id)
		SELECT ?1, j.value ->> '$.key', j.value ->> '$.itemId' FROM json_each(?2) j
		WHERE EXISTS (SELECT 1 FROM items i WHERE i.id = j.value ->> '$.itemId')`,
	reporters: `INSERT OR IGNORE INTO item_reporters (item_id, reporter) SELECT s.item_id, s.reporter FROM ${INSERTED} AND s.new_reporter = 1`,
	weeks: `INSERT INTO item_weeks (item_id, week, n)
		SELECT s.item_id, ${weekSql('s.created_at')} AS week, COUNT(*) FROM ${INSERTED} GROUP BY s.item_id, week
		ON CONFLICT (item_id, week) DO UPDATE SET n = n + excluded.n`,
	days: `INSERT INTO daily_counts (workspace_id, day, route, kind, n)
		SELECT ?1, substr(s.created_at, 1, 10) AS day, s.route, s.kind, COUNT(*) FROM ${INSERTED} GROUP BY day, s.route, s.kind
		ON CONFLICT (workspace_id, day, route, kind) DO UPDATE SET n = n + excluded.n`,
	// The batch's terms are summed in the linear domain against one offset (?4, the largest term), then added to the
	// stored rank in the log domain; a sum that underflows to 0 changes nothing. Items are found by primary key
	// (+workspace_id keeps SQLite from walking the workspace's items by index instead).
	update: `UPDATE items SET
			signal_count = signal_count + d.n,
			reporter_count = reporter_count + d.reporters,
			rank = CASE WHEN d.delta IS NULL THEN items.rank ELSE ${addRanksSql('items.rank', 'd.delta')} END,
			first_seen = min(first_seen, d.first_at),
			last_seen = max(last_seen, d.last_at),
			tags = CASE WHEN t.value IS NULL THEN items.tags ELSE (
				SELECT json_group_array(value) FROM (
					SELECT value FROM json_each(items.tags)
					UNION ALL SELECT value FROM json_each(t.value -> '$.tags') WHERE value NOT IN (SELECT value FROM json_each(items.tags))
					LIMIT ${MAX_ITEM_TAGS})) END
		FROM (
			SELECT s.item_id, COUNT(*) AS n, SUM(s.new_reporter) AS reporters,
				log2(sum(pow(2, s.term + s.new_reporter - ?4))) + ?4 AS delta,
				min(s.created_at) AS first_at, max(s.created_at) AS last_at
			FROM ${INSERTED} GROUP BY s.item_id
		) AS d
		LEFT JOIN json_each(?5) t ON t.value ->> '$.id' = d.item_id
		WHERE items.id = d.item_id AND +items.workspace_id = ?1`,
};

export interface WritePlan {
	workspaceId: string;
	receivedAt: string;
	items: PlannedItem[];
	stored: PlannedSignal[];
}

/**
 * The write batch of an ingest. Every counter (signals, reporters, weeks, days) and the rank move by the rows this
 * request's insert really added (batch_id), in SQL, so a replay racing its original never counts twice and two
 * requests adding to one item at once both count.
 */
export function writeStatements(db: D1Database, { workspaceId, receivedAt, items, stored }: WritePlan) {
	const batchId = newId();
	const ids = JSON.stringify(stored.map((row) => row.signal.id));
	const offset = Math.max(...stored.map((row) => row.term)) + 1;
	const inserted = (sql: string, ...more: unknown[]) => db.prepare(sql).bind(workspaceId, ids, batchId, ...more);
	const rows = stored.map(({ signal, itemId, at, term }) => ({
		id: signal.id,
		kind: signal.kind,
		at,
		reporter: signal.reporter ?? null,
		route: signal.page.route,
		pageKind: signal.page.kind,
		signal,
		itemId,
		term,
	}));
	const newItems = items
		.filter((item) => item.isNew)
		.map(({ id, kind, title, route, pageKind, selector, signature, searchText }) => ({ id, kind, title, route, pageKind, selector, signature, searchText }));
	const keys = items.flatMap((item) => [...item.newKeys].map((key) => ({ key, itemId: item.id })));
	const tags = items.filter((item) => item.tags.size > 0).map((item) => ({ id: item.id, tags: [...item.tags] }));
	return [
		db.prepare(INGEST_SQL.signals).bind(workspaceId, receivedAt, batchId, JSON.stringify(rows)),
		inserted(INGEST_SQL.newReporters),
		db.prepare(INGEST_SQL.items).bind(workspaceId, NEW_ITEM_RANK, receivedAt, JSON.stringify(newItems)),
		db.prepare(INGEST_SQL.keys).bind(workspaceId, JSON.stringify(keys)),
		inserted(INGEST_SQL.reporters),
		inserted(INGEST_SQL.weeks),
		inserted(INGEST_SQL.days),
		inserted(INGEST_SQL.update, offset, JSON.stringify(tags)),
	];
}
