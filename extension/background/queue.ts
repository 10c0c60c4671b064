import { storage } from 'wxt/utils/storage';
import { SignalSchema, type Signal } from '../../shared/schemas/signal';
import { MAX_QUEUED_SIGNALS, QUEUE_FULL, type SignalDraft } from '../core/messaging';
import { outgoingOf } from '../core/outgoing';
import {
	DEFAULT_SETTINGS,
	type PrivacySettings,
	type QueueIndex,
	type QueuedSignal,
	type Rejection,
	QUEUE_SEGMENT_SIZE,
	historyStorage,
	queueSegmentKey,
	queueSegmentStorage,
	queueStorage,
	reporterIdStorage,
	segmentInfo,
} from '../core/storage';

/*
 * At most MAX_QUEUED_SIGNALS (2,000) signals wait in the queue, refused ones included, inside the 10 MiB of
 * `storage.local` (no `unlimitedStorage`): 2,000 ideas of the full 2,000 characters take about 4.5 MB (issue 15:
 * without a cap the quota filled at about 20,000 signals). A write the quota still refuses fails loudly: the capture's
 * words come back in the page's error toast. What goes when the queue is full: automatic friction counts first, then
 * ticket patterns, oldest first; never a person's typed words: a new capture is refused instead, and the user is told
 * (docs/RELIABILITY.md, "The local queue").
 */
export { MAX_QUEUED_SIGNALS, QUEUE_FULL } from '../core/messaging';

/**
 * Every read-modify-write of the queue goes through one promise chain, so a capture that arrives while a flush is
 * waiting on the network is never overwritten by the flush's removal of what was acknowledged.
 */
let chain: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
	const run = chain.then(work);
	chain = run.catch(() => undefined);
	return run;
}

const readSegment = async (n: number) => [...(await queueSegmentStorage(n).getValue())];

/** Writes the changed segments and the index in one storage call (all or nothing), then drops emptied segments. */
async function save(index: QueueIndex, changed: ReadonlyMap<number, QueuedSignal[]>): Promise<void> {
	const kept = new Map(index.segments.map((info) => [info.n, info]));
	const segments = index.segments
		.map((info) => (changed.has(info.n) ? segmentInfo(info.n, changed.get(info.n) ?? []) : info))
		.filter((info) => info.entries > 0);
	const writes: { key: string; value: unknown }[] = [];
	const emptied: `local:${string}`[] = [];
	for (const [n, entries] of changed) {
		if (!kept.has(n)) continue;
		if (entries.length > 0) writes.push({ key: queueSegmentKey(n), value: entries });
		else emptied.push(queueSegmentKey(n));
	}
	writes.push({ key: queueStorage.key, value: { ...index, segments } });
	await storage.setItems(writes as { key: `local:${string}`; value: unknown }[]);
	// An emptied segment left behind by a stop here is harmless: the index no longer lists it.
	if (emptied.length > 0) await storage.removeItems(emptied);
}

/** Removes the oldest entry of the first segment that holds one of `kind`; false when there is none. */
async function evictOldest(index: QueueIndex, changed: Map<number, QueuedSignal[]>, kind: 'automatic' | 'patterns'): Promise<boolean> {
	const signalKind = kind === 'automatic' ? 'auto-friction' : 'pattern';
	for (const info of index.segments) {
		const entries = changed.get(info.n) ?? (info[kind] > 0 ? await readSegment(info.n) : undefined);
		const at = entries?.findIndex((entry) => entry.signal.kind === signalKind) ?? -1;
		if (!entries || at < 0) continue;
		entries.splice(at, 1);
		changed.set(info.n, entries);
		return true;
	}
	return false;
}

const countOf = (index: QueueIndex, changed: ReadonlyMap<number, QueuedSignal[]>) =>
	index.segments.reduce((sum, info) => sum + (changed.get(info.n)?.length ?? info.entries), 0);
const waitingOf = (index: QueueIndex) => index.segments.reduce((sum, info) => sum + info.entries - info.refused, 0);

/**
 * Adds a signal at the end of the queue: the last segment and the index are rewritten, whatever the queue's length.
 * When the queue is full, the oldest automatic friction count goes, then the oldest ticket pattern; a new automatic
 * signal or pattern is dropped when only typed words are left, and a new typed capture is refused (QUEUE_FULL).
 * Returns the number of signals waiting to be sent.
 */
export const enqueue = (signal: Signal, now = new Date()) =>
	serial(async () => {
		const index = await queueStorage.getValue();
		const changed = new Map<number, QueuedSignal[]>();
		const dropped = { ...index.dropped };
		if (countOf(index, changed) >= MAX_QUEUED_SIGNALS) {
			const room = (await evictOldest(index, changed, 'automatic')) ? 'automatic' : (await evictOldest(index, changed, 'patterns')) ? 'patterns' : undefined;
			if (room) dropped[room]++;
			else if (signal.kind === 'auto-friction' || signal.kind === 'pattern') {
				dropped[signal.kind === 'pattern' ? 'patterns' : 'automatic']++;
				await save({ ...index, dropped }, changed);
				return waitingOf(index);
			} else throw new Error(QUEUE_FULL);
		}
		const entry: QueuedSignal = { signal, queuedAt: now.toISOString(), attempts: 0 };
		const last = index.segments.at(-1);
		let next = { ...index, dropped };
		if (last && (changed.get(last.n)?.length ?? last.entries) < QUEUE_SEGMENT_SIZE) {
			changed.set(last.n, [...(changed.get(last.n) ?? (await readSegment(last.n))), entry]);
		} else {
			next = { ...next, segments: [...index.segments, segmentInfo(index.next, [])], next: index.next + 1 };
			changed.set(index.next, [entry]);
		}
		await save(next, changed);
		return waitingOf({ ...next, segments: next.segments.map((info) => (changed.has(info.n) ? segmentInfo(info.n, changed.get(info.n) ?? []) : info)) });
	});

