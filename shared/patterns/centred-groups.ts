import { type TermSets, setSize } from './term-sets';
import type { UnionFind } from './union-find';

/**
 * Groups in which every member is itself near the group's centre, cut out of the connected components of the
 * verified pairs. Components are single linkage: a ticket joins when it is near any one member, so templated bug
 * reports chained into components of 249, 92 and 67 unrelated reports (issue 16). Here each component is split
 * around centres, as in star clustering (Aslam, Pelekhov and Rus 2004): the member whose terms the others share
 * most is the centre, the members near it (the same test as a pair: Jaccard at least the threshold and a word in
 * common beyond the category) are its group, and what is left is split again along the verified pairs among
 * themselves, until every piece is a group or a lone ticket. Jaccard distance is a metric, so two members of a
 * group are at most twice the threshold's distance apart, however large the group: a group cannot drift.
 *
 * Cost: each round reads the terms of its piece once; the centre leaves each round, so a piece of m members takes
 * at most m rounds, and in practice few, since pieces shrink quickly (measured in docs/PATTERNS.md).
 */
export function centredGroups(
	sets: TermSets,
	components: UnionFind,
	edges: Int32Array,
	threshold: number,
	categoryTerms: Uint8Array,
	minSize = 2,
): number[][] {
	const n = components.parent.length;
	const terms = sets.ids.reduce((most, id) => Math.max(most, id + 1), 0);
	// The verified pairs as adjacency lists (compressed rows): the forest a piece is split along.
	const start = new Int32Array(n + 1);
	for (const node of edges) start[node + 1] = (start[node + 1] as number) + 1;
	for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
	const filled = start.slice(0, n);
	const neighbours = new Int32Array(edges.length);
	for (let k = 0; k < edges.length; k += 2) {
		const [a, b] = [edges[k] as number, edges[k + 1] as number];
		neighbours[(filled[a] = (filled[a] as number) + 1) - 1] = b;
		neighbours[(filled[b] = (filled[b] as number) + 1) - 1] = a;
	}
	const held = new Int32Array(terms);
	const stamps = new Int32Array(terms);
	const mark = new Int32Array(n);
	let stamp = 0;
	let label = 0;
	const groups: number[][] = [];
	const pieces = components.groups(Math.max(2, minSize));
	for (let piece = pieces.pop(); piece; piece = pieces.pop()) {
		if (piece.length < Math.max(2, minSize)) continue;
		// Two members are one verified pair.
		if (piece.length === 2) {
			groups.push(piece.sort((a, b) => a - b));
			continue;
		}
		if (piece.length > LARGE_PIECE) {
			for (const group of leaderGroups(sets, piece, start, neighbours, threshold, categoryTerms, held, stamps, mark, ++label)) {
				if (group.length >= minSize) groups.push(group.sort((a, b) => a - b));
			}
			// The one-pass split stamped terms with values of its own: carry on above them.
			stamp = stamps.reduce((most, value) => Math.max(most, value), 0);
			continue;
		}
		// The centre that gathers the most members, among the few most typical ones (all of a small piece).
		let group: number[] = [];
		let rest: number[] = [];
		for (const centre of typicalMembers(sets, piece, held)) {
			stamp++;
			for (let k = sets.offsets[centre] as number; k < (sets.offsets[centre + 1] as number); k++) stamps[sets.ids[k] as number] = stamp;
			const near: number[] = [];
			const far: number[] = [];
			for (const member of piece) {
				if (member === centre || nearCentre(sets, member, setSize(sets, centre), stamps, stamp, threshold, categoryTerms)) near.push(member);
				else far.push(member);
			}
			if (near.length > group.length) [group, rest] = [near, far];
		}
		if (group.length >= minSize) groups.push(group.sort((a, b) => a - b));
		// What is left, split into the pieces the verified pairs still connect.
		const inRest = ++label;
		for (const member of rest) mark[member] = inRest;
		for (const seed of rest) {
			if (mark[seed] !== inRest) continue;
			const next: number[] = [seed];
			mark[seed] = -inRest;
			for (let i = 0; i < next.length; i++) {
				const node = next[i] as number;
				for (let k = start[node] as number; k < (start[node + 1] as number); k++) {
					const other = neighbours[k] as number;
					if (mark[other] === inRest) {
						mark[other] = -inRest;
						next.push(other);
					}
				}
			}
			if (next.length >= 2) pieces.push(next);
		}
	}
	return groups;
}

