import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { BacklogDetailSchema, BacklogPageSchema } from '../../shared/schemas/backlog';
import { type ListedItem, type TestWorkspace, call, createWorkspace, daysAgo, expectError, json, send, signal } from './helpers';

let workspace: TestWorkspace;
const ids: Record<string, string> = {};

const page = (query: string) => json<{ items: ListedItem[]; nextCursor: string | null }>(call(`/v1/backlog${query}`, { token: workspace.tokens.manager }));

beforeAll(async () => {
	workspace = await createWorkspace();
	const list = { route: '/front/ticket.php', kind: 'ticket-list' };
	await send(workspace.tokens.technician, [
		...Array.from({ length: 5 }, (_, i) => signal({ text: 'Écran de connexion trop lent le matin', reporter: `reporter-l${i}xxxxx`, severity: 4 })),
		signal({ kind: 'bug', text: 'Saving a ticket with an attachment fails with an error', page: list, createdAt: daysAgo(20) }),
		signal({ kind: 'friction', text: undefined, page: list, target: { selector: '#search' }, tags: ['slow'] }),
		...Array.from({ length: 30 }, (_, i) => signal({ text: `Distinct idea ${i}: ${crypto.randomUUID()} ${'abcdefghijklmnopqrstuvwxyz'.slice(i % 20, (i % 20) + 6)}`, createdAt: daysAgo(i) })),
	]);
	for (const item of (await page('?limit=100')).items) {
		if (item.title.startsWith('Écran')) ids.slow = item.id;
		if (item.kind === 'bug') ids.bug = item.id;
		if (item.kind === 'friction') ids.friction = item.id;
	}
});

describe('GET /v1/backlog', () => {
	it('is valid for the shared schema, ranked by score', async () => {
		const body = BacklogPageSchema.parse(await page('?limit=100'));
		expect(body.items).toHaveLength(33);
		const scores = body.items.map((item) => item.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(body.items[0]?.id).toBe(ids.slow);
		expect(body.nextCursor).toBeNull();
	});

	it('pages with a cursor through every item once, in both sorts', async () => {
		for (const sort of ['score', 'recent']) {
			const seen: string[] = [];
			let cursor: string | null = null;
			do {
				const body: { items: ListedItem[]; nextCursor: string | null } = await page(`?sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
				expect(body.items.length).toBeLessThanOrEqual(7);
				seen.push(...body.items.map((item) => item.id));
				cursor = body.nextCursor;
			} while (cursor);
			expect(seen).toHaveLength(33);
			expect(new Set(seen).size).toBe(33);
		}
		const recent = (await page('?sort=recent&limit=100')).items;
		const lastSeen = recent.map((item) => (item as unknown as { lastSeen: string }).lastSeen);
		expect(lastSeen).toEqual([...lastSeen].sort().reverse());
	});

	it('refuses a cursor of another sort or a forged one', async () => {
		const first = await page('?sort=score&limit=2');
		await expectError(call(`/v1/backlog?sort=recent&cursor=${first.nextCursor}`, { token: workspace.tokens.manager }), 400, 'invalid_request');
		for (const cursor of ['%%%', 'bnVsbA', btoa('{"v":"x"}'), btoa('[1,2]')]) {
			await expectError(call(`/v1/backlog?cursor=${cursor}`, { token: workspace.tokens.manager }), 400, 'invalid_request');
		}
	});

	it('filters by status, kind, route and text (case and accents folded, tags too)', async () => {
		expect((await page('?kind=bug')).items.map((item) => item.id)).toEqual([ids.bug]);
		expect((await page('?kind=bug,friction')).items.map((item) => item.id).sort()).toEqual([ids.bug, ids.friction].sort());
		expect((await page('?route=/front/ticket.php')).items.map((item) => item.id).sort()).toEqual([ids.bug, ids.friction].sort());
		expect((await page('?q=ECRAN')).items.map((item) => item.id)).toEqual([ids.slow]);
		expect((await page('?q=écran%20de')).items.map((item) => item.id)).toEqual([ids.slow]);
		expect((await page('?q=slow')).items.map((item) => item.id)).toEqual([ids.friction]);
		expect((await page('?q=nothing-matches-this')).items).toEqual([]);
		expect((await page('?status=plan')).items).toEqual([]);
		expect((await page('?status=new&limit=100')).items).toHaveLength(33);
		await expectError(call('/v1/backlog?status=open', { token: workspace.tokens.manager }), 400, 'invalid_request');
		await expectError(call('/v1/backlog?limit=101', { token: workspace.tokens.manager }), 400, 'invalid_request');
		await expectError(call('/v1/backlog?colour=red', { token: workspace.tokens.manager }), 400, 'invalid_request');
	});

	it('gives every row its weekly sparkline: 8 weeks, oldest first', async () => {
		const items = (await page('?limit=100')).items;
		for (const item of items) expect(item.weekly).toHaveLength(8);
		expect(items.find((item) => item.id === ids.slow)?.weekly.at(-1)).toBe(5);
		const bug = items.find((item) => item.id === ids.bug);
		expect(bug?.weekly.reduce((a, b) => a + b, 0)).toBe(1);
		expect(bug?.weekly.at(-1)).toBe(0);
	});

	it('orders by score or recency through an index, never by sorting the items', async () => {
		const planOf = async (where: string, order: string) => {
			const plan = await env.DB.prepare(
				`EXPLAIN QUERY PLAN SELECT id FROM items WHERE workspace_id = ?1 AND merged_into IS NULL ${where} ORDER BY ${order} DESC, id DESC LIMIT 51`,
			).bind(workspace.id).all<{ detail: string }>();
			return plan.results.map((row) => row.detail).join(' | ');
		};
		for (const [where, order, index] of [
			['', 'rank', 'items_rank'],
			['', 'last_seen', 'items_recent'],
			["AND route = '/front/ticket.php'", 'rank', 'items_route'],
		] as const) {
			const details = await planOf(where, order);
			expect(details).toContain(index);
			expect(details).not.toContain('TEMP B-TREE');
		}
	});
});

describe('GET /v1/backlog/:id', () => {
	it('returns the item, its evidence newest first and its audit trail', async () => {
		const body = BacklogDetailSchema.parse(await json(call(`/v1/backlog/${ids.slow}`, { token: workspace.tokens.manager })));
		expect(body.item).toMatchObject({ id: ids.slow, signalCount: 5, reporterCount: 5 });
		expect(body.evidence).toHaveLength(5);
		const times = body.evidence.map((evidence) => evidence.createdAt);
		expect(times).toEqual([...times].sort().reverse());
		expect(body.audit).toEqual([]);
		expect(body.mergedInto).toBeUndefined();
	});

	it('is 404 for an unknown id and 400 for a malformed one', async () => {
		await expectError(call('/v1/backlog/abcdefghijkl', { token: workspace.tokens.manager }), 404, 'not_found');
		await expectError(call('/v1/backlog/a%20b', { token: workspace.tokens.manager }), 400, 'invalid_request');
	});
});
