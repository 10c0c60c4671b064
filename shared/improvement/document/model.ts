import { ITEM_STATUSES, type BacklogItem, type ItemStatus } from '../../schemas/backlog';
import type { Plan } from '../../schemas/plan';
import { periodLabel, periodStart } from '../../patterns/periods';
import { type ServiceMeasure, measureOver, weekStart } from '../measures';
import type { WeeklyReading } from '../weekly-figures';
import { DOCUMENT_LABELS, type DocumentLabels, type DocumentLang } from './labels';

/** What the register looked like at the last report, kept by the popup: each item's title and stage. */
export type PreviousReport = Record<string, { title: string; status: ItemStatus }>;

export interface PlanDocumentInput {
	lang: DocumentLang;
	/** The period, as days: "2026-11-01". */
	from: string;
	to: string;
	generatedOn: string;
	items: readonly BacklogItem[];
	plans: readonly Plan[];
	figures: WeeklyReading | null;
	previous: PreviousReport | null;
}

export interface ItemLine {
	title: string;
	owner: string;
	objective: string;
	measure: string;
	baseline: string;
	target: string;
	review: string;
	verdict: string;
	cause: string;
}

export interface FigureLine {
	category: string;
	cells: string[];
}

export interface PlanDocument {
	labels: DocumentLabels;
	title: string;
	period: string;
	generated: string;
	stages: { name: string; lines: ItemLine[] }[];
	figures: FigureLine[];
	changes: string[];
}

const MAX_FIGURE_LINES = 25;
const weekOfDay = (day: string) => periodLabel(periodStart(Date.parse(`${day}T12:00:00Z`), 'week'), 'week');

function formatValue(measure: Plan['measure'], value: number | null, labels: DocumentLabels): string {
	if (value === null) return labels.unknown;
	if (measure === 'late-share' || measure === 'reopen-share') return `${Math.round(value * 100)} %`;
	return value.toFixed(1);
}

const measured = (measure: Plan['measure'], value: Plan['baseline'], labels: DocumentLabels) =>
	value.value === null && value.unknown ? `${labels.unknown} (${labels.unknownReasons[value.unknown as keyof DocumentLabels['unknownReasons']] ?? value.unknown})` : formatValue(measure, value.value, labels);

function itemLine(item: BacklogItem, plan: Plan | undefined, labels: DocumentLabels): ItemLine {
	const owner = item.owner ?? '';
	if (!plan) return { title: item.title, owner, objective: labels.noPlan, measure: '', baseline: '', target: '', review: '', verdict: '', cause: '' };
	const check = plan.check;
	const verdict = check
		? `${labels.verdicts[check.verdict]}${check.measured.value !== null ? `: ${formatValue(plan.measure, check.measured.value, labels)}` : ''}${
				check.verdict === 'unknown' && check.reason ? ` (${labels.unknownReasons[check.reason as keyof DocumentLabels['unknownReasons']] ?? check.reason})` : ''
			}`
		: '';
	return {
		title: item.title,
		owner,
		objective: plan.objective,
		measure: labels.measures[plan.measure],
		baseline: `${measured(plan.measure, plan.baseline, labels)} (${plan.baselineFrom} – ${plan.baselineTo})`,
		target: formatValue(plan.measure, plan.target, labels),
		review: `${plan.reviewOn}${plan.overdue ? ` (${labels.overdue})` : ''}`,
		verdict,
		cause: plan.act ? `${plan.act.cause} → ${labels.next[plan.act.next]}${plan.act.reason ? ` (${plan.act.reason})` : ''}` : '',
	};
}

/** Categories of the period, busiest first, with each measure over the period and the volume's trend. */
function figureLines(reading: WeeklyReading, from: string, to: string, labels: DocumentLabels): FigureLine[] {
	const first = weekOfDay(from);
	const last = weekOfDay(to);
	const inPeriod = reading.cells.filter((cell) => cell.week >= first && cell.week <= last);
	const volume = new Map<string, number>();
	for (const cell of inPeriod) volume.set(cell.category, (volume.get(cell.category) ?? 0) + cell.opened);
	const categories = [...volume].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_FIGURE_LINES).map(([name]) => name);
	// The trend compares the period's two halves, week for week.
	const span = Math.round((weekStart(last) - weekStart(first)) / (7 * 86_400_000)) + 1;
	const middle = periodLabel(weekStart(first) + Math.floor(span / 2) * 7 * 86_400_000, 'week');
	const beforeMiddle = periodLabel(weekStart(middle) - 7 * 86_400_000, 'week');
	const measures: ServiceMeasure[] = ['opened-per-week', 'median-hours-to-solve', 'late-share', 'reopen-share', 'satisfaction'];
	return categories.map((category) => {
		const exact = (cell: { category: string }) => cell.category === category;
		const own: WeeklyReading = { ...reading, cells: reading.cells.filter(exact) };
		const cells = measures.map((measure) => formatValue(measure, measureOver(own, category, first, last, measure).value, labels));
		const early = span >= 2 ? measureOver(own, category, first, beforeMiddle, 'opened-per-week').value : null;
		const late = span >= 2 ? measureOver(own, category, middle, last, 'opened-per-week').value : null;
		const trend = early === null || late === null ? labels.unknown : early === 0 ? (late === 0 ? '=' : '↑') : `${late >= early ? '↑' : '↓'} ×${(late / early).toFixed(2)}`;
		return { category, cells: [...cells, trend] };
	});
}

function changesSince(previous: PreviousReport | null, items: readonly BacklogItem[], labels: DocumentLabels): string[] {
	if (!previous) return [labels.changesFirst];
	const lines: string[] = [];
	const now = new Set(items.map((item) => item.id));
	for (const item of items) {
		const before = previous[item.id];
		if (!before) lines.push(labels.newItem(item.title, labels.stages[item.status]));
		else if (before.status !== item.status) lines.push(labels.moved(item.title, labels.stages[before.status], labels.stages[item.status]));
	}
	for (const [id, before] of Object.entries(previous)) if (!now.has(id)) lines.push(labels.gone(before.title));
	return lines.length ? lines : [labels.changesNone];
}

/** The improvement plan of a period: the register by PDCA stage, the service figures, and what moved since last time. */
export function planDocument(input: PlanDocumentInput): PlanDocument {
	const labels = DOCUMENT_LABELS[input.lang];
	const plans = new Map(input.plans.map((plan) => [plan.itemId, plan]));
	return {
		labels,
		title: labels.title,
		period: labels.period(input.from, input.to),
		generated: labels.generated(input.generatedOn),
		stages: ITEM_STATUSES.map((status) => ({
			name: labels.stages[status],
			lines: input.items.filter((item) => item.status === status).map((item) => itemLine(item, plans.get(item.id), labels)),
		})),
		figures: input.figures ? figureLines(input.figures, input.from, input.to, labels) : [],
		changes: changesSince(input.previous, input.items, labels),
	};
}
