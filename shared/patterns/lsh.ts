import { type TermSets, setCount } from './term-sets';

/**
 * MinHash signatures and LSH banding over term sets. Two sets agree on one MinHash value with probability equal to
 * their Jaccard similarity J; cut into `bands` bands of `rows` values, they share at least one whole band with
 * probability 1 - (1 - J^rows)^bands, an S-curve that is steep around (1/bands)^(1/rows). Only pairs that share a
 * band are ever compared, so the cost grows with the number of tickets, not with its square.
 */
export const MAX_HASHES = 128;

export interface LshParameters {
	rows: number;
	bands: number;
}

/** The chance that a pair of similarity j shares at least one band. */
export const candidateProbability = (j: number, { rows, bands }: LshParameters) => 1 - (1 - j ** rows) ** bands;

/**
 * The cheapest banding (fewest hash functions, rows x bands) that finds a pair sitting exactly at the threshold with
 * probability at least `recall`, with at least two rows per band (one row makes any two tickets that share their
 * most common word candidates). Pairs above the threshold are found more often still, and clusters are connected
 * components, so a missed pair is often joined through a third ticket. At the default threshold 0.4 this is
 * 18 bands of 2 rows (36 hashes): a pair at 0.4 is a candidate with probability 0.96, one at 0.1 with 0.17.
 */
export function lshParameters(threshold: number, recall = 0.95): LshParameters {
	let cheapest: LshParameters | undefined;
	let likeliest: LshParameters = { rows: 2, bands: MAX_HASHES / 2 };
	for (let rows = 2; rows <= 6; rows++) {
		const needed = Math.max(1, Math.ceil(Math.log(1 - recall) / Math.log(1 - threshold ** rows)));
		const bands = Math.min(Math.floor(MAX_HASHES / rows), needed);
		const banding = { rows, bands };
		if (bands === needed && (!cheapest || rows * bands < cheapest.rows * cheapest.bands)) cheapest = banding;
		if (candidateProbability(threshold, banding) > candidateProbability(threshold, likeliest)) likeliest = banding;
	}
	// A threshold so low that no banding reaches the recall within MAX_HASHES: the banding that comes closest.
	return cheapest ?? likeliest;
}

const SEEDS = Int32Array.from({ length: MAX_HASHES }, (_, i) => mix(0x9e3779b9 + Math.imul(i, 0x7f4a7c15)));

function mix(value: number): number {
	let h = value | 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return h ^ (h >>> 16);
}

function hashRow(termHash: number, row: Int32Array, at: number, hashes: number): void {
	for (let f = 0; f < hashes; f++) {
		let h = Math.imul(termHash ^ (SEEDS[f] as number), 0x9e3779b1);
		h ^= h >>> 15;
		row[at + f] = h;
	}
}

/**
 * One signature of `hashes` values per set, in one flat array. Each hash function is a cheap permutation of the
 * term's 32-bit hash (xor a seed, multiply, shift); the terms' own hashes are already well mixed, so three
 * operations per term and function are enough for minima that behave as independent (tested against exact Jaccard).
 * Values are compared as signed integers: any fixed total order gives a valid MinHash.
 *
 * A term that occurs in several sets has its row of hash values computed once and reused (an Endava term occurs
 * in about 40 tickets); terms seen once are hashed in place, so the cache holds only the shared vocabulary.
 */
export function minhashSignatures(sets: TermSets, termHashes: Uint32Array, hashes: number): Int32Array {
	const n = setCount(sets);
	const { ids, offsets } = sets;
	const seen = new Uint8Array(termHashes.length);
	for (let k = 0; k < ids.length; k++) {
		const id = ids[k] as number;
		if ((seen[id] as number) < 2) seen[id] = (seen[id] as number) + 1;
	}
	const rowOf = new Int32Array(termHashes.length).fill(-1);
	let shared = 0;
	for (let id = 0; id < seen.length; id++) if (seen[id] === 2) rowOf[id] = shared++;
	// The last row is scratch space for terms seen once, so that one array serves every term.
	const rows = new Int32Array((shared + 1) * hashes);
	const scratch = shared * hashes;
	for (let id = 0; id < seen.length; id++) {
		if (seen[id] === 2) hashRow(termHashes[id] as number, rows, (rowOf[id] as number) * hashes, hashes);
	}
	const signatures = new Int32Array(n * hashes);
	// The minima of one set are kept in a small buffer that stays in the processor's cache, then copied.
	const minima = new Int32Array(hashes);
	for (let doc = 0; doc < n; doc++) {
		minima.fill(0x7fffffff);
		const end = offsets[doc + 1] as number;
		for (let k = offsets[doc] as number; k < end; k++) {
			const id = ids[k] as number;
			let at = (rowOf[id] as number) * hashes;
			if (at < 0) {
				hashRow(termHashes[id] as number, rows, scratch, hashes);
				at = scratch;
			}
			for (let f = 0; f < hashes; f++) {
				const h = rows[at + f] as number;
				if (h < (minima[f] as number)) minima[f] = h;
			}
		}
		signatures.set(minima, doc * hashes);
	}
	return signatures;
}

/** A 32-bit key for band `band` of signature `doc`; distinct bands of equal values get distinct keys. */
export function bandKey(signatures: Int32Array, hashes: number, doc: number, band: number, rows: number): number {
	let h = mix(band + 1);
	const start = doc * hashes + band * rows;
	for (let r = 0; r < rows; r++) h = mix(h ^ (signatures[start + r] as number));
	return h;
}
