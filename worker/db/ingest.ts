import type { Signal } from '../../shared/schemas/signal';
import { signatureFromHex, signatureToHex } from '../../shared/text/minhash';
import { type Candidate, chooseItem, keysOf, titleOf } from '../services/aggregate';
import { addRanks, rankTerm, signalWeight } from '../services/score';
import { newId } from '../services/tokens';

interface KeyRow {
	key: string;
	item_id: string;
	rank: number;
	signature: string | null;
}

interface WorkingItem {
	id: string;
	isNew: boolean;
	kind: Signal['kind'];
	title: string;
	rank: number | null;
	firstSeen: string;
	lastSeen: string;
	route: string | null;
	pageKind: string | null;
	selector: string | null;
	tags: Set<string>;
	signature: string | null;
	reporters: Set<string>;
	newKeys: Set<string>;
}

const MAX_ITEM_TAGS = 20;

/**
 * Stores a batch of signals and folds each into its backlog item, idempotently on (workspace, signal id).
 *
 * One read batch finds the known ids, the candidate items through their keys, and which reporters those items
 * already have; the items are then worked out in memory (a signal may match an item made earlier in the same batch);
 * one write batch, atomic in D1, stores everything. The write statements read their rows from JSON arrays
 * (json_each), so a batch of 100 signals is seven statements, not hundreds. Counters are incremented in SQL by the
 * number of rows this request's insert really added (batch_id), so a replay that races its original never counts twice.
 */
