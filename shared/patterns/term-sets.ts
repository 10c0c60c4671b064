/**
 * Many small sets of term ids in two flat arrays (each set sorted, without repeats): set i is
 * ids[offsets[i] .. offsets[i + 1]). Flat typed arrays keep 200,000 sets in a few megabytes and make the exact
 * Jaccard of two sets a merge of two sorted runs, with no hashing and no allocation.
 */
export interface TermSets {
	readonly ids: Int32Array;
	readonly offsets: Int32Array;
}

export const setCount = (sets: TermSets) => sets.offsets.length - 1;
export const setSize = (sets: TermSets, i: number) => (sets.offsets[i + 1] as number) - (sets.offsets[i] as number);

/**
 * Builds the flat form one set at a time, without an array per set: repeats are dropped with a stamp per term and
 * the few terms of a ticket are sorted in place (insertion sort below 48 terms, where it beats a typed-array sort).
 */
export class TermSetsBuilder {
	private ids = new Int32Array(1 << 16);
	private offsets: number[] = [0];
	private stamps = new Int32Array(1 << 12);
	private length = 0;

	/** Adds the next set from its term ids (any order, repeats allowed). */
	add(terms: readonly number[]): void {
		const set = this.offsets.length;
		const start = this.length;
		if (start + terms.length > this.ids.length) this.ids = grow(this.ids, start + terms.length);
		const ids = this.ids;
		let end = start;
		for (const term of terms) {
			if (term >= this.stamps.length) this.stamps = grow(this.stamps, term + 1);
			if (this.stamps[term] === set) continue;
			this.stamps[term] = set;
			let at = end++;
			if (end - start <= 48) {
				while (at > start && (ids[at - 1] as number) > term) {
					ids[at] = ids[at - 1] as number;
					at--;
				}
			}
			ids[at] = term;
		}
		if (end - start > 48) ids.subarray(start, end).sort();
		this.length = end;
		this.offsets.push(end);
	}

	build(): TermSets {
		return { ids: this.ids.slice(0, this.length), offsets: Int32Array.from(this.offsets) };
	}
}

/** A copy of `array` at least `needed` long (doubling), for arrays filled as they go. */
export function grow(array: Int32Array, needed: number): Int32Array<ArrayBuffer> {
	let size = array.length * 2;
	while (size < needed) size *= 2;
	const grown = new Int32Array(size);
	grown.set(array);
	return grown;
}

/** Builds the flat form from lists of term ids (any order, repeats allowed). */
export function toTermSets(lists: readonly (readonly number[])[]): TermSets {
	const builder = new TermSetsBuilder();
	for (const list of lists) builder.add(list);
	return builder.build();
}

/** The exact Jaccard similarity of sets a and b (0 when both are empty). */
export function jaccard(sets: TermSets, a: number, b: number): number {
	const { ids, offsets } = sets;
	let i = offsets[a] as number;
	const iEnd = offsets[a + 1] as number;
	let j = offsets[b] as number;
	const jEnd = offsets[b + 1] as number;
	const sizes = iEnd - i + (jEnd - j);
	if (sizes === 0) return 0;
	let shared = 0;
	while (i < iEnd && j < jEnd) {
		const x = ids[i] as number;
		const y = ids[j] as number;
		if (x === y) {
			shared++;
			i++;
			j++;
		} else if (x < y) i++;
		else j++;
	}
	return shared / (sizes - shared);
}

/** Whether sets a and b share a term that is not flagged in `categoryTerms` (a term the tickets wrote). */
export function sharesWrittenTerm(sets: TermSets, a: number, b: number, categoryTerms: Uint8Array): boolean {
	const { ids, offsets } = sets;
	let i = offsets[a] as number;
	let j = offsets[b] as number;
	while (i < (offsets[a + 1] as number) && j < (offsets[b + 1] as number)) {
		const x = ids[i] as number;
		const y = ids[j] as number;
		if (x === y) {
			if (categoryTerms[x] !== 1) return true;
			i++;
			j++;
		} else if (x < y) i++;
		else j++;
	}
	return false;
}
