import { hashString } from './minhash';
import { type NumberMode, normalizeText, wordOf } from './normalize';
import { WordTable } from './word-table';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Character classes for the scan. In a cleaned text (folded, noise replaced): 1 for [a-z0-9_], the characters of
 * a word, 0 for a separator. In a raw text: 1 for [a-z_], 2 for [A-Z] (lower-cased on the fly), 3 for what only
 * `clean` can handle (digits, '@', '-', ':'), 0 for a separator; any other character is beyond ASCII, also 3.
 */
const CLEANED = new Uint8Array(128);
const RAW = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
	const lower = c >= 97 && c <= 122;
	const digit = c >= 48 && c <= 57;
	CLEANED[c] = lower || digit || c === 95 ? 1 : 0;
	RAW[c] = lower || c === 95 ? 1 : c >= 65 && c <= 90 ? 2 : digit || c === 64 || c === 45 || c === 58 ? 3 : 0;
}

/**
 * Term ids for a corpus: the same words as `tokenize`, as small integers, without building a string per word.
 * Splitting each ticket into strings was the costliest step of clustering (8 µs an Endava ticket); here a word is
 * hashed while it is scanned and looked up by its hash, and only a word never seen before is sliced, stemmed and
 * filed. Two independent 32-bit hashes plus the length make a false match about as likely as 1 in 2^64.
 * Most ticket text is plain ASCII words: it is scanned as it is, lower-cased on the fly, and only a text with
 * accents, digits, '@', '-' or ':' goes through `normalizeText` (regular expressions) first.
 */
export class Vocabulary {
	/** Term (a stem, or a synthetic term such as a category) by id. */
	readonly terms: string[] = [];
	/** The first word seen for each term, before stemming ("disconnects" for "disconnect"): what people read. */
	readonly surfaces: string[] = [];
	/** hashString of each term: a stable 32-bit identity, the same across corpora and runs. */
	termHashes = new Uint32Array(1024);
	readonly numbers: NumberMode;
	/** Leave out the placeholders of folded noise (zznum, zzdate...): see the constructor. */
	readonly dropPlaceholders: boolean;
	private readonly idByTerm = new Map<string, number>();
	/** Raw words seen so far, by their two hashes and length: the term id, or -1 for a word that is left out. */
	private readonly words = new WordTable();

	/**
	 * `dropPlaceholders`: for near-duplicates, folded noise is better left out than kept as a shared word. Kept, it
	 * made "Upgrade Jackson to 2.12.0" and "Upgrade Guava to 27.0" near-duplicates ({upgrade, zzver} in common) and
	 * chained 108 Hadoop upgrade requests into one cluster at the default threshold.
	 */
	constructor(numbers: NumberMode = 'fold', dropPlaceholders = false) {
		this.numbers = numbers;
		this.dropPlaceholders = dropPlaceholders;
	}

	get size(): number {
		return this.terms.length;
	}

	/** The id of a term, filed on first sight. */
	idOf(term: string, surface = term): number {
		let id = this.idByTerm.get(term);
		if (id === undefined) {
			id = this.terms.length;
			this.terms.push(term);
			this.surfaces.push(surface);
			this.idByTerm.set(term, id);
			if (id >= this.termHashes.length) {
				const grown = new Uint32Array(this.termHashes.length * 2);
				grown.set(this.termHashes);
				this.termHashes = grown;
			}
			this.termHashes[id] = hashString(term);
		}
		return id;
	}

	/** The term ids of a text, in order, repeats kept: exactly the words of `tokenize(text, { numbers })`. */
	termIds(text: string, out: number[] = []): number[] {
		const before = out.length;
		if (!this.scan(text, out, true)) {
			out.length = before;
			this.scan(normalizeText(text, this.numbers), out, false);
		}
		return out;
	}

	/** Appends the ids of the words of `text`; in raw mode, gives up (false) at the first character `clean` must see. */
	private scan(text: string, out: number[], raw: boolean): boolean {
		const classes = raw ? RAW : CLEANED;
		const length = text.length;
		let start = 0;
		let a = FNV_OFFSET;
		let b = 0;
		for (let i = 0; i < length; i++) {
			let c = text.charCodeAt(i);
			// Beyond ASCII: accents in a raw text (clean it first); in a cleaned one, only punctuation is left (’ « »).
			const kind = c < 128 ? (classes[c] as number) : raw ? 3 : 0;
			if (kind !== 0) {
				if (kind === 3) return false;
				if (kind === 2) c |= 0x20;
				a = Math.imul(a ^ c, FNV_PRIME);
				b = (Math.imul(b, 31) + c) | 0;
				continue;
			}
			if (i - start >= 2) {
				const id = this.lookup(text, start, i, a, b, raw);
				if (id >= 0) out.push(id);
			}
			start = i + 1;
			a = FNV_OFFSET;
			b = 0;
		}
		if (length - start >= 2) {
			const id = this.lookup(text, start, length, a, b, raw);
			if (id >= 0) out.push(id);
		}
		return true;
	}

	private lookup(text: string, start: number, end: number, a: number, b: number, raw: boolean): number {
		const length = end - start;
		const known = this.words.get(a, b, length);
		if (known !== undefined) return known;
		const surface = raw ? text.slice(start, end).toLowerCase() : text.slice(start, end);
		const word = wordOf(surface);
		const dropped = word === undefined || (this.dropPlaceholders && word.startsWith('zz'));
		const id = dropped ? -1 : this.idOf(word, surface);
		this.words.set(a, b, length, id);
		return id;
	}
}
