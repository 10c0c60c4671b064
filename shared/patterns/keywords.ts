import type { Vocabulary } from '../text/vocabulary';
import type { TermSets } from './term-sets';

/** Terms that never name a subject: category markers (the category is reported apart) and folded noise. */
export const isSyntheticTerm = (term: string) => term.startsWith('category:') || term.startsWith('zz');

/** How many sets hold each term. */
export function documentFrequencies(sets: TermSets, vocabularySize: number): Int32Array {
	const df = new Int32Array(vocabularySize);
	for (let k = 0; k < sets.ids.length; k++) df[sets.ids[k] as number] = (df[sets.ids[k] as number] as number) + 1;
	return df;
}

/**
 * The most distinctive terms a group of tickets shares: each term scores the share of members that hold it times
 * its inverse document frequency in the whole export, so "vpn" (in every member, rare elsewhere) beats "cannot"
 * (everywhere). Only terms that at least two members wrote count: a signature describes what repeats, in the
 * tickets' words, not the category's (the category is reported beside it).
 */
export function sharedKeywords(
	memberTerms: readonly ArrayLike<number>[],
	df: Int32Array,
	totalDocs: number,
	vocabulary: Vocabulary,
	count = 3,
): string[] {
	// Members whose terms repeat (a title re-tokenised) count each term once.
	const held = new Map<number, number>();
	const counted = new Set<number>();
	for (const terms of memberTerms) {
		counted.clear();
		for (let k = 0; k < terms.length; k++) {
			const id = terms[k] as number;
			if (counted.has(id)) continue;
			counted.add(id);
			held.set(id, (held.get(id) ?? 0) + 1);
		}
	}
	const scored: [number, number][] = [];
	for (const [id, times] of held) {
		if (times < 2 || isSyntheticTerm(vocabulary.terms[id] as string)) continue;
		const idf = Math.log((totalDocs + 1) / Math.max(1, df[id] as number));
		scored.push([id, (times / memberTerms.length) * idf]);
	}
	scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
	// After the best term, only those most members wrote: "vpn disconnects", not "vpn disconnects minutes".
	const common = scored.filter(([id], rank) => rank === 0 || (held.get(id) as number) >= 0.4 * memberTerms.length);
	return common.slice(0, count).map(([id]) => vocabulary.surfaces[id] as string);
}
