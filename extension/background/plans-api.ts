import { type MeasureValue, measureOver } from '../../shared/improvement/measures';
import { unpackReading, weekLabels } from '../../shared/improvement/packed-reading';
import { periodLabel, periodStart } from '../../shared/patterns/periods';
import { BacklogItemSchema } from '../../shared/schemas/backlog';
import { type ActInput, type PlanInput, PlanSchema } from '../../shared/schemas/plan';
import { ServiceFiguresSchema } from '../../shared/schemas/service-figures';
import type { FiguresView } from '../core/manager-messaging';
import { call } from './manager-api';

/**
 * An item's PLAN, Check and ACT, and GLPI's service figures per category, for the manager's popup (issue 17). The
 * answers are checked with the shared schemas here, so the popup gets plain objects and never loads zod.
 */

const planOf = async (response: { json(): Promise<unknown> }) => PlanSchema.parse(((await response.json()) as { plan: unknown }).plan);

export const listPlans = () =>
	call((client) => client.v1.plans.$get(), async (response) => PlanSchema.array().parse(((await response.json()) as { plans: unknown }).plans));

/** The item's plan, or null when it has none (the worker's 404). */
export async function getPlan(itemId: string) {
	const result = await call((client) => client.v1.plans[':itemId'].$get({ param: { itemId } }), planOf);
	return !result.ok && result.status === 404 ? { ok: true as const, value: null } : result;
}

export const putPlan = (itemId: string, input: PlanInput) => call((client) => client.v1.plans[':itemId'].$put({ param: { itemId }, json: input }), planOf);

export const checkPlan = (itemId: string) => call((client) => client.v1.plans[':itemId'].check.$post({ param: { itemId } }), planOf);

export const actOnPlan = (itemId: string, input: ActInput) =>
	call(
		(client) => client.v1.plans[':itemId'].act.$post({ param: { itemId }, json: input }),
		async (response) => {
			const body = (await response.json()) as { plan: unknown; item: unknown };
			return { plan: PlanSchema.parse(body.plan), item: BacklogItemSchema.parse(body.item) };
		},
	);

const WEEK_MS = 7 * 86_400_000;
const weekOf = (time: number) => periodLabel(periodStart(time, 'week'), 'week');
/** Categories the dashboard lists, busiest first. */
const MAX_CATEGORIES = 15;
const valueOf = (measure: MeasureValue) => measure.value;

/**
 * GLPI's figures of the last `weeks` whole weeks, per category as GLPI names it (a parent's line counts its own
 * tickets; the plan's measures add the sub-categories): the volume each week for the trend line, the period's
 * measures, and the volume of its second half against its first.
 */
export async function serviceFiguresView(weeks = 12, now = Date.now()) {
	const to = weekOf(now - WEEK_MS);
	const from = weekOf(now - weeks * WEEK_MS);
	const result = await call((client) => client.v1['service-figures'].$get({ query: { from, to } }), async (response) => ServiceFiguresSchema.parse(await response.json()));
	if (!result.ok) return result;
	const { reading: packed, weeks: readWeeks } = result.value;
	if (!packed) return { ok: true as const, value: { from, to, weeks: [], missing: [], readAt: null, categories: [] } satisfies FiguresView };
	const reading = unpackReading(packed);
	const labels = weekLabels(packed.from, packed.to);
	const volume = new Map<string, number>();
	for (const cell of reading.cells) volume.set(cell.category, (volume.get(cell.category) ?? 0) + cell.opened);
	const busiest = [...volume].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_CATEGORIES).map(([name]) => name);
	const missing = new Set(reading.missing ?? []);
	const half = Math.floor(labels.length / 2);
	const categories = busiest.map((category) => {
		const own = { ...reading, cells: reading.cells.filter((cell) => cell.category === category) };
		const perWeek = labels.map((week) => (missing.has(week) ? null : own.cells.filter((cell) => cell.week === week).reduce((sum, cell) => sum + cell.opened, 0)));
		const measure = (name: Parameters<typeof measureOver>[4], first = packed.from, last = packed.to) => measureOver(own, category, first, last, name);
		const satisfaction = measure('satisfaction');
		const early = labels.length >= 2 ? valueOf(measure('opened-per-week', labels[0] as string, labels[half - 1] as string)) : null;
		const late = labels.length >= 2 ? valueOf(measure('opened-per-week', labels[half] as string, labels.at(-1) as string)) : null;
		return {
			category,
			perWeek,
			openedPerWeek: valueOf(measure('opened-per-week')),
			medianHours: valueOf(measure('median-hours-to-solve')),
			lateShare: valueOf(measure('late-share')),
			reopenShare: valueOf(measure('reopen-share')),
			satisfaction: satisfaction.value,
			satisfactionAnswers: satisfaction.value === null ? 0 : satisfaction.sample,
			trend: early === null || late === null ? null : early === 0 ? (late === 0 ? 1 : null) : late / early,
		};
	});
	const readAt = readWeeks.reduce<string | null>((latest, week) => (latest === null || week.readAt > latest ? week.readAt : latest), null);
	return { ok: true as const, value: { from: packed.from, to: packed.to, weeks: labels, missing: [...missing], readAt, categories } satisfies FiguresView };
}