/**
 * Changes the entries whose ids are given, segment by segment from the oldest, and stops once every id was seen (what
 * a flush acknowledges sits at the front). `edit` returns the new entry, or null to remove it.
 */
function editByIds(ids: ReadonlySet<string>, edit: (entry: QueuedSignal) => QueuedSignal | null): Promise<QueuedSignal[]> {
	return serial(async () => {
		const index = await queueStorage.getValue();
		const changed = new Map<number, QueuedSignal[]>();
		const touched: QueuedSignal[] = [];
		for (const info of index.segments) {
			if (touched.length >= ids.size) break;
			const entries = await readSegment(info.n);
			const kept: QueuedSignal[] = [];
			let edited = false;
			for (const entry of entries) {
				if (!ids.has(entry.signal.id)) {
					kept.push(entry);
					continue;
				}
				touched.push(entry);
				edited = true;
				const next = edit(entry);
				if (next) kept.push(next);
			}
			if (edited) changed.set(info.n, kept);
		}
		if (changed.size > 0) await save(index, changed);
		return touched;
	});
}

/** Every queued entry, oldest first (the popup's refused list, the tests). Reads every segment. */
export async function allQueued(): Promise<QueuedSignal[]> {
	const index = await queueStorage.getValue();
	return (await Promise.all(index.segments.map((info) => readSegment(info.n)))).flat();
}

/** The refused entries: only the segments that hold some are read. */
export async function refusedEntries(): Promise<QueuedSignal[]> {
	const index = await queueStorage.getValue();
	const segments = await Promise.all(index.segments.filter((info) => info.refused > 0).map((info) => readSegment(info.n)));
	return segments.flat().filter((entry) => entry.rejected);
}

export const waitingCount = async () => waitingOf(await queueStorage.getValue());

/** Whether a signal id is queued; only segments holding automatic friction are read (the only caller's kind). */
export async function isQueuedAutomatic(ids: ReadonlySet<string>): Promise<Set<string>> {
	const index = await queueStorage.getValue();
	const found = new Set<string>();
	for (const info of index.segments.filter((segment) => segment.automatic > 0)) {
		for (const entry of await readSegment(info.n)) if (ids.has(entry.signal.id)) found.add(entry.signal.id);
	}
	return found;
}

/**
 * Turns a draft into a signal (id, time, reporter), keeps only what the privacy switches let out, redacts, and checks
 * it with the shared schema. The capture panel previews the same `outgoingOf`.
 */
export async function buildSignal(draft: SignalDraft, now = new Date(), privacy: PrivacySettings = DEFAULT_SETTINGS.privacy, id: string = crypto.randomUUID()): Promise<Signal> {
	return SignalSchema.parse({
		id,
		createdAt: now.toISOString(),
		reporter: await reporterIdStorage.getValue(),
		...outgoingOf(draft, privacy),
	});
}

/** The oldest signals not refused by the server, up to `limit`: segments are read from the oldest until it is reached. */
export async function pending(limit: number): Promise<QueuedSignal[]> {
	const index = await queueStorage.getValue();
	const found: QueuedSignal[] = [];
	for (const info of index.segments) {
		if (found.length >= limit) break;
		if (info.entries === info.refused) continue;
		found.push(...(await readSegment(info.n)).filter((entry) => !entry.rejected));
	}
	return found.slice(0, limit);
}

/** Removes what the server acknowledged (accepted or already known) and records it in the user's history. */
export async function acknowledge(ids: ReadonlySet<string>, now = new Date()): Promise<void> {
	const sent = await editByIds(ids, () => null);
	if (sent.length === 0) return;
	const history = await historyStorage.getValue();
	const added = sent.map(({ signal }) => ({
		id: signal.id,
		kind: signal.kind,
		route: signal.page.route,
		sentAt: now.toISOString(),
		...(signal.text ? { text: signal.text.slice(0, 200) } : {}),
	}));
	await historyStorage.setValue([...added.reverse(), ...history].slice(0, 100));
}

/** Marks signals the server refused for good; they stay in the queue, visible with the server's reason. */
export const reject = async (rejections: ReadonlyMap<string, Rejection>) => {
	await editByIds(new Set(rejections.keys()), (entry) => ({ ...entry, rejected: rejections.get(entry.signal.id) ?? { status: 0, code: 'unknown', message: '' } }));
};

export const countAttempt = async (ids: ReadonlySet<string>) => {
	await editByIds(ids, (entry) => ({ ...entry, attempts: entry.attempts + 1 }));
};

/** The user asks to send refused signals again (after a fix on the server, a new token): they wait like new ones. */
export const retryRefused = async (ids: ReadonlySet<string>) => {
	await editByIds(ids, ({ rejected: _reason, ...entry }) => ({ ...entry, attempts: 0 }));
};

/** The user discards refused signals: the only way a signal leaves the queue without the server's acknowledgement. */
export const discardRefused = async (ids: ReadonlySet<string>) => {
	await editByIds(ids, (entry) => (entry.rejected ? null : entry));
};

/** The user read the notice of what the cap dropped. */
export const forgetDropped = () => serial(async () => queueStorage.setValue({ ...(await queueStorage.getValue()), dropped: { automatic: 0, patterns: 0 } }));
