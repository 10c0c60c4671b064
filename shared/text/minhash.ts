/**
 * MinHash signatures and LSH band keys over character trigrams of a text's words. Trigrams of words (not word
 * sequences) make the set blind to word order and tolerant of small edits ("pritner" and "printer" share most).
 */

/** murmur3's 32-bit finaliser: a cheap, well-mixed hash of an integer. */
function mix32(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** FNV-1a over UTF-16 code units. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return mix32(h >>> 0);
}

/** The set of hashed trigrams of the words, each word padded so that short words still give shingles. */
export function wordTrigrams(words: readonly string[]): Set<number> {
	const shingles = new Set<number>();
	for (const word of words) {
		const padded = `_${word}_`;
		if (padded.length <= 3) shingles.add(hashString(padded));
		for (let i = 0; i + 3 <= padded.length; i++) shingles.add(hashString(padded.slice(i, i + 3)));
	}
	return shingles;
}

/** 64 hash functions in 16 bands of 4 rows: pairs above a Jaccard of about 0.5 share a band with high probability. */
export const MINHASH_SIZE = 64;
export const LSH_BANDS = 16;
const ROWS = MINHASH_SIZE / LSH_BANDS;
const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(0x9e3779b9 + i * 0x7f4a7c15));

export function minhash(shingles: Iterable<number>): Uint32Array {
	const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
	for (const shingle of shingles) {
		for (let i = 0; i < MINHASH_SIZE; i++) {
			const value = mix32(shingle ^ (SEEDS[i] as number));
			if (value < (signature[i] as number)) signature[i] = value;
		}
	}
	return signature;
}

/** One key per band: two signatures that agree on all rows of any band are candidates. */
export function lshBandKeys(signature: Uint32Array): string[] {
	const keys: string[] = [];
	for (let band = 0; band < LSH_BANDS; band++) {
		let h = band + 1;
		for (let row = 0; row < ROWS; row++) h = mix32(h ^ (signature[band * ROWS + row] as number));
		keys.push(`${band}:${h.toString(36)}`);
	}
	return keys;
}

/** The share of equal rows: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
	let equal = 0;
	for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) equal++;
	return equal / MINHASH_SIZE;
}

export const signatureToHex = (signature: Uint32Array) =>
	Array.from(signature, (value) => value.toString(16).padStart(8, '0')).join('');

export function signatureFromHex(hex: string): Uint32Array {
	const signature = new Uint32Array(MINHASH_SIZE);
	for (let i = 0; i < MINHASH_SIZE; i++) signature[i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0;
	return signature;
}
