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
	/** Each touched term's score in take (-1: not a candidate), reused from group to group. */
	private scores = new Float64Array(64);
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
		const { held, touched, members } = this;
		// The best term, then the best of those most members wrote ("vpn disconnects", not "vpn disconnects
		// minutes"), in the order of a sort by score then id, chosen in one pass each: sorting every term of every
		// group was most of describing 33,000 groups.
		const scores = this.scores.length >= touched.length ? this.scores : (this.scores = new Float64Array(touched.length * 2));
		let best = -1;
		for (let i = 0; i < touched.length; i++) {
			const id = touched[i] as number;
			const times = held[id] as number;
			if (times < 2 || this.synthetic[id] === 1) {
				scores[i] = -1;
				continue;
			}
			const idf = Math.log((this.totalDocs + 1) / Math.max(1, this.df[id] as number));
			const score = (times / members) * idf;
			scores[i] = score;
			if (best === -1 || ranksBefore(score, id, scores[best] as number, touched[best] as number)) best = i;
		}
		const chosen: number[] = best === -1 || count <= 0 ? [] : [best];
		if (best !== -1 && count > 1) {
			for (let i = 0; i < touched.length; i++) {
				const score = scores[i] as number;
				const id = touched[i] as number;
				if (score < 0 || i === best || (held[id] as number) < 0.4 * members) continue;
				let at = chosen.length;
				while (at > 1 && ranksBefore(score, id, scores[chosen[at - 1] as number] as number, touched[chosen[at - 1] as number] as number)) at--;
				if (at >= count) continue;
				chosen.splice(at, 0, i);
				if (chosen.length > count) chosen.pop();
			}
		}
		const keywords = chosen.map((i) => this.vocabulary.surfaces[touched[i] as number] as string);
		for (const id of touched) held[id] = 0;
		touched.length = 0;
		this.members = 0;
		return keywords;
	}
}

/** Whether a term of `score` and `id` comes first among keywords: higher score, then smaller id. */
const ranksBefore = (score: number, id: number, otherScore: number, otherId: number) => score > otherScore || (score === otherScore && id < otherId);
