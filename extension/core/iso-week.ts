/**
 * ISO weeks ("2026-W47") for the popup's forms, without shared/patterns/periods.ts: that module's ticket types bring
 * zod, which the popup must not load (its eval probe breaks the extension pages' CSP). A test holds both equal.
 */
const DAY_MS = 86_400_000;

export function isoWeekOf(time: number): string {
	const date = new Date(time);
	const weekday = (date.getUTCDay() + 6) % 7;
	// The week's Thursday decides its year.
	const thursday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - weekday + 3);
	const year = new Date(thursday).getUTCFullYear();
	const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
	return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The default baseline of a new objective: the `weeks` whole weeks before this one. */
export const lastWholeWeeks = (weeks: number, now = Date.now()) => ({ from: isoWeekOf(now - weeks * 7 * DAY_MS), to: isoWeekOf(now - 7 * DAY_MS) });
