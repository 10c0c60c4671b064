import { type PeriodKind, categoryOf, latestTime, median, nextPeriod, periodLabel, periodStart, periodsBetween } from './periods';
import { hasDeadline, lateness } from './reopen-late';
import { DAY_MS, HOUR_MS, type Ticket, isSolvedStatus, solvedTime } from './ticket';
import { type Trend, trendOf } from './trend';

export type { Trend, TrendDirection } from './trend';

const dayStart = (time: number) => time - (((time % DAY_MS) + DAY_MS) % DAY_MS);

/**
 * Service indicators per category and period, the seed's "indicators of satisfaction and performance":
 * - volume: tickets opened in the period;
 * - median time to solve (hours) and share of late tickets, over the tickets SOLVED in the period: counting them by
 *   opening period would make recent periods look fast, since only their quick tickets are solved yet;
 * - satisfaction: the mean survey answer (0-5) of the tickets solved in the period, where the export has it.
 * An indicator the export cannot give is null, never 0.
 */
export interface PeriodIndicators {
	/** "2026-11" or "2026-W47". */
	period: string;
	start: number;
	volume: number;
	solved: number;
	medianHoursToSolve: number | null;
	/** Late among the solved tickets that had a deadline (0-1). */
	lateShare: number | null;
	satisfaction: number | null;
	satisfactionAnswers: number;
	/** The export covers only part of the period (it starts or ends inside it): its volume is not comparable. */
	partial: boolean;
}

export interface CategoryIndicators {
	/** A category's complete name, or ALL_CATEGORIES for the whole export. */
	category: string;
	periods: PeriodIndicators[];
	overall: PeriodIndicators;
	trend: Record<'volume' | 'medianHoursToSolve' | 'lateShare' | 'satisfaction', Trend>;
}

export const ALL_CATEGORIES = '(all categories)';

export interface IndicatorOptions {
	period?: PeriodKind;
	asOf?: number;
}

function measure(
	period: string,
	start: number,
	opened: readonly Ticket[],
	solved: readonly Ticket[],
	asOf: number,
	partial: boolean,
): PeriodIndicators {
	const hours = solved.flatMap((ticket) => {
		const end = solvedTime(ticket);
		return ticket.openedAt !== undefined && end !== undefined ? [(end - ticket.openedAt) / HOUR_MS] : [];
	});
	const withDeadline = solved.filter(hasDeadline);
	const answers = solved.flatMap((ticket) => (ticket.satisfaction === undefined ? [] : [ticket.satisfaction]));
	return {
		period,
		start,
		volume: opened.length,
		solved: solved.length,
		medianHoursToSolve: median(hours),
		lateShare: withDeadline.length ? withDeadline.filter((ticket) => lateness(ticket, asOf)).length / withDeadline.length : null,
		satisfaction: answers.length ? answers.reduce((sum, stars) => sum + stars, 0) / answers.length : null,
		satisfactionAnswers: answers.length,
		partial,
	};
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

interface Span {
	starts: readonly number[];
	kind: PeriodKind;
	first: number;
	asOf: number;
}

function indicatorsOf(category: string, tickets: readonly Ticket[], { starts, kind, first, asOf }: Span): CategoryIndicators {
	const opened = new Map<number, Ticket[]>();
	const solved = new Map<number, Ticket[]>();
	for (const ticket of tickets) {
		if (ticket.openedAt !== undefined) push(opened, periodStart(ticket.openedAt, kind), ticket);
		const end = solvedTime(ticket);
		if (end !== undefined) push(solved, periodStart(end, kind), ticket);
	}
	const periods = starts.map((start) => {
		// Whole days: an export whose first ticket came at 09:00 on the 1st still covers the 1st.
		const partial = start < dayStart(first) || nextPeriod(start, kind) > dayStart(asOf) + DAY_MS;
		return measure(periodLabel(start, kind), start, opened.get(start) ?? [], solved.get(start) ?? [], asOf, partial);
	});
	// Over the whole export, a ticket solved or closed counts even when the export has no resolution date.
	const everSolved = tickets.filter((ticket) => solvedTime(ticket) !== undefined || isSolvedStatus(ticket.status));
	return {
		category,
		periods,
		overall: measure('all', starts[0] ?? 0, tickets, everSolved, asOf, false),
		trend: {
			volume: trendOf(periods.map((p) => [p.volume, p.partial])),
			medianHoursToSolve: trendOf(periods.map((p) => [p.medianHoursToSolve, p.partial])),
			lateShare: trendOf(periods.map((p) => [p.lateShare, p.partial])),
			satisfaction: trendOf(periods.map((p) => [p.satisfaction, p.partial])),
		},
	};
}

/** One entry for the whole export, then one per category, busiest first. */
export function serviceIndicators(tickets: readonly Ticket[], options: IndicatorOptions = {}): CategoryIndicators[] {
	const kind = options.period ?? 'month';
	const asOf = options.asOf ?? latestTime(tickets);
	let first = Number.POSITIVE_INFINITY;
	let last = Number.NEGATIVE_INFINITY;
	for (const ticket of tickets) {
		for (const time of [ticket.openedAt, solvedTime(ticket)]) {
			if (time === undefined) continue;
			first = Math.min(first, time);
			last = Math.max(last, time);
		}
	}
	if (asOf === undefined || first > last) return [];
	const span = { starts: periodsBetween(first, Math.min(asOf, last), kind), kind, first, asOf };
	const byCategory = new Map<string, Ticket[]>();
	for (const ticket of tickets) push(byCategory, categoryOf(ticket), ticket);
	const categories = [...byCategory].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
	return [
		indicatorsOf(ALL_CATEGORIES, tickets, span),
		...categories.map(([category, list]) => indicatorsOf(category, list, span)),
	];
}
