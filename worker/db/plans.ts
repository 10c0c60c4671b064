import type { MeasureValue } from '../../shared/improvement/measures';
import type { Plan } from '../../shared/schemas/plan';
import { type Actor, actorName } from './audit';

interface PlanRow {
	item_id: string;
	plan: string;
	set_at: string;
	review_on: string;
	last_check: string | null;
	checked_on: string | null;
	last_act: string | null;
}

/** What the plan column holds: the PLAN as set, with the baseline the worker computed. */
export type StoredPlan = Pick<Plan, 'objective' | 'measure' | 'categories' | 'baselineFrom' | 'baselineTo' | 'target' | 'reviewOn'> & { baseline: MeasureValue };

const COLUMNS = 'item_id, plan, set_at, review_on, last_check, checked_on, last_act';
const today = (nowMs: number) => new Date(nowMs).toISOString().slice(0, 10);

export function toPlan(row: PlanRow, nowMs: number): Plan {
	const stored = JSON.parse(row.plan) as StoredPlan;
	return {
		itemId: row.item_id,
		...stored,
		setAt: row.set_at,
		...(row.last_check ? { check: JSON.parse(row.last_check) as NonNullable<Plan['check']> } : {}),
		...(row.last_act ? { act: JSON.parse(row.last_act) as NonNullable<Plan['act']> } : {}),
		overdue: today(nowMs) > row.review_on && (row.checked_on === null || row.checked_on < row.review_on),
	};
}

export const getPlanRow = (db: D1Database, workspaceId: string, itemId: string) =>
	db.prepare(`SELECT ${COLUMNS} FROM item_plans WHERE workspace_id = ?1 AND item_id = ?2`).bind(workspaceId, itemId).first<PlanRow>();

/** Plans of the workspace, the review dates soonest first (at most 500: a register, not a log). */
export async function listPlans(db: D1Database, workspaceId: string, nowMs: number): Promise<Plan[]> {
	const { results } = await db.prepare(`SELECT ${COLUMNS} FROM item_plans WHERE workspace_id = ?1 ORDER BY review_on, item_id LIMIT 500`).bind(workspaceId).all<PlanRow>();
	return results.map((row) => toPlan(row, nowMs));
}

const auditStatement = (db: D1Database, workspaceId: string, itemId: string, actor: Actor, at: string, field: string, from: string | null, to: string | null) =>
	db
		.prepare('INSERT INTO audit (workspace_id, item_id, at, actor, actor_token_id, field, from_value, to_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)')
		.bind(workspaceId, itemId, at, actorName(actor), actor.tokenId, field, from, to);

/** A new PLAN replaces the last one, its Check and its Act: the history keeps them in the audit trail. */
export async function putPlan(db: D1Database, workspaceId: string, itemId: string, plan: StoredPlan, actor: Actor, at: string) {
	const previous = await getPlanRow(db, workspaceId, itemId);
	await db.batch([
		db
			.prepare(
				`INSERT INTO item_plans (workspace_id, item_id, plan, review_on, set_at, last_check, checked_on, last_act) VALUES (?1, ?2, ?3, ?4, ?5, NULL, NULL, NULL)
				ON CONFLICT (workspace_id, item_id) DO UPDATE SET plan = excluded.plan, review_on = excluded.review_on, set_at = excluded.set_at,
					last_check = NULL, checked_on = NULL, last_act = NULL`,
			)
			.bind(workspaceId, itemId, JSON.stringify(plan), plan.reviewOn, at),
		auditStatement(db, workspaceId, itemId, actor, at, 'plan', previous?.plan ?? null, JSON.stringify(plan)),
	]);
}

export async function saveCheck(db: D1Database, workspaceId: string, itemId: string, check: NonNullable<Plan['check']>, actor: Actor, at: string) {
	await db.batch([
		db
			.prepare('UPDATE item_plans SET last_check = ?3, checked_on = ?4, last_act = NULL WHERE workspace_id = ?1 AND item_id = ?2')
			.bind(workspaceId, itemId, JSON.stringify(check), check.on),
		auditStatement(db, workspaceId, itemId, actor, at, 'check', null, JSON.stringify({ verdict: check.verdict, value: check.measured.value, from: check.from, to: check.to })),
	]);
}

export async function saveAct(db: D1Database, workspaceId: string, itemId: string, act: NonNullable<Plan['act']>, actor: Actor) {
	await db.batch([
		db.prepare('UPDATE item_plans SET last_act = ?3 WHERE workspace_id = ?1 AND item_id = ?2').bind(workspaceId, itemId, JSON.stringify(act)),
		auditStatement(db, workspaceId, itemId, actor, act.at, 'act', null, JSON.stringify(act)),
	]);
}

/** When the item entered `do` (null while it has not): the Check measures the weeks after it. */
export const doAtOf = async (db: D1Database, workspaceId: string, itemId: string) =>
	(await db.prepare('SELECT do_at FROM items WHERE workspace_id = ?1 AND id = ?2').bind(workspaceId, itemId).first<{ do_at: string | null }>())?.do_at ?? null;
