import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_PATTERN_TICKETS } from '../../shared/limits';
import { backlogOf, call, createWorkspace, json, send, signal } from './helpers';

/** Issue 15: the largest batches the schemas allow, and requests that race each other. */
describe('ingest at the limits and under concurrency', () => {
	it('stores the largest pattern batch that fits in a body: no 500', { timeout: 60_000 }, async () => {
		const workspace = await createWorkspace();
		// Distinct ticket ids of the largest size, so that every signal brings MAX_PATTERN_TICKETS new lookup keys.
		const count = 90;
		const batch = Array.from({ length: count }, (_, n) =>
			signal({
				kind: 'pattern',
				text: undefined,
				pattern: {
					type: 'duplicates',
					size: MAX_PATTERN_TICKETS,
					signature: `sig-${n}`,
					ticketIds: Array.from({ length: MAX_PATTERN_TICKETS }, (_, i) => 1_000_000_000 + n * MAX_PATTERN_TICKETS + i),
				},
			}),
		);
		const answer = await call('/v1/signals', { token: workspace.tokens.technician, body: { signals: batch } });
		const text = await answer.text();
		expect(answer.status, text.slice(0, 300)).toBe(200);
		expect((JSON.parse(text) as { accepted: string[] }).accepted).toHaveLength(count);
		const items = await backlogOf(workspace, '?limit=100');
		expect(items).toHaveLength(count);
		const keys = await env.DB.prepare('SELECT COUNT(*) AS n FROM item_keys WHERE workspace_id = ?1').bind(workspace.id).first<{ n: number }>();
		expect(keys?.n).toBe(count * (MAX_PATTERN_TICKETS + 1));
	});

	it('folds concurrent friction on one element and tag into one item', async () => {
		const workspace = await createWorkspace();
		const friction = () =>
			signal({ kind: 'friction', text: undefined, page: { route: '/front/ticket.php', kind: 'ticket-list' }, target: { selector: '#search' }, tags: ['slow'] });
		const sent = Array.from({ length: 10 }, () => friction());
		await Promise.all(sent.map((one) => send(workspace.tokens.reporter, [one])));
		const items = await backlogOf(workspace);
		expect(items.map((item) => item.signalCount)).toEqual([sent.length]);
		expect(items[0]?.tags).toEqual(['slow']);
	});

	it('answers each signal accepted once when identical batches arrive at once', async () => {
		const workspace = await createWorkspace();
		const batches = Array.from({ length: 4 }, (_, i) => signal({ text: `Racing idea ${i} on printers` }));
		// Each batch sent ten times at once: whichever request stores it says "accepted", the others "duplicate".
		const answers = await Promise.all(batches.flatMap((one) => Array.from({ length: 10 }, () => send(workspace.tokens.reporter, [one]))));
		expect(answers.flatMap((answer) => answer.accepted).sort()).toEqual(batches.map((one) => one.id).sort());
		expect(answers.flatMap((answer) => answer.duplicates)).toHaveLength(batches.length * 9);
	});

	it('stores one signal for one UUID in any case, and answers in the spelling sent', async () => {
		const workspace = await createWorkspace();
		const lower = signal({ text: 'Case of the id' });
		const upper = { ...lower, id: lower.id.toUpperCase() };
		expect(await send(workspace.tokens.reporter, [upper])).toEqual({ accepted: [upper.id], duplicates: [] });
		expect(await send(workspace.tokens.reporter, [lower])).toEqual({ accepted: [], duplicates: [lower.id] });
		const again = { ...signal({ text: 'Twice in one batch' }) };
		expect(await send(workspace.tokens.reporter, [again, { ...again, id: again.id.toUpperCase() }])).toEqual({ accepted: [again.id], duplicates: [again.id.toUpperCase()] });
		const rows = await env.DB.prepare('SELECT id FROM signals WHERE workspace_id = ?1').bind(workspace.id).all<{ id: string }>();
		expect(rows.results.map((row) => row.id).sort()).toEqual([lower.id, again.id].sort());
		const items = await backlogOf(workspace, '?limit=100');
		expect(items.reduce((sum, item) => sum + item.signalCount, 0)).toBe(2);
	});

	it('compares client dates as instants, whatever their offset', async () => {
		const workspace = await createWorkspace();
		// 23 hours ahead of the server, written with a -23:59 offset: as text it sorts before the server's time.
		const ahead = new Date(Date.now() + 23 * 3_600_000);
		const local = new Date(ahead.getTime() - (23 * 60 + 59) * 60_000).toISOString().replace(/\.\d{3}Z$/, '-23:59');
		expect(Date.parse(local)).toBe(Math.floor(ahead.getTime() / 1000) * 1000);
		const before = Date.now();
		await send(workspace.tokens.reporter, [signal({ createdAt: local, text: 'A clock a day ahead in a far time zone' })]);
		const row = await env.DB.prepare('SELECT created_at, received_at FROM signals WHERE workspace_id = ?1').bind(workspace.id).first<Record<string, string>>();
		expect(row?.created_at).toBe(row?.received_at);
		const [item] = await backlogOf(workspace);
		expect(Date.parse(item?.lastSeen ?? '')).toBeLessThan(before + 60_000);
		await json(call('/v1/metrics', { token: workspace.tokens.manager }));
	});
});
