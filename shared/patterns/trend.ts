export type TrendDirection = 'up' | 'down' | 'flat';

export interface Trend {
	/** The last complete period minus the complete one before (null when either is unknown). */
	change: number | null;
	direction: TrendDirection | null;
}

/**
 * The trend of one indicator over [value, partial] per period, oldest first. Partial periods (the export starts or
 * ends inside them) are left out: a month seen for ten days would always look like a fall in volume.
 */
export function trendOf(periods: readonly (readonly [number | null, boolean])[]): Trend {
	const whole = periods.filter(([, partial]) => !partial);
	const last = whole[whole.length - 1]?.[0] ?? null;
	const previous = whole[whole.length - 2]?.[0] ?? null;
	if (last === null || previous === null) return { change: null, direction: null };
	const change = last - previous;
	// Changes smaller than 5 % of the previous value (or 0.01) are noise at these sample sizes.
	const flat = Math.abs(change) <= Math.max(0.01, Math.abs(previous) * 0.05);
	return { change, direction: flat ? 'flat' : change > 0 ? 'up' : 'down' };
}
