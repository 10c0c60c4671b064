import type { PatternsReport } from '../analyse';
import type { CategoryIndicators } from '../indicators';
import { arrow, categoryName, day, duration, durationMs, percent, ratio, stars, windowText } from './format';
import { type Labels, type Lang, labelsFor } from './labels';
import { type ReportSource, sourceNotices } from './source';

const MAX_IDS = 12;
/** Rows per list; the JSON report has every row. */
const MAX_ROWS = 30;
const ids = (list: readonly number[]) =>
	list.length > MAX_IDS ? `${list.slice(0, MAX_IDS).map((id) => `#${id}`).join(' ')} … (+${list.length - MAX_IDS})` : list.map((id) => `#${id}`).join(' ');

/** Columns padded to their widest cell, so the table reads in a terminal. */
function table(rows: readonly (readonly string[])[]): string[] {
	const widths: number[] = [];
	for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
	return rows.map((row) => `  ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd());
}

function indicatorRows(entry: CategoryIndicators, lang: Lang, solveDates: boolean): string[][] {
	const l = labelsFor(lang);
	return entry.periods.map((p) => [
		`${p.period}${p.partial ? '*' : ''}`,
		String(p.volume),
		solveDates ? String(p.solved) : l.unknown,
		duration(p.medianHoursToSolve, l),
		percent(p.lateShare, l),
		stars(p.satisfaction, l),
	]);
}

/** The indicators whose trend is known, with their arrows: "Opened ↑ Late ↓". */
function trendText(entry: CategoryIndicators, l: Labels): string {
	const names = { volume: l.volume, medianHoursToSolve: l.medianToSolve, lateShare: l.lateShare, satisfaction: l.satisfaction };
	const known = (Object.keys(names) as (keyof typeof names)[]).filter((key) => entry.trend[key].direction !== null);
	return known.length === 0 ? l.unknown : known.map((key) => `${names[key]} ${arrow(entry.trend[key].direction)}`).join(', ');
}

/** The report as plain text for a terminal or an e-mail. */
export function renderText(report: PatternsReport, lang: Lang = 'en', source?: ReportSource): string {
	const l = labelsFor(lang);
	const s = report.settings;
	const out: string[] = [`${l.title}`, l.summary(report.tickets, day(report.from, l), day(report.asOf, l)), ...sourceNotices(source, l), ''];

	out.push(`${l.clusters} (${l.clustersRule(s.threshold)}): ${report.clusters.length}`);
	if (report.clusters.length === 0) out.push(`  ${l.noClusters}`);
	out.push(
		...table(
			report.clusters.slice(0, MAX_ROWS).map((c) => [`${c.size} ${l.tickets}`, `"${c.signature}"`, categoryName(c.category, l), ids(c.ticketIds)]),
		),
	);
	if (report.clusters.length > MAX_ROWS) out.push(`  ${l.more(report.clusters.length - MAX_ROWS)}`);

	const current = report.spikes.filter((spike) => spike.current);
	const past = report.spikes.filter((spike) => !spike.current);
	out.push('', `${l.spikes} (${l.spikesRule(s.windowDays, s.baselineDays, s.minCount, s.minRatio)})`);
	const judged = report.spikeJudgement;
	if (!judged.openingDates) out.push(`  ${l.spikesUnknown}`);
	for (const [title, list] of judged.openingDates ? ([[l.currentSpikes, current], [l.pastSpikes, past]] as const) : []) {
		const none = title === l.currentSpikes && !judged.currentJudged ? l.notJudged(judged.minBaselineDays) : l.noSpikes;
		out.push(`  ${title}: ${list.length === 0 ? none : list.length}`);
		out.push(
			...table(
				list.slice(0, MAX_ROWS).map((spike) => [
					categoryName(spike.category, l),
					windowText(spike.windowStart, spike.windowEnd),
					`${spike.count} ${l.tickets}`,
					`${l.expected} ${spike.expected.toFixed(1)}`,
					ratio(spike.ratio, l),
					`${l.evidence} ${spike.pValue.toExponential(1)}`,
					ids(spike.ticketIds),
				]),
			).map((line) => `  ${line}`),
		);
		if (list.length > MAX_ROWS) out.push(`    ${l.more(list.length - MAX_ROWS)}`);
	}

	out.push('', `${l.reopens}: ${report.known.reopens ? report.reopens.length : l.unknown}`);
	if (!report.known.reopens) out.push(`  ${l.reopensUnknown}`);
	out.push(
		...table(
			report.reopens.map((loop) => [`#${loop.ticketId}`, categoryName(loop.category, l), loop.reason === 'reopened' ? `${l.reopened} ×${loop.count}` : l.refused]),
		),
	);

	out.push('', `${l.late}: ${report.known.deadlines ? report.late.length : l.unknown}`);
	if (!report.known.deadlines) out.push(`  ${l.lateUnknown}`);
	out.push(
		...table(
			report.late.map((late) => [
				`#${late.ticketId}`,
				categoryName(late.category, l),
				`${durationMs(late.overdueMs, l)} ${l.overdue}`,
				late.open ? l.stillOpen : '',
			]),
		),
	);

	const [all, ...categories] = report.indicators;
	// Issue 16: without opening dates the indicators were dropped silently, without resolution dates "Solved 0".
	if (!all) out.push('', `${l.indicators}: ${l.unknown}`, `  ${l.spikesUnknown}`);
	if (all && !report.known.solveDates) out.push('', `  ${l.solvedUnknown}`);
	if (all) {
		const header = [l.period, l.volume, l.solved, l.medianToSolve, l.lateShare, l.satisfaction];
		out.push('', `${l.indicators}: ${categoryName(all.category, l)} (* ${l.partial})`);
		out.push(...table([header, ...indicatorRows(all, lang, report.known.solveDates)]));
		out.push(`  ${l.trend}: ${trendText(all, l)}`);
		out.push('', `${l.indicators}: ${l.category}`);
		out.push(
			...table([
				[l.category, ...header.slice(1), l.trend],
				...categories.map((entry) => [
					categoryName(entry.category, l),
					String(entry.overall.volume),
					report.known.solveDates ? String(entry.overall.solved) : l.unknown,
					duration(entry.overall.medianHoursToSolve, l),
					percent(entry.overall.lateShare, l),
					stars(entry.overall.satisfaction, l),
					trendText(entry, l),
				]),
			]),
		);
	}
	return `${out.join('\n')}\n`;
}
