import { REPORTER_BURST_LIMIT, REPORTER_BURST_WINDOW_MINUTES } from '../../shared/limits';
import type { PlannedItem, PlannedSignal } from '../services/ingest-plan';
import { jsonChunks } from '../services/json-chunks';
import { NEW_ITEM_RANK, addRanksSql } from '../services/score';
import { newId } from '../services/tokens';
import { weekSql } from '../services/weeks';

const MAX_ITEM_TAGS = 20;

/**
 * The rows this request inserted, found by primary key from the batch's ids (?2) and checked against its batch id
 * (?3). Written as `id IN (…)` so that SQLite seeks each id; a join on json_each would let it scan the workspace.
 */
const INSERTED = 'signals s WHERE s.workspace_id = ?1 AND s.id IN (SELECT value FROM json_each(?2)) AND s.batch_id = ?3';

/** New reporters the calling token (?5) already brought to the item (`item`) since the window's start (?6). */
const broughtByToken = (item: string) =>
	`(SELECT COUNT(*) FROM item_reporters r WHERE r.item_id = ${item} AND r.token_id = ?5 AND r.held = 0 AND r.added_at >= ?6)`;

/** The SQL of the write batch, in order, exported for the query-plan test. */
export const INGEST_SQL = {
	// The item is re-read at insert time: if a merge moved it since the read batch, its signals go to the target. A
	// signal planned into an item this request creates joins instead the item that a concurrent request created
	// meanwhile on one of its identity keys (`claim`): D1 runs write batches one at a time, so the later of two
	// racing requests sees the earlier one's keys here, and ten concurrent frictions make one item (issue 15).
	signals: `INSERT INTO signals (workspace_id, id, kind, created_at, received_at, reporter, route, page_kind, body, item_id, batch_id, term, token_id)
		SELECT ?1, j.value ->> '$.id', j.value ->> '$.kind', j.value ->> '$.at', ?2, j.value ->> '$.reporter',
			j.value ->> '$.route', j.value ->> '$.pageKind', j.value -> '$.signal',
			coalesce(
				(SELECT coalesce(i.merged_into, i.id) FROM item_keys k JOIN items i ON i.id = k.item_id
					WHERE k.workspace_id = ?1 AND k.key IN (SELECT value FROM json_each(j.value -> '$.claim'))
					ORDER BY i.rank DESC LIMIT 1),
				(SELECT i.merged_into FROM items i WHERE i.id = j.value ->> '$.itemId'),
				j.value ->> '$.itemId'),
			?3, j.value ->> '$.term', ?5
		FROM json_each(?4) j
		WHERE true
		ON CONFLICT (workspace_id, id) DO NOTHING`,
	// A reporter new to the item: its first signal in this batch is flagged (the batch is one transaction, so two
	// requests never both see the reporter as new). One token brings at most REPORTER_BURST_LIMIT (?4) new reporters
	// to an item per window: the ones beyond are flagged as held back instead, and neither counted nor doubled.
	newReporters: `WITH fresh AS (
			SELECT min(s.rowid) AS rid, s.item_id, row_number() OVER (PARTITION BY s.item_id ORDER BY min(s.rowid)) AS n
			FROM ${INSERTED} AND s.reporter IS NOT NULL
				AND NOT EXISTS (SELECT 1 FROM item_reporters r WHERE r.item_id = s.item_id AND r.reporter = s.reporter AND r.held = 0)
			GROUP BY s.item_id, s.reporter)
		UPDATE signals SET
			new_reporter = fresh.n <= ?4 - ${broughtByToken('fresh.item_id')},
			held_reporter = fresh.n > ?4 - ${broughtByToken('fresh.item_id')}
		FROM fresh WHERE signals.rowid = fresh.rid`,
	// New items exist only if one of their signals landed (a racing request may have taken them elsewhere).
	// last_seen starts below any date and first_seen at the receive time: the UPDATE below sets both.
	items: `INSERT INTO items (id, workspace_id, kind, title, rank, first_seen, last_seen, route, page_kind, selector, signature, search_text, interface)
		SELECT j.value ->> '$.id', ?1, j.value ->> '$.kind', j.value ->> '$.title', ?2, ?3, '',
			j.value ->> '$.route', j.value ->> '$.pageKind', j.value ->> '$.selector', j.value ->> '$.signature', j.value ->> '$.searchText',
			j.value ->> '$.interface'
		FROM json_each(?4) j
		WHERE EXISTS (SELECT 1 FROM signals s WHERE s.item_id = j.value ->> '$.id')`,
	keys: `INSERT OR IGNORE INTO item_keys (workspace_id, key, item_id)
		SELECT ?1, j.value ->> '$.key', j.value ->> '$.itemId' FROM json_each(?2) j
		WHERE EXISTS (SELECT 1 FROM items i WHERE i.id = j.value ->> '$.itemId')`,
	// Held-back reporters are recorded as such; one that comes back after the burst is counted (held = 0).
	reporters: `INSERT INTO item_reporters (item_id, reporter, token_id, added_at, held)
		SELECT s.item_id, s.reporter, ?4, ?5, s.held_reporter FROM ${INSERTED} AND (s.new_reporter = 1 OR s.held_reporter = 1)
		ON CONFLICT (item_id, reporter) DO UPDATE SET held = 0, token_id = excluded.token_id, added_at = excluded.added_at WHERE excluded.held = 0`,
	weeks: `INSERT INTO item_weeks (item_id, week, n)
		SELECT s.item_id, ${weekSql('s.created_at')} AS week, COUNT(*) FROM ${INSERTED} GROUP BY s.item_id, week
		ON CONFLICT (item_id, week) DO UPDATE SET n = n + excluded.n`,
	days: `INSERT INTO daily_counts (workspace_id, day, route, kind, n)
		SELECT ?1, substr(s.created_at, 1, 10) AS day, s.route, s.kind, COUNT(*) FROM ${INSERTED} GROUP BY day, s.route, s.kind
		ON CONFLICT (workspace_id, day, route, kind) DO UPDATE SET n = n + excluded.n`,
	// The batch's terms are summed in the linear domain against one offset (?4, the largest term), then added to the
	// stored rank in the log domain; a sum that underflows to 0 changes nothing. Items are found by primary key
	// (+workspace_id keeps SQLite from walking the workspace's items by index instead). Tags come from the rows
	// inserted, so a signal that joined another request's item brings its tags there.
	update: `UPDATE items SET
			signal_count = signal_count + d.n,
			reporter_count = reporter_count + d.reporters,
			burst_reporters = CASE WHEN d.held = 0 AND d.reporters = 0 THEN items.burst_reporters
				ELSE (SELECT COUNT(*) FROM item_reporters r WHERE r.item_id = items.id AND r.held = 1) END,
			rank = CASE WHEN d.delta IS NULL THEN items.rank ELSE ${addRanksSql('items.rank', 'd.delta')} END,
			first_seen = min(first_seen, d.first_at),
			last_seen = max(last_seen, d.last_at),
			tags = (SELECT json_group_array(value) FROM (
				SELECT value FROM json_each(items.tags)
				UNION ALL SELECT value FROM (
					SELECT DISTINCT t.value FROM signals n, json_each(n.body -> '$.tags') t
					WHERE n.workspace_id = ?1 AND n.id IN (SELECT value FROM json_each(?2)) AND n.batch_id = ?3 AND n.item_id = items.id
						AND t.value NOT IN (SELECT value FROM json_each(items.tags)))
				LIMIT ${MAX_ITEM_TAGS}))
		FROM (
			SELECT s.item_id, COUNT(*) AS n, SUM(s.new_reporter) AS reporters, SUM(s.held_reporter) AS held,
				log2(sum(pow(2, s.term + s.new_reporter - ?4))) + ?4 AS delta,
				min(s.created_at) AS first_at, max(s.created_at) AS last_at
			FROM ${INSERTED} GROUP BY s.item_id
		) AS d
		WHERE items.id = d.item_id AND +items.workspace_id = ?1`,
	// What this request's insert really added: a concurrent request may have stored some of the same ids first.
	accepted: `SELECT s.id FROM ${INSERTED}`,
};

