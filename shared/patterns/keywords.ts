import type { Vocabulary } from '../text/vocabulary';
import type { TermSets } from './term-sets';

/** Terms that never name a subject: category markers (the category is reported apart) and folded noise. */
export const isSyntheticTerm = (term: string) => term.startsWith('category:') || term.startsWith('category-word:') || term.startsWith('zz');

/** How many sets hold each term. */
export function documentFrequencies(sets: TermSets, vocabularySize: number): Int32Array {
	const df = new Int32Array(vocabularySize);
	for (let k = 0; k < sets.ids.length; k++) df[sets.ids[k] as number] = (df[sets.ids[k] as number] as number) + 1;
	return df;
}

/**
 * The most distinctive terms of groups of tickets. Counters are typed arrays reused from one group to the next, so
 * that describing the 29,000 groups of 200,000 tickets allocates nothing per ticket (with a Map and a Set per group
 * it took half the clustering time).
 */
export class KeywordCounter {
	private readonly held: Int32Array;
	private readonly lastMember: Int32Array;
	/** 1 for terms that cannot be keywords (isSyntheticTerm), decided once per term. */
	private readonly synthetic: Uint8Array;
	private readonly touched: number[] = [];
	private member = 0;
	private members = 0;

	constructor(
		private readonly vocabulary: Vocabulary,
		private readonly df: Int32Array,
		private readonly totalDocs: number,
	) {
		this.held = new Int32Array(vocabulary.size);
		this.lastMember = new Int32Array(vocabulary.size).fill(-1);
		this.synthetic = Uint8Array.from(vocabulary.terms, (term) => (isSyntheticTerm(term) ? 1 : 0));
	}

	/** Counts one member's terms (repeats within a member count once). */
	add(terms: ArrayLike<number>, from = 0, to = terms.length): void {
		const member = this.member++;
		this.members++;
		for (let k = from; k < to; k++) {
			const id = terms[k] as number;
			if (id >= this.held.length || this.lastMember[id] === member) continue;
			this.lastMember[id] = member;
			if (this.held[id] === 0) this.touched.push(id);
			this.held[id] = (this.held[id] as number) + 1;
		}
	}

	/**
	 * The group's keywords, then the counters are cleared for the next group. Each term scores the share of members
	 * that hold it times its inverse document frequency in the whole export, so "vpn" (in every member, rare
	 * elsewhere) beats "cannot" (everywhere). Only terms that at least two members wrote count: a signature
	 * describes what repeats, in the tickets' words, not the category's (the category is reported beside it).
	 */
	take(count = 3): string[] {
		const scored: [number, number][] = [];
		for (const id of this.touched) {
			const times = this.held[id] as number;
			if (times < 2 || this.synthetic[id] === 1) continue;
			const idf = Math.log((this.totalDocs + 1) / Math.max(1, this.df[id] as number));
			scored.push([id, (times / this.members) * idf]);
		}
		scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
		// After the best term, only those most members wrote: "vpn disconnects", not "vpn disconnects minutes".
		const common = scored.filter(([id], rank) => rank === 0 || (this.held[id] as number) >= 0.4 * this.members);
		const keywords = common.slice(0, count).map(([id]) => this.vocabulary.surfaces[id] as string);
		for (const id of this.touched) this.held[id] = 0;
		this.touched.length = 0;
		this.members = 0;
		return keywords;
	}
}
