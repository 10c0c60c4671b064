import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FLUSH_ALARM, flushWithWatchdog } from '../../extension/background/flush-schedule';
import { buildSignal, enqueue } from '../../extension/background/queue';
import { FLUSH_WATCHDOG_MS } from '../../extension/background/sync';
import { DEFAULT_SETTINGS, settingsStorage, tokenStorage } from '../../extension/core/storage';

const page = { route: '/front/ticket.form.php', kind: 'ticket-form' as const };

async function queueOne() {
	await enqueue(await buildSignal({ kind: 'idea', page, text: 'an idea' }));
}

/**
 * Chrome may stop the service worker in the middle of a flush; only an alarm wakes it again. The flush arms one
 * before it sends, so what is left goes out within the watchdog's delay, not the one-minute safety net.
 */
describe('a flush under way', () => {
	beforeEach(async () => {
		fakeBrowser.reset();
		await settingsStorage.setValue({ ...DEFAULT_SETTINGS, backendUrl: 'http://127.0.0.1:8787' });
		await tokenStorage.setValue('token');
	});
	afterEach(() => vi.unstubAllGlobals());

	it('has an alarm armed to finish it while its request is still in flight', async () => {
		await queueOne();
		let answer: (response: Response) => void = () => undefined;
		vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))));
		const started = Date.now();
		const flushing = flushWithWatchdog();
		await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
		// The worker could be stopped now: the alarm is what brings it back.
		const alarm = await browser.alarms.get(FLUSH_ALARM);
		expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(started + FLUSH_WATCHDOG_MS);
		expect(alarm?.scheduledTime).toBeLessThan(Date.now() + FLUSH_WATCHDOG_MS + 1_000);
		answer(new Response(JSON.stringify({ error: { code: 'internal', message: 'down' } }), { status: 503, headers: { 'content-type': 'application/json' } }));
		const result = await flushing;
		// A failed flush puts its backoff in the watchdog's place.
		expect(result.failures).toBe(1);
		expect((await browser.alarms.get(FLUSH_ALARM))?.scheduledTime).toBeCloseTo(Date.parse(result.nextAttemptAt ?? ''), -3);
	});

	it('arms nothing while there is no token to send with', async () => {
		await queueOne();
		await tokenStorage.removeValue();
		vi.stubGlobal('fetch', vi.fn());
		await flushWithWatchdog();
		expect(await browser.alarms.get(FLUSH_ALARM)).toBeUndefined();
		expect(fetch).not.toHaveBeenCalled();
	});

	it('arms nothing when nothing waits, so an idle browser is not woken', async () => {
		vi.stubGlobal('fetch', vi.fn());
		await flushWithWatchdog();
		expect(await browser.alarms.get(FLUSH_ALARM)).toBeUndefined();
		expect(fetch).not.toHaveBeenCalled();
	});
});
