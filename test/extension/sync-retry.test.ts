import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allQueued, buildSignal, enqueue } from '../../extension/background/queue';
import { flush } from '../../extension/background/sync';
import { DEFAULT_SETTINGS, settingsStorage, tokenStorage } from '../../extension/core/storage';

/**
 * The client half of the server-fault proof (test/worker/faults.test.ts is the server half): when the worker answers
 * 500 because D1 failed in the middle of a batch, nothing was written, so the extension must keep every signal of the
 * batch and send the very same ids again; the server's idempotency then stores each once.
 */
const page = { route: '/front/ticket.form.php', kind: 'ticket-form' as const };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const internal = () => json({ error: { code: 'internal', message: 'Something went wrong on our side; the request can be retried.' } }, 500);

/** A backend that stores what it accepts; `faults` says what each request gets before it is handled normally. */
function faultyBackend(faults: ('500' | 'drop-after-commit' | 'ok')[]) {
	const stored = new Map<string, number>();
	const requests: string[][] = [];
	const fetch = vi.fn(async (input: Request | string, init?: RequestInit) => {
		const request = input instanceof Request ? input : new Request(input, init);
		const ids = ((await request.json()) as { signals: { id: string }[] }).signals.map((signal) => signal.id);
		requests.push(ids);
		const fault = faults.shift() ?? 'ok';
		// A D1 fault rolls the whole batch back: nothing stored.
		if (fault === '500') return internal();
		const accepted = ids.filter((id) => !stored.has(id));
		for (const id of ids) stored.set(id, (stored.get(id) ?? 0) + (accepted.includes(id) ? 1 : 0));
		// Stored, but the answer never reaches the client (a dropped connection after the commit).
		if (fault === 'drop-after-commit') throw new TypeError('Failed to fetch');
		return json({ accepted, duplicates: ids.filter((id) => !accepted.includes(id)) });
	});
	return { stored, requests, fetch };
}

async function queue(count: number) {
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		const signal = await buildSignal({ kind: 'idea', page, text: `retry ${i}` });
		await enqueue(signal);
		ids.push(signal.id);
	}
	return ids;
}

describe('the sync after a server fault', () => {
	beforeEach(async () => {
		fakeBrowser.reset();
		await settingsStorage.setValue({ ...DEFAULT_SETTINGS, backendUrl: 'http://127.0.0.1:8787' });
		await tokenStorage.setValue('token');
	});
	afterEach(() => vi.unstubAllGlobals());

	it('keeps the whole batch on a 500, says so, and sends the same ids again: each stored once', async () => {
		const backend = faultyBackend(['500', '500']);
		vi.stubGlobal('fetch', backend.fetch);
		const ids = await queue(7);

		const failed = await flush();
		expect(failed).toMatchObject({ waiting: 7, failures: 1, lastError: { status: 500, code: 'internal' } });
		expect(failed.rejected).toEqual([]);
		expect(Date.parse(failed.nextAttemptAt ?? '')).toBeGreaterThan(Date.now());
		expect((await flush()).failures).toBe(2);
		expect((await allQueued()).map((entry) => entry.attempts)).toEqual(Array(7).fill(2));

		const recovered = await flush();
		expect(recovered).toMatchObject({ waiting: 0, failures: 0, lastError: null });
		expect(backend.requests).toEqual([ids, ids, ids]);
		expect([...backend.stored.entries()]).toEqual(ids.map((id) => [id, 1]));
	});

	it('on a 500 in the middle of a flush, keeps what was not acknowledged and never resends what was', async () => {
		const backend = faultyBackend(['ok', '500']);
		vi.stubGlobal('fetch', backend.fetch);
		const ids = await queue(250);

		const failed = await flush();
		expect(failed.waiting).toBe(150);
		expect((await allQueued()).map((entry) => entry.signal.id)).toEqual(ids.slice(100));
		await flush();
		expect(backend.requests.map((batch) => [batch[0], batch.length])).toEqual([
			[ids[0], 100],
			[ids[100], 100],
			[ids[100], 100],
			[ids[200], 50],
		]);
		expect(await allQueued()).toEqual([]);
		expect([...backend.stored.values()].every((count) => count === 1)).toBe(true);
		expect(backend.stored.size).toBe(250);
	});

	it('when the answer is lost after the commit, the retry comes back as duplicates and the queue empties', async () => {
		const backend = faultyBackend(['drop-after-commit']);
		vi.stubGlobal('fetch', backend.fetch);
		const ids = await queue(3);
		expect((await flush()).waiting).toBe(3);
		expect((await flush()).waiting).toBe(0);
		expect(backend.requests).toEqual([ids, ids]);
		expect([...backend.stored.values()]).toEqual([1, 1, 1]);
	});
});
