import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MetricsSchema } from '../../shared/schemas/metrics';
import { checkMetric, checkWindows } from '../../worker/services/metrics';
import { backlogOf, call, createWorkspace, daysAgo, expectError, json, send, signal } from './helpers';

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const dayAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

describe('GET /v1/metrics', () => {
	it('counts signals per day by kind, top pages, items per status', async () => {
		const workspace = await createWorkspace();
		const list = { route: '/front/ticket.php', kind: 'ticket-list' };
		await send(workspace.tokens.reporter, [
			signal({ text: 'Idea one about the list', page: list }),
			signal({ text: 'Idea two about exports', page: list, createdAt: daysAgo(2) }),
			signal({ kind: 'bug', text: 'Crash on save' }),
			signal({ kind: 'friction', text: undefined, page: list, tags: ['slow'], createdAt: daysAgo(2) }),
			signal({ text: 'Too old for the range', createdAt: daysAgo(40) }),
		]);
		const metrics = MetricsSchema.parse(await json(call('/v1/metrics', { token: workspace.tokens.manager })));
		expect(metrics.to).toBe(today());
		expect(metrics.from).toBe(dayAgo(29));
		expect(metrics.signalsPerDay).toHaveLength(30);
		expect(metrics.signalsPerDay.at(-1)?.counts).toMatchObject({ idea: 1, bug: 1, friction: 0 });
		expect(metrics.signalsPerDay.at(-3)?.counts).toMatchObject({ idea: 1, friction: 1 });
		expect(metrics.signalsPerDay.reduce((sum, day) => sum + Object.values(day.counts).reduce((a, b) => a + b, 0), 0)).toBe(4);
		expect(metrics.topPages).toEqual([
			{ route: '/front/ticket.php', signals: 3 },
			{ route: '/front/ticket.form.php', signals: 1 },
		]);
		expect(metrics.itemsPerStatus).toEqual({ new: 5, plan: 0, do: 0, check: 0, act: 0, done: 0, rejected: 0 });
		expect(metrics.triage).toEqual({ count: 0, medianHours: null });
		expect(metrics.checks).toEqual([]);
		const wide = MetricsSchema.parse(await json(call(`/v1/metrics?from=${dayAgo(60)}&to=${today()}`, { token: workspace.tokens.manager })));
		expect(wide.signalsPerDay).toHaveLength(61);
		expect(wide.topPages.reduce((sum, page) => sum + page.signals, 0)).toBe(5);
	});

	it('gives the median time from first signal to triage', async () => {
		const workspace = await createWorkspace();
		await send(workspace.tokens.reporter, [
			signal({ text: 'First subject: printers', createdAt: daysAgo(1) }),
			signal({ text: 'Second subject: wifi in room 12', createdAt: daysAgo(2) }),
			signal({ text: 'Third subject: badge readers', createdAt: daysAgo(4) }),
		]);
		for (const item of await backlogOf(workspace)) {
			await json(call(`/v1/backlog/${item.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { status: 'plan' } }));
		}
		const metrics = MetricsSchema.parse(await json(call('/v1/metrics', { token: workspace.tokens.manager })));
		expect(metrics.triage.count).toBe(3);
		expect(metrics.triage.medianHours).toBeCloseTo(48, 0);
		expect(metrics.itemsPerStatus.plan).toBe(3);
	});

	it('compares the signal rate before and after an item entered do (PDCA Check)', async () => {
		const workspace = await createWorkspace();
		const text = 'VPN drops every hour';
		await send(workspace.tokens.reporter, [
			...[27, 25, 20, 18, 16, 15].map((days) => signal({ text, createdAt: daysAgo(days) })),
			...[10, 3].map((days) => signal({ text, createdAt: daysAgo(days) })),
			signal({ text, createdAt: daysAgo(40) }),
		]);
		const [item] = await backlogOf(workspace);
		if (!item) throw new Error('no item');
		await json(call(`/v1/backlog/${item.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { status: 'do' } }));
		await json(call(`/v1/backlog/${item.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { status: 'check' } }));
		// The change went in 14 days ago: windows of 14 days on each side.
		await env.DB.prepare('UPDATE items SET do_at = ?2 WHERE id = ?1').bind(item.id, daysAgo(14)).run();
		const metrics = MetricsSchema.parse(await json(call('/v1/metrics', { token: workspace.tokens.manager })));
		expect(metrics.checks).toHaveLength(1);
		const check = metrics.checks[0];
		expect(check).toMatchObject({ itemId: item.id, status: 'check', before: { signals: 6, perWeek: 3 }, after: { signals: 2, perWeek: 1 }, change: -0.667 });
		expect(check?.windowDays).toBeCloseTo(14, 1);
	});

	it('refuses a reversed or too long range, and bad dates', async () => {
		const workspace = await createWorkspace();
		for (const query of ['?from=2026-02-01&to=2026-01-01', '?from=2020-01-01&to=2026-01-01', '?from=yesterday', '?to=2026-02-30', '?from=2026-01-01&from=2026-01-02']) {
			await expectError(call(`/v1/metrics${query}`, { token: workspace.tokens.manager }), 400, 'invalid_request');
		}
	});
});

describe('check windows', () => {
	it('are equal on both sides, 28 days at most, and the rate is per week', () => {
		const now = Date.parse('2026-06-01T00:00:00Z');
		expect(checkWindows('2026-05-25T00:00:00.000Z', now)).toMatchObject({ beforeStart: '2026-05-18T00:00:00.000Z', afterEnd: '2026-06-01T00:00:00.000Z' });
		expect(checkWindows('2026-01-01T00:00:00.000Z', now).length).toBe(28 * DAY);
		const item = { id: 'item-1', title: 't', status: 'done' as const, do_at: '2026-05-25T00:00:00.000Z' };
		expect(checkMetric(item, { before: 0, after: 3 }, 7 * DAY)).toMatchObject({ before: { perWeek: 0 }, after: { perWeek: 3 }, change: null });
		expect(checkMetric(item, { before: 0, after: 0 }, 0)).toMatchObject({ before: { perWeek: null }, change: null, windowDays: 0 });
		expect(checkMetric(item, { before: 8, after: 2 }, 28 * DAY)).toMatchObject({ before: { perWeek: 2 }, after: { perWeek: 0.5 }, change: -0.75 });
	});
});
