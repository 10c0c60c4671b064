import { sharedNeeded } from './near-duplicates';
import type { TermSets } from './term-sets';
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
	const smallest = Math.max(2, minSize);
	const split = new Splitter(sets, n, edges, threshold, categoryTerms);
	const groups: number[][] = [];
	const pieces = components.groups(smallest);
	for (let piece = pieces.pop(); piece; piece = pieces.pop()) {
		if (piece.length < smallest) continue;
		// Two members are one verified pair.
		if (piece.length === 2) {
			groups.push(piece.sort((a, b) => a - b));
			continue;
		}
		if (piece.length > LARGE_PIECE) {
			for (const group of split.leaderGroups(piece)) {
				if (group.length >= minSize) groups.push(group.sort((a, b) => a - b));
			}
			continue;
		}
		const group = split.bestCentre(piece);
		if (group.length >= minSize) groups.push(group.sort((a, b) => a - b));
		split.restPieces(piece, pieces);
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

/** Centres tried per piece: the members whose terms the others hold most often, on average over their terms. */
const CENTRES_TRIED = 12;

/**
 * The state shared by every round of one export: the verified pairs as adjacency lists, and typed scratch arrays
 * indexed by term or by ticket, reused from piece to piece (with a Map per large piece, an array per centre tried and
 * a sorted list of scored pairs per piece, they cost more than the Jaccard tests themselves).
 */
class Splitter {
	private readonly ids: Int32Array;
	private readonly offsets: Int32Array;
	/** Compressed rows: ticket i's neighbours along the verified pairs are neighbours[start[i] .. start[i + 1]). */
	private readonly start: Int32Array;
	private readonly neighbours: Int32Array;
	/** Per term: how many members of the piece hold it (typicalMembers), and the stamp of the set last stamped. */
	private readonly held: Int32Array;
	private readonly stamps: Int32Array;
	private stamp = 0;
	/** Per ticket: a label of the piece or part it is in, and its group in a one-pass split (-1: none yet). */
	private readonly mark: Int32Array;
	private label = 0;
	private readonly groupOf: Int32Array;
	/** The members near the centre being tried, and those of the best centre so far. */
	private near: Int32Array;
	private best: Int32Array;
	private readonly anyCategory: boolean;

	constructor(
		sets: TermSets,
		n: number,
		edges: Int32Array,
		private readonly threshold: number,
		private readonly categoryTerms: Uint8Array,
	) {
		this.ids = sets.ids;
		this.offsets = sets.offsets;
		let terms = 0;
		for (let k = 0; k < sets.ids.length; k++) terms = Math.max(terms, (sets.ids[k] as number) + 1);
		this.held = new Int32Array(terms);
		this.stamps = new Int32Array(terms);
		this.mark = new Int32Array(n);
		this.groupOf = new Int32Array(n).fill(-1);
		this.near = new Int32Array(LARGE_PIECE);
		this.best = new Int32Array(LARGE_PIECE);
		this.anyCategory = categoryTerms.includes(1);
		const start = new Int32Array(n + 1);
		for (let k = 0; k < edges.length; k++) start[(edges[k] as number) + 1] = (start[(edges[k] as number) + 1] as number) + 1;
		for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
		const filled = start.slice(0, n);
		const neighbours = new Int32Array(edges.length);
		for (let k = 0; k < edges.length; k += 2) {
			const a = edges[k] as number;
			const b = edges[k + 1] as number;
			neighbours[(filled[a] = (filled[a] as number) + 1) - 1] = b;
			neighbours[(filled[b] = (filled[b] as number) + 1) - 1] = a;
		}
		this.start = start;
		this.neighbours = neighbours;
	}

	/** Stamps the terms of `member` with a new stamp. */
	private stampTerms(member: number): void {
		const stamp = ++this.stamp;
		for (let k = this.offsets[member] as number; k < (this.offsets[member + 1] as number); k++) this.stamps[this.ids[k] as number] = stamp;
	}

	/**
	 * The pair test against the stamped set: Jaccard at least the threshold, and a shared term beyond the category.
	 * The count stops when the terms left cannot reach the threshold; the category is asked of pairs that reach it.
	 */
	private nearStamped(member: number, stampedSize: number): boolean {
		const { ids, stamps, stamp } = this;
		const from = this.offsets[member] as number;
		const to = this.offsets[member + 1] as number;
		const needed = sharedNeeded(to - from + stampedSize, this.threshold);
		let shared = 0;
		for (let k = from, stop = to - needed; k < to && k <= stop + shared; k++) shared += stamps[ids[k] as number] === stamp ? 1 : 0;
		if (shared < needed || shared === 0) return false;
		if (!this.anyCategory) return true;
		for (let k = from; k < to; k++) {
			const term = ids[k] as number;
			if (stamps[term] === stamp && this.categoryTerms[term] !== 1) return true;
		}
		return false;
	}

	private size(member: number): number {
		return (this.offsets[member + 1] as number) - (this.offsets[member] as number);
	}

	/**
	 * The members of the piece near the centre that gathers the most of them, among the few most typical members
	 * (all of a small piece), in the piece's order; marks them with a new label, which restPieces reads.
	 */
	bestCentre(piece: readonly number[]): number[] {
		if (piece.length > this.near.length) {
			this.near = new Int32Array(piece.length);
			this.best = new Int32Array(piece.length);
		}
		let bestCount = 0;
		for (const centre of this.typicalMembers(piece, CENTRES_TRIED)) {
			this.stampTerms(centre);
			const centreSize = this.size(centre);
			const near = this.near;
			let count = 0;
			for (const member of piece) {
				if (member === centre || this.nearStamped(member, centreSize)) near[count++] = member;
			}
			if (count > bestCount) {
				bestCount = count;
				this.near = this.best;
				this.best = near;
			}
		}
		const label = ++this.label;
		const group = new Array<number>(bestCount);
		for (let i = 0; i < bestCount; i++) {
			const member = this.best[i] as number;
			group[i] = member;
			this.mark[member] = label;
		}
		return group;
	}

	/** What bestCentre left of the piece, split into the pieces the verified pairs still connect, onto `pieces`. */
	restPieces(piece: readonly number[], pieces: number[][]): void {
		const grouped = this.label;
		const inRest = ++this.label;
		const { mark, start, neighbours } = this;
		for (const member of piece) if (mark[member] !== grouped) mark[member] = inRest;
		for (const seed of piece) {
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

	/**
	 * The one-pass split of a large piece (LARGE_PIECE): from the most typical member along the verified pairs, each
	 * member joins the group of the first visited neighbour whose centre it is near, or starts a group as its centre.
	 * Groups come in the order their centres were met.
	 */
	leaderGroups(piece: readonly number[]): number[][] {
		const { mark, start, neighbours, groupOf } = this;
		const label = ++this.label;
		for (const member of piece) mark[member] = label;
		const centres: number[] = [];
		const groups: number[][] = [];
		const first = this.typicalMembers(piece, 1)[0] as number;
		const queue = [first];
		mark[first] = -label;
		for (let i = 0; i < queue.length; i++) {
			const member = queue[i] as number;
			let joined = false;
			this.stampTerms(member);
			const memberSize = this.size(member);
			for (let k = start[member] as number; k < (start[member + 1] as number) && !joined; k++) {
				const group = groupOf[neighbours[k] as number] as number;
				if (group === -1) continue;
				if (this.nearStamped(centres[group] as number, memberSize)) {
					groupOf[member] = group;
					(groups[group] as number[]).push(member);
					joined = true;
				}
			}
			if (!joined) {
				groupOf[member] = groups.length;
				centres.push(member);
				groups.push([member]);
			}
			for (let k = start[member] as number; k < (start[member + 1] as number); k++) {
				const other = neighbours[k] as number;
				if (mark[other] === label) {
					mark[other] = -label;
					queue.push(other);
				}
			}
		}
		for (const member of queue) groupOf[member] = -1;
		return groups;
	}

	/**
	 * Up to `count` members whose terms the others hold most often, on average over their terms, most typical first
	 * (ties by ticket); a piece of `count` members or fewer, as it is.
	 */
	private typicalMembers(piece: readonly number[], count: number): number[] {
		if (piece.length <= CENTRES_TRIED) return piece.slice(0, count);
		const { ids, offsets, held } = this;
		for (const member of piece) {
			for (let k = offsets[member] as number; k < (offsets[member + 1] as number); k++) held[ids[k] as number] = (held[ids[k] as number] as number) + 1;
		}
		// The best `count` kept in order by insertion: a piece has hundreds of members, `count` is 12 at most.
		const chosen: number[] = [];
		const scores: number[] = [];
		for (const member of piece) {
			let sum = 0;
			for (let k = offsets[member] as number; k < (offsets[member + 1] as number); k++) sum += held[ids[k] as number] as number;
			const score = sum / Math.max(1, this.size(member));
			let at = chosen.length;
			while (at > 0 && ((scores[at - 1] as number) < score || ((scores[at - 1] as number) === score && (chosen[at - 1] as number) > member))) at--;
			if (at >= count) continue;
			chosen.splice(at, 0, member);
			scores.splice(at, 0, score);
			if (chosen.length > count) {
				chosen.pop();
				scores.pop();
			}
		}
		for (const member of piece) for (let k = offsets[member] as number; k < (offsets[member + 1] as number); k++) held[ids[k] as number] = 0;
		return chosen;
	}
}
