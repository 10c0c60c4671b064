import type { PatternsReport } from '../analyse';
import { toPatterns } from '../analyse';
import { type ReportSource, sourceJson } from './source';

/** Keys that hold times (ms since 1970) in the report: written as ISO 8601 in the JSON, for people and tools. */
const TIME_KEYS = new Set(['asOf', 'from', 'windowStart', 'windowEnd', 'firstOpenedAt', 'lastOpenedAt', 'dueAt', 'start']);

/** The report as JSON: the full analysis plus `patterns`, the form the extension syncs (PatternSchema). */
export function renderJson(report: PatternsReport, source?: ReportSource): string {
	const described = sourceJson(source);
	const document = { ...(described ? { source: described } : {}), ...report, patterns: toPatterns(report) };
	return `${JSON.stringify(
		document,
		(key, value) => {
			if (TIME_KEYS.has(key) && typeof value === 'number') return new Date(value).toISOString();
			if (key === 'starts' && Array.isArray(value)) return value.map((time: number) => new Date(time).toISOString());
			return value;
		},
		2,
	)}\n`;
}
