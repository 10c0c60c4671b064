import { browser } from 'wxt/browser';
import { settingsStorage, syncStateStorage, tokenStorage } from '../core/storage';
import { waitingCount } from './queue';
import { FLUSH_WATCHDOG_MS, flush } from './sync';

export const FLUSH_ALARM = 'gx-flush';

/** Flushes soon, or at the backoff time when the last flush failed. */
export async function scheduleFlush(): Promise<void> {
	const { nextAttemptAt } = await syncStateStorage.getValue();
	const when = nextAttemptAt ? Math.max(Date.parse(nextAttemptAt), Date.now() + 500) : Date.now() + 500;
	await browser.alarms.create(FLUSH_ALARM, { when });
}

/**
 * A flush that may be cut short arms the next one first: a service worker stopped in its middle wakes on that alarm
 * and sends what is left, instead of waiting for the one-minute safety net (50 s in the exactly-once test). Armed
 * only while something waits for a backend, so an idle browser is not woken for nothing; a failed flush replaces it
 * with its backoff.
 */
export async function flushWithWatchdog() {
	const [{ backendUrl }, token, waiting] = await Promise.all([settingsStorage.getValue(), tokenStorage.getValue(), waitingCount()]);
	// Without a backend and a token the flush sends nothing: an alarm would only wake the worker every 30 s for nothing.
	if (backendUrl && token && waiting > 0) await browser.alarms.create(FLUSH_ALARM, { when: Date.now() + FLUSH_WATCHDOG_MS });
	const result = await flush();
	if ((result.waiting > 0 || result.figuresWaiting > 0) && result.nextAttemptAt) await scheduleFlush();
	return result;
}
