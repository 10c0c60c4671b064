import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { type PackedReading, packReading } from '../../shared/improvement/packed-reading';
import { weeklyFigures } from '../../shared/improvement/weekly-figures';
import { HOUR_MS, type Ticket } from '../../shared/patterns/ticket';
import type { Plan } from '../../shared/schemas/plan';
import { type TestWorkspace, call, createWorkspace, expectError, json, send, signal } from './helpers';
import { newItem } from './route-cases';

const DAY = 86_400_000;
/** Printer tickets: `perWeek` a week for the three weeks from `monday`, each solved in 5 hours. */
function printerWeeks(monday: number, perWeek: number, known = { solved: true, deadline: false, reopen: false, satisfaction: false }): PackedReading {
	const tickets: Ticket[] = [];
	for (let week = 0; week < 3; week++) {
		for (let n = 0; n < perWeek; n++) {
			const openedAt = monday + week * 7 * DAY + (n % 5) * DAY + 9 * HOUR_MS;
			tickets.push({ id: tickets.length + 1, title: 'x', category: 'Hardware > Printer', openedAt, solvedAt: openedAt + 5 * HOUR_MS });
		}
	}
	// One ticket on each edge, so that the three weeks between are whole.
	tickets.push({ id: 900, title: 'x', category: 'Other', openedAt: monday - DAY }, { id: 901, title: 'x', category: 'Other', openedAt: monday + 21 * DAY });
	return packReading(weeklyFigures(tickets, known, monday + 21 * DAY)) as PackedReading;
}
const W10 = Date.UTC(2026, 2, 2);
const W20 = Date.UTC(2026, 4, 11);

async function readingsOf(workspace: TestWorkspace) {
	// Before the change (weeks 10-12): 6 printer tickets a week; after it (weeks 20-22): 3.
	for (const [monday, perWeek] of [[W10, 6], [W20, 3]] as const) {
		await json(call('/v1/service-figures', { token: workspace.tokens.technician, body: printerWeeks(monday, perWeek) }));
	}
}

const planOf = (workspace: TestWorkspace, itemId: string, body: Record<string, unknown>) =>
	json<{ plan: Plan }>(call(`/v1/plans/${itemId}`, { token: workspace.tokens.manager, method: 'PUT', body }));
const check = (workspace: TestWorkspace, itemId: string) => json<{ plan: Plan }>(call(`/v1/plans/${itemId}/check`, { token: workspace.tokens.manager, method: 'POST' }));

/** The plan was set, and the item went into "do", on these dates: a test cannot wait weeks for a Check. */
async function backdate(workspace: TestWorkspace, itemId: string, setAt: string, doAt: string) {
	await env.DB.batch([
		env.DB.prepare('UPDATE item_plans SET set_at = ?3 WHERE workspace_id = ?1 AND item_id = ?2').bind(workspace.id, itemId, setAt),
		env.DB.prepare('UPDATE items SET do_at = ?3 WHERE workspace_id = ?1 AND id = ?2').bind(workspace.id, itemId, doAt),
	]);
}

const fewerPrinterTickets = (target: number) => ({
	objective: 'Fewer printer tickets after the new toner contract',
	measure: 'opened-per-week',
	categories: ['Hardware'],
	baselineFrom: '2026-W10',
	baselineTo: '2026-W12',
	target,
	reviewOn: '2026-06-01',
});

