import type { Signal } from '../../shared/schemas/signal';
import { signatureFromHex } from '../../shared/text/minhash';
import { type Candidate, keysOf } from '../services/aggregate';
import { planIngest } from '../services/ingest-plan';
import { jsonChunks } from '../services/json-chunks';
import { writeStatements } from './ingest-write';

/** Signals dated more than a year back count from a year back: their rank terms stay within range of each other. */
const MAX_AGE_MS = 365 * 86_400_000;

/**
 * Stores a batch of signals and folds each into its backlog item, idempotently on (workspace, signal id).
 *
 * One read batch finds the known ids and the candidate items through their lookup keys (index seeks, never a scan);
 * services/ingest-plan.ts decides each signal's item in memory; one write batch, atomic in D1, stores everything in
 * statements that read their rows from JSON arrays (db/ingest-write.ts), split so that no bound value is too big.
 *
 * Signal ids are UUIDs, compared in lower case (issue 15: the same UUID in two cases is one signal); the answer
 * names each id as the client spelled it, since the client removes from its queue the ids it sent. `tokenId` is the
 * caller's token, recorded with each signal.
 */
export async function ingestSignals(db: D1Database, workspaceId: string, tokenId: string, signals: readonly Signal[], now: Date) {
	const receivedAt = now.toISOString();
	const oldest = new Date(now.getTime() - MAX_AGE_MS).toISOString();
	const seen = new Set<string>();
	const unique: Signal[] = [];
	const duplicates: string[] = [];
	const sentIds = new Map<string, string>();
	for (const signal of signals) {
		const id = signal.id.toLowerCase();
		if (seen.has(id)) duplicates.push(signal.id);
		else {
			seen.add(id);
			sentIds.set(id, signal.id);
			unique.push({ ...signal, id });
		}
	}
	// Dates are compared as instants: an offset such as -23:59 sorts wrongly as text (issue 15).
	const keyed = unique.map((signal) => ({
		signal: Date.parse(signal.createdAt) < Date.parse(oldest) ? { ...signal, createdAt: oldest } : signal,
		keys: keysOf(signal),
	}));
	const state = await readState(db, workspaceId, keyed);
	const plan = planIngest(keyed, state, receivedAt);
	duplicates.push(...plan.duplicates.map((id) => sentIds.get(id) ?? id));
	// The body is stored as it was sent (the id in lower case), with the client's own createdAt.
	const originals = new Map(unique.map((signal) => [signal.id, signal]));
	const stored = plan.stored.map((row) => ({ ...row, signal: originals.get(row.signal.id) ?? row.signal }));
	if (stored.length === 0) return { accepted: [], duplicates };
	// A concurrent request may have stored some of these ids between the read and the write: the write answers the
	// rows its own insert added, and the others are duplicates.
	const results = await db.batch(writeStatements(db, { workspaceId, tokenId, receivedAt, items: plan.items, stored }));
	const inserted = new Set(((results.at(-1)?.results ?? []) as { id: string }[]).map((row) => row.id));
	const accepted: string[] = [];
	for (const row of stored) (inserted.has(row.signal.id) ? accepted : duplicates).push(sentIds.get(row.signal.id) ?? row.signal.id);
	return { accepted, duplicates };
}

interface SourceRow {
	item_id: string;
	rank: number;
	signature: string | null;
	keys: string;
}

/** The SQL of the read batch, exported for the query-plan test. */
export const INGEST_READ_SQL = {
	known: 'SELECT id FROM signals WHERE workspace_id = ?1 AND id IN (SELECT value FROM json_each(?2))',
	// One row per item that any key reaches, with the keys that reached it: a text item's signature (512 hex
	// characters) travels once, not once per matching band. A merged item answers for its target: the target's id
	// and rank, the source's signature (its text).
	sources: `SELECT coalesce(source.merged_into, source.id) AS item_id, target.rank, source.signature, json_group_array(k.key) AS keys
		FROM item_keys k
		JOIN items source ON source.id = k.item_id
		JOIN items target ON target.id = coalesce(source.merged_into, source.id)
		WHERE k.workspace_id = ?1 AND k.key IN (SELECT value FROM json_each(?2))
		GROUP BY source.id`,
};

async function readState(db: D1Database, workspaceId: string, keyed: readonly { signal: Signal; keys: { keys: string[] } }[]) {
	// The keys are read in chunks (a chunk's rows name only the keys of that chunk; the map below joins them).
	const keyChunks = jsonChunks([...new Set(keyed.flatMap((entry) => entry.keys.keys))]);
	const [known, ...sources] = await db.batch([
		db.prepare(INGEST_READ_SQL.known).bind(workspaceId, JSON.stringify(keyed.map(({ signal }) => signal.id))),
		...keyChunks.map((chunk) => db.prepare(INGEST_READ_SQL.sources).bind(workspaceId, chunk)),
	]);
	const candidatesByKey = new Map<string, Candidate[]>();
	for (const row of sources.flatMap((result) => (result?.results ?? []) as SourceRow[])) {
		const candidate = { id: row.item_id, rank: row.rank, signature: row.signature ? signatureFromHex(row.signature) : null };
		for (const key of JSON.parse(row.keys) as string[]) {
			const list = candidatesByKey.get(key) ?? [];
			list.push(candidate);
			candidatesByKey.set(key, list);
		}
	}
	return { knownIds: new Set(((known?.results ?? []) as { id: string }[]).map((row) => row.id)), candidatesByKey };
}
