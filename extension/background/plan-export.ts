import { type PreviousReport, planDocument } from '../../shared/improvement/document/model';
import { renderPlanHtml } from '../../shared/improvement/document/html';
import { renderPlanMarkdown } from '../../shared/improvement/document/markdown';
import { unpackReading } from '../../shared/improvement/packed-reading';
import { periodLabel, periodStart } from '../../shared/patterns/periods';
import type { BacklogItem } from '../../shared/schemas/backlog';
import { PlanSchema } from '../../shared/schemas/plan';
import { ServiceFiguresSchema } from '../../shared/schemas/service-figures';
import { ITEM_STATUSES } from '../../shared/vocabulary';
import type { Result } from '../core/messaging';
import { planReportStorage } from '../core/storage';
import { call as callBackend, listBacklog } from './manager-api';

export interface PlanExportRequest {
	from: string;
	to: string;
	format: 'html' | 'md';
	lang: 'en' | 'fr';
}

/** Pages of 100 items read for the document: the whole register of a service desk, bounded. */
const MAX_PAGES = 20;
const weekOf = (day: string) => periodLabel(periodStart(Date.parse(`${day}T12:00:00Z`), 'week'), 'week');

async function wholeRegister(): Promise<Result<BacklogItem[]>> {
	const items: BacklogItem[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const result = await listBacklog({ sort: 'score', status: [...ITEM_STATUSES] }, cursor, 100);
		if (!result.ok) return result;
		items.push(...result.value.items);
		if (!result.value.nextCursor) break;
		cursor = result.value.nextCursor;
	}
	return { ok: true, value: items };
}

/**
 * The improvement plan of a period as a file (issue 17): the register, the plans and GLPI's service figures read from
 * the backend, put together and rendered here. The register as it stands is kept, so that the next report says what
 * moved since this one.
 */
export async function exportPlan(request: PlanExportRequest): Promise<Result<{ name: string; type: string; text: string }>> {
	const [items, plans, figures] = await Promise.all([
		wholeRegister(),
		callBackend((client) => client.v1.plans.$get(), async (response) => PlanSchema.array().parse(((await response.json()) as { plans: unknown }).plans)),
		callBackend(
			(client) => client.v1['service-figures'].$get({ query: { from: weekOf(request.from), to: weekOf(request.to) } }),
			async (response) => ServiceFiguresSchema.parse(await response.json()),
		),
	]);
	if (!items.ok) return items;
	if (!plans.ok) return plans;
	if (!figures.ok) return figures;
	const previous = await planReportStorage.getValue();
	const doc = planDocument({
		lang: request.lang,
		from: request.from,
		to: request.to,
		generatedOn: new Date().toISOString().slice(0, 10),
		items: items.value,
		plans: plans.value,
		figures: figures.value.reading ? unpackReading(figures.value.reading) : null,
		previous: previous?.items ?? null,
	});
	const snapshot: PreviousReport = Object.fromEntries(items.value.map((item) => [item.id, { title: item.title, status: item.status }]));
	await planReportStorage.setValue({ at: new Date().toISOString(), items: snapshot });
	const name = `glpi-improve-plan-${request.from}-${request.to}.${request.format}`;
	return request.format === 'html'
		? { ok: true, value: { name, type: 'text/html;charset=utf-8', text: renderPlanHtml(doc, request.lang) } }
		: { ok: true, value: { name, type: 'text/markdown;charset=utf-8', text: renderPlanMarkdown(doc) } };
}
