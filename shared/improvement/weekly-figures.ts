import type { Column } from '../patterns/glpi-labels';
import { categoryOf, periodLabel, periodStart } from '../patterns/periods';
import { hasDeadline, lateness } from '../patterns/reopen-late';
import { DAY_MS, HOUR_MS, type Ticket, solvedTime } from '../patterns/ticket';

/**
 * Upper bounds, in hours, of the solve-time histogram's buckets; one more bucket holds everything past the last.
 * Buckets instead of each ticket's duration: they add up across weeks, categories and users' readings (a median
 * does not), and they stay a few numbers per cell however busy the week, so two years of 200 categories stay small.
 * The bounds follow a service desk's clock: the first hour, the working day, the next days, the weeks.
 */
export const SOLVE_HOUR_BOUNDS = [1, 2, 4, 8, 16, 24, 48, 72, 120, 168, 336, 720] as const;
export const SOLVE_BUCKETS = SOLVE_HOUR_BOUNDS.length + 1;

/**
 * The figures of one category in one ISO week: counts and sums only, so that cells add up (a parent category, a
 * period of weeks). Never a ticket's id, title, text or requester. A figure the export cannot give is null, never 0.
 */
export interface WeekCell {
	/** ISO week, "2026-W47". */
	week: string;
	/** The category's complete name as GLPI writes it, "Hardware > Printer". */
	category: string;
	/** Tickets opened in the week. */
	opened: number;
	/** Tickets solved in the week (by their resolution, else closing, date). */
	solved: number | null;
	/** The solved tickets' times to solve, counted per SOLVE_HOUR_BOUNDS bucket. */
	solveHours: number[] | null;
	/** Solved tickets that had a time to resolve, and those of them solved past it. */
	withDeadline: number | null;
	late: number | null;
	/** Solved tickets whose solution was refused or that were reopened. */
	reopened: number | null;
	/** Satisfaction answers (0-5 stars) of the tickets solved in the week. */
	satisfactionSum: number | null;
	satisfactionCount: number | null;
}

/** Which figures a reading could give at all, from the columns its export had. */
export interface KnownFigures {
	solved: boolean;
	deadline: boolean;
	reopen: boolean;
	satisfaction: boolean;
}

/**
 * One reading of GLPI's figures: the whole ISO weeks the export covers, and a cell for each category and week with
 * at least one ticket in it. A week of the span without a cell had no ticket: its counts are known to be 0.
 */
export interface WeeklyReading {
	/** First and last whole week covered, or null when the export covers no whole week. */
	from: string | null;
	to: string | null;
	/** Weeks between `from` and `to` that no reading covered (stored readings put together): unknown, not empty. */
	missing?: string[];
	known: KnownFigures;
	cells: WeekCell[];
}

export function knownFrom(columns: Partial<Record<Column, string>>): KnownFigures {
	return {
		solved: columns.solvedAt !== undefined || columns.closedAt !== undefined,
		deadline: columns.timeToResolve !== undefined || columns.late !== undefined,
		reopen: columns.solutionStatus !== undefined,
		satisfaction: columns.satisfaction !== undefined,
	};
}

export function bucketOf(hours: number): number {
	const index = SOLVE_HOUR_BOUNDS.findIndex((bound) => hours <= bound);
	return index === -1 ? SOLVE_HOUR_BOUNDS.length : index;
}

/** A week of a category with no ticket: 0 where the export has the column, unknown (null) where it does not. */
export function emptyCell(week: string, category: string, known: KnownFigures): WeekCell {
	return {
		week,
		category,
		opened: 0,
		solved: known.solved ? 0 : null,
		solveHours: known.solved ? new Array<number>(SOLVE_BUCKETS).fill(0) : null,
		withDeadline: known.solved && known.deadline ? 0 : null,
		late: known.solved && known.deadline ? 0 : null,
		reopened: known.solved && known.reopen ? 0 : null,
		satisfactionSum: known.solved && known.satisfaction ? 0 : null,
		satisfactionCount: known.solved && known.satisfaction ? 0 : null,
	};
}

const dayStart = (time: number) => time - (((time % DAY_MS) + DAY_MS) % DAY_MS);
const WEEK_MS = 7 * DAY_MS;

/** The whole weeks between the export's first day and the day it describes: an edge week seen in part is left out. */
function wholeWeeks(tickets: readonly Ticket[], asOf: number): { first: number; last: number } | null {
	let earliest = Number.POSITIVE_INFINITY;
	for (const ticket of tickets) {
		for (const time of [ticket.openedAt, solvedTime(ticket)]) if (time !== undefined && time < earliest) earliest = time;
	}
	if (!Number.isFinite(earliest)) return null;
	const startOfFirst = periodStart(earliest, 'week');
	const first = startOfFirst === dayStart(earliest) ? startOfFirst : startOfFirst + WEEK_MS;
	// The week holding `asOf` is whole only when asOf is its last day.
	const holding = periodStart(asOf, 'week');
	const last = dayStart(asOf) === holding + 6 * DAY_MS ? holding : holding - WEEK_MS;
	return last >= first ? { first, last } : null;
}

/**
 * The weekly figures of an export, per category, for the whole weeks it covers up to `asOf` (the moment the reading
 * describes: when the user read it). Tickets count in the week they were opened (volume) and in the week they were
 * solved (time to solve, lateness, reopens, satisfaction), as GLPI's own statistics do.
 */
export function weeklyFigures(tickets: readonly Ticket[], known: KnownFigures, asOf: number): WeeklyReading {
	const span = wholeWeeks(tickets, asOf);
	if (!span) return { from: null, to: null, known, cells: [] };
	const inSpan = (time: number | undefined): time is number => time !== undefined && time >= span.first && time < span.last + WEEK_MS;
	const cells = new Map<string, WeekCell>();
	const cellOf = (time: number, category: string) => {
		const week = periodLabel(periodStart(time, 'week'), 'week');
		const key = `${week}\u0000${category}`;
		let cell = cells.get(key);
		if (!cell) cells.set(key, (cell = emptyCell(week, category, known)));
		return cell;
	};
	for (const ticket of tickets) {
		const category = categoryOf(ticket);
		if (inSpan(ticket.openedAt)) cellOf(ticket.openedAt, category).opened += 1;
		const solved = known.solved ? solvedTime(ticket) : undefined;
		if (!inSpan(solved)) continue;
		const cell = cellOf(solved, category);
		cell.solved = (cell.solved ?? 0) + 1;
		if (cell.solveHours && ticket.openedAt !== undefined && ticket.openedAt <= solved) {
			const bucket = bucketOf((solved - ticket.openedAt) / HOUR_MS);
			cell.solveHours[bucket] = (cell.solveHours[bucket] ?? 0) + 1;
		}
		if (cell.withDeadline !== null && hasDeadline(ticket)) {
			cell.withDeadline += 1;
			if (lateness(ticket, asOf)) cell.late = (cell.late ?? 0) + 1;
		}
		if (cell.reopened !== null && (ticket.solutionRefused || (ticket.reopenCount ?? 0) > 0)) cell.reopened += 1;
		if (cell.satisfactionCount !== null && ticket.satisfaction !== undefined) {
			cell.satisfactionCount += 1;
			cell.satisfactionSum = (cell.satisfactionSum ?? 0) + ticket.satisfaction;
		}
	}
	const sorted = [...cells.values()].sort((a, b) => a.week.localeCompare(b.week) || a.category.localeCompare(b.category));
	return { from: periodLabel(span.first, 'week'), to: periodLabel(span.last, 'week'), known, cells: sorted };
}
