import type { Signal } from '../../shared/schemas/signal';
import type { FrictionEvent, SignalDraft } from '../core/messaging';
import { type FrictionCounter, type PrivacySettings, type SetAsideFriction, frictionCountersStorage, frictionSetAsideStorage } from '../core/storage';
import { overlayConfig } from './overlay-config';
import { buildSignal, enqueue, isQueuedAutomatic } from './queue';

/** One automatic friction signal per (route, element, kind) per period, carrying the count (never one per click). */
export const FRICTION_PERIOD_MS = Number(import.meta.env.GX_FRICTION_PERIOD_MS) || 24 * 60 * 60_000;

/**
 * At most this many counters at once: each is one (route, element, kind), and a user's own clicks touch a few dozen a
 * day. Past it a new element is not counted (the counters already running go on), so the store cannot grow without
 * bound, whatever a page does (issue 15: 12 to 17 new counters a second from a page's script, before the trust check).
 */
export const MAX_FRICTION_COUNTERS = 200;
/** The API's bound on `count`: a counter stops there instead of making a signal the server refuses. */
export const MAX_FRICTION_COUNT = 100_000;
/** Set-aside counters shown in the popup, newest first. */
export const MAX_SET_ASIDE = 20;

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

const draftOf = (counter: FrictionCounter): SignalDraft => ({
	kind: 'auto-friction',
	page: counter.page,
	tags: [counter.kind],
	count: Math.min(counter.count, MAX_FRICTION_COUNT),
	...(counter.target ? { target: counter.target } : {}),
});

/** The counter's signal, checked with the shared schema; a string says why it cannot be one. */
async function signalOf(counter: FrictionCounter, privacy: PrivacySettings): Promise<Signal | string> {
	try {
		return await buildSignal(draftOf(counter), new Date(counter.lastAt), privacy, counter.id);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return reason.replace(/\s+/g, ' ').slice(0, 300);
	}
}

async function setAside(key: string, counter: Pick<FrictionCounter, 'kind'>, reason: string, now: Date): Promise<void> {
	const clipped = key.slice(0, 200);
	const kept = (await frictionSetAsideStorage.getValue()).filter((entry) => entry.key !== clipped);
	const entry: SetAsideFriction = { key: clipped, kind: counter.kind, reason, at: now.toISOString() };
	await frictionSetAsideStorage.setValue([entry, ...kept].slice(0, MAX_SET_ASIDE));
}

/**
 * Queues the counters whose period has ended as auto-friction signals. Each counter carries the id of its signal,
 * made when it started: if the service worker stops between queueing and forgetting the counter, the second attempt
 * finds the id in the queue (or the server finds it known), so a period never counts twice. A counter that cannot
 * make a valid signal is set aside and forgotten: it never stops the others.
 */
async function emitDue(counters: Record<string, FrictionCounter>, now: Date, enabled: boolean): Promise<number> {
	let emitted = 0;
	const due = Object.values(counters).filter((counter) => now.getTime() - Date.parse(counter.firstAt) >= FRICTION_PERIOD_MS);
	// The queue is read only when a period ended (not on every click), and then only its automatic segments.
	const queued = enabled && due.length > 0 ? await isQueuedAutomatic(new Set(due.map((counter) => counter.id))) : new Set<string>();
	const { privacy } = await overlayConfig();
	for (const [key, counter] of Object.entries(counters)) {
		if (!enabled) {
			delete counters[key];
			continue;
		}
		if (now.getTime() - Date.parse(counter.firstAt) < FRICTION_PERIOD_MS) continue;
		if (!queued.has(counter.id)) {
			const signal = await signalOf(counter, privacy);
			if (typeof signal === 'string') await setAside(key, counter, signal, now);
			else {
				// Past the queue's cap the count is dropped (and counted in the popup's notice), never a typed capture.
				await enqueue(signal);
				emitted++;
			}
		}
		delete counters[key];
	}
	return emitted;
}

/**
 * Counts one event (when both opt-ins are on); returns the count of its period, 0 when not counted. A new counter is
 * checked at once with the signal it will make: one that cannot be sent is set aside now, not at the end of its period.
 */
export async function recordFriction(event: FrictionEvent, now = new Date()): Promise<number> {
	const { autoFriction, privacy } = await overlayConfig();
	return withCounters(async (counters) => {
		await emitDue(counters, now, autoFriction);
		if (!autoFriction) return 0;
		const key = counterKey(event);
		const existing = counters[key];
		if (existing) {
			const count = Math.min(existing.count + 1, MAX_FRICTION_COUNT);
			counters[key] = { ...existing, count, lastAt: now.toISOString() };
			return count;
		}
		if (Object.keys(counters).length >= MAX_FRICTION_COUNTERS) return 0;
		const counter: FrictionCounter = { id: crypto.randomUUID(), kind: event.kind, page: event.page, count: 1, firstAt: now.toISOString(), lastAt: now.toISOString(), ...(event.target ? { target: event.target } : {}) };
		const checked = await signalOf(counter, privacy);
		if (typeof checked === 'string') {
			await setAside(key, counter, checked, now);
			return 0;
		}
		counters[key] = counter;
		return 1;
	});
}

/** Called by every flush: periods that ended become signals. Dropped without a trace when an opt-in was withdrawn. */
export async function flushFriction(now = new Date()): Promise<number> {
	const { autoFriction } = await overlayConfig();
	return withCounters((counters) => emitDue(counters, now, autoFriction));
}

/** The user closes the list of set-aside counters in the popup. */
export const forgetSetAside = () => frictionSetAsideStorage.setValue([]);
