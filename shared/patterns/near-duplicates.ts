import { type LshParameters, bandKey, lshParameters, minhashSignatures } from './lsh';
import { type TermSets, jaccard, setCount, setSize, sharesWrittenTerm } from './term-sets';
import { UnionFind } from './union-find';

/** Up to this many tickets, the banding aims at 0.999 recall at the threshold instead of 0.95. */
export const SMALL_EXPORT = 5000;

export interface NearDuplicateOptions {
	/** Jaccard similarity of two term sets at or above which they are near-duplicates. */
	threshold: number;
	/** Override the banding chosen from the threshold (lshParameters). */
	lsh?: LshParameters;
	/**
	 * How many earlier sets of different groups a bucket keeps to compare newcomers with. A bucket of 5,000 copies of
	 * one template would otherwise cost 12.5 million comparisons; members of a group already joined cost one look-up.
	 */
	bucketWidth?: number;
	/**
	 * A bucket whose comparisons failed this many times is closed: its band value is a common pair of words
	 * ("access request"), not a sign of duplication, and the same tickets still meet in their other bands. Without
	 * this, popular buckets cost `bucketWidth` comparisons for every ticket that falls in them; counting failures
	 * rather than failures in a row keeps them closed when copies of one ticket keep arriving (Endava repeated to
	 * 200,000 tickets: 4.0 million pairs compared without closing, 1.1 million with it).
	 */
	closeAfter?: number;
	/**
	 * 1 for the ids of terms that alone never make two tickets alike (a category's words and path): a pair needs at
	 * least one shared term outside them. Issue 16: "Teams camera not detected" and "Écran externe ne s'affiche pas"
	 * were near-duplicates only because both sat in Hardware > Peripherals.
	 */
	categoryTerms?: Uint8Array;
}

export interface NearDuplicateResult {
	/** Connected components of the verified pairs: candidates for groups, which centredGroups then splits. */
	groups: UnionFind;
	/** The verified pairs that joined two components, as [a0, b0, a1, b1, ...]: a spanning forest of the graph. */
	edges: Int32Array;
	lsh: LshParameters;
	/** Pairs looked at (shared a band, not yet in one group) and pairs verified similar enough to join. */
	compared: number;
	joined: number;
}

/**
 * Connected components of the graph "exact Jaccard >= threshold", with candidate pairs from MinHash LSH instead of
 * all pairs. Every edge is verified on the exact sets, so a group never holds a pair joined by a false candidate;
 * what LSH can cost is recall, measured against the exact all-pairs graph in scripts/bench-patterns.js.
 */