export async function ingestSignals(
	db: D1Database,
	workspaceId: string,
	signals: readonly Signal[],
	now: Date,
): Promise<{ accepted: string[]; duplicates: string[] }> {
	const receivedAt = now.toISOString();
	const batchId = newId();
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

	const keyed = unique.map((signal) => ({ signal, keys: keysOf(signal) }));
	const allKeys = [...new Set(keyed.flatMap((entry) => entry.keys.keys))];
	const reporters = [...new Set(unique.flatMap((signal) => (signal.reporter ? [signal.reporter] : [])))];

	const [known, keyRows, reporterRows] = await db.batch([
		db
			.prepare('SELECT id FROM signals WHERE workspace_id = ?1 AND id IN (SELECT value FROM json_each(?2))')
			.bind(workspaceId, JSON.stringify(unique.map((signal) => signal.id))),
		// A merged item answers for its target: the target's id and rank, the source's signature (its text).
		db
			.prepare(
				`SELECT k.key, target.id AS item_id, target.rank, source.signature
				FROM item_keys k
				JOIN items source ON source.id = k.item_id
				JOIN items target ON target.id = COALESCE(source.merged_into, source.id)
				WHERE k.workspace_id = ?1 AND k.key IN (SELECT value FROM json_each(?2))`,
			)
			.bind(workspaceId, JSON.stringify(allKeys)),
		db
			.prepare(
				`SELECT r.item_id, r.reporter FROM item_reporters r
				WHERE r.reporter IN (SELECT value FROM json_each(?3))
				AND r.item_id IN (
					SELECT COALESCE(i.merged_into, i.id) FROM item_keys k JOIN items i ON i.id = k.item_id
					WHERE k.workspace_id = ?1 AND k.key IN (SELECT value FROM json_each(?2)))`,
			)
			.bind(workspaceId, JSON.stringify(allKeys), JSON.stringify(reporters)),
	]);

	const knownIds = new Set((known?.results as { id: string }[]).map((row) => row.id));
	const candidatesByKey = new Map<string, Candidate[]>();
	for (const row of keyRows?.results as KeyRow[]) {
		const list = candidatesByKey.get(row.key) ?? [];
		list.push({ id: row.item_id, rank: row.rank, signature: row.signature ? signatureFromHex(row.signature) : null });
		candidatesByKey.set(row.key, list);
	}
	const knownReporters = new Set((reporterRows?.results as { item_id: string; reporter: string }[]).map((row) => `${row.item_id}|${row.reporter}`));

	const working = new Map<string, WorkingItem>();
	const stored: { signal: Signal; itemId: string; at: string }[] = [];
	const accepted: string[] = [];

	for (const { signal, keys } of keyed) {
		if (knownIds.has(signal.id)) {
			duplicates.push(signal.id);
			continue;
		}
		accepted.push(signal.id);
		const at = signal.createdAt < receivedAt ? new Date(signal.createdAt).toISOString() : receivedAt;
		const candidates = new Map<string, Candidate>();
		for (const key of keys.keys) for (const candidate of candidatesByKey.get(key) ?? []) candidates.set(`${candidate.id}|${candidate.signature ? 's' : ''}`, candidate);
		const chosen = chooseItem(keys, [...candidates.values()]);

		let item = chosen ? working.get(chosen.id) : undefined;
		if (!item) {
			item = chosen
				? {
						id: chosen.id,
						isNew: false,
						kind: signal.kind,
						title: '',
						rank: chosen.rank,
						firstSeen: at,
						lastSeen: at,
						route: null,
						pageKind: null,
						selector: null,
						tags: new Set(),
						signature: null,
						reporters: new Set(),
						newKeys: new Set(),
					}
				: {
						id: newId(),
						isNew: true,
						kind: signal.kind,
						title: titleOf(signal),
						rank: null,
						firstSeen: at,
						lastSeen: at,
						route: signal.page.route,
						pageKind: signal.page.kind,
						selector: signal.target?.selector ?? null,
						tags: new Set(),
						signature: keys.signature ? signatureToHex(keys.signature) : null,
						reporters: new Set(),
						newKeys: new Set(),
					};
			working.set(item.id, item);
		}
		if (at < item.firstSeen) item.firstSeen = at;
		if (at > item.lastSeen) item.lastSeen = at;
		for (const tag of signal.tags ?? []) if (item.tags.size < MAX_ITEM_TAGS) item.tags.add(tag);

		const reporterKey = signal.reporter ? `${item.id}|${signal.reporter}` : undefined;
		const newReporter = reporterKey !== undefined && !knownReporters.has(reporterKey);
		if (reporterKey && signal.reporter) {
			knownReporters.add(reporterKey);
			item.reporters.add(signal.reporter);
		}
		const weight = signalWeight({ kind: signal.kind, severity: signal.severity, count: signal.count, newReporter });
		item.rank = addRanks(item.rank, rankTerm(weight, Date.parse(at)));

		// The keys of every signal join the item, so later signals find it through any of them.
		for (const key of keys.keys) {
			const list = candidatesByKey.get(key) ?? [];
			if (!list.some((candidate) => candidate.id === item.id)) {
				list.push({ id: item.id, rank: item.rank, signature: keys.signature ?? null });
				candidatesByKey.set(key, list);
				item.newKeys.add(key);
			}
		}
		stored.push({ signal, itemId: item.id, at });
	}

	if (stored.length === 0) return { accepted, duplicates };

	const items = [...working.values()];
	const newItems = items.filter((item) => item.isNew);
	await db.batch([
		db
			.prepare(
				`INSERT INTO items (id, workspace_id, kind, title, rank, first_seen, last_seen, route, page_kind, selector, signature, search_text)
				SELECT j.value ->> '$.id', ?1, j.value ->> '$.kind', j.value ->> '$.title', j.value ->> '$.rank',
					j.value ->> '$.firstSeen', j.value ->> '$.lastSeen', j.value ->> '$.route', j.value ->> '$.pageKind',
					j.value ->> '$.selector', j.value ->> '$.signature', ''
				FROM json_each(?2) j`,
			)
			.bind(
				workspaceId,
				JSON.stringify(
					newItems.map((item) => ({
						id: item.id,
						kind: item.kind,
						title: item.title,
						rank: item.rank,
						firstSeen: item.firstSeen,
						lastSeen: item.lastSeen,
						route: item.route,
						pageKind: item.pageKind,
						selector: item.selector,
						signature: item.signature,
					})),
				),
			),
		db
			.prepare(
				`INSERT INTO signals (workspace_id, id, kind, created_at, received_at, reporter, route, page_kind, body, item_id, batch_id)
				SELECT ?1, j.value ->> '$.id', j.value ->> '$.kind', j.value ->> '$.at', ?2, j.value ->> '$.reporter',
					j.value ->> '$.route', j.value ->> '$.pageKind', j.value ->> '$.body', j.value ->> '$.itemId', ?3
				FROM json_each(?4) j
				WHERE true
				ON CONFLICT (workspace_id, id) DO NOTHING`,
			)
			.bind(
				workspaceId,
				receivedAt,
				batchId,
				JSON.stringify(
					stored.map(({ signal, itemId, at }) => ({
						id: signal.id,
						kind: signal.kind,
						at,
						reporter: signal.reporter ?? null,
						route: signal.page.route,
						pageKind: signal.page.kind,
						body: JSON.stringify(signal),
						itemId,
					})),
				),
			),
		db
			.prepare(
				`INSERT OR IGNORE INTO item_keys (workspace_id, key, item_id)
				SELECT ?1, j.value ->> '$.key', j.value ->> '$.itemId' FROM json_each(?2) j`,
			)
			.bind(workspaceId, JSON.stringify(items.flatMap((item) => [...item.newKeys].map((key) => ({ key, itemId: item.id }))))),
		db
			.prepare(
				`INSERT OR IGNORE INTO item_reporters (item_id, reporter)
				SELECT j.value ->> '$.itemId', j.value ->> '$.reporter' FROM json_each(?1) j`,
			)
			.bind(JSON.stringify(items.flatMap((item) => [...item.reporters].map((reporter) => ({ itemId: item.id, reporter }))))),
		// Counters move by the rows this request inserted (batch_id), never by what it merely tried to insert.
		db
			.prepare(
				`UPDATE items SET
					signal_count = signal_count + (SELECT COUNT(*) FROM signals s WHERE s.workspace_id = ?1 AND s.batch_id = ?2 AND s.item_id = items.id),
					reporter_count = (SELECT COUNT(*) FROM item_reporters r WHERE r.item_id = items.id),
					rank = j.value ->> '$.rank',
					first_seen = min(first_seen, j.value ->> '$.firstSeen'),
					last_seen = max(last_seen, j.value ->> '$.lastSeen'),
					tags = (SELECT json_group_array(value) FROM (SELECT value FROM json_each(items.tags) UNION SELECT value FROM json_each(j.value -> '$.tags') LIMIT ${MAX_ITEM_TAGS})),
					search_text = lower(title || ' ' || coalesce(route, '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM (SELECT value FROM json_each(items.tags) UNION SELECT value FROM json_each(j.value -> '$.tags'))), ''))
				FROM json_each(?3) j
				WHERE items.id = j.value ->> '$.id' AND items.workspace_id = ?1`,
			)
			.bind(
				workspaceId,
				batchId,
				JSON.stringify(items.map((item) => ({ id: item.id, rank: item.rank, firstSeen: item.firstSeen, lastSeen: item.lastSeen, tags: [...item.tags] }))),
			),
	]);
	return { accepted, duplicates };
}
