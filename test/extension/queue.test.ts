import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_QUEUED_SIGNALS, QUEUE_FULL, acknowledge, allQueued, buildSignal, discardRefused, enqueue, pending, reject, retryRefused } from '../../extension/background/queue';
import { backoffMs } from '../../extension/background/sync';
import { type QueuedSignal, QUEUE_SEGMENT_SIZE, historyStorage, queueStorage } from '../../extension/core/storage';
import type { Signal } from '../../shared/schemas/signal';

const page = { route: '/front/ticket.form.php', kind: 'ticket-form' as const, itemtype: 'Ticket', itemId: 5 };

describe('the signal queue', () => {
	beforeEach(() => fakeBrowser.reset());

	it('builds a valid signal with an id, a time and the installation as reporter, redacted', async () => {
		const signal = await buildSignal({ kind: 'idea', page, text: '  Ask Martin Alice (alice@example.org) ', names: ['Martin Alice'] }, new Date('2026-11-28T10:00:00Z'));
		expect(signal).toMatchObject({ kind: 'idea', createdAt: '2026-11-28T10:00:00.000Z', page, text: 'Ask [name] ([email])' });
		expect(signal.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(signal.reporter).toMatch(/^[0-9a-f]{32}$/);
		expect((await buildSignal({ kind: 'idea', page })).reporter).toBe(signal.reporter);
	});

	it('refuses a draft the schema refuses, before it is queued', async () => {
		await expect(buildSignal({ kind: 'idea', page, tags: ['Not A Tag'] })).rejects.toThrow();
		expect(await allQueued()).toEqual([]);
	});

	it('keeps every capture made while a flush is running (serialised read-modify-write)', async () => {
		const first = await buildSignal({ kind: 'idea', page, text: 'one' });
		await enqueue(first);
		// A flush removes the first signal while three captures arrive.
		const ack = acknowledge(new Set([first.id]));
		const later = await Promise.all(['two', 'three', 'four'].map(async (text) => enqueue(await buildSignal({ kind: 'idea', page, text }))));
		await ack;
		// The removal ran first (the chain is first come, first served), then each capture saw the queue it left.
		expect(later).toEqual([1, 2, 3]);
		expect((await allQueued()).map((entry) => entry.signal.text)).toEqual(['two', 'three', 'four']);
	});

	it('removes only what was acknowledged, and keeps rejected signals with the reason', async () => {
		const signals = await Promise.all(['a', 'b', 'c'].map((text) => buildSignal({ kind: 'idea', page, text })));
		for (const signal of signals) await enqueue(signal);
		const [a, b, c] = signals;
		if (!a || !b || !c) throw new Error('three signals expected');
		await acknowledge(new Set([a.id]));
		await reject(new Map([[b.id, { status: 400, code: 'invalid_request', message: 'text too long' }]]));
		const queue = await allQueued();
		expect(queue.map((entry) => entry.signal.id)).toEqual([b.id, c.id]);
		expect(queue[0]?.rejected?.message).toBe('text too long');
		expect((await pending(100)).map((entry) => entry.signal.id)).toEqual([c.id]);
		expect((await historyStorage.getValue()).map((entry) => entry.id)).toEqual([a.id]);
	});
});

describe('the queue near its cap (issue 15)', () => {
	beforeEach(() => fakeBrowser.reset());

	const idea = (text: string) => buildSignal({ kind: 'idea', page, text });
	const automatic = () => buildSignal({ kind: 'auto-friction', page, tags: ['rage-click'], count: 3, target: { selector: '#save' } });
	const pattern = () => buildSignal({ kind: 'pattern', page, pattern: { type: 'duplicates', size: 3, signature: 'vpn disconnects', ticketIds: [1, 2, 3] } });

	/** Bytes each storage write carries, as the browser would serialise them. */
	function watchWrites() {
		const set = vi.spyOn(fakeBrowser.storage.local, 'set');
		return () => set.mock.calls.reduce((sum, [items]) => sum + JSON.stringify(items).length, 0);
	}

	it('writes as much to add one signal near the cap as to an empty queue (the last segment and the index)', async () => {
		const written = watchWrites();
		await enqueue(await idea('first'));
		const first = written();
		for (let i = 0; i < MAX_QUEUED_SIGNALS - 10; i++) await enqueue(await idea(`filler ${i}`));
		const before = written();
		await enqueue(await idea('near the cap'));
		const nearCap = written() - before;
		// The old single array rewrote every queued signal on each add: 1,990 times the first write here.
		expect(nearCap).toBeLessThan(first * (QUEUE_SEGMENT_SIZE + 10));
		expect(nearCap).toBeLessThan(first * (MAX_QUEUED_SIGNALS / 10));
	}, 60_000);

	it('when full, drops automatic counts first, then ticket patterns, and never a typed capture, which is refused instead', async () => {
		const auto = [await automatic(), await automatic()];
		const patterns = [await pattern()];
		await enqueue(auto[0]!);
		await enqueue(patterns[0]!);
		await enqueue(auto[1]!);
		const typed: Signal[] = [];
		while (typed.length + 3 < MAX_QUEUED_SIGNALS) {
			const signal = await idea(`typed ${typed.length}`);
			typed.push(signal);
			await enqueue(signal);
		}
		const ids = async () => (await allQueued()).map((entry) => entry.signal.id);
		expect(await ids()).toHaveLength(MAX_QUEUED_SIGNALS);

		const extra = [await idea('extra 1'), await idea('extra 2'), await idea('extra 3')];
		await enqueue(extra[0]!);
		expect(await ids()).not.toContain(auto[0]!.id);
		await enqueue(extra[1]!);
		expect(await ids()).not.toContain(auto[1]!.id);
		await enqueue(extra[2]!);
		expect(await ids()).not.toContain(patterns[0]!.id);
		expect((await queueStorage.getValue()).dropped).toEqual({ automatic: 2, patterns: 1 });

		// Only typed words are left: a new automatic count is dropped, a new capture is refused, nothing typed is lost.
		await enqueue(await automatic());
		await expect(enqueue(await idea('one too many'))).rejects.toThrow(QUEUE_FULL);
		expect(await ids()).toEqual([...typed, ...extra].map((signal) => signal.id));
		expect((await queueStorage.getValue()).dropped).toEqual({ automatic: 3, patterns: 1 });
	}, 60_000);

	it('lets the user retry or discard refused signals', async () => {
		const signals = await Promise.all(['a', 'b', 'c'].map(idea));
		for (const signal of signals) await enqueue(signal);
		const [a, b, c] = signals.map((signal) => signal.id) as [string, string, string];
		await reject(new Map([a, b].map((id) => [id, { status: 400, code: 'invalid_request', message: 'no' }])));
		expect((await pending(10)).map((entry) => entry.signal.id)).toEqual([c]);
		await retryRefused(new Set([a]));
		expect((await pending(10)).map((entry) => entry.signal.id)).toEqual([a, c]);
		// Discarding touches refused signals only.
		await discardRefused(new Set([b, c]));
		expect((await allQueued()).map((entry) => entry.signal.id)).toEqual([a, c]);
	});

	it('migrates the single array of version 1 into segments, in order, refused ones kept', async () => {
		const old: QueuedSignal[] = [];
		for (let i = 0; i < 250; i++) old.push({ signal: await idea(`old ${i}`), queuedAt: new Date().toISOString(), attempts: i % 3, ...(i === 7 ? { rejected: { status: 400, code: 'invalid_request', message: 'no' } } : {}) });
		await fakeBrowser.storage.local.set({ queue: old });
		await queueStorage.migrate();
		expect(await allQueued()).toEqual(old);
		expect((await queueStorage.getValue()).segments.map((segment) => [segment.entries, segment.refused])).toEqual([[100, 1], [100, 0], [50, 0]]);
		expect((await pending(300)).length).toBe(249);
	});
});

describe('backoff', () => {
	it('doubles from 5 s to a 30 min ceiling, with ±50 % jitter', () => {
		expect(backoffMs(1, () => 0.5)).toBe(5_000);
		expect(backoffMs(3, () => 0.5)).toBe(20_000);
		expect(backoffMs(30, () => 0.5)).toBe(30 * 60_000);
		expect(backoffMs(2, () => 0)).toBe(5_000);
		expect(backoffMs(2, () => 0.999)).toBeGreaterThan(14_900);
	});
});
