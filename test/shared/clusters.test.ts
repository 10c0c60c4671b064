import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_THRESHOLD, clusterTickets, ticketTermSets } from '../../shared/patterns/clusters';
import { parseGlpiCsv } from '../../shared/patterns/glpi-csv';
import { candidateProbability, lshParameters, minhashSignatures } from '../../shared/patterns/lsh';
import { nearDuplicates, nearDuplicatesExact } from '../../shared/patterns/near-duplicates';
import { jaccard, toTermSets } from '../../shared/patterns/term-sets';
import type { Ticket } from '../../shared/patterns/ticket';
import { Vocabulary } from '../../shared/text/vocabulary';
import { CAPTURED_CSV, SKIP_CAPTURED, hasCapturedCsv } from './support/data';

const tickets = (titles: string[], category?: string): Ticket[] =>
	titles.map((title, i) => ({ id: i + 1, title, ...(category ? { category } : {}) }));

/** A deterministic pseudo-random generator, so that failures can be replayed. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

describe('lshParameters', () => {
	it('finds a pair at the threshold with probability 0.95 or more, and one at 0.1 rarely', () => {
		for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.8]) {
			const banding = lshParameters(threshold);
			expect(candidateProbability(threshold, banding)).toBeGreaterThanOrEqual(0.95);
			expect(banding.rows * banding.bands).toBeLessThanOrEqual(128);
			expect(candidateProbability(0.1, banding)).toBeLessThan(0.3);
		}
	});
});

describe('minhashSignatures', () => {
	it('agree on a share of values that estimates the Jaccard similarity without bias', () => {
		const next = random(11);
		const vocabulary = new Vocabulary();
		for (let term = 0; term < 50_000; term++) vocabulary.idOf(`t${term}`);
		for (const [shared, own] of [
			[4, 6],
			[10, 5],
			[30, 10],
		] as const) {
			// Pairs of sets with `shared` common terms and `own` terms each: Jaccard shared / (shared + 2 own).
			const lists: number[][] = [];
			for (let pair = 0; pair < 300; pair++) {
				const common = Array.from({ length: shared }, () => Math.floor(next() * 50_000));
				lists.push([...common, ...Array.from({ length: own }, () => Math.floor(next() * 50_000))]);
				lists.push([...common, ...Array.from({ length: own }, () => Math.floor(next() * 50_000))]);
			}
			const sets = toTermSets(lists);
			const hashes = 36;
			const signatures = minhashSignatures(sets, vocabulary.termHashes, hashes);
			let agreeing = 0;
			let exact = 0;
			for (let pair = 0; pair < 300; pair++) {
				for (let f = 0; f < hashes; f++) agreeing += signatures[2 * pair * hashes + f] === signatures[(2 * pair + 1) * hashes + f] ? 1 : 0;
				exact += jaccard(sets, 2 * pair, 2 * pair + 1);
			}
			expect(agreeing / (300 * hashes)).toBeCloseTo(exact / 300, 1);
		}
	});
});

describe('nearDuplicates', () => {
	it('finds the pairs of the exact all-pairs graph on random sets with planted near-copies', () => {
		const next = random(42);
		const lists: number[][] = [];
		for (let i = 0; i < 600; i++) {
			if (i % 3 === 2) {
				// A near-copy of the previous set: most terms kept, a few swapped.
				lists.push((lists[i - 1] as number[]).map((term) => (next() < 0.15 ? 5000 + Math.floor(next() * 5000) : term)));
			} else lists.push(Array.from({ length: 8 + Math.floor(next() * 20) }, () => Math.floor(next() * 3000)));
		}
		const vocabulary = new Vocabulary();
		for (let term = 0; term < 10_000; term++) vocabulary.idOf(`t${term}`);
		const sets = toTermSets(lists);
		const exactPairs: [number, number][] = [];
		nearDuplicatesExact(sets, 0.4, (a, b) => exactPairs.push([a, b]));
		const found = nearDuplicates(sets, vocabulary.termHashes, { threshold: 0.4 });
		expect(exactPairs.length).toBeGreaterThan(150);
		const together = exactPairs.filter(([a, b]) => found.groups.find(a) === found.groups.find(b)).length;
		expect(together / exactPairs.length).toBeGreaterThanOrEqual(0.95);
		// Every join was verified on the exact sets: nothing joins below the threshold without a path above it.
		for (const members of found.groups.groups()) {
			for (const member of members) expect(members.some((other) => other !== member && jaccard(sets, member, other) >= 0.4)).toBe(true);
		}
	});

	it('compares far fewer pairs than all of them', () => {
		const next = random(7);
		const lists = Array.from({ length: 3000 }, () => Array.from({ length: 15 }, () => Math.floor(next() * 20_000)));
		const vocabulary = new Vocabulary();
		for (let term = 0; term < 20_000; term++) vocabulary.idOf(`t${term}`);
		const found = nearDuplicates(toTermSets(lists), vocabulary.termHashes, { threshold: 0.4 });
		expect(found.compared).toBeLessThan((3000 * 2999) / 2 / 100);
		expect(found.groups.groups()).toEqual([]);
	});
});

describe('clusterTickets', () => {
	it('groups near-duplicate titles and names them by their shared words', () => {
		const clusters = clusterTickets(
			tickets([
				'Outlook crashes when opening attachments',
				'Outlook crashes opening an attachment',
				'Printer on floor 2 is jammed',
				'Outlook keeps crashing when I open attachments',
				'Badge reader broken at the entrance',
			]),
		);
		expect(clusters).toHaveLength(1);
		expect(clusters[0]?.ticketIds).toEqual([1, 2, 4]);
		// Four words are in all three titles; a signature keeps three of them.
		expect(clusters[0]?.keywords).toHaveLength(3);
		for (const word of clusters[0]?.keywords ?? []) expect(['outlook', 'crashes', 'opening', 'attachments']).toContain(word);
		expect(clusters[0]?.signature).toMatch(/outlook/);
	});

	it('joins more tickets at a lower threshold and fewer at a higher one', () => {
		const list = tickets(['vpn drops every hour', 'vpn drops at login', 'vpn slow at login', 'vpn drops every hour again']);
		const sizes = (threshold: number) => clusterTickets(list, { threshold }).map((c) => c.size);
		expect(sizes(0.3)).toEqual([4]);
		expect(sizes(0.9)).toEqual([2]);
	});

	it('lets the category join short titles that share no word, but not across categories', () => {
		const list: Ticket[] = [
			{ id: 1, title: 'Password reset request', category: 'Accounts > Password reset' },
			{ id: 2, title: 'Locked out of my account', category: 'Accounts > Password reset' },
			{ id: 3, title: 'Account locked again', category: 'Accounts > Password reset' },
			{ id: 4, title: 'Reset password for new intern', category: 'Accounts > Password reset' },
			{ id: 5, title: 'Account locked again', category: 'Printing' },
		];
		expect(clusterTickets(list).map((c) => c.ticketIds)).toEqual([[1, 2, 3, 4]]);
		expect(clusterTickets(list, { useCategory: false }).map((c) => c.ticketIds)).toEqual([[2, 3, 5], [1, 4]]);
	});

	it('leaves out tickets with no words and never clusters an empty set', () => {
		expect(clusterTickets(tickets(['', '???', '!!!']))).toEqual([]);
		expect(ticketTermSets(tickets(['', 'x'])).sets.ids).toHaveLength(0);
	});

	it('is the same with or without LSH on a small export', () => {
		const list = tickets(['mail down', 'mail is down', 'mail server down again', 'printer jam', 'printer jam on floor 2', 'new laptop']);
		expect(clusterTickets(list)).toEqual(clusterTickets(list, { exact: true }));
	});
});

describe.skipIf(!hasCapturedCsv)(`the captured GLPI 10.0.17 export (${hasCapturedCsv ? 'present' : SKIP_CAPTURED})`, () => {
	const exported = hasCapturedCsv ? parseGlpiCsv(readFileSync(CAPTURED_CSV, 'utf8')) : { tickets: [] };
	const clusters = clusterTickets(exported.tickets);
	const clusterOf = (id: number) => clusters.find((c) => c.ticketIds.includes(id));
	const title = (id: number) => exported.tickets.find((t) => t.id === id)?.title ?? '';

	it.each([
		['VPN', 'Network > VPN', 6],
		['password', 'Accounts > Password reset', 5],
		['printer', 'Printing', 3],
	])('puts the %s tickets in one cluster of their own', (_, category, size) => {
		const ids = exported.tickets.filter((t) => t.category === category).map((t) => t.id);
		expect(ids).toHaveLength(size);
		const cluster = clusterOf(ids[0] as number);
		expect(cluster?.ticketIds).toEqual(ids);
		expect(cluster?.category).toBe(category);
		expect(cluster?.categoryShare).toBe(1);
	});

	it('never mixes categories, and leaves the three unrelated e-mail tickets alone', () => {
		for (const cluster of clusters) expect(cluster.categoryShare).toBe(1);
		for (const t of exported.tickets.filter((t) => t.category === 'Email')) expect(clusterOf(t.id), title(t.id)).toBeUndefined();
	});

	it('signs the VPN cluster with its words, ready to sync', () => {
		expect(clusterOf(1)?.signature).toBe('vpn disconnects');
	});

	it(`keeps these clusters for thresholds around the default ${DEFAULT_CLUSTER_THRESHOLD}`, () => {
		for (const threshold of [0.36, 0.38, 0.4, 0.42]) {
			const ids = clusterTickets(exported.tickets, { threshold }).map((c) => c.ticketIds.join(','));
			expect(ids).toEqual(expect.arrayContaining(['1,2,3,4,5,6', '7,8,9,10,11', '12,13,14']));
		}
	});
});
