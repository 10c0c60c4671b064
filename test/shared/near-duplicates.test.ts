import { describe, expect, it } from 'vitest';
import { candidateProbability, lshParameters, minhashSignatures } from '../../shared/patterns/lsh';
import { nearDuplicates, nearDuplicatesExact, sharedNeeded } from '../../shared/patterns/near-duplicates';
import { jaccard, toTermSets } from '../../shared/patterns/term-sets';
import { Vocabulary } from '../../shared/text/vocabulary';
import { random } from './support/random';

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

describe('sharedNeeded', () => {
	it('is the fewest shared terms whose Jaccard, computed as jaccard() does, reaches the threshold', () => {
		for (const threshold of [0, 0.1, 0.3, 1 / 3, 0.4, 0.45, 0.5, 2 / 3, 0.7, 1, 1.5]) {
			for (let sizes = 2; sizes <= 120; sizes++) {
				let fewest = 0;
				while (fewest < sizes && !(fewest / (sizes - fewest) >= threshold)) fewest++;
				expect(sharedNeeded(sizes, threshold), `${sizes} terms at ${threshold}`).toBe(fewest);
			}
		}
	});
});