export interface WritePlan {
	workspaceId: string;
	tokenId: string;
	receivedAt: string;
	items: PlannedItem[];
	stored: PlannedSignal[];
}

/**
 * The write batch of an ingest; its last statement answers the ids this request inserted. Every counter (signals,
 * reporters, weeks, days) and the rank move by the rows this request's insert really added (batch_id), in SQL, so a
 * replay racing its original never counts twice and two requests adding to one item at once both count. Rows and
 * keys are bound in chunks (services/json-chunks.ts): the largest batch the schemas allow fits no single bind.
 */
export function writeStatements(db: D1Database, { workspaceId, tokenId, receivedAt, items, stored }: WritePlan) {
	const batchId = newId();
	const ids = JSON.stringify(stored.map((row) => row.signal.id));
	const offset = Math.max(...stored.map((row) => row.term)) + 1;
	const windowStart = new Date(Date.parse(receivedAt) - REPORTER_BURST_WINDOW_MINUTES * 60_000).toISOString();
	const inserted = (sql: string, ...more: unknown[]) => db.prepare(sql).bind(workspaceId, ids, batchId, ...more);
	const rows = stored.map(({ signal, itemId, claim, at, term }) => ({
		id: signal.id,
		kind: signal.kind,
		at,
		reporter: signal.reporter ?? null,
		route: signal.page.route,
		pageKind: signal.page.kind,
		signal,
		itemId,
		claim,
		term,
	}));
	const newItems = items
		.filter((item) => item.isNew)
		.map(({ id, kind, title, route, pageKind, selector, signature, searchText, interface: ui }) => ({ id, kind, title, route, pageKind, selector, signature, searchText, interface: ui }));
	const keys = items.flatMap((item) => [...item.newKeys].map((key) => ({ key, itemId: item.id })));
	return [
		...jsonChunks(rows).map((chunk) => db.prepare(INGEST_SQL.signals).bind(workspaceId, receivedAt, batchId, chunk, tokenId)),
		inserted(INGEST_SQL.newReporters, REPORTER_BURST_LIMIT, tokenId, windowStart),
		...jsonChunks(newItems).map((chunk) => db.prepare(INGEST_SQL.items).bind(workspaceId, NEW_ITEM_RANK, receivedAt, chunk)),
		...(keys.length > 0 ? jsonChunks(keys).map((chunk) => db.prepare(INGEST_SQL.keys).bind(workspaceId, chunk)) : []),
		inserted(INGEST_SQL.reporters, tokenId, receivedAt),
		inserted(INGEST_SQL.weeks),
		inserted(INGEST_SQL.days),
		inserted(INGEST_SQL.update, offset),
		inserted(INGEST_SQL.accepted),
	];
}
