import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { acknowledge, buildSignal, enqueue, pending, reject, withQueue } from '../../extension/background/queue';
import { backoffMs } from '../../extension/background/sync';
import { historyStorage, queueStorage } from '../../extension/core/storage';

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
		expect(await queueStorage.getValue()).toEqual([]);
	});

	it('keeps every capture made while a flush is running (serialised read-modify-write)', async () => {
		const first = await buildSignal({ kind: 'idea', page, text: 'one' });
		await enqueue(first);
		// A flush removes the first signal slowly while three captures arrive.
		const slowAck = withQueue(async (queue) => {
			await new Promise((resolve) => setTimeout(resolve, 20));
			return { queue: queue.filter((entry) => entry.signal.id !== first.id), result: undefined };
		});
		const later = await Promise.all(['two', 'three', 'four'].map(async (text) => enqueue(await buildSignal({ kind: 'idea', page, text }))));
		await slowAck;
		// The slow removal ran first (the chain is first come, first served), then each capture saw the queue it left.
		expect(later).toEqual([1, 2, 3]);
		expect((await queueStorage.getValue()).map((entry) => entry.signal.text)).toEqual(['two', 'three', 'four']);
	});

	it('removes only what was acknowledged, and keeps rejected signals with the reason', async () => {
		const signals = await Promise.all(['a', 'b', 'c'].map((text) => buildSignal({ kind: 'idea', page, text })));
		for (const signal of signals) await enqueue(signal);
		const [a, b, c] = signals;
		if (!a || !b || !c) throw new Error('three signals expected');
		await acknowledge(new Set([a.id]));
		await reject(new Map([[b.id, { status: 400, code: 'invalid_request', message: 'text too long' }]]));
		const queue = await queueStorage.getValue();
		expect(queue.map((entry) => entry.signal.id)).toEqual([b.id, c.id]);
		expect(queue[0]?.rejected?.message).toBe('text too long');
		expect((await pending(100)).map((entry) => entry.signal.id)).toEqual([c.id]);
		expect((await historyStorage.getValue()).map((entry) => entry.id)).toEqual([a.id]);
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
