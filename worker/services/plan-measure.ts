import { type MeasureValue, measureOver, weekStart } from '../../shared/improvement/measures';
import { unpackReading } from '../../shared/improvement/packed-reading';
import type { Plan } from '../../shared/schemas/plan';
import { readFigures } from '../db/service-figures';
import { itemAndSources } from '../db/items';

const WEEK_MS = 7 * 86_400_000;

/**
 * A plan's measure over whole ISO weeks, computed by the worker from what it stores: the item's own signals per week
 * (its merged sources' included), or GLPI's service figures for the plan's categories. Never a figure the client sent.
 */
export async function measurePlan(db: D1Database, workspaceId: string, itemId: string, plan: Pick<Plan, 'measure' | 'categories'>, from: string, to: string): Promise<MeasureValue> {
	if (plan.measure === 'signal-rate') {
		const start = weekStart(from);
		const end = weekStart(to) + WEEK_MS;
		const weeks = Math.round((end - start) / WEEK_MS);
		const row = await db
			.prepare(`SELECT COUNT(*) AS n FROM signals WHERE item_id IN (${itemAndSources('?1', '?2')}) AND created_at >= ?3 AND created_at < ?4`)
			.bind(workspaceId, itemId, new Date(start).toISOString(), new Date(end).toISOString())
			.first<{ n: number }>();
		return { value: (row?.n ?? 0) / weeks, sample: weeks, weeks };
	}
	const figures = await readFigures(db, workspaceId, from, to);
	if (!figures.reading) return { value: null, sample: 0, weeks: 0, unknown: 'no-weeks' };
	return measureOver(unpackReading(figures.reading), plan.categories.length ? plan.categories : null, from, to, plan.measure);
}
