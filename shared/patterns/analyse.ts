import { MAX_PATTERN_TICKETS } from '../limits';
import { type Pattern, PatternSchema } from '../schemas/signal';
import { type ClusterOptions, DEFAULT_CLUSTER_THRESHOLD, type DuplicateCluster, clusterTickets } from './clusters';
import { type CategoryIndicators, type IndicatorOptions, serviceIndicators } from './indicators';
import { type PeriodKind, categoryOf, latestTime, periodStart, periodsBetween } from './periods';
import { type LateTicket, type ReopenLoop, detectLate, detectReopens, hasDeadline } from './reopen-late';
import { DEFAULT_SPIKES, MIN_BASELINE_DAYS, type Spike, type SpikeJudgement, type SpikeOptions, judgeSpikes } from './spikes';
import type { Ticket } from './ticket';

export interface AnalyseOptions {
	clusters?: ClusterOptions;
	spikes?: Omit<SpikeOptions, 'asOf'>;
	indicators?: Omit<IndicatorOptions, 'asOf'>;
	/** "Now" for windows, lateness and trends; the latest date in the data by default, so reports are reproducible. */
	asOf?: number;
}

/** Opened tickets per category and week (per month past two years of data), for the spikes chart. */
export interface VolumeSeries {
	period: PeriodKind;
	starts: number[];
	categories: { category: string; counts: number[] }[];
}

export interface PatternsReport {
	tickets: number;
	asOf: number | null;
	from: number | null;
	settings: {
		threshold: number;
		windowDays: number;
		baselineDays: number;
		minCount: number;
		minRatio: number;
		period: PeriodKind;
	};
	clusters: DuplicateCluster[];
	/** Most evidence first. */
	spikes: Spike[];
	/** What the spike test could judge: the cells tried, the windows without enough baseline. */
	spikeJudgement: Omit<SpikeJudgement, 'spikes'> & { minBaselineDays: number; openingDates: boolean };
	reopens: ReopenLoop[];
	late: LateTicket[];
	/** What the data lets the engine tell: without deadlines lateness is unknown, not zero. */
	known: { deadlines: boolean; reopens: boolean; satisfaction: boolean; solveDates: boolean };
	indicators: CategoryIndicators[];
	volume: VolumeSeries;
}

function volumeSeries(tickets: readonly Ticket[], asOf: number | undefined): VolumeSeries {
	const dated = tickets.filter((ticket) => ticket.openedAt !== undefined);
	if (dated.length === 0 || asOf === undefined) return { period: 'week', starts: [], categories: [] };
	let first = asOf;
	for (const ticket of dated) first = Math.min(first, ticket.openedAt as number);
	// Past about two years, weekly points are too many to read; months keep the chart legible.
	const period: PeriodKind = asOf - first > 104 * 7 * 86_400_000 ? 'month' : 'week';
	const starts = periodsBetween(first, asOf, period);
	const index = new Map(starts.map((start, i) => [start, i]));
	const counts = new Map<string, number[]>();
	for (const ticket of dated) {
		const row = counts.get(categoryOf(ticket)) ?? new Array<number>(starts.length).fill(0);
		const at = index.get(periodStart(ticket.openedAt as number, period));
		if (at !== undefined) row[at] = (row[at] as number) + 1;
		counts.set(categoryOf(ticket), row);
	}
	const categories = [...counts]
		.map(([category, row]) => ({ category, counts: row }))
		.sort((a, b) => b.counts.reduce((s, c) => s + c, 0) - a.counts.reduce((s, c) => s + c, 0) || a.category.localeCompare(b.category));
	return { period, starts, categories };
}

function spikesOf(tickets: readonly Ticket[], settings: SpikeOptions, asOf: number | undefined): Pick<PatternsReport, 'spikes' | 'spikeJudgement'> {
	const openingDates = tickets.some((ticket) => ticket.openedAt !== undefined);
	const { spikes, ...judgement } =
		asOf === undefined || !openingDates ? { spikes: [], tried: 0, notJudged: [], currentJudged: false } : judgeSpikes(tickets, { ...settings, asOf });
	return { spikes, spikeJudgement: { ...judgement, minBaselineDays: Math.max(MIN_BASELINE_DAYS, 2 * (settings.windowDays ?? 7)), openingDates } };
}

/** Every pattern the engine finds in a set of tickets. */
export function analyseTickets(tickets: readonly Ticket[], options: AnalyseOptions = {}): PatternsReport {
	const asOf = options.asOf ?? latestTime(tickets);
	const spikeSettings = { ...DEFAULT_SPIKES, ...options.spikes };
	const period = options.indicators?.period ?? 'month';
	let from: number | null = null;
	for (const ticket of tickets) if (ticket.openedAt !== undefined) from = Math.min(from ?? ticket.openedAt, ticket.openedAt);
	return {
		tickets: tickets.length,
		asOf: asOf ?? null,
		from,
		settings: {
			threshold: options.clusters?.threshold ?? DEFAULT_CLUSTER_THRESHOLD,
			windowDays: spikeSettings.windowDays,
			baselineDays: spikeSettings.baselineDays,
			minCount: spikeSettings.minCount,
			minRatio: spikeSettings.minRatio,
			period,
		},
		clusters: clusterTickets(tickets, options.clusters),
		...spikesOf(tickets, spikeSettings, asOf),
		reopens: detectReopens(tickets),
		late: asOf === undefined ? [] : detectLate(tickets, asOf),
		known: {
			deadlines: tickets.some(hasDeadline),
			reopens: tickets.some((ticket) => ticket.reopenCount !== undefined || ticket.solutionRefused !== undefined),
			satisfaction: tickets.some((ticket) => ticket.satisfaction !== undefined),
			solveDates: tickets.some((ticket) => ticket.solvedAt !== undefined || ticket.closedAt !== undefined),
		},
		indicators: asOf === undefined ? [] : serviceIndicators(tickets, { period, asOf }),
		volume: volumeSeries(tickets, asOf),
	};
}

/**
 * The report as the patterns the extension syncs (shared/schemas/signal.ts): one per near-duplicate cluster, one
 * per current spike and one per category with reopen loops. Ticket titles never leave: only ids, sizes and a
 * keyword signature. Spike and reopen signatures are the category, so that the same category's pattern lands on
 * the same backlog item week after week.
 */
export function toPatterns(report: PatternsReport): Pattern[] {
	const ids = (list: readonly number[]) => list.slice(0, MAX_PATTERN_TICKETS);
	const patterns: Pattern[] = report.clusters.map((cluster) => ({
		type: 'duplicates',
		size: cluster.size,
		signature: cluster.signature,
		ticketIds: ids(cluster.ticketIds),
	}));
	for (const spike of report.spikes.filter((candidate) => candidate.current)) {
		patterns.push({ type: 'spike', size: spike.count, signature: spike.category.slice(0, 200), ticketIds: ids(spike.ticketIds) });
	}
	const reopenByCategory = new Map<string, number[]>();
	for (const loop of report.reopens) reopenByCategory.set(loop.category, [...(reopenByCategory.get(loop.category) ?? []), loop.ticketId]);
	for (const [category, ticketIds] of reopenByCategory) {
		patterns.push({ type: 'reopen', size: ticketIds.length, signature: category.slice(0, 200), ticketIds: ids(ticketIds) });
	}
	return patterns.map((pattern) => PatternSchema.parse(pattern));
}
