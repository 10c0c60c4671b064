import { categoryOf, latestTime } from './periods';
import { DAY_MS, type Ticket } from './ticket';

/**
 * Spikes per category: a burst of tickets in a recent window compared with the same category's own past.
 *
 * For a window of `windowDays` whole days ending with the day of `asOf`, a category spikes when it has at least `minCount` tickets opened
 * in the window AND at least `minRatio` times the number its baseline predicts: the tickets it had in the
 * `baselineDays` just before the window, scaled to the window's length. With the defaults (7-day window, 8-week
 * baseline, 3 tickets, ratio 2), a category that usually gets one ticket a week spikes at 3, one that gets 4 a week
 * at 8. A category with no ticket at all in the baseline spikes at `minCount`: something new is happening.
 * Windows are also checked back in time, one window length at a time, as long as at least one window of baseline
 * lies after the first ticket of the export, to show the spikes over time; only those ending at `asOf` are
 * `current`. A shorter known baseline is scaled to the window like a full one.
 */
export interface SpikeOptions {
	windowDays?: number;
	baselineDays?: number;
	minCount?: number;
	minRatio?: number;
	/** The end of the most recent window; the latest date in the data by default. */
	asOf?: number;
	/** Also check earlier windows (default true). */
	history?: boolean;
}

export const DEFAULT_SPIKES = { windowDays: 7, baselineDays: 56, minCount: 3, minRatio: 2 } as const;

export interface Spike {
	category: string;
	/** The window [windowStart, windowEnd). */
	windowStart: number;
	windowEnd: number;
	count: number;
	baselineCount: number;
	/** What the baseline predicts for one window. */
	expected: number;
	/** count / expected, null when the baseline is empty. */
	ratio: number | null;
	ticketIds: number[];
	current: boolean;
}

/** The first index of a sorted array whose value is >= `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if ((sorted[middle] as number) < value) low = middle + 1;
		else high = middle;
	}
	return low;
}

export function detectSpikes(tickets: readonly Ticket[], options: SpikeOptions = {}): Spike[] {
	const { windowDays, baselineDays, minCount, minRatio } = { ...DEFAULT_SPIKES, ...options };
	const asOf = options.asOf ?? latestTime(tickets);
	const byCategory = new Map<string, { times: number[]; ids: number[] }>();
	let first = Number.POSITIVE_INFINITY;
	for (const ticket of [...tickets].sort((a, b) => (a.openedAt ?? 0) - (b.openedAt ?? 0))) {
		if (ticket.openedAt === undefined) continue;
		first = Math.min(first, ticket.openedAt);
		const entry = byCategory.get(categoryOf(ticket)) ?? { times: [], ids: [] };
		entry.times.push(ticket.openedAt);
		entry.ids.push(ticket.id);
		byCategory.set(categoryOf(ticket), entry);
	}
	if (asOf === undefined || byCategory.size === 0) return [];
	const window = windowDays * DAY_MS;
	const baseline = baselineDays * DAY_MS;
	// Windows are whole days, the last one ending with the day of asOf: "the last 7 days, today included".
	const lastEnd = asOf - (((asOf % DAY_MS) + DAY_MS) % DAY_MS) + DAY_MS;
	const spikes: Spike[] = [];
	for (let end = lastEnd; ; end -= window) {
		const start = end - window;
		// The part of a baseline before the export's first ticket is unknown, not quiet: the expected count is
		// scaled to the known part, and a window with less than one window of known past is not judged.
		const known = Math.min(baseline, start - first);
		if (known < window) break;
		for (const [category, { times, ids }] of byCategory) {
			const from = lowerBound(times, start);
			const to = lowerBound(times, end);
			const count = to - from;
			if (count < minCount) continue;
			const baselineCount = from - lowerBound(times, start - known);
			const expected = (baselineCount * window) / known;
			if (count < minRatio * expected) continue;
			spikes.push({
				category,
				windowStart: start,
				windowEnd: end,
				count,
				baselineCount,
				expected,
				ratio: expected > 0 ? count / expected : null,
				ticketIds: ids.slice(from, to).sort((a, b) => a - b),
				current: end === lastEnd,
			});
		}
		if (options.history === false) break;
	}
	return spikes.sort((a, b) => b.windowEnd - a.windowEnd || b.count - a.count || a.category.localeCompare(b.category));
}