describe('PLAN, CHECK and ACT', () => {
	it('computes the baseline from GLPI\'s figures, and the Check after the change meets the target', async () => {
		const workspace = await createWorkspace();
		await readingsOf(workspace);
		const itemId = await newItem(workspace);
		const { plan } = await planOf(workspace, itemId, fewerPrinterTickets(4));
		expect(plan.baseline).toEqual({ value: 6, sample: 3, weeks: 3 });
		// Just set: no week after it is over yet.
		expect((await check(workspace, itemId)).plan.check).toMatchObject({ verdict: 'too-early', reason: 'not-enough-data' });
		await backdate(workspace, itemId, '2026-05-01T00:00:00.000Z', '2026-05-10T12:00:00.000Z');
		const checked = (await check(workspace, itemId)).plan;
		// From the week after the change (W20); only weeks 20-22 were read since: 3 tickets a week.
		expect(checked.check).toMatchObject({ verdict: 'met', from: '2026-W20', measured: { value: 3, weeks: 3 } });
		expect(checked.overdue).toBe(false);
	});

	it('asks for the cause when the target is not met, and ACT moves the item back to PLAN with its history', async () => {
		const workspace = await createWorkspace();
		await readingsOf(workspace);
		const itemId = await newItem(workspace);
		await planOf(workspace, itemId, fewerPrinterTickets(2));
		await backdate(workspace, itemId, '2026-05-01T00:00:00.000Z', '2026-05-10T12:00:00.000Z');
		expect((await check(workspace, itemId)).plan.check?.verdict).toBe('not-met');
		const acted = await json<{ plan: Plan; item: { status: string } }>(
			call(`/v1/plans/${itemId}/act`, { token: workspace.tokens.manager, body: { cause: 'The old toner is still in stock on floor two', next: 'plan' } }),
		);
		expect(acted.item.status).toBe('plan');
		expect(acted.plan.act).toMatchObject({ cause: 'The old toner is still in stock on floor two', next: 'plan' });
		const detail = await json<{ audit: { field: string; to: string | null }[] }>(call(`/v1/backlog/${itemId}`, { token: workspace.tokens.manager }));
		expect(detail.audit.map((entry) => entry.field)).toEqual(['status', 'act', 'check', 'plan']);
		// A new plan starts over: no Check, no Act yet.
		const replanned = (await planOf(workspace, itemId, fewerPrinterTickets(3))).plan;
		expect(replanned.check).toBeUndefined();
		await expectError(call(`/v1/plans/${itemId}/act`, { token: workspace.tokens.manager, body: { cause: 'x', next: 'done' } }), 409, 'conflict');
	});

	it('says "unknown" with its reason when GLPI\'s export lacks the column, never 0', async () => {
		const workspace = await createWorkspace();
		await readingsOf(workspace);
		const itemId = await newItem(workspace);
		const { plan } = await planOf(workspace, itemId, { ...fewerPrinterTickets(4), measure: 'satisfaction' });
		expect(plan.baseline).toMatchObject({ value: null, unknown: 'no-satisfaction-column' });
		await backdate(workspace, itemId, '2026-05-01T00:00:00.000Z', '2026-05-10T12:00:00.000Z');
		expect((await check(workspace, itemId)).plan.check).toMatchObject({ verdict: 'unknown', reason: 'no-satisfaction-column' });
	});

	it('measures the item\'s own signal rate, and flags a review date passed without a Check', async () => {
		const workspace = await createWorkspace();
		const text = 'The printer on floor two jams every morning';
		const itemId = await newItem(workspace, text);
		await send(workspace.tokens.reporter, [0, 1, 2].map((n) => signal({ text, createdAt: new Date(W10 + n * 7 * DAY + DAY).toISOString() })));
		const { plan } = await planOf(workspace, itemId, { ...fewerPrinterTickets(0), measure: 'signal-rate', categories: [], reviewOn: '2026-06-01' });
		expect(plan.baseline).toEqual({ value: 1, sample: 3, weeks: 3 });
		const { plans } = await json<{ plans: Plan[] }>(call('/v1/plans', { token: workspace.tokens.manager }));
		expect(plans.find((entry) => entry.itemId === itemId)?.overdue).toBe(true);
	});

	it('is for managers, inside their workspace, on items that exist and are not merged', async () => {
		const workspace = await createWorkspace();
		const other = await createWorkspace();
		const itemId = await newItem(workspace);
		await expectError(call(`/v1/plans/${itemId}`, { token: workspace.tokens.technician, method: 'PUT', body: fewerPrinterTickets(4) }), 403, 'forbidden');
		await expectError(call(`/v1/plans/${itemId}`, { token: other.tokens.manager, method: 'PUT', body: fewerPrinterTickets(4) }), 404, 'not_found');
		await expectError(call(`/v1/plans/${itemId}`, { token: workspace.tokens.manager }), 404, 'not_found');
		await expectError(call(`/v1/plans/${itemId}`, { token: workspace.tokens.manager, method: 'PUT', body: { ...fewerPrinterTickets(4), baselineTo: '2026-W09' } }), 400, 'invalid_request');
		await expectError(call(`/v1/plans/${itemId}`, { token: workspace.tokens.manager, method: 'PUT', body: { ...fewerPrinterTickets(4), baselineTo: '2099-W01' } }), 400, 'invalid_request');
		const target = await newItem(workspace, 'Dark mode for the ticket list please');
		await json(call(`/v1/backlog/${itemId}/merge`, { token: workspace.tokens.manager, body: { into: target } }));
		await expectError(call(`/v1/plans/${itemId}`, { token: workspace.tokens.manager, method: 'PUT', body: fewerPrinterTickets(4) }), 409, 'conflict');
	});
});
