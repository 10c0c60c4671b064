import { SPARKLINE_WEEKS } from '../../shared/limits';

const DAY_MS = 86_400_000;

/**
 * Monday-based weeks, numbered from the week of 1970-01-01 (a Thursday, hence the + 3): ISO weeks without the
 * year arithmetic, so that "the last 8 weeks" is a range of integers.
 */
export const weekOf = (ms: number) => Math.floor((Math.floor(ms / DAY_MS) + 3) / 7);

/** The same week number in SQL, from an ISO timestamp column (julianday 2440587.5 is 1970-01-01T00:00Z). */
export const weekSql = (column: string) => `CAST((julianday(${column}) - 2440587.5 + 3) / 7 AS INTEGER)`;

/** The sparkline of an item: signals per week over the last SPARKLINE_WEEKS weeks, oldest first, this week last. */
export function sparkline(counts: readonly (readonly [week: number, n: number])[], nowMs: number): number[] {
	const current = weekOf(nowMs);
	const weekly = new Array<number>(SPARKLINE_WEEKS).fill(0);
	for (const [week, n] of counts) {
		const index = SPARKLINE_WEEKS - 1 - (current - week);
		if (index >= 0 && index < SPARKLINE_WEEKS) weekly[index] = (weekly[index] ?? 0) + n;
	}
	return weekly;
}
