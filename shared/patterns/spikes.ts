import { categoryOf, latestTime } from './periods';
import { adjustForMany, dispersionOf, upperTail } from './spike-stats';
import { DAY_MS, type Ticket } from './ticket';

/**
 * Spikes per category: a burst of tickets in a window, judged against the same category's own usual rate.
 *
 * Issue 16 measured the old rule (at least 3 tickets and twice the baseline rate) on a real incident log: 216
 * spikes, of which about 143 were expected from steady counts by chance alone. Now each cell (a category and a
 * window) gets a p-value, the chance of at least its count if the category kept its usual rate: negative binomial
 * with the mean and the dispersion (variance over mean) its baseline shows, Poisson when the baseline is not
 * overdispersed. The p-values of all cells tried are then corrected for their number (Benjamini-Hochberg): the
 * spikes reported are those whose false discovery rate stays under `falseDiscoveryRate`. The count and ratio rules
 * remain as a floor: a significant rise from 1 to 2 tickets is no news to a manager.
 *
 * - Categories roll up GLPI's tree: a ticket of "Hardware > Printer" counts for "Hardware" too, so that a burst spread
 *   over sub-categories is seen as one. Of related cells whose windows overlap (a category and its parent, a week
 *   and the day inside it), only the most significant is reported.
 * - Three window lengths: `windowDays` (a week), a day, and `hourWindow` hours when the export has times of day
 *   (a major incident is 40 tickets in two hours, lost in a week's count).
 * - The baseline is the `baselineDays` before the window. Near the start of an export, an earlier window takes the
 *   days after it to complete a baseline (`baselineAfter`): a burst in the first week is judged against the weeks
 *   that follow. A window with less than MIN_BASELINE_DAYS of baseline, or two window lengths, is not judged, and
 *   says so (`notJudged`), rather than "no spike".
 * - Spikes are ordered by evidence (q-value, then p-value), not by date.
 */
export interface SpikeOptions {
	windowDays?: number;
	baselineDays?: number;
	minCount?: number;
	minRatio?: number;
	/** The largest expected share of chance among the spikes reported (Benjamini-Hochberg). */
	falseDiscoveryRate?: number;
	/** The window within a day, in hours (0: none). Used only when the export has times of day. */
	hourWindow?: number;
	/** The end of the most recent window; the latest date in the data by default. */
	asOf?: number;
	/** Also check earlier windows (default true). */
	history?: boolean;
}

export const DEFAULT_SPIKES = { windowDays: 7, baselineDays: 56, minCount: 3, minRatio: 2, falseDiscoveryRate: 0.05, hourWindow: 2 } as const;
/** The shortest baseline a window is judged against. */
export const MIN_BASELINE_DAYS = 7;

export type SpikeScale = 'hours' | 'day' | 'week';

export interface Spike {
	category: string;
	/** The window [windowStart, windowEnd), and which of the window lengths it is. */
	windowStart: number;
	windowEnd: number;
	scale: SpikeScale;
	count: number;
	baselineCount: number;
	/** What the baseline predicts for one window. */
	expected: number;
	/** count / expected, null when the baseline is empty. */
	ratio: number | null;
	/** The chance of at least `count` at the usual rate, and the same corrected for the cells tried. */
	pValue: number;
	qValue: number;
	/** Variance over mean of the baseline's counts per window (1: Poisson). */
	dispersion: number;
	/** The baseline takes days after the window (the export starts too soon before it). */
	baselineAfter: boolean;
	ticketIds: number[];
	current: boolean;
}

