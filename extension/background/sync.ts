import { MAX_SIGNALS_PER_BATCH } from '../../shared/limits';
import type { Signal } from '../../shared/schemas/signal';
import { type ApiFailure, apiClient, failureOf } from '../core/api-client';
import type { SyncStatus } from '../core/messaging';
import { type Rejection, frictionSetAsideStorage, queueStorage, settingsStorage, syncStateStorage, tokenStorage } from '../core/storage';
import { flushFriction } from './friction';
import { flushFigures, waitingFigures } from './service-figures';
import { isTransient } from './transient';
import { MAX_QUEUED_SIGNALS, acknowledge, countAttempt, pending, refusedEntries, reject } from './queue';

/** The first retry's delay: 5 s, shorter only in test builds whose outages must not last minutes (wxt.config.ts). */
const BACKOFF_BASE_MS = Number(import.meta.env.GX_BACKOFF_BASE_MS) || 5_000;

/**
 * How long a flush may run before an alarm starts another: Chrome may stop the service worker in the middle of a
 * flush (idle timeout, update, crash), and then nothing but an alarm wakes it. 30 s is the shortest delay Chrome gives
 * a packed extension's alarm; test builds scale it with their backoff.
 */
export const FLUSH_WATCHDOG_MS = 6 * BACKOFF_BASE_MS;

/** Backoff after the n-th consecutive failure: 5 s doubling to 30 min, with ±50 % jitter so clients do not align. */
export function backoffMs(failures: number, random = Math.random): number {
	const base = Math.min(30 * 60_000, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
	return Math.round(base * (0.5 + random()));
}

type SendOutcome = { kind: 'ok'; acknowledged: string[] } | { kind: 'failed'; failure: ApiFailure; retryAfterMs?: number };

async function send(baseUrl: string, token: string, signals: Signal[]): Promise<SendOutcome> {
	try {
		const response = await apiClient(baseUrl, token).v1.signals.$post({ json: { signals } });
		if (response.ok) {
			const body = await response.json();
			return { kind: 'ok', acknowledged: [...body.accepted, ...body.duplicates] };
		}
		const failure = await failureOf(response);
		const retryAfter = Number(response.headers.get('retry-after'));
		return Number.isFinite(retryAfter) && retryAfter > 0 ? { kind: 'failed', failure, retryAfterMs: retryAfter * 1000 } : { kind: 'failed', failure };
	} catch (error) {
		return { kind: 'failed', failure: { status: 0, code: 'network', message: error instanceof Error ? error.message : String(error) } };
	}
}

/**
 * Sends one batch. A 400 or 413 on a batch of several is split in halves until the offending signals stand alone;
 * a signal refused on its own is marked rejected with the server's reason. Returns the transient failure, if any.
 */
async function sendBatch(baseUrl: string, token: string, signals: Signal[]): Promise<{ failure?: ApiFailure; retryAfterMs?: number; acknowledged: number }> {
	const outcome = await send(baseUrl, token, signals);
	if (outcome.kind === 'ok') {
		await acknowledge(new Set(outcome.acknowledged));
		return { acknowledged: outcome.acknowledged.length };
	}
	const { failure } = outcome;
	if (isTransient(failure.status)) {
		await countAttempt(new Set(signals.map((signal) => signal.id)));
		return outcome.retryAfterMs === undefined ? { failure, acknowledged: 0 } : { failure, retryAfterMs: outcome.retryAfterMs, acknowledged: 0 };
	}
	if (signals.length > 1) {
		const half = Math.ceil(signals.length / 2);
		const first = await sendBatch(baseUrl, token, signals.slice(0, half));
		if (first.failure) return first;
		const second = await sendBatch(baseUrl, token, signals.slice(half));
		return { ...second, acknowledged: first.acknowledged + second.acknowledged };
	}
	const rejection: Rejection = { status: failure.status, code: failure.code, message: failure.message };
	if (failure.issues) rejection.issues = failure.issues;
	await reject(new Map(signals.map((signal) => [signal.id, rejection])));
	return { acknowledged: 0 };
}

let running: Promise<SyncStatus> | undefined;

/**
 * Flushes the queue in batches of 100; one flush at a time (callers share the running one). A flush that throws (a
 * storage failure, a bug) is recorded like a failed send, so the popup shows it instead of `failures: 0` (issue 15).
 */
export function flush(now: () => Date = () => new Date()): Promise<SyncStatus> {
	running ??= doFlush(now)
		.catch(async (error: unknown) => {
			const state = await syncStateStorage.getValue();
			const failures = state.failures + 1;
			const message = `extension: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
			await syncStateStorage.setValue({ ...state, failures, lastError: { message, at: now().toISOString() }, nextAttemptAt: new Date(now().getTime() + backoffMs(failures)).toISOString() });
			return status();
		})
		.finally(() => {
		running = undefined;
	});
	return running;
}

async function doFlush(now: () => Date): Promise<SyncStatus> {
	const [{ backendUrl }, token] = await Promise.all([settingsStorage.getValue(), tokenStorage.getValue()]);
	const state = await syncStateStorage.getValue();
	if (!backendUrl || !token) return status();
	// Automatic friction periods that ended become signals first, and go out in this same flush. A failure there
	// never keeps the queue (the user's typed words) from going out.
	const frictionFailure = await flushFriction(now()).then(
		() => undefined,
		(error: unknown) => (error instanceof Error ? error.message : String(error)),
	);
	for (;;) {
		const batch = await pending(MAX_SIGNALS_PER_BATCH);
		if (batch.length === 0) break;
		const result = await sendBatch(backendUrl, token, batch.map((entry) => entry.signal));
		if (result.failure) {
			const failures = state.failures + 1;
			const delay = result.retryAfterMs ?? backoffMs(failures);
			await syncStateStorage.setValue({
				...state,
				failures,
				lastError: { message: describe(result.failure), at: now().toISOString(), status: result.failure.status, code: result.failure.code },
				nextAttemptAt: new Date(now().getTime() + delay).toISOString(),
			});
			return status();
		}
	}
	// GLPI's figures go after the signals: a person's words first; a reading waits for the next flush otherwise.
	const figures = await flushFigures(backendUrl, token, now());
	if (figures.failure) {
		const failures = state.failures + 1;
		await syncStateStorage.setValue({
			...state,
			failures,
			lastError: { message: describe(figures.failure), at: now().toISOString(), status: figures.failure.status, code: figures.failure.code },
			nextAttemptAt: new Date(now().getTime() + (figures.retryAfterMs ?? backoffMs(failures))).toISOString(),
		});
		return status();
	}
	const lastError = frictionFailure === undefined ? null : { message: `extension: ${frictionFailure}`.slice(0, 500), at: now().toISOString() };
	await syncStateStorage.setValue({ lastSyncAt: now().toISOString(), lastError, failures: 0, nextAttemptAt: null });
	return status();
}

function describe(failure: ApiFailure): string {
	if (failure.status === 0) return `network: ${failure.message}`;
	return `${failure.status} ${failure.code}: ${failure.message}`;
}

export async function status(): Promise<SyncStatus> {
	const [index, rejected, state, setAside, figuresWaiting] = await Promise.all([
		queueStorage.getValue(),
		refusedEntries(),
		syncStateStorage.getValue(),
		frictionSetAsideStorage.getValue(),
		waitingFigures(),
	]);
	const waiting = index.segments.reduce((sum, info) => sum + info.entries - info.refused, 0);
	return { ...state, waiting, figuresWaiting, rejected, setAside, dropped: index.dropped, cap: MAX_QUEUED_SIGNALS };
}
