import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../shared/limits';
import { backlogOf, call, createWorkspace, expectError, json, send, signal, snapshot } from './helpers';

const countSignals = async (workspaceId: string) =>
	(await env.DB.prepare('SELECT COUNT(*) AS n FROM signals WHERE workspace_id = ?1').bind(workspaceId).first<{ n: number }>())?.n;

describe('POST /v1/signals', () => {
	it('never double-counts replays and partial retries', async () => {
		const workspace = await createWorkspace();
		const [a, b, c] = [signal({ text: 'Export the ticket list to PDF' }), signal({ text: 'Export the ticket list to PDF' }), signal({ text: 'Export the ticket list to PDF' })];
		expect(await send(workspace.tokens.reporter, [a, b])).toEqual({ accepted: [a.id, b.id], duplicates: [] });
		// The client did not get the answer and retries with one more signal.
		expect(await send(workspace.tokens.reporter, [a, b, c])).toEqual({ accepted: [c.id], duplicates: [a.id, b.id] });
		expect(await send(workspace.tokens.reporter, [c, c])).toEqual({ accepted: [], duplicates: [c.id, c.id] });
		const items = await backlogOf(workspace);
		expect(items).toHaveLength(1);
		expect(items[0]?.signalCount).toBe(3);
		expect(await countSignals(workspace.id)).toBe(3);
	});

	it('counts once when the same batch arrives twice at the same time', async () => {
		const workspace = await createWorkspace();
		const batch = Array.from({ length: 20 }, (_, i) => signal({ text: `Concurrent idea number ${i % 4 === 0 ? 'zero' : i} about the helpdesk form` }));
		const [first, second] = await Promise.all([send(workspace.tokens.reporter, batch), send(workspace.tokens.reporter, batch)]);
		expect(new Set([...first.accepted, ...first.duplicates])).toEqual(new Set(batch.map((s) => s.id)));
		expect(new Set([...second.accepted, ...second.duplicates])).toEqual(new Set(batch.map((s) => s.id)));
		expect(await countSignals(workspace.id)).toBe(20);
		const items = await backlogOf(workspace, '?limit=100');
		expect(items.reduce((sum, item) => sum + item.signalCount, 0)).toBe(20);
		// Every item has signals: a racing request never leaves an empty item behind.
		for (const item of items) expect(item.signalCount).toBeGreaterThan(0);
		const weeks = await env.DB.prepare(
			'SELECT SUM(n) AS n FROM item_weeks WHERE item_id IN (SELECT id FROM items WHERE workspace_id = ?1)',
		).bind(workspace.id).first<{ n: number }>();
		expect(weeks?.n).toBe(20);
	});

	it('records the server receive time beside the client time, and keeps the body as sent', async () => {
		const workspace = await createWorkspace();
		const future = signal({ createdAt: new Date(Date.now() + 3_600_000).toISOString(), text: 'Clock ahead' });
		const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
		const local = new Date(tenDaysAgo.getTime() + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
		const past = signal({ createdAt: local, text: 'An offset timestamp' });
		const ancient = signal({ createdAt: '2020-01-01T00:00:00Z', text: 'A clock stuck in 2020' });
		const before = new Date().toISOString();
		await send(workspace.tokens.reporter, [future, past, ancient]);
		const rows = await env.DB.prepare('SELECT id, created_at, received_at, body FROM signals WHERE workspace_id = ?1').bind(workspace.id).all<Record<string, string>>();
		const byId = new Map(rows.results.map((row) => [row.id, row]));
		const futureRow = byId.get(future.id);
		expect((futureRow?.received_at ?? '') >= before).toBe(true);
		// A client clock ahead of the server's never dates a signal in the future.
		expect(futureRow?.created_at).toBe(futureRow?.received_at);
		expect(JSON.parse(futureRow?.body ?? '{}')).toEqual(future);
		expect(byId.get(past.id)?.created_at).toBe(tenDaysAgo.toISOString());
		// Over a year back counts from a year back (the rank's terms stay in range); the body keeps what was sent.
		const ancientRow = byId.get(ancient.id);
		expect(Date.parse(ancientRow?.created_at ?? '')).toBeGreaterThan(Date.now() - 366 * 86_400_000);
		expect(JSON.parse(ancientRow?.body ?? '{}').createdAt).toBe('2020-01-01T00:00:00Z');
	});

	it('lets a reporter send every kind but pattern, and a technician pattern too', async () => {
		const workspace = await createWorkspace();
		const pattern = signal({ kind: 'pattern', text: undefined, pattern: { type: 'reopen', size: 2, signature: 'vpn', ticketIds: [4, 5] } });
		const before = await snapshot();
		const refused = await expectError(call('/v1/signals', { token: workspace.tokens.reporter, body: { signals: [signal(), pattern] } }), 403, 'forbidden');
		expect(refused.error.message).toContain('signals.1');
		expect(await snapshot()).toBe(before);
		expect((await send(workspace.tokens.technician, [pattern])).accepted).toEqual([pattern.id]);
		for (const kind of ['idea', 'friction', 'bug', 'praise', 'auto-friction']) {
			expect((await send(workspace.tokens.reporter, [signal({ kind, tags: ['slow'] })])).accepted).toHaveLength(1);
		}
	});
});

describe('limits', () => {
	it('refuses more than 100 signals with the issue, and writes nothing', async () => {
		const workspace = await createWorkspace();
		const before = await snapshot();
		const body = await expectError(
			call('/v1/signals', { token: workspace.tokens.reporter, body: { signals: Array.from({ length: 101 }, () => signal()) } }),
			400,
			'invalid_request',
		);
		expect(body.error.issues?.[0]?.path).toBe('signals');
		await expectError(call('/v1/signals', { token: workspace.tokens.reporter, body: { signals: [] } }), 400, 'invalid_request');
		expect(await snapshot()).toBe(before);
	});

	it('refuses a text over 2000 characters with the issue', async () => {
		const workspace = await createWorkspace();
		const before = await snapshot();
		const body = await expectError(
			call('/v1/signals', { token: workspace.tokens.reporter, body: { signals: [signal(), signal({ text: 'x'.repeat(2001) })] } }),
			400,
			'invalid_request',
		);
		expect(body.error.issues?.[0]?.path).toBe('signals.1.text');
		expect((await send(workspace.tokens.reporter, [signal({ text: 'é'.repeat(2000) })])).accepted).toHaveLength(1);
		expect(await snapshot()).not.toBe(before);
	});

	it('answers 413 to a body over 512 KiB, with or without a length', async () => {
		const workspace = await createWorkspace();
		const before = await snapshot();
		const big = JSON.stringify({ signals: [signal({ text: 'x'.repeat(MAX_BODY_BYTES) })] });
		await expectError(call('/v1/signals', { token: workspace.tokens.reporter, rawBody: big, headers: { 'content-type': 'application/json' } }), 413, 'payload_too_large');
		const stream = new Blob([big]).stream();
		await expectError(call('/v1/signals', { token: workspace.tokens.reporter, rawBody: stream, headers: { 'content-type': 'application/json' } }), 413, 'payload_too_large');
		expect(await snapshot()).toBe(before);
	});

	it('answers 400 to malformed JSON and to a body that is not JSON', async () => {
		const workspace = await createWorkspace();
		await expectError(call('/v1/signals', { token: workspace.tokens.reporter, rawBody: '{"signals": [', headers: { 'content-type': 'application/json' } }), 400, 'invalid_request');
		await expectError(call('/v1/signals', { token: workspace.tokens.reporter, rawBody: 'signals=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 400, 'invalid_request');
		const answer = await json(call('/v1/health'));
		expect(answer.ok).toBe(true);
	});
});
