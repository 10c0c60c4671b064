import { Hono } from 'hono';
import { checkObjective } from '../../shared/improvement/check';
import { weekStart } from '../../shared/improvement/measures';
import { periodLabel, periodStart } from '../../shared/patterns/periods';
import { ActInputSchema, PlanInputSchema, PlanItemParamSchema, type Plan } from '../../shared/schemas/plan';
import { getItem, toBacklogItem } from '../db/items';
import { doAtOf, getPlanRow, listPlans, putPlan, saveAct, saveCheck, toPlan } from '../db/plans';
import { patchItem } from '../db/triage';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../errors';
import { requireRole, tokenCaller } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { measurePlan } from '../services/plan-measure';

const WEEK_MS = 7 * 86_400_000;
const weekOfTime = (time: number) => periodLabel(periodStart(time, 'week'), 'week');

/** An unmerged item of the workspace, or the error a manager should read. */
async function liveItem(db: D1Database, workspaceId: string, itemId: string, nowMs: number) {
	const item = await getItem(db, workspaceId, itemId, nowMs);
	if (!item) throw notFound('backlog item');
	if (item.merged_into) throw new ApiError('conflict', 'This item was merged into another; plan the item that holds its signals.');
	return item;
}

/**
 * PLAN, CHECK and ACT of backlog items (issue 17; docs/IMPROVEMENT-PLAN.md). Managers only. The worker computes the
 * baseline and the Check's measure itself, on its own clock, from the item's signals or GLPI's stored service figures.
 */
export const plans = new Hono<AppEnv>()
	.use(requireRole('manager'))
	.get('/', async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		return c.json({ plans: await listPlans(c.env.DB, workspaceId, Date.now()) }, 200);
	})
	.get('/:itemId', validate('param', PlanItemParamSchema), async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		const row = await getPlanRow(c.env.DB, workspaceId, c.req.valid('param').itemId);
		if (!row) throw notFound('plan');
		return c.json({ plan: toPlan(row, Date.now()) }, 200);
	})
	.put('/:itemId', validate('param', PlanItemParamSchema), validate('json', PlanInputSchema), async (c) => {
		const caller = tokenCaller(c.var.caller);
		const { itemId } = c.req.valid('param');
		const input = c.req.valid('json');
		const now = Date.now();
		await liveItem(c.env.DB, caller.workspaceId, itemId, now);
		// A baseline is measured over weeks that are over.
		if (weekStart(input.baselineTo) + WEEK_MS > now) {
			throw new ApiError('invalid_request', `The baseline's last week, ${input.baselineTo}, is not over yet.`, { issues: [{ path: 'baselineTo', message: 'A week still running.' }] });
		}
		const baseline = await measurePlan(c.env.DB, caller.workspaceId, itemId, input, input.baselineFrom, input.baselineTo);
		const at = new Date(now).toISOString();
		await putPlan(c.env.DB, caller.workspaceId, itemId, { ...input, baseline }, { tokenId: caller.tokenId, label: caller.label }, at);
		const row = await getPlanRow(c.env.DB, caller.workspaceId, itemId);
		return c.json({ plan: toPlan(row!, now) }, 200);
	})
	.post('/:itemId/check', validate('param', PlanItemParamSchema), async (c) => {
		const caller = tokenCaller(c.var.caller);
		const { itemId } = c.req.valid('param');
		const now = Date.now();
		await liveItem(c.env.DB, caller.workspaceId, itemId, now);
		const row = await getPlanRow(c.env.DB, caller.workspaceId, itemId);
		if (!row) throw notFound('plan');
		const plan = toPlan(row, now);
		// The weeks after the change went in (entering "do"), or after the plan was set when it never did, to the last
		// whole week.
		const doAt = await doAtOf(c.env.DB, caller.workspaceId, itemId);
		const since = Math.max(Date.parse(plan.setAt), doAt ? Date.parse(doAt) : 0);
		const from = weekOfTime(since + WEEK_MS);
		const to = weekOfTime(now - WEEK_MS);
		const measured =
			weekStart(from) <= weekStart(to) ? await measurePlan(c.env.DB, caller.workspaceId, itemId, plan, from, to) : { value: null, sample: 0, weeks: 0, unknown: 'no-weeks' as const };
		// An unknown baseline leaves the direction to the measure itself (lower is better, but for satisfaction).
		const verdict = checkObjective({ ...plan, baseline: plan.baseline.value ?? plan.target }, measured, now);
		const check: NonNullable<Plan['check']> = {
			on: new Date(now).toISOString().slice(0, 10),
			from,
			to,
			measured,
			verdict: verdict.verdict,
			...('reason' in verdict ? { reason: verdict.reason } : {}),
		};
		await saveCheck(c.env.DB, caller.workspaceId, itemId, check, { tokenId: caller.tokenId, label: caller.label }, new Date(now).toISOString());
		return c.json({ plan: toPlan((await getPlanRow(c.env.DB, caller.workspaceId, itemId))!, now) }, 200);
	})
	.post('/:itemId/act', validate('param', PlanItemParamSchema), validate('json', ActInputSchema), async (c) => {
		const caller = tokenCaller(c.var.caller);
		const { itemId } = c.req.valid('param');
		const now = new Date();
		const item = await liveItem(c.env.DB, caller.workspaceId, itemId, now.getTime());
		const row = await getPlanRow(c.env.DB, caller.workspaceId, itemId);
		if (!row) throw notFound('plan');
		const plan = toPlan(row, now.getTime());
		if (plan.check?.verdict !== 'not-met') throw new ApiError('conflict', 'ACT follows a Check whose objective was not met; check the item first.');
		const input = c.req.valid('json');
		const actor = { tokenId: caller.tokenId, label: caller.label };
		await saveAct(c.env.DB, caller.workspaceId, itemId, { at: now.toISOString(), ...input }, actor);
		// Back to PLAN for a new objective, or done with the reason: the status moves like any triage, with its audit.
		const updated = await patchItem(c.env.DB, caller.workspaceId, item, { status: input.next }, actor, now);
		if (!updated) throw new ApiError('conflict', 'The item was merged while this change was on its way; reload it.');
		return c.json({ plan: toPlan((await getPlanRow(c.env.DB, caller.workspaceId, itemId))!, now.getTime()), item: toBacklogItem(updated, now.getTime()) }, 200);
	});
