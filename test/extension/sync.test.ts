import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allQueued, buildSignal, enqueue } from '../../extension/background/queue';
import { flush, status } from '../../extension/background/sync';
import { DEFAULT_SETTINGS, frictionCountersStorage, settingsStorage, syncStateStorage, tokenStorage, whoAmIStorage } from '../../extension/core/storage';

const page = { route: '/front/ticket.form.php', kind: 'ticket-form' as const };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake backend: acknowledges every signal it is sent, except the ids in `refuse` (400) and while `down`. */
function fakeBackend() {
	const received: string[] = [];
	const backend = {
		received,
		batches: [] as number[],
		down: false,
		refuse: new Set<string>(),
		/** Ids refused with 403, as a reporter's token is for a ticket pattern (API.md, roles). */
		forbid: new Set<string>(),
		fetch: vi.fn(async (input: Request | string, init?: RequestInit) => {
			if (backend.down) throw new TypeError('Failed to fetch');
			const request = input instanceof Request ? input : new Request(input, init);
			const { signals } = (await request.json()) as { signals: { id: string }[] };
			backend.batches.push(signals.length);
			if (signals.some((signal) => backend.forbid.has(signal.id))) return json({ error: { code: 'forbidden', message: 'this role may not send pattern signals' } }, 403);
			const refused = signals.filter((signal) => backend.refuse.has(signal.id));
			if (refused.length > 0) return json({ error: { code: 'invalid_request', message: 'text too long', issues: [{ path: 'signals.0.text', message: 'too long' }] } }, 400);
			const duplicates = signals.filter((signal) => received.includes(signal.id)).map((signal) => signal.id);
			const accepted = signals.filter((signal) => !received.includes(signal.id)).map((signal) => signal.id);
			received.push(...accepted);
			return json({ accepted, duplicates });
		}),
	};
	return backend;
}

async function queue(count: number) {
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		const signal = await buildSignal({ kind: 'idea', page, text: `idea ${i}` });
		await enqueue(signal);
		ids.push(signal.id);
	}
	return ids;
}