export interface SpikeJudgement {
	spikes: Spike[];
	/** Cells (category and window) judged. */
	tried: number;
	/** Per window length, the span of windows not judged for want of a baseline. */
	notJudged: { scale: SpikeScale; from: number; to: number }[];
	/** Whether the current windows could be judged at all. */
	currentJudged: boolean;
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

/** "Hardware > Printer > Laser" counts for itself, "Hardware > Printer" and "Hardware". */
function categoryPath(category: string): string[] {
	const parts = category.split('>').map((part) => part.trim());
	return parts.map((_, level) => parts.slice(0, level + 1).join(' > '));
}

const related = (a: string, b: string) => a === b || a.startsWith(`${b} > `) || b.startsWith(`${a} > `);

interface Series {
	times: number[];
	ids: number[];
}

function seriesByCategory(tickets: readonly Ticket[]): { byCategory: Map<string, Series>; first: number; timesOfDay: boolean } {
	const byCategory = new Map<string, Series>();
	let first = Number.POSITIVE_INFINITY;
	let timesOfDay = false;
	for (const ticket of [...tickets].sort((a, b) => (a.openedAt ?? 0) - (b.openedAt ?? 0))) {
		if (ticket.openedAt === undefined) continue;
		first = Math.min(first, ticket.openedAt);
		if (ticket.openedAt % DAY_MS !== 0) timesOfDay = true;
		for (const node of categoryPath(categoryOf(ticket))) {
			const entry = byCategory.get(node) ?? { times: [], ids: [] };
			entry.times.push(ticket.openedAt);
			entry.ids.push(ticket.id);
			byCategory.set(node, entry);
		}
	}
	return { byCategory, first, timesOfDay };
}

export function judgeSpikes(tickets: readonly Ticket[], options: SpikeOptions = {}): SpikeJudgement {
	const settings = { ...DEFAULT_SPIKES, ...options };
	const { windowDays, baselineDays, minCount, minRatio, falseDiscoveryRate } = settings;
	const asOf = options.asOf ?? latestTime(tickets);
	const { byCategory, first, timesOfDay } = seriesByCategory(tickets);
	const judgement: SpikeJudgement = { spikes: [], tried: 0, notJudged: [], currentJudged: false };
	if (asOf === undefined || byCategory.size === 0) return judgement;
	const firstDay = first - (((first % DAY_MS) + DAY_MS) % DAY_MS);
	const baseline = baselineDays * DAY_MS;
	const scales: [SpikeScale, number][] = [['week', windowDays * DAY_MS]];
	if (windowDays !== 1) scales.push(['day', DAY_MS]);
	if (timesOfDay && settings.hourWindow > 0) scales.push(['hours', settings.hourWindow * 3_600_000]);
	const candidates: Omit<Spike, 'qValue'>[] = [];
	const triedPerScale = new Map<SpikeScale, number>();
	for (const [scale, width] of scales) {
		// Windows end on the window grid holding asOf: "the last 7 days, today included", "today", "these 2 hours".
		const grid = scale === 'hours' ? width : DAY_MS;
		const lastEnd = asOf - (((asOf % grid) + grid) % grid) + grid;
		const needed = Math.max(MIN_BASELINE_DAYS * DAY_MS, 2 * width);
		let unjudged: { from: number; to: number } | undefined;
		for (let end = lastEnd; end - width >= firstDay; end -= width) {
			const start = end - width;
			const current = end === lastEnd;
			const past = Math.min(baseline, start - firstDay);
			const future = past >= needed ? 0 : Math.max(0, Math.min(baseline - past, lastEnd - end));
			if (past + (current ? 0 : future) < needed) {
				unjudged = { from: start, to: unjudged?.to ?? end };
				if (options.history === false) break;
				continue;
			}
			if (current) judgement.currentJudged = true;
			const known = past + future;
			triedPerScale.set(scale, (triedPerScale.get(scale) ?? 0) + byCategory.size);
			for (const [category, { times, ids }] of byCategory) {
				const from = lowerBound(times, start);
				const to = lowerBound(times, end);
				const count = to - from;
				if (count < minCount) continue;
				// The baseline as slices of the window's length: the same hours of each baseline day for the window within
				// a day (tickets come in working hours, not spread over 24), else the baseline cut into windows.
				const slices = baselineSlices(times, start, end, past, future, scale === 'hours' ? DAY_MS : width);
				const baselineCount = slices.reduce((sum, c) => sum + c, 0);
				const expected = baselineCount / Math.max(1, slices.length);
				if (count < minRatio * expected) continue;
				// The usual rate, with one ticket added to the baseline: none in eight weeks is not a rate of zero.
				const mean = (baselineCount + 1) / Math.max(1, slices.length);
				const dispersion = dispersionOf(slices);
				candidates.push({
					category,
					windowStart: start,
					windowEnd: end,
					scale,
					count,
					baselineCount,
					expected,
					ratio: expected > 0 ? count / expected : null,
					pValue: upperTail(count, mean, dispersion),
					dispersion,
					baselineAfter: future > 0,
					ticketIds: ids.slice(from, to).sort((a, b) => a - b),
					current,
				});
			}
			if (options.history === false) break;
		}
		if (unjudged) judgement.notJudged.push({ scale, ...unjudged });
	}
	// One family of tests per window length, each at falseDiscoveryRate / scales: the false discovery rate over all
	// of them stays under falseDiscoveryRate (false / reported = the sum over families of false_i / reported, each
	// at most false_i / reported_i), while the 8,760 two-hour windows of a year do not drown the 52 weeks.
	const significant: Spike[] = [];
	for (const [scale] of scales) {
		const family = candidates.filter((cell) => cell.scale === scale);
		const q = adjustForMany(
			family.map((cell) => cell.pValue),
			triedPerScale.get(scale) ?? 0,
		);
		family.forEach((cell, i) => {
			if ((q[i] as number) <= falseDiscoveryRate / scales.length) significant.push({ ...cell, qValue: q[i] as number });
		});
	}
	judgement.tried = [...triedPerScale.values()].reduce((sum, n) => sum + n, 0);
	// Most evidence first; on equal evidence the narrower category (a parent whose tickets all came from one child
	// says nothing more) and the shorter window.
	significant.sort(
		(a, b) =>
			a.qValue - b.qValue ||
			a.pValue - b.pValue ||
			b.category.length - a.category.length ||
			a.windowEnd - a.windowStart - (b.windowEnd - b.windowStart) ||
			b.count - a.count ||
			a.category.localeCompare(b.category),
	);
	for (const cell of significant) {
		const overlaps = (other: Spike) => other.windowStart < cell.windowEnd && cell.windowStart < other.windowEnd && related(other.category, cell.category);
		if (!judgement.spikes.some(overlaps)) judgement.spikes.push(cell);
	}
	return judgement;
}

/**
 * The counts of the slices that make a window's baseline: windows of the same length `step` apart, in the `past`
 * before it and the `future` after it. Its mean is the usual count, its dispersion the category's unsteadiness.
 */
function baselineSlices(times: readonly number[], start: number, end: number, past: number, future: number, step: number): number[] {
	const counts: number[] = [];
	const count = (from: number) => lowerBound(times, from + end - start) - lowerBound(times, from);
	for (let from = start - step; from >= start - past; from -= step) counts.push(count(from));
	for (let from = start + Math.max(step, end - start); from + (end - start) <= end + future; from += step) counts.push(count(from));
	return counts;
}

/** The spikes alone (judgeSpikes says also what could not be judged). */
export function detectSpikes(tickets: readonly Ticket[], options: SpikeOptions = {}): Spike[] {
	return judgeSpikes(tickets, options).spikes;
}
