import { describe, expect, it } from 'vitest';
import { SimilarIndex } from '../../shared/patterns/similar';
import type { Ticket } from '../../shared/patterns/ticket';

const corpus: Ticket[] = [
	{ id: 1, title: 'VPN disconnects every 10 minutes', description: 'The Cisco AnyConnect client drops the tunnel.' },
	{ id: 2, title: 'Cannot print to HP-2F', description: 'The printer on the second floor shows error 49.4C02.' },
	{ id: 3, title: 'Outlook not syncing', description: 'Mail stays in the outbox since this morning.' },
	{ id: 4, title: 'VPN drops after Windows update', description: 'AnyConnect tunnel lost since the update.' },
	{ id: 5, title: 'Printer HP-2F paper jam', description: 'Paper jam in tray 2 again.' },
	{ id: 6, title: 'New laptop for new hire', description: 'Please prepare a laptop for Monday.' },
	{ id: 7, title: 'Error 49.4C02 on printer', description: 'Firmware error shown on the display.' },
];

describe('SimilarIndex', () => {
	const index = new SimilarIndex(corpus);

	it('ranks the tickets about the same thing first, itself excluded, with scores from 0 to 1', () => {
		const hits = index.similarTo(1, 3);
		expect(hits[0]?.id).toBe(4);
		expect(hits.map((hit) => hit.id)).not.toContain(1);
		for (const hit of hits) {
			expect(hit.score).toBeGreaterThan(0);
			expect(hit.score).toBeLessThanOrEqual(1 + 1e-9);
		}
		expect(hits).toEqual([...hits].sort((a, b) => b.score - a.score));
	});

	it('keeps error codes as terms: the same code brings two printer tickets together', () => {
		expect(index.similarTo(7, 1)[0]?.id).toBe(2);
	});

	it('weighs the title above the description', () => {
		const titled = new SimilarIndex([
			{ id: 1, title: 'badge reader', description: 'door at the entrance' },
			{ id: 2, title: 'entrance door', description: 'badge reader' },
			{ id: 3, title: 'badge reader broken', description: 'nothing else' },
		]);
		const scores = Object.fromEntries(titled.similarTo(3, 5).map((hit) => [hit.id, hit.score]));
		expect(scores[1]).toBeGreaterThan(scores[2] as number);
	});

	it('answers free text, as for a ticket being typed, and returns at most k', () => {
		const hits = index.search('paper jam on the HP-2F printer', '', 2);
		expect(hits).toHaveLength(2);
		expect(hits[0]?.id).toBe(5);
		expect(index.search('zzzz unknown words only')).toEqual([]);
	});

	it('refuses an id it does not hold', () => {
		expect(() => index.similarTo(99)).toThrow(RangeError);
	});

	it('scores a ticket and its exact copy 1', () => {
		const copies = new SimilarIndex([corpus[0] as Ticket, { ...(corpus[0] as Ticket), id: 9 }, corpus[2] as Ticket]);
		expect(copies.similarTo(1, 1)[0]).toEqual({ id: 9, score: expect.closeTo(1, 9) });
	});
});
