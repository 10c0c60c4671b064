import type { Vocabulary } from '../text/vocabulary';
import { mix } from './lsh';

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
 * The shingle hashes of one line's terms, from the terms' stable hashes (the same text gives the same shingles in
 * any export): shingle i covers terms i .. i + SHINGLE - 1, or the whole line when it is shorter.
 */
function lineShingles(terms: readonly number[], from: number, to: number, termHashes: Uint32Array, out: number[]): void {
	const length = to - from;
	const width = Math.min(SHINGLE, length);
	for (let start = from; start + width <= to; start++) {
		let h = mix(width);
		for (let k = start; k < start + width; k++) h = mix(h ^ (termHashes[terms[k] as number] as number));
		out.push(h);
	}
}

/** A description's term ids, line by line: ids in order, and where each line ends. */
function descriptionLines(description: string, vocabulary: Vocabulary, ids: number[], ends: number[]): void {
	ids.length = 0;
	ends.length = 0;
	for (const line of description.split('\n')) {
		vocabulary.termIds(line, ids);
		if (ends.length === 0 || ids.length > (ends[ends.length - 1] as number)) ends.push(ids.length);
	}
}

/** The shingles held by more than BOILERPLATE_SHARE of the descriptions, or none in a small export. */
export function boilerplateShingles(descriptions: readonly (string | undefined)[], vocabulary: Vocabulary, share = BOILERPLATE_SHARE): Set<number> {
	const common = new Set<number>();
	if (descriptions.length < BOILERPLATE_MIN_TICKETS || share >= 1) return common;
	const held = new Map<number, number>();
	const seen = new Set<number>();
	const ids: number[] = [];
	const ends: number[] = [];
	const shingles: number[] = [];
	for (const description of descriptions) {
		if (!description) continue;
		descriptionLines(description, vocabulary, ids, ends);
		seen.clear();
		shingles.length = 0;
		let from = 0;
		for (const end of ends) {
			lineShingles(ids, from, end, vocabulary.termHashes, shingles);
			from = end;
		}
		for (const shingle of shingles) {
			if (seen.has(shingle)) continue;
			seen.add(shingle);
			held.set(shingle, (held.get(shingle) ?? 0) + 1);
		}
	}
	const limit = share * descriptions.length;
	for (const [shingle, count] of held) if (count > limit) common.add(shingle);
	return common;
}

/** Appends the description's term ids that no boilerplate shingle covers; returns how many were left out. */
export function termsBeyondBoilerplate(description: string, vocabulary: Vocabulary, common: ReadonlySet<number>, out: number[]): number {
	const ids: number[] = [];
	const ends: number[] = [];
	descriptionLines(description, vocabulary, ids, ends);
	if (common.size === 0) {
		for (const id of ids) out.push(id);
		return 0;
	}
	const shingles: number[] = [];
	const covered = new Uint8Array(ids.length);
	let from = 0;
	for (const end of ends) {
		shingles.length = 0;
		lineShingles(ids, from, end, vocabulary.termHashes, shingles);
		const width = Math.min(SHINGLE, end - from);
		shingles.forEach((shingle, s) => {
			if (common.has(shingle)) covered.fill(1, from + s, from + s + width);
		});
		from = end;
	}
	let left = 0;
	ids.forEach((id, i) => {
		if (covered[i] === 1) left++;
		else out.push(id);
	});
	return left;
}
