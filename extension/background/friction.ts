import type { FrictionEvent } from '../core/messaging';
import { type FrictionCounter, frictionCountersStorage, queueStorage } from '../core/storage';
import { overlayConfig } from './overlay-config';
import { buildSignal, enqueue } from './queue';

/** One automatic friction signal per (route, element, kind) per period, carrying the count (never one per click). */
export const FRICTION_PERIOD_MS = Number(import.meta.env.GX_FRICTION_PERIOD_MS) || 24 * 60 * 60_000;

export const counterKey = (event: FrictionEvent) => `${event.page.route}|${event.target?.selector ?? ''}|${event.kind}`;

/** Counter updates are serialised like the queue's: two clicks reported at once both count. */
let chain: Promise<unknown> = Promise.resolve();
function withCounters<T>(work: (counters: Record<string, FrictionCounter>) => Promise<T> | T): Promise<T> {
	const run = chain.then(async () => {
		const counters = { ...(await frictionCountersStorage.getValue()) };
		const result = await work(counters);
		await frictionCountersStorage.setValue(counters);
		return result;
	});
	chain = run.catch(() => undefined);
	return run;
}

/**
 * Queues the counters whose period has ended as auto-friction signals. Each counter carries the id of its signal,
 * made when it started: if the service worker stops between queueing and forgetting the counter, the second attempt
 * finds the id in the queue (or the server finds it known), so a period never counts twice.
 */
async function emitDue(counters: Record<string, FrictionCounter>, now: Date, enabled: boolean): Promise<number> {
	let emitted = 0;
	const queued = new Set((await queueStorage.getValue()).map((entry) => entry.signal.id));
	const { privacy } = await overlayConfig();
	for (const [key, counter] of Object.entries(counters)) {
		if (!enabled) {
			delete counters[key];
			continue;
		}
		if (now.getTime() - Date.parse(counter.firstAt) < FRICTION_PERIOD_MS) continue;
		if (!queued.has(counter.id)) {
			const draft = { kind: 'auto-friction' as const, page: counter.page, tags: [counter.kind], count: counter.count, ...(counter.target ? { target: counter.target } : {}) };
			await enqueue(await buildSignal(draft, new Date(counter.lastAt), privacy, counter.id));
			emitted++;
		}
		delete counters[key];
	}
	return emitted;
}

/** Counts one event (when both opt-ins are on); returns the count of its period, 0 when not counted. */
export async function recordFriction(event: FrictionEvent, now = new Date()): Promise<number> {
	const { autoFriction } = await overlayConfig();
	return withCounters(async (counters) => {
		await emitDue(counters, now, autoFriction);
		if (!autoFriction) return 0;
		const key = counterKey(event);
		const existing = counters[key];
		const counter: FrictionCounter = existing
			? { ...existing, count: existing.count + 1, lastAt: now.toISOString() }
			: { id: crypto.randomUUID(), kind: event.kind, page: event.page, count: 1, firstAt: now.toISOString(), lastAt: now.toISOString(), ...(event.target ? { target: event.target } : {}) };
		counters[key] = counter;
		return counter.count;
	});
}

/** Called by every flush: periods that ended become signals. Dropped without a trace when an opt-in was withdrawn. */
export async function flushFriction(now = new Date()): Promise<number> {
	const { autoFriction } = await overlayConfig();
	return withCounters((counters) => emitDue(counters, now, autoFriction));
}
