import { DAY_MS } from '../patterns/ticket';
import { SOLVE_HOUR_BOUNDS, type WeekCell, type WeeklyReading } from './weekly-figures';

/** What a PLAN can measure from GLPI's figures, for a category and its sub-categories. */
export const SERVICE_MEASURES = ['opened-per-week', 'median-hours-to-solve', 'late-share', 'reopen-share', 'satisfaction'] as const;
export type ServiceMeasure = (typeof SERVICE_MEASURES)[number];

/** Why a measure has no value: said to the manager in words, never shown as 0. */
export type UnknownReason = 'no-weeks' | 'no-solve-date' | 'no-deadline' | 'no-reopen-column' | 'no-satisfaction-column' | 'no-tickets';

export interface MeasureValue {
	value: number | null;
	/** What the value rests on: weeks for a volume, tickets (or answers) for the others. */
	sample: number;
	/** Whole weeks of the period that the reading covers. */
	weeks: number;
	unknown?: UnknownReason;
}

const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of an ISO week label, "2026-W47". */
export function weekStart(label: string): number {
	const match = /^(\d{4})-W(\d{2})$/.exec(label);
	if (!match) throw new RangeError(`not an ISO week: ${label}`);
	const year = Number(match[1]);
	// ISO week 1 holds 4 January.
	const january4 = Date.UTC(year, 0, 4);
	const mondayOfWeek1 = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS;
	return mondayOfWeek1 + (Number(match[2]) - 1) * WEEK_MS;
}

/**
 * "Hardware > Printer" counts for "Hardware"; null stands for every category. A scope may name several categories:
 * when GLPI's tree is renamed or reorganised, the item keeps its old name beside the new one and its figures go on.
 */
export type CategoryScope = string | readonly string[] | null;
export function inCategory(scope: CategoryScope, cell: Pick<WeekCell, 'category'>): boolean {
	if (scope === null) return true;
	const names = typeof scope === 'string' ? [scope] : scope;
	return names.some((name) => cell.category === name || cell.category.startsWith(`${name} > `));
}

/**
 * The median of a solve-time histogram: the bucket that holds the middle ticket, interpolated linearly inside it.
 * Past the last bound there is no upper end, so the last bound itself is given (a floor, said as "over 30 days").
 */
export function histogramMedian(counts: readonly number[]): number | null {
	const total = counts.reduce((sum, count) => sum + count, 0);
	if (total === 0) return null;
	const middle = total / 2;
	let below = 0;
	for (let index = 0; index < counts.length; index++) {
		const count = counts[index] ?? 0;
		if (count > 0 && below + count >= middle) {
			const upper = SOLVE_HOUR_BOUNDS[index];
			if (upper === undefined) return SOLVE_HOUR_BOUNDS[SOLVE_HOUR_BOUNDS.length - 1] as number;
			const lower = index === 0 ? 0 : (SOLVE_HOUR_BOUNDS[index - 1] as number);
			return lower + ((middle - below) / count) * (upper - lower);
		}
		below += count;
	}
	return null;
}

function ratio(numerator: number, denominator: number): Pick<MeasureValue, 'value' | 'sample' | 'unknown'> {
	return denominator === 0 ? { value: null, sample: 0, unknown: 'no-tickets' } : { value: numerator / denominator, sample: denominator };
}

/**
 * One measure over the weeks `from` to `to` (ISO labels, both included), for a category with its sub-categories.
 * Only the weeks the reading covers count: a week outside it is unknown, not empty.
 */
export function measureOver(reading: WeeklyReading, category: CategoryScope, from: string, to: string, measure: ServiceMeasure): MeasureValue {
	const start = Math.max(weekStart(from), reading.from ? weekStart(reading.from) : Number.POSITIVE_INFINITY);
	const end = Math.min(weekStart(to), reading.to ? weekStart(reading.to) : Number.NEGATIVE_INFINITY);
	const missing = (reading.missing ?? []).filter((week) => weekStart(week) >= start && weekStart(week) <= end).length;
	const weeks = end >= start ? Math.round((end - start) / WEEK_MS) + 1 - missing : 0;
	if (weeks === 0) return { value: null, sample: 0, weeks, unknown: 'no-weeks' };
	const cells = reading.cells.filter((cell) => inCategory(category, cell) && weekStart(cell.week) >= start && weekStart(cell.week) <= end);
	const sum = (pick: (cell: WeekCell) => number | null) => cells.reduce((total, cell) => total + (pick(cell) ?? 0), 0);
	const { known } = reading;
	if (measure === 'opened-per-week') return { value: sum((cell) => cell.opened) / weeks, sample: weeks, weeks };
	if (!known.solved) return { value: null, sample: 0, weeks, unknown: 'no-solve-date' };
	switch (measure) {
		case 'median-hours-to-solve': {
			const merged = new Array<number>(SOLVE_HOUR_BOUNDS.length + 1).fill(0);
			for (const cell of cells) cell.solveHours?.forEach((count, index) => (merged[index] = (merged[index] ?? 0) + count));
			const value = histogramMedian(merged);
			const sample = merged.reduce((total, count) => total + count, 0);
			return value === null ? { value, sample, weeks, unknown: 'no-tickets' } : { value, sample, weeks };
		}
		case 'late-share':
			if (!known.deadline) return { value: null, sample: 0, weeks, unknown: 'no-deadline' };
			return { ...ratio(sum((cell) => cell.late), sum((cell) => cell.withDeadline)), weeks };
		case 'reopen-share':
			if (!known.reopen) return { value: null, sample: 0, weeks, unknown: 'no-reopen-column' };
			return { ...ratio(sum((cell) => cell.reopened), sum((cell) => cell.solved)), weeks };
		case 'satisfaction':
			if (!known.satisfaction) return { value: null, sample: 0, weeks, unknown: 'no-satisfaction-column' };
			return { ...ratio(sum((cell) => cell.satisfactionSum), sum((cell) => cell.satisfactionCount)), weeks };
	}
}
