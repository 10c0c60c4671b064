import { CHECK_WINDOW_DAYS } from '../../shared/limits';
import type { ItemStatus } from '../../shared/schemas/backlog';
import type { CheckMetric, Metrics } from '../../shared/schemas/metrics';
import { SIGNAL_KINDS, type SignalKind } from '../../shared/schemas/signal';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Every day of [from, to], both included, as YYYY-MM-DD. */
export function daysOf(from: string, to: string): string[] {
	const days: string[] = [];
	for (let ms = Date.parse(from); ms <= Date.parse(to); ms += DAY_MS) days.push(new Date(ms).toISOString().slice(0, 10));
	return days;
}

/** Signals per day with zeros filled in, from the (day, kind, n) rows of daily_counts. */
export function signalsPerDay(from: string, to: string, rows: readonly { day: string; kind: string; n: number }[]): Metrics['signalsPerDay'] {
	const zero = () => Object.fromEntries(SIGNAL_KINDS.map((kind) => [kind, 0])) as Record<SignalKind, number>;
	const byDay = new Map(daysOf(from, to).map((day) => [day, zero()]));
	for (const row of rows) {
		const counts = byDay.get(row.day);
		if (counts && (SIGNAL_KINDS as readonly string[]).includes(row.kind)) counts[row.kind as SignalKind] += row.n;
	}
	return [...byDay].map(([day, counts]) => ({ day, counts }));
}

/**
 * The two equal windows around an item's entry into `do`: CHECK_WINDOW_DAYS each, or the time elapsed since then
 * when shorter, so that "after" is never compared over a longer span than it has had.
 */
export function checkWindows(doAt: string, nowMs: number) {
	const doMs = Date.parse(doAt);
	const length = Math.max(0, Math.min(CHECK_WINDOW_DAYS * DAY_MS, nowMs - doMs));
	return {
		beforeStart: new Date(doMs - length).toISOString(),
		doAt: new Date(doMs).toISOString(),
		afterEnd: new Date(doMs + length).toISOString(),
		length,
	};
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

export function checkMetric(
	item: { id: string; title: string; status: ItemStatus; do_at: string },
	counts: { before: number; after: number },
	length: number,
): CheckMetric {
	const perWeek = (n: number) => (length > 0 ? round(n / (length / WEEK_MS)) : null);
	const before = perWeek(counts.before);
	const after = perWeek(counts.after);
	return {
		itemId: item.id,
		title: item.title,
		status: item.status,
		doAt: item.do_at,
		windowDays: round(length / DAY_MS, 2),
		before: { signals: counts.before, perWeek: before },
		after: { signals: counts.after, perWeek: after },
		change: before !== null && after !== null && before > 0 ? round((after - before) / before) : null,
	};
}
