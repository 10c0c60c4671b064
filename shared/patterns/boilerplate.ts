import type { Vocabulary } from '../text/vocabulary';
import { mix } from './lsh';
import { ExactShingleCounts, ShingleBounds } from './shingle-counts';
import { grow } from './term-sets';

/**
 * Boilerplate: the lines help desks add to tickets whatever their subject (issue 16). Mail signatures and
 * disclaimers kept by GLPI's mail collector, "Sent from my iPhone", the questions of a GLPI 11 form, ticket
 * templates ("Steps to reproduce / Actual results"), user-agent lines. On templated bug reports they chained
 * unrelated reports into groups of 249.
 *
 * They are found as shingles: runs of SHINGLE consecutive terms within a line of a description (a shorter line is
 * one shingle), held by more than BOILERPLATE_SHARE of the tickets. A term weighs nothing where such a shingle
 * covers it, and counts where it is written elsewhere: "print" in "consider the environment before printing this
 * e-mail" is boilerplate, in "the printer on floor 2 jams" it is the subject. Words alone could not tell them apart:
 * dropping every word held by 5 % of the tickets took "print", "phone" and "team" from real tickets once a signature
 * and a form mentioned them, and changed the groups. Titles are never cut: they are what the requester wrote.
 */
export const BOILERPLATE_SHARE = 0.01;
/** Below this many tickets a share says too little to call a line boilerplate (a list of 23 titles, 6 about VPN). */
export const BOILERPLATE_MIN_TICKETS = 200;
const SHINGLE = 3;

/**
 * The hash of the shingle of `width` terms from `start`, from the terms' stable hashes: the same text gives the same
 * shingles in any export.
 */
function shingleAt(ids: Int32Array, start: number, width: number, termHashes: Uint32Array): number {
	let h = mix(width);
	for (let k = start; k < start + width; k++) h = mix(h ^ (termHashes[ids[k] as number] as number));
	return h;
}

/**
 * A description's term ids, line by line: no shingle, and no word, runs over a line break (normalisation's patterns
 * could otherwise join the end of one line to the next). Appends to `out`; returns where each line ends in it.
 */
export function descriptionTermIds(description: string, vocabulary: Vocabulary, out: number[], lineEnds: number[] = []): number[] {
	for (const line of description.includes('\n') ? description.split('\n') : [description]) {
		const start = out.length;
		vocabulary.termIds(line, out);
		if (out.length > start) lineEnds.push(out.length);
	}
	return lineEnds;
}

/**
 * The descriptions' terms beyond boilerplate. Each description is tokenised once, line by line, into one flat list
 * of term ids; each shingle is hashed once, counted in a typed table, and the terms it covers are marked once, so
 * that a ticket's terms are then a copy of what is not marked. Tokenising every description twice, counting shingles
 * in a Map and hashing them all again per ticket made clustering with descriptions 4.3 times slower at 10,000
 * tickets than without the boilerplate pass (issue 16).
 */
export class BoilerplateFilter {
	/**
	 * Every description's term ids, one after the other, in a typed array: as a list of 2.6 million numbers at
	 * 100,000 tickets, the garbage collector read it again on each of its passes.
	 */
	private readonly ids: Int32Array;
	/** Where each line ends in `ids` (lines without terms are left out); a line starts where the one before ended. */
	private readonly lineEnds: number[] = [];
	/** Ticket i's lines are lineEnds[firstLine[i] .. firstLine[i + 1]). */
	private readonly firstLine: Int32Array;
	/** 1 for the terms in `ids` that a boilerplate shingle covers. */
	private readonly covered: Uint8Array;

	constructor(descriptions: readonly (string | undefined)[], vocabulary: Vocabulary, share: number) {
		const lineEnds = this.lineEnds;
		this.firstLine = new Int32Array(descriptions.length + 1);
		let ids: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
		let length = 0;
		const scratch: number[] = [];
		const ends: number[] = [];
		descriptions.forEach((description, ticket) => {
			this.firstLine[ticket] = lineEnds.length;
			if (!description) return;
			scratch.length = 0;
			ends.length = 0;
			descriptionTermIds(description, vocabulary, scratch, ends);
			if (length + scratch.length > ids.length) ids = grow(ids, length + scratch.length);
			for (const id of scratch) ids[length++] = id;
			for (const end of ends) lineEnds.push(length - scratch.length + end);
		});
		this.firstLine[descriptions.length] = lineEnds.length;
		this.ids = ids = ids.subarray(0, length);
		// The shingle that starts at each term (a line shorter than SHINGLE has one, at its first term).
		const shingles = new Int32Array(ids.length);
		const limit = share * descriptions.length;
		const bounds = new ShingleBounds(ids.length, limit);
		const hashes = vocabulary.termHashes;
		this.forEachShingle((ticket, start, width) => {
			const shingle = shingleAt(ids, start, width, hashes);
			shingles[start] = shingle;
			bounds.add(shingle, ticket);
		});
		this.covered = new Uint8Array(ids.length);
		if (!bounds.anyAbove(limit)) return;
		const counts = new ExactShingleCounts();
		this.forEachShingle((ticket, start) => {
			const shingle = shingles[start] as number;
			if (bounds.bound(shingle) > limit) counts.add(shingle, ticket);
		});
		this.forEachShingle((_, start, width) => {
			const shingle = shingles[start] as number;
			if (bounds.bound(shingle) > limit && counts.get(shingle) > limit) this.covered.fill(1, start, start + width);
		});
	}

	/** Calls `visit` with the ticket, the first term and the width of each shingle of every description. */
	private forEachShingle(visit: (ticket: number, start: number, width: number) => void): void {
		const { lineEnds, firstLine } = this;
		let from = 0;
		for (let ticket = 0; ticket + 1 < firstLine.length; ticket++) {
			for (let line = firstLine[ticket] as number; line < (firstLine[ticket + 1] as number); line++) {
				const to = lineEnds[line] as number;
				const width = Math.min(SHINGLE, to - from);
				for (let start = from; start + width <= to; start++) visit(ticket, start, width);
				from = to;
			}
		}
	}

	private lineStart(line: number): number {
		return line === 0 ? 0 : (this.lineEnds[line - 1] as number);
	}

	/** Appends ticket i's description term ids that no boilerplate shingle covers; returns how many were left out. */
	termsBeyond(ticket: number, out: number[]): number {
		const { ids, covered } = this;
		const end = this.lineStart(this.firstLine[ticket + 1] as number);
		let left = 0;
		for (let k = this.lineStart(this.firstLine[ticket] as number); k < end; k++) {
			if (covered[k] === 1) left++;
			else out.push(ids[k] as number);
		}
		return left;
	}
}

/** The boilerplate filter of an export's descriptions, or none in a small export or when `share` keeps every line. */
export function boilerplateFilter(descriptions: readonly (string | undefined)[], vocabulary: Vocabulary, share = BOILERPLATE_SHARE): BoilerplateFilter | undefined {
	if (descriptions.length < BOILERPLATE_MIN_TICKETS || share >= 1) return undefined;
	return new BoilerplateFilter(descriptions, vocabulary, share);
}
