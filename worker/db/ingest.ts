import type { Signal } from '../../shared/schemas/signal';
import { signatureFromHex } from '../../shared/text/minhash';
import { type Candidate, keysOf } from '../services/aggregate';
import { type PlannedItem, type PlannedSignal, planIngest } from '../services/ingest-plan';
import { NEW_ITEM_RANK, addRanksSql } from '../services/score';
import { newId } from '../services/tokens';
import { weekSql } from '../services/weeks';

const MAX_ITEM_TAGS = 20;
/** Signals dated more than a year back count from a year back: their rank terms stay within range of each other. */
const MAX_AGE_MS = 365 * 86_400_000;

/**
 * Stores a batch of signals and folds each into its backlog item, idempotently on (workspace, signal id).
 *
 * One read batch finds the known ids, the candidate items through their lookup keys and which reporters those items
 * already have; services/ingest-plan.ts decides each signal's item in memory; one write batch, atomic in D1, stores
 * everything in seven statements that read their rows from JSON arrays (json_each), whatever the batch size.
 * Every counter (signals, reporters, weeks, days) and the rank move by the rows this request's insert really added
 * (batch_id), in SQL, so a replay racing its original never counts twice and two requests adding to one item at once
 * both count.
 */
export async function ingestSignals(db: D1Database, workspaceId: string, signals: readonly Signal[], now: Date) {
	const receivedAt = now.toISOString();
	const oldest = new Date(now.getTime() - MAX_AGE_MS).toISOString();
	const seen = new Set<string>();
	const unique: Signal[] = [];
	const duplicates: string[] = [];
	for (const signal of signals) {
		if (seen.has(signal.id)) duplicates.push(signal.id);
		else {
			seen.add(signal.id);
			unique.push(signal);
		}
	}
	const keyed = unique.map((signal) => ({
		signal: signal.createdAt < oldest ? { ...signal, createdAt: oldest } : signal,
		original: signal,
		keys: keysOf(signal),
	}));
	const state = await readState(db, workspaceId, keyed);
	const plan = planIngest(keyed, state, receivedAt);
	duplicates.push(...plan.duplicates);
	const originals = new Map(keyed.map((entry) => [entry.signal.id, entry.original]));
	const stored = plan.stored.map((row) => ({ ...row, signal: originals.get(row.signal.id) ?? row.signal }));
	if (stored.length > 0) await db.batch(writeStatements(db, workspaceId, receivedAt, plan.items, stored));
	return { accepted: stored.map((row) => row.signal.id), duplicates };
}

async function readState(db: D1Database, workspaceId: string, keyed: readonly { signal: Signal; keys: { keys: string[] } }[]) {
	const keys = JSON.stringify([...new Set(keyed.flatMap((entry) => entry.keys.keys))]);
	const reporters = JSON.stringify([...new Set(keyed.flatMap(({ signal }) => (signal.reporter ? [signal.reporter] : [])))]);
	const [known, keyRows, reporterRows] = await db.batch([
		db
			.prepare('SELECT id FROM signals WHERE workspace_id = ?1 AND id IN (SELECT value FROM json_each(?2))')
			.bind(workspaceId, JSON.stringify(keyed.map(({ signal }) => signal.id))),
		// A merged item answers for its target: the target's id and rank, the source's signature (its text).
		db
			.prepare(
				`SELECT k.key, target.id AS item_id, target.rank, source.signature
				FROM item_keys k
				JOIN items source ON source.id = k.item_id
				JOIN items target ON target.id = coalesce(source.merged_into, source.id)
				WHERE k.workspace_id = ?1 AND k.key IN (SELECT value FROM json_each(?2))`,
			)
			.bind(workspaceId, keys),
		db
			.prepare(
				`SELECT r.item_id, r.reporter FROM item_reporters r
				WHERE r.reporter IN (SELECT value FROM json_each(?3))
				AND r.item_id IN (
					SELECT coalesce(i.merged_into, i.id) FROM item_keys k JOIN items i ON i.id = k.item_id
					WHERE k.workspace_id = ?1 AND k.key IN (SELECT value FROM json_each(?2)))`,
			)
			.bind(workspaceId, keys, reporters),
	]);
	const candidatesByKey = new Map<string, Candidate[]>();
	for (const row of (keyRows?.results ?? []) as { key: string; item_id: string; rank: number; signature: string | null }[]) {
		const list = candidatesByKey.get(row.key) ?? [];
		list.push({ id: row.item_id, rank: row.rank, signature: row.signature ? signatureFromHex(row.signature) : null });
		candidatesByKey.set(row.key, list);
	}
	return {
		knownIds: new Set(((known?.results ?? []) as { id: string }[]).map((row) => row.id)),
		candidatesByKey,
		knownReporters: new Set(((reporterRows?.results ?? []) as { item_id: string; reporter: string }[]).map((row) => `${row.item_id}|${row.reporter}`)),
	};
}

/** The rows this request inserted: `s` joined from the batch's ids (?2), checked against its batch id (?3). */
const INSERTED = 'json_each(?2) j JOIN signals s ON s.workspace_id = ?1 AND s.id = j.value AND s.batch_id = ?3';