/**
 * Past this many members, a piece is split in one pass instead of round by round (which costs rounds x members: a
 * component of 22,000 Endava tickets repeated to 100,000 took seconds): members are visited along the verified pairs
 * from the most typical one, and each joins the group of the first visited neighbour whose centre it is near, or
 * starts a group as its centre. Every member is still near its group's centre; the grouping depends on the order.
 */
const LARGE_PIECE = 500;

function leaderGroups(
	sets: TermSets,
	piece: readonly number[],
	start: Int32Array,
	neighbours: Int32Array,
	threshold: number,
	categoryTerms: Uint8Array,
	held: Int32Array,
	stamps: Int32Array,
	mark: Int32Array,
	label: number,
): number[][] {
	const centreOf = new Map<number, number>();
	const groupOf = new Map<number, number[]>();
	for (const member of piece) mark[member] = label;
	const first = typicalMembers(sets, piece, held)[0] as number;
	const queue = [first];
	mark[first] = -label;
	let stamp = stamps.reduce((most, value) => Math.max(most, value), 0);
	for (let i = 0; i < queue.length; i++) {
		const member = queue[i] as number;
		let joined = false;
		stamp++;
		for (let k = sets.offsets[member] as number; k < (sets.offsets[member + 1] as number); k++) stamps[sets.ids[k] as number] = stamp;
		for (let k = start[member] as number; k < (start[member + 1] as number) && !joined; k++) {
			const centre = centreOf.get(neighbours[k] as number);
			if (centre === undefined) continue;
			if (nearCentre(sets, centre, setSize(sets, member), stamps, stamp, threshold, categoryTerms)) {
				centreOf.set(member, centre);
				groupOf.get(centre)?.push(member);
				joined = true;
			}
		}
		if (!joined) {
			centreOf.set(member, member);
			groupOf.set(member, [member]);
		}
		for (let k = start[member] as number; k < (start[member + 1] as number); k++) {
			const other = neighbours[k] as number;
			if (mark[other] === label) {
				mark[other] = -label;
				queue.push(other);
			}
		}
	}
	return [...groupOf.values()];
}

/** Centres tried per piece: the members whose terms the others hold most often, on average over their terms. */
const CENTRES_TRIED = 12;

function typicalMembers(sets: TermSets, piece: readonly number[], held: Int32Array): number[] {
	if (piece.length <= CENTRES_TRIED) return [...piece];
	const { ids, offsets } = sets;
	for (const member of piece) {
		for (let k = offsets[member] as number; k < (offsets[member + 1] as number); k++) held[ids[k] as number] = (held[ids[k] as number] as number) + 1;
	}
	const scored = piece.map((member) => {
		let sum = 0;
		for (let k = offsets[member] as number; k < (offsets[member + 1] as number); k++) sum += held[ids[k] as number] as number;
		return [member, sum / Math.max(1, setSize(sets, member))] as const;
	});
	for (const member of piece) for (let k = offsets[member] as number; k < (offsets[member + 1] as number); k++) held[ids[k] as number] = 0;
	return scored
		.sort((a, b) => b[1] - a[1] || a[0] - b[0])
		.slice(0, CENTRES_TRIED)
		.map(([member]) => member);
}

/** The pair test against the stamped centre: Jaccard at least the threshold, and a shared term beyond the category. */
function nearCentre(sets: TermSets, member: number, centreSize: number, stamps: Int32Array, stamp: number, threshold: number, categoryTerms: Uint8Array): boolean {
	let shared = 0;
	let written = 0;
	for (let k = sets.offsets[member] as number; k < (sets.offsets[member + 1] as number); k++) {
		const term = sets.ids[k] as number;
		if (stamps[term] !== stamp) continue;
		shared++;
		if (categoryTerms[term] !== 1) written++;
	}
	return written > 0 && shared / (setSize(sets, member) + centreSize - shared) >= threshold;
}