export function nearDuplicates(sets: TermSets, termHashes: Uint32Array, options: NearDuplicateOptions): NearDuplicateResult {
	const n = setCount(sets);
	const { threshold } = options;
	// Small exports (a ticket list, a month of tickets) can afford more bands: near-certain recall for little time.
	const lsh = options.lsh ?? lshParameters(threshold, n <= SMALL_EXPORT ? 0.999 : 0.95);
	const width = options.bucketWidth ?? 4;
	const closeAfter = Math.min(255, options.closeAfter ?? 16);
	const hashes = lsh.rows * lsh.bands;
	const signatures = minhashSignatures(sets, termHashes, hashes);
	const groups = new UnionFind(n);
	let compared = 0;
	// The exact Jaccard of a newcomer and a bucket member: the newcomer's terms are stamped once per band, then each
	// member's terms are counted against the stamps, with no branch to mispredict (a sorted merge spent half of
	// this function's time in mispredicted branches). Whether a shared term is a category's is asked only of the
	// pairs that reach the threshold, and the count stops when the member's terms left cannot reach it: 95 % of
	// the pairs compared fail (Endava, 10,000 tickets), and this function took a third less time.
	// Every term id has a hash: the hashes' length bounds the ids without a pass over them.
	const stamps = new Int32Array(termHashes.length);
	const categoryTerms = options.categoryTerms ?? new Uint8Array(0);
	let stamp = 0;
	let joined = 0;
	const edges: number[] = [];

	// One open-addressing table reused for every band: slot -> band key and bucket number; the buckets' members,
	// counts and failures in pools indexed by bucket number (at most one bucket per ticket), to keep the memory
	// touched at random small: at 200,000 tickets cache misses, not arithmetic, set the pace.
	let capacity = 16;
	while (capacity < n * 2) capacity *= 2;
	const mask = capacity - 1;
	const keys = new Int32Array(capacity);
	const bucketOf = new Int32Array(capacity);
	const counts = new Uint8Array(n);
	const misses = new Uint8Array(n);
	const members = new Int32Array(n * width);

	const { ids, offsets } = sets;
	const anyCategory = categoryTerms.includes(1);
	for (let band = 0; band < lsh.bands; band++) {
		bucketOf.fill(-1);
		let buckets = 0;
		for (let doc = 0; doc < n; doc++) {
			const docStart = offsets[doc] as number;
			const docEnd = offsets[doc + 1] as number;
			const size = docEnd - docStart;
			if (size === 0) continue;
			const key = bandKey(signatures, hashes, doc, band, lsh.rows);
			let slot = key & mask;
			while (bucketOf[slot] !== -1 && keys[slot] !== key) slot = (slot + 1) & mask;
			let bucket = bucketOf[slot] as number;
			if (bucket === -1) {
				bucket = buckets++;
				bucketOf[slot] = bucket;
				keys[slot] = key;
				counts[bucket] = 1;
				misses[bucket] = 0;
				members[bucket * width] = doc;
				continue;
			}
			if ((misses[bucket] as number) >= closeAfter) continue;
			const count = counts[bucket] as number;
			let represented = false;
			let stamped = false;
			let root = groups.find(doc);
			for (let m = 0; m < count; m++) {
				const other = members[bucket * width + m] as number;
				if (groups.find(other) === root) {
					represented = true;
					continue;
				}
				const otherStart = offsets[other] as number;
				const otherEnd = offsets[other + 1] as number;
				const otherSize = otherEnd - otherStart;
				// Jaccard can never reach the threshold when one set is much smaller than the other.
				if (Math.min(size, otherSize) < threshold * Math.max(size, otherSize)) continue;
				compared++;
				if (!stamped) {
					stamp++;
					for (let k = docStart; k < docEnd; k++) stamps[ids[k] as number] = stamp;
					stamped = true;
				}
				// The fewest shared terms that reach the threshold; the count stops as soon as the terms left to read
				// cannot make it up (most candidates fail, and fail early).
				const needed = sharedNeeded(size + otherSize, threshold);
				let shared = 0;
				let k = otherStart;
				for (let stop = otherEnd - needed; k < otherEnd && k <= stop + shared; k++) shared += stamps[ids[k] as number] === stamp ? 1 : 0;
				if (shared >= needed && shared > 0 && (!anyCategory || sharesWritten(ids, otherStart, otherEnd, stamps, stamp, categoryTerms))) {
					if (groups.union(doc, other)) edges.push(doc, other);
					root = groups.find(doc);
					joined++;
					represented = true;
				} else if ((misses[bucket] as number) < 255) misses[bucket] = (misses[bucket] as number) + 1;
			}
			if (!represented && count < width) {
				members[bucket * width + count] = doc;
				counts[bucket] = count + 1;
			}
		}
	}
	return { groups, edges: Int32Array.from(edges), lsh, compared, joined };
}

/**
 * The fewest shared terms x for which two sets of `sizes` terms in all reach the threshold: x / (sizes - x) >= threshold,
 * evaluated as `jaccard` does (the quotient only grows with x), so that a pair exactly at the threshold is judged
 * alike by both.
 */
export function sharedNeeded(sizes: number, threshold: number): number {
	let x = Math.max(0, Math.min(sizes, Math.floor((threshold * sizes) / (1 + threshold))));
	while (x > 0 && (x - 1) / (sizes - x + 1) >= threshold) x--;
	while (x < sizes && x / (sizes - x) < threshold) x++;
	return x;
}

/** Whether a stamped term of ids[from .. to) is a written one (not a category's). */
function sharesWritten(ids: Int32Array, from: number, to: number, stamps: Int32Array, stamp: number, categoryTerms: Uint8Array): boolean {
	for (let k = from; k < to; k++) {
		const term = ids[k] as number;
		if (stamps[term] === stamp && categoryTerms[term] !== 1) return true;
	}
	return false;
}

/**
 * The exact graph by comparing every pair: the reference the LSH version is measured against (quadratic).
 * `onPair` hears every pair at or above the threshold.
 */
export function nearDuplicatesExact(
	sets: TermSets,
	threshold: number,
	onPair?: (a: number, b: number) => void,
	categoryTerms?: Uint8Array,
): { groups: UnionFind; edges: Int32Array; pairs: number } {
	const n = setCount(sets);
	const groups = new UnionFind(n);
	const edges: number[] = [];
	let pairs = 0;
	for (let a = 0; a < n; a++) {
		const size = setSize(sets, a);
		if (size === 0) continue;
		for (let b = a + 1; b < n; b++) {
			// The same exact bound as above: it skips work, never a pair.
			const otherSize = setSize(sets, b);
			if (Math.min(size, otherSize) < threshold * Math.max(size, otherSize)) continue;
			if (jaccard(sets, a, b) >= threshold && (!categoryTerms || sharesWrittenTerm(sets, a, b, categoryTerms))) {
				pairs++;
				if (groups.union(a, b)) edges.push(a, b);
				onPair?.(a, b);
			}
		}
	}
	return { groups, edges: Int32Array.from(edges), pairs };
}
