import type { Signal } from '../../shared/schemas/signal';
import { signatureToHex } from '../../shared/text/minhash';
import { type Candidate, type SignalKeys, chooseItem, titleOf } from './aggregate';
import { rankTerm, signalWeight } from './score';
import { searchTextOf } from './search';
import { newId } from './tokens';

/** An item that this request creates or adds signals to. */
export interface PlannedItem {
	id: string;
	isNew: boolean;
	kind: Signal['kind'];
	title: string;
	route: string | null;
	pageKind: string | null;
	interface: string | null;
	selector: string | null;
	signature: string | null;
	searchText: string;
	tags: Set<string>;
	/** Lookup keys that do not point at this item yet. */
	newKeys: Set<string>;
}

export interface PlannedSignal {
	signal: Signal;
	itemId: string;
	/**
	 * For a signal planned into an item this request creates, with identity keys (friction, pattern): its keys. The
	 * write joins the item that a concurrent request created on one of them meanwhile, instead (issue 15).
	 */
	claim: string[];
	/** The signal's time: the client's, or the server's when the client's is in the future. */
	at: string;
	/** Its share of the item's rank (worker/services/score.ts), before the new-reporter bonus the SQL adds. */
	term: number;
}

export interface IngestState {
	knownIds: ReadonlySet<string>;
	/** Items reachable from each lookup key (already resolved to merge targets). */
	candidatesByKey: Map<string, Candidate[]>;
}

/**
 * Decides, in memory, which item each new signal joins (a signal may join an item that an earlier signal of the same
 * batch created). Pure apart from new ids; the SQL that stores the plan is in worker/db/ingest.ts.
 */
export function planIngest(keyed: readonly { signal: Signal; keys: SignalKeys }[], state: IngestState, receivedAt: string) {
	const items = new Map<string, PlannedItem>();
	const stored: PlannedSignal[] = [];
	const duplicates: string[] = [];
	for (const { signal, keys } of keyed) {
		if (state.knownIds.has(signal.id)) {
			duplicates.push(signal.id);
			continue;
		}
		// As instants, not as text: "…T00:00:00-23:59" sorts before "…T12:00:00Z" but is later (issue 15).
		const at = new Date(Math.min(Date.parse(signal.createdAt), Date.parse(receivedAt))).toISOString();
		const candidates = keys.keys.flatMap((key) => state.candidatesByKey.get(key) ?? []);
		const chosen = chooseItem(keys, candidates);
		const creates = chosen === undefined;
		const item = (chosen && items.get(chosen.id)) ?? (chosen ? existingItem(chosen.id, signal) : newItem(signal, keys));
		items.set(item.id, item);
		for (const tag of signal.tags ?? []) item.tags.add(tag);

		// Whether the reporter is new to the item is decided in SQL, inside the write, where it is exact.
		const weight = signalWeight({ kind: signal.kind, severity: signal.severity, count: signal.count, newReporter: false });
		const claim = item.isNew && keys.family !== 'text' ? keys.keys : [];
		stored.push({ signal, itemId: item.id, claim, at, term: rankTerm(weight, Date.parse(at)) });

		// Friction and pattern keys are identities (a new tag, a new ticket id), so every signal's keys join the item
		// and overlapping ticket ids chain. Text keys are LSH bands of the item's first text, the one candidates are
		// compared with; a later text's bands would only find more candidates to reject, and cost up to 16 rows each.
		if (keys.family === 'text' && !creates) continue;
		for (const key of keys.keys) {
			const list = state.candidatesByKey.get(key) ?? [];
			if (list.some((candidate) => candidate.id === item.id)) continue;
			list.push({ id: item.id, rank: chosen?.rank ?? 0, signature: keys.signature ?? null });
			state.candidatesByKey.set(key, list);
			item.newKeys.add(key);
		}
	}
	return { items: [...items.values()], stored, duplicates };
}

function existingItem(id: string, signal: Signal): PlannedItem {
	return {
		id,
		isNew: false,
		kind: signal.kind,
		title: '',
		route: null,
		pageKind: null,
		interface: null,
		selector: null,
		signature: null,
		searchText: '',
		tags: new Set(),
		newKeys: new Set(),
	};
}

function newItem(signal: Signal, keys: SignalKeys): PlannedItem {
	const title = titleOf(signal);
	const selector = signal.target?.selector ?? null;
	return {
		id: newId(),
		isNew: true,
		kind: signal.kind,
		title,
		route: signal.page.route,
		pageKind: signal.page.kind,
		interface: signal.page.interface ?? null,
		selector,
		signature: keys.signature ? signatureToHex(keys.signature) : null,
		searchText: searchTextOf({ title, route: signal.page.route, selector }),
		tags: new Set(),
		newKeys: new Set(),
	};
}