function writeStatements(db: D1Database, workspaceId: string, receivedAt: string, items: PlannedItem[], stored: PlannedSignal[]) {
	const batchId = newId();
	const ids = JSON.stringify(stored.map((row) => row.signal.id));
	const offset = Math.max(...stored.map((row) => row.term));
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
	return [
		// The item is re-read at insert time: if a merge moved it since the read batch, its signals go to the target.
		db
			.prepare(
				`INSERT INTO signals (workspace_id, id, kind, created_at, received_at, reporter, route, page_kind, body, item_id, batch_id, term)
				SELECT ?1, j.value ->> '$.id', j.value ->> '$.kind', j.value ->> '$.at', ?2, j.value ->> '$.reporter',
					j.value ->> '$.route', j.value ->> '$.pageKind', j.value -> '$.signal',
					coalesce((SELECT i.merged_into FROM items i WHERE i.id = j.value ->> '$.itemId'), j.value ->> '$.itemId'),
					?3, j.value ->> '$.term'
				FROM json_each(?4) j
				WHERE true
				ON CONFLICT (workspace_id, id) DO NOTHING`,
			)
			.bind(workspaceId, receivedAt, batchId, JSON.stringify(rows)),
		// New items exist only if one of their signals landed (a racing replay may have stored them elsewhere).
		// last_seen starts below any date and first_seen above the batch's: the UPDATE below sets both.
		db
			.prepare(
				`INSERT INTO items (id, workspace_id, kind, title, rank, first_seen, last_seen, route, page_kind, selector, signature, search_text)
				SELECT j.value ->> '$.id', ?1, j.value ->> '$.kind', j.value ->> '$.title', ?2, ?3, '',
					j.value ->> '$.route', j.value ->> '$.pageKind', j.value ->> '$.selector', j.value ->> '$.signature', j.value ->> '$.searchText'
				FROM json_each(?4) j
				WHERE EXISTS (SELECT 1 FROM signals s WHERE s.item_id = j.value ->> '$.id')`,
			)
			.bind(workspaceId, NEW_ITEM_RANK, receivedAt, JSON.stringify(newItems)),
		db
			.prepare(
				`INSERT OR IGNORE INTO item_keys (workspace_id, key, item_id)
				SELECT ?1, j.value ->> '$.key', j.value ->> '$.itemId' FROM json_each(?2) j
				WHERE EXISTS (SELECT 1 FROM items i WHERE i.id = j.value ->> '$.itemId')`,
			)
			.bind(workspaceId, JSON.stringify(items.flatMap((item) => [...item.newKeys].map((key) => ({ key, itemId: item.id }))))),
		inserted(`INSERT OR IGNORE INTO item_reporters (item_id, reporter) SELECT s.item_id, s.reporter FROM ${INSERTED} WHERE s.reporter IS NOT NULL`),
		inserted(
			`INSERT INTO item_weeks (item_id, week, n)
			SELECT s.item_id, ${weekSql('s.created_at')} AS week, COUNT(*) FROM ${INSERTED} WHERE true GROUP BY s.item_id, week
			ON CONFLICT (item_id, week) DO UPDATE SET n = n + excluded.n`,
		),
		inserted(
			`INSERT INTO daily_counts (workspace_id, day, route, kind, n)
			SELECT ?1, substr(s.created_at, 1, 10) AS day, s.route, s.kind, COUNT(*) FROM ${INSERTED} WHERE true GROUP BY day, s.route, s.kind
			ON CONFLICT (workspace_id, day, route, kind) DO UPDATE SET n = n + excluded.n`,
		),
		// The batch's terms are summed in the linear domain against one offset (the largest term), then added to the
		// stored rank in the log domain. A sum that underflows to 0 (terms far below the offset) changes nothing.
		inserted(
			`UPDATE items SET
				signal_count = signal_count + d.n,
				rank = CASE WHEN d.delta IS NULL THEN items.rank ELSE ${addRanksSql('items.rank', 'd.delta')} END,
				first_seen = min(first_seen, d.first_at),
				last_seen = max(last_seen, d.last_at),
				reporter_count = (SELECT COUNT(*) FROM item_reporters r WHERE r.item_id = items.id),
				tags = CASE WHEN t.value IS NULL THEN items.tags ELSE (
					SELECT json_group_array(value) FROM (
						SELECT value FROM json_each(items.tags)
						UNION ALL SELECT value FROM json_each(t.value -> '$.tags') WHERE value NOT IN (SELECT value FROM json_each(items.tags))
						LIMIT ${MAX_ITEM_TAGS})) END
			FROM (
				SELECT s.item_id, COUNT(*) AS n, log2(sum(pow(2, s.term - ?4))) + ?4 AS delta,
					min(s.created_at) AS first_at, max(s.created_at) AS last_at
				FROM ${INSERTED} WHERE true GROUP BY s.item_id
			) AS d
			LEFT JOIN json_each(?5) t ON t.value ->> '$.id' = d.item_id
			WHERE items.id = d.item_id AND items.workspace_id = ?1`,
			offset,
			JSON.stringify(items.filter((item) => item.tags.size > 0).map((item) => ({ id: item.id, tags: [...item.tags] }))),
		),
	];
}