describe('the sync', () => {
	let backend: ReturnType<typeof fakeBackend>;

	beforeEach(async () => {
		fakeBrowser.reset();
		backend = fakeBackend();
		vi.stubGlobal('fetch', backend.fetch);
		await settingsStorage.setValue({ ...DEFAULT_SETTINGS, backendUrl: 'http://127.0.0.1:8787' });
		await tokenStorage.setValue('token');
	});
	afterEach(() => vi.unstubAllGlobals());

	it('sends in batches of 100 and empties the queue once everything is acknowledged', async () => {
		const ids = await queue(230);
		const result = await flush();
		expect(backend.batches).toEqual([100, 100, 30]);
		expect(backend.received).toEqual(ids);
		expect(result).toMatchObject({ waiting: 0, lastError: null, failures: 0 });
		expect(result.lastSyncAt).not.toBeNull();
	});

	it('keeps everything while the backend is down, with the error in words and a backoff, then sends each once', async () => {
		const ids = await queue(5);
		backend.down = true;
		const failed = await flush();
		expect(failed.waiting).toBe(5);
		expect(failed.lastError).toMatchObject({ status: 0, code: 'network' });
		expect(failed.failures).toBe(1);
		expect(Date.parse(failed.nextAttemptAt ?? '')).toBeGreaterThan(Date.now());
		expect((await allQueued()).every((entry) => entry.attempts === 1)).toBe(true);

		backend.down = false;
		const recovered = await flush();
		expect(recovered).toMatchObject({ waiting: 0, lastError: null, failures: 0, nextAttemptAt: null });
		expect(backend.received).toEqual(ids);
	});

	it('isolates a refused signal by splitting the batch, and keeps it with the server\'s reason', async () => {
		const ids = await queue(8);
		backend.refuse.add(ids[5]!);
		const result = await flush();
		expect(backend.received.sort()).toEqual(ids.filter((id) => id !== ids[5]).sort());
		expect(result.waiting).toBe(0);
		expect(result.rejected.map((entry) => [entry.signal.id, entry.rejected?.message, entry.rejected?.status])).toEqual([[ids[5], 'text too long', 400]]);
		// A refused signal is not sent again by the next flush.
		const before = backend.batches.length;
		await flush();
		expect(backend.batches.length).toBe(before);
	});

	it('sets aside a signal refused with 403 and sends the others, so one refused signal never blocks the queue', async () => {
		const ids = await queue(6);
		backend.forbid.add(ids[2]!);
		const result = await flush();
		expect(backend.received.sort()).toEqual(ids.filter((id) => id !== ids[2]).sort());
		expect(result).toMatchObject({ waiting: 0, lastError: null, failures: 0 });
		expect(result.rejected.map((entry) => [entry.signal.id, entry.rejected?.status, entry.rejected?.code])).toEqual([[ids[2], 403, 'forbidden']]);
		// Signals queued later go out: nothing waits behind the refused one.
		const later = await queue(2);
		await flush();
		expect(backend.received).toEqual(expect.arrayContaining(later));
		expect((await status()).waiting).toBe(0);
	});

	it("sends the user's typed idea even when an automatic friction counter cannot become a signal, and shows that counter", async () => {
		await settingsStorage.setValue({ ...(await settingsStorage.getValue()), autoFriction: true });
		await whoAmIStorage.setValue({ workspace: { id: 'ws_123456', name: 'Desk' }, role: 'reporter', tokenId: 'tok_123456', settings: { shareText: false, autoFriction: true } });
		const long = { ...page, route: `/front/${'a'.repeat(250)}.php` };
		const firstAt = new Date(Date.now() - 400 * 24 * 3600_000).toISOString();
		await frictionCountersStorage.setValue({ bad: { id: crypto.randomUUID(), kind: 'rage-click', page: long, count: 3, firstAt, lastAt: firstAt } });
		const ids = await queue(1);
		const result = await flush();
		expect(backend.received).toEqual(ids);
		expect(result).toMatchObject({ waiting: 0, failures: 0, lastError: null });
		expect(result.setAside.map((entry) => [entry.key, entry.kind])).toEqual([['bad', 'rage-click']]);
	});

	it('treats a signal the server already has as acknowledged (a retry after a lost answer)', async () => {
		const [id] = await queue(1);
		backend.received.push(id!);
		await flush();
		expect(await allQueued()).toEqual([]);
		expect((await status()).waiting).toBe(0);
	});

	it('waits for a backend address and a token before sending', async () => {
		await tokenStorage.setValue('');
		await queue(2);
		await flush();
		expect(backend.fetch).not.toHaveBeenCalled();
		expect((await syncStateStorage.getValue()).lastError).toBeNull();
	});
});

describe('the sync error in words', () => {
	it('says what a user can act on, from the status and the code', async () => {
		const { syncErrorWords } = await import('../../extension/components/popup/sync-status');
		const at = '2026-11-28T10:00:00.000Z';
		expect(syncErrorWords({ message: 'network: Failed to fetch', at, status: 0, code: 'network' })).toBe('The backend cannot be reached.');
		expect(syncErrorWords({ message: '401 unauthorized', at, status: 401, code: 'unauthorized' })).toBe('The token is unknown or was revoked.');
		expect(syncErrorWords({ message: 'x', at, status: 429, code: 'rate_limited' })).toMatch(/slow down/);
		expect(syncErrorWords({ message: 'Something went wrong', at, status: 500, code: 'internal' })).toBe('The backend answered 500: Something went wrong');
		// An error stored by an older version has no status: its message is shown.
		expect(syncErrorWords({ message: 'network: Failed to fetch', at })).toBe('network: Failed to fetch');
	});
});
