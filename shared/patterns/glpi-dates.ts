/**
 * GLPI prints dates in the user's preferred format (Preferences > Date format): YYYY-MM-DD, DD-MM-YYYY or
 * MM-DD-YYYY, each with an optional time HH:MM[:SS]. The export keeps that format, so the order of day and month is
 * inferred from the whole column (a first number above 12 can only be a day) and read as UTC wall-clock time.
 */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

const DATE = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** The order that fits every value; day first when both fit (GLPI's French and British default). */
export function detectDateOrder(values: Iterable<string>): DateOrder {
	let dayFirstPossible = true;
	let monthFirstPossible = true;
	for (const value of values) {
		const match = DATE.exec(value.trim());
		if (!match) continue;
		if ((match[1] as string).length === 4) return 'ymd';
		if (Number(match[1]) > 12) monthFirstPossible = false;
		if (Number(match[2]) > 12) dayFirstPossible = false;
	}
	return dayFirstPossible || !monthFirstPossible ? 'dmy' : 'mdy';
}

/** Milliseconds since 1970 (UTC wall clock), undefined for an empty cell, NaN for text that is not a date. */
export function parseGlpiDate(value: string, order: DateOrder): number | undefined {
	const text = value.trim();
	if (text === '') return undefined;
	const match = DATE.exec(text);
	if (!match) return Number.NaN;
	const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const longFirst = (match[1] as string).length === 4;
	const [year, month, day] = longFirst ? [a, b, c] : order === 'mdy' ? [c, a, b] : [c, b, a];
	const [hours, minutes, seconds] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
	if (year < 1970 || month < 1 || month > 12 || day < 1 || hours > 23 || minutes > 59 || seconds > 59) return Number.NaN;
	const time = Date.UTC(year, month - 1, day, hours, minutes, seconds);
	// Date.UTC rolls 31 April over to 1 May; a date that does not exist is not a date.
	if (new Date(time).getUTCDate() !== day) return Number.NaN;
	return time;
}
