import type { SignalKind } from '../../shared/schemas/signal';

/**
 * The backlog score (docs/DEVELOPMENT.md and docs/BACKEND.md, "Score").
 *
 *   score(now) = Σ_signals w · 2^(−age / H),   H = 14 days
 *   w = kindWeight · severity / 3 · (2 if the signal brings a new reporter, else 1) · log2(1 + count)
 *
 * Every signal adds to the score and distinct reporters count double, so ten people saying it once outrank one
 * person saying it ten times; severity scales it; and each contribution halves every two weeks, so an item nobody
 * mentions any more sinks. Because every term decays by the same factor, the order of two items never changes with
 * time alone: we store rank = log2 Σ w · 2^((t − EPOCH) / H), a time-independent key, index it, and turn it back
 * into today's score only for the rows a request returns: score = 2^(rank − (now − EPOCH) / H).
 */
export const HALF_LIFE_DAYS = 14;
const HALF_LIFE_MS = HALF_LIFE_DAYS * 86_400_000;
const EPOCH_MS = Date.UTC(2024, 0, 1);

const KIND_WEIGHT: Record<SignalKind, number> = {
	bug: 1.5,
	friction: 1,
	idea: 1,
	'auto-friction': 0.5,
	pattern: 2,
	praise: 0.5,
};

export function signalWeight(input: { kind: SignalKind; severity?: number | undefined; count?: number | undefined; newReporter: boolean }): number {
	const severity = input.severity ?? 3;
	const repeat = Math.log2(1 + (input.count ?? 1));
	return KIND_WEIGHT[input.kind] * (severity / 3) * (input.newReporter ? 2 : 1) * repeat;
}

/** log2 of one signal's weight, referred to the epoch. */
export const rankTerm = (weight: number, atMs: number) => Math.log2(weight) + (atMs - EPOCH_MS) / HALF_LIFE_MS;

/** log2(2^a + 2^b) without overflow: ranks grow by about 26 a year. */
export function addRanks(a: number | null, b: number): number {
	if (a === null || !Number.isFinite(a)) return b;
	const high = Math.max(a, b);
	return high + Math.log2(1 + 2 ** (Math.min(a, b) - high));
}

/** Today's score of a stored rank, rounded to 0.01. */
export function scoreAt(rank: number, nowMs: number): number {
	const value = 2 ** (rank - (nowMs - EPOCH_MS) / HALF_LIFE_MS);
	return Math.round(value * 100) / 100;
}

/**
 * The rank of an item created by a request, before the terms of its signals are added in SQL: 2^NEW_ITEM_RANK is 0
 * in doubles, so adding any term gives that term.
 */
export const NEW_ITEM_RANK = -1e9;

/** log2(2^a + 2^b) in SQL (D1 has SQLite's math functions), the same as addRanks. */
export const addRanksSql = (a: string, b: string) => `(max(${a}, ${b}) + log2(1 + pow(2, min(${a}, ${b}) - max(${a}, ${b}))))`;
