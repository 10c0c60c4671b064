import { DAY_MS, type Ticket } from './ticket';

/** A ticket without a category is counted under this name, so that it still shows in every table. */
export const NO_CATEGORY = '(no category)';
export const categoryOf = (ticket: Ticket) => ticket.category ?? NO_CATEGORY;

export type PeriodKind = 'week' | 'month';

/** The start of the period holding `time`: Monday 00:00 UTC for weeks (ISO 8601), the 1st for months. */
export function periodStart(time: number, kind: PeriodKind): number {
	const date = new Date(time);
	if (kind === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
	const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
	return day - ((date.getUTCDay() + 6) % 7) * DAY_MS;
}

export function nextPeriod(start: number, kind: PeriodKind): number {
	if (kind === 'week') return start + 7 * DAY_MS;
	const date = new Date(start);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** "2026-11" for a month, "2026-W47" for an ISO week. */
export function periodLabel(start: number, kind: PeriodKind): string {
	const date = new Date(start);
	if (kind === 'month') return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
	// The ISO week-numbering year is the year of the week's Thursday.
	const thursday = new Date(start + 3 * DAY_MS);
	const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
	const week = Math.floor((thursday.getTime() - yearStart) / (7 * DAY_MS)) + 1;
	return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: number, to: number, kind: PeriodKind): number[] {
	const starts: number[] = [];
	for (let start = periodStart(from, kind); start <= to; start = nextPeriod(start, kind)) starts.push(start);
	return starts;
}

/** "2026-11-28": dates in reports are days, in UTC like the rest of the engine. */
export const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The latest date an export mentions: the moment it describes, used as "now" so that a report is reproducible. */
export function latestTime(tickets: readonly Ticket[]): number | undefined {
	let latest: number | undefined;
	for (const ticket of tickets) {
		for (const time of [ticket.openedAt, ticket.updatedAt, ticket.solvedAt, ticket.closedAt]) {
			if (time !== undefined && (latest === undefined || time > latest)) latest = time;
		}
	}
	return latest;
}

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
