import type { PatternsReport } from '../analyse';
import type { CategoryIndicators } from '../indicators';
import { isoDay } from '../periods';
import type { Ticket } from '../ticket';
import { PALETTE, type Series, barChart, columnChart, escapeHtml as e, lineChart } from './charts';
import { arrow, categoryName, day, duration, durationMs, percent, ratio, stars, windowText } from './format';
import { type Labels, type Lang, labelsFor } from './labels';
import { type MemberContext, memberList, ticketRef } from './members';
import { type ReportSource, sourceNotices } from './source';
import { glpiRoot } from './ticket-links';

export interface HtmlOptions {
	lang?: Lang;
	/** The tickets analysed, to show titles next to ids; left out, the report holds ids only. */
	tickets?: readonly Ticket[];
	/** Categories with their own indicator table (the busiest first). */
	maxCategories?: number;
	/** GLPI's address ("https://glpi.example/"): ticket ids become links to the tickets. */
	glpiUrl?: string;
	source?: ReportSource;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:820px;color:#1b1b1b;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #ddd}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
th{font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#666}.chart{width:100%;height:auto}
.chart text{font-size:11px;fill:#444}.chart .grid{stroke:#e5e5e5}details summary{cursor:pointer}ul.tickets{margin:.25rem 0;padding-left:1.2rem}
.legend span{display:inline-block;margin-right:1rem}.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
.notice{background:#fff4d6;border-left:4px solid #E69F00;padding:.4rem .6rem}`;

/** Tables stop here; the JSON report has every row. */
const MAX_ROWS = { clusters: 50, spikes: 20, tickets: 50 };
const more = (count: number, l: Labels) => (count > 0 ? `<p class="muted">${e(l.more(count))}</p>` : '');

function clustersSection(report: PatternsReport, l: Labels, members: MemberContext): string {
	const rows = report.clusters
		.slice(0, MAX_ROWS.clusters)
		.map((c) => `<tr><td class="num">${c.size}</td><td>${e(c.signature)}</td><td>${e(categoryName(c.category, l))}</td><td>${memberList(c.ticketIds, members)}</td></tr>`)
		.join('');
	const chart = barChart(report.clusters.slice(0, 15).map((c, i) => ({ label: `${c.signature} (${categoryName(c.category, l)})`, value: c.size, color: PALETTE[i % 7] as string })));
	return `<h2>${e(l.clusters)}</h2><p class="muted">${e(l.clustersRule(report.settings.threshold))}</p>${
		report.clusters.length === 0
			? `<p>${e(l.noClusters)}</p>`
			: `<h3>${e(l.clusterChart)}</h3>${chart}<table><tr><th class="num">${e(l.size)}</th><th>${e(l.keywords)}</th><th>${e(l.category)}</th><th>${e(l.members)}</th></tr>${rows}</table>${more(report.clusters.length - MAX_ROWS.clusters, l)}`
	}`;
}

function spikesSection(report: PatternsReport, l: Labels, members: MemberContext): string {
	const s = report.settings;
	const top = report.volume.categories.slice(0, 6);
	const colorOf = new Map(top.map((c, i) => [c.category, PALETTE[i] as string]));
	const series: Series[] = top.map((c) => ({ name: categoryName(c.category, l), values: c.counts, color: colorOf.get(c.category) as string }));
	const bands = report.spikes.map((spike) => ({
		from: spike.windowStart,
		to: spike.windowEnd,
		color: colorOf.get(spike.category) ?? (PALETTE[7] as string),
		label: `${categoryName(spike.category, l)}: ${spike.count} (${l.expected} ${spike.expected.toFixed(1)})`,
	}));
	// Points sit mid-period, so that a spike window lines up with the weeks (or months) it covers.
	const half = (report.volume.period === 'week' ? 3.5 : 15) * 86_400_000;
	const xs = report.volume.starts.map((start) => start + half);
	const legend = series.map((c) => `<span><i style="background:${c.color}"></i>${e(c.name)}</span>`).join('');
	const table = (all: typeof report.spikes) => {
		const list = all.slice(0, MAX_ROWS.spikes);
		return all.length === 0
			? `<p>${e(l.noSpikes)}</p>`
			: `<table><tr><th>${e(l.category)}</th><th>${e(l.window)}</th><th class="num">${e(l.count)}</th><th class="num">${e(l.expected)}</th><th></th><th>${e(l.members)}</th></tr>${list
					.map((spike) => `<tr><td>${e(categoryName(spike.category, l))}</td><td>${e(windowText(spike.windowStart, spike.windowEnd))}</td><td class="num">${spike.count}</td><td class="num">${spike.expected.toFixed(1)}</td><td>${e(ratio(spike.ratio, l))}</td><td>${memberList(spike.ticketIds, members)}</td></tr>`)
					.join('')}</table>${more(all.length - list.length, l)}`;
	};
	const judged = report.spikeJudgement;
	if (!judged.openingDates) return `<h2>${e(l.spikes)}</h2><p>${e(l.spikesUnknown)}</p>`;
	const currentSpikes = report.spikes.filter((spike) => spike.current);
	const current = currentSpikes.length === 0 && !judged.currentJudged ? `<p>${e(l.notJudged(judged.minBaselineDays))}</p>` : table(currentSpikes);
	return `<h2>${e(l.spikes)}</h2><p class="muted">${e(l.spikesRule(s.windowDays, s.baselineDays, s.minCount, s.minRatio))}</p>
<h3>${e(report.volume.period === 'week' ? l.volumeChart : l.volumeChartMonthly)}</h3>${lineChart(xs, series, report.volume.starts.map(isoDay), bands)}<p class="legend">${legend}</p>
<h3>${e(l.currentSpikes)}</h3>${current}
<h3>${e(l.pastSpikes)}</h3>${table(report.spikes.filter((spike) => !spike.current))}`;
}

function loopsSection(report: PatternsReport, l: Labels, members: MemberContext): string {
	const title = (id: number) => e(members.titles.get(id) ?? '');
	const id = (ticket: number) => ticketRef(ticket, members);
	const reopens = !report.known.reopens
		? `<p class="muted">${e(l.reopensUnknown)}</p>`
		: report.reopens.length === 0
			? `<p>${e(l.noReopens)}</p>`
			: `<table>${report.reopens.slice(0, MAX_ROWS.tickets).map((loop) => `<tr><td>${id(loop.ticketId)}</td><td>${title(loop.ticketId)}</td><td>${e(categoryName(loop.category, l))}</td><td>${e(loop.reason === 'reopened' ? `${l.reopened} ×${loop.count}` : l.refused)}</td></tr>`).join('')}</table>${more(report.reopens.length - MAX_ROWS.tickets, l)}`;
	const late = !report.known.deadlines
		? `<p class="muted">${e(l.lateUnknown)}</p>`
		: report.late.length === 0
			? `<p>${e(l.noLate)}</p>`
			: `<table>${report.late.slice(0, MAX_ROWS.tickets).map((t) => `<tr><td>${id(t.ticketId)}</td><td>${title(t.ticketId)}</td><td>${e(categoryName(t.category, l))}</td><td>${e(`${durationMs(t.overdueMs, l)} ${l.overdue}`)}</td><td>${t.open ? e(l.stillOpen) : ''}</td></tr>`).join('')}</table>${more(report.late.length - MAX_ROWS.tickets, l)}`;
	return `<h2>${e(l.reopens)}</h2>${reopens}<h2>${e(l.late)}</h2>${late}`;
}

function indicatorTable(entry: CategoryIndicators, l: Labels, solveDates = true): string {
	const t = entry.trend;
	const rows = entry.periods
		.map((p) => `<tr${p.partial ? ' class="muted"' : ''}><td>${e(p.period)}${p.partial ? '*' : ''}</td><td class="num">${p.volume}</td><td class="num">${solveDates ? p.solved : e(l.unknown)}</td><td class="num">${e(duration(p.medianHoursToSolve, l))}</td><td class="num">${e(percent(p.lateShare, l))}</td><td class="num">${e(stars(p.satisfaction, l))}</td></tr>`)
		.join('');
	const trend = `<tr><th>${e(l.trend)}</th><td class="num">${arrow(t.volume.direction)}</td><td></td><td class="num">${arrow(t.medianHoursToSolve.direction)}</td><td class="num">${arrow(t.lateShare.direction)}</td><td class="num">${arrow(t.satisfaction.direction)}</td></tr>`;
	return `<h3>${e(categoryName(entry.category, l))}</h3><table><tr><th>${e(l.period)}</th><th class="num">${e(l.volume)}</th><th class="num">${e(l.solved)}</th><th class="num">${e(l.medianToSolve)}</th><th class="num">${e(l.lateShare)}</th><th class="num">${e(l.satisfaction)}</th></tr>${rows}${trend}</table>`;
}

function indicatorsSection(report: PatternsReport, l: Labels, maxCategories: number): string {
	const [all, ...categories] = report.indicators;
	if (!all) return '';
	const labels = all.periods.map((p) => p.period);
	let charts = columnChart(labels, all.periods.map((p) => p.volume));
	if (report.known.solveDates) {
		const hours = all.periods.map((p) => p.medianHoursToSolve ?? 0);
		charts += `<h3>${e(l.medianToSolve)} (${e(l.hours)})</h3>${columnChart(labels, hours.map((h) => Math.round(h)), PALETTE[1])}`;
	}
	return `<h2>${e(l.indicators)}</h2><p class="muted">* ${e(l.partial)}</p>${charts}${indicatorTable(all, l, report.known.solveDates)}${categories
		.slice(0, maxCategories)
		.map((entry) => indicatorTable(entry, l, report.known.solveDates))
		.join('')}`;
}

/** The report as one self-contained HTML page: inline styles and SVG, no script, no external resource. */
export function renderHtml(report: PatternsReport, options: HtmlOptions = {}): string {
	const lang = options.lang ?? 'en';
	const l = labelsFor(lang);
	const titles = new Map((options.tickets ?? []).map((ticket) => [ticket.id, ticket.title]));
	const root = options.glpiUrl === undefined ? undefined : glpiRoot(options.glpiUrl);
	const members: MemberContext = { labels: l, titles, ...(root === undefined ? {} : { glpiRoot: root }) };
	const notices = sourceNotices(options.source, l).map((notice) => `<p class="notice">${e(notice)}</p>`);
	return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(l.title)}</title><style>${STYLE}</style></head><body>
<h1>${e(l.title)}</h1><p>${e(l.summary(report.tickets, day(report.from, l), day(report.asOf, l)))}</p>${notices.join('')}
${clustersSection(report, l, members)}
${spikesSection(report, l, members)}
${loopsSection(report, l, members)}
${indicatorsSection(report, l, options.maxCategories ?? 12)}
<p class="muted">${e(l.generatedBy)}</p>
</body></html>
`;
}
