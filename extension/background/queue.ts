import { SignalSchema, type Signal } from '../../shared/schemas/signal';
import type { SignalDraft } from '../core/messaging';
import { outgoingOf } from '../core/outgoing';
import { DEFAULT_SETTINGS, type PrivacySettings, type QueuedSignal, type Rejection, historyStorage, queueStorage, reporterIdStorage } from '../core/storage';

/**
 * The signal queue in extension storage. Every read-modify-write goes through one promise chain, so a capture that
 * arrives while a flush is waiting on the network is never overwritten by the flush's removal of what was acknowledged.
 */
let chain: Promise<unknown> = Promise.resolve();
export function withQueue<T>(work: (queue: QueuedSignal[]) => Promise<{ queue: QueuedSignal[]; result: T }> | { queue: QueuedSignal[]; result: T }): Promise<T> {
	const run = chain.then(async () => {
		// A copy: WXT returns the item's fallback object itself when the key is empty, and it must never be mutated.
		const { queue, result } = await work([...(await queueStorage.getValue())]);
		await queueStorage.setValue(queue);
		return result;
	});
	chain = run.catch(() => undefined);
	return run;
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

export const enqueue = (signal: Signal, now = new Date()) =>
	withQueue((queue) => {
		const next = [...queue, { signal, queuedAt: now.toISOString(), attempts: 0 }];
		return { queue: next, result: next.filter((entry) => !entry.rejected).length };
	});

/** The oldest signals not refused by the server, up to `limit`. */
export const pending = async (limit: number) => (await queueStorage.getValue()).filter((entry) => !entry.rejected).slice(0, limit);

/** Removes what the server acknowledged (accepted or already known) and records it in the user's history. */
export async function acknowledge(ids: ReadonlySet<string>, now = new Date()): Promise<void> {
	const sent = await withQueue((queue) => ({
		queue: queue.filter((entry) => !ids.has(entry.signal.id)),
		result: queue.filter((entry) => ids.has(entry.signal.id)),
	}));
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
export const reject = (rejections: ReadonlyMap<string, Rejection>) =>
	withQueue((queue) => ({
		queue: queue.map((entry) => {
			const rejection = rejections.get(entry.signal.id);
			return rejection ? { ...entry, rejected: rejection } : entry;
		}),
		result: undefined,
	}));

export const countAttempt = (ids: ReadonlySet<string>) =>
	withQueue((queue) => ({
		queue: queue.map((entry) => (ids.has(entry.signal.id) ? { ...entry, attempts: entry.attempts + 1 } : entry)),
		result: undefined,
	}));
