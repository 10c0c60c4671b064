import { type ClusterOptions, clusterTickets } from '../../../shared/patterns/clusters';
import { SimilarIndex } from '../../../shared/patterns/similar';
import type { Ticket } from '../../../shared/patterns/ticket';
import { UnionFind } from '../../../shared/patterns/union-find';

/**
 * The quality protocol of issue 5 on the Hadoop duplicates (../shared/data/gitbugs-hadoop), shared by the quality
 * test (which asserts) and `node scripts/bench-patterns.js --quality` (which prints the tables for the docs).
 */

export interface RecallAtK {
	at1: number;
	at5: number;
	at10: number;
	queries: number;
}

/** For each labelled pair, query with the duplicate over all other reports; where does its original rank? */
export function recallAtK(pairs: readonly [number, number][], rank: (duplicate: number) => number[]): RecallAtK {
	let at1 = 0;
	let at5 = 0;
	let at10 = 0;
	for (const [original, duplicate] of pairs) {
		const position = rank(duplicate).slice(0, 10).indexOf(original);
		if (position === 0) at1++;
		if (position >= 0 && position < 5) at5++;
		if (position >= 0) at10++;
	}
	const n = Math.max(1, pairs.length);
	return { at1: at1 / n, at5: at5 / n, at10: at10 / n, queries: pairs.length };
}

export function engineRecall(tickets: readonly Ticket[], pairs: readonly [number, number][]): RecallAtK {
	const index = new SimilarIndex(tickets);
	return recallAtK(pairs, (duplicate) => index.similarTo(duplicate, 10).map((hit) => hit.id));
}

/**
 * The baseline the issue quotes: a plain TF-IDF cosine as scikit-learn's TfidfVectorizer does it by default
 * (lower case, words of two or more word characters, raw counts, idf = ln((1 + n) / (1 + df)) + 1, L2 norm).
 */
export function tfidfRecall(tickets: readonly Ticket[], pairs: readonly [number, number][]): RecallAtK {
	const words = (text: string) => text.toLowerCase().match(/\b\w\w+\b/gu) ?? [];
	const docs = tickets.map((ticket) => words(`${ticket.title} ${ticket.description ?? ''}`));
	const df = new Map<string, number>();
	for (const doc of docs) for (const word of new Set(doc)) df.set(word, (df.get(word) ?? 0) + 1);
	const vectors = docs.map((doc) => {
		const vector = new Map<string, number>();
		for (const word of doc) vector.set(word, (vector.get(word) ?? 0) + 1);
		let norm = 0;
		for (const [word, count] of vector) {
			const weight = count * (Math.log((1 + docs.length) / (1 + (df.get(word) as number))) + 1);
			vector.set(word, weight);
			norm += weight * weight;
		}
		for (const [word, weight] of vector) vector.set(word, weight / (Math.sqrt(norm) || 1));
		return vector;
	});
	const postings = new Map<string, [number, number][]>();
	vectors.forEach((vector, row) => {
		for (const [word, weight] of vector) {
			const list = postings.get(word);
			if (list) list.push([row, weight]);
			else postings.set(word, [[row, weight]]);
		}
	});
	const rowOf = new Map(tickets.map((ticket, row) => [ticket.id, row]));
	return recallAtK(pairs, (duplicate) => {
		const self = rowOf.get(duplicate) as number;
		const scores = new Float64Array(tickets.length);
		for (const [word, weight] of vectors[self] as Map<string, number>) {
			for (const [row, other] of postings.get(word) ?? []) scores[row] = (scores[row] as number) + weight * other;
		}
		scores[self] = Number.NEGATIVE_INFINITY;
		return [...scores.keys()]
			.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b)
			.slice(0, 10)
			.map((row) => (tickets[row] as Ticket).id);
	});
}

export interface PairQuality {
	threshold: number;
	clusters: number;
	clustered: number;
	/** Predicted pairs (both in one cluster). */
	predicted: number;
	/** Predicted pairs that lie in one labelled duplicate group: the precision's numerator. */
	correct: number;
	/** correct / predicted: a lower bound, since unlabelled duplicates count as errors. */
	precision: number;
	/** Predicted pairs whose two reports are both labelled, and the share of them that are right. */
	labelledPredicted: number;
	labelledPrecision: number;
	/** Labelled pairs whose two reports end in one cluster. */
	recall: number;
	/** The largest cluster's size: how far unrelated reports chain. */
	largest: number;
}

/** Pair precision and recall of the clusters against the labelled pairs (their transitive groups). */
export function pairQuality(tickets: readonly Ticket[], pairs: readonly [number, number][], threshold: number, options: ClusterOptions = {}): PairQuality {
	const clusters = clusterTickets(tickets, { ...options, threshold });
	const rowOf = new Map(tickets.map((ticket, row) => [ticket.id, row]));
	const truth = new UnionFind(tickets.length);
	const labelled = new Set<number>();
	for (const [a, b] of pairs) {
		truth.union(rowOf.get(a) as number, rowOf.get(b) as number);
		labelled.add(a).add(b);
	}
	const clusterOf = new Map<number, number>();
	let predicted = 0;
	let correct = 0;
	let labelledPredicted = 0;
	let labelledCorrect = 0;
	clusters.forEach((cluster, c) => {
		predicted += (cluster.size * (cluster.size - 1)) / 2;
		for (const id of cluster.ticketIds) clusterOf.set(id, c);
		const ids = cluster.ticketIds;
		for (let i = 0; i < ids.length; i++) {
			for (let j = i + 1; j < ids.length; j++) {
				const [a, b] = [ids[i] as number, ids[j] as number];
				const right = truth.find(rowOf.get(a) as number) === truth.find(rowOf.get(b) as number);
				if (right) correct++;
				if (labelled.has(a) && labelled.has(b)) {
					labelledPredicted++;
					if (right) labelledCorrect++;
				}
			}
		}
	});
	const together = pairs.filter(([a, b]) => clusterOf.has(a) && clusterOf.get(a) === clusterOf.get(b)).length;
	return {
		threshold,
		clusters: clusters.length,
		clustered: clusterOf.size,
		predicted,
		correct,
		precision: predicted ? correct / predicted : 0,
		labelledPredicted,
		labelledPrecision: labelledPredicted ? labelledCorrect / labelledPredicted : 0,
		recall: pairs.length ? together / pairs.length : 0,
		largest: clusters[0]?.size ?? 0,
	};
}
