import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { REPORTER_BURST_LIMIT } from '../../shared/limits';
import { HintListSchema } from '../../shared/schemas/hint';
import { type TestWorkspace, backlogOf, call, createWorkspace, json, send, signal } from './helpers';

/**
 * Issue 15, item 1: one reporter token is not a crowd. Made-up reporter ids from one token in a burst are held back
 * (and shown to managers), and what other users see of an item is only what a manager triaged or wrote.
 */
const ROUTE = '/front/ticket.form.php';
const NOTICE = 'IT NOTICE: your password expires, reset it at https://glpi-login.example.net/reset';
const friction = (reporter: string, text = NOTICE) =>
	signal({ kind: 'friction', reporter, text, page: { route: ROUTE, kind: 'ticket-form', interface: 'central' }, target: { selector: '#content' }, tags: ['error'] });
const madeUp = (n: number) => `made-up-reporter-${String(n).padStart(4, '0')}`;

const knownIssues = async (workspace: TestWorkspace, ui = 'central') =>
	HintListSchema.parse(await json(call(`/v1/hints?route=${encodeURIComponent(ROUTE)}&interface=${ui}`, { token: workspace.tokens.reporter }))).hints.filter(
		(hint) => hint.kind === 'known-issue',
	);

describe('reporters that one token brings in a burst', () => {
	it('counts a bounded number, holds back the rest and tells managers; the token is recorded server-side', { timeout: 60_000 }, async () => {
		const workspace = await createWorkspace();
		const people = 30;
		const batch = Array.from({ length: people }, (_, n) => friction(madeUp(n)));
		await send(workspace.tokens.reporter, batch);
		const [item, ...others] = await backlogOf(workspace);
		expect(others).toEqual([]);
		expect(item?.signalCount).toBe(people);
		expect(item?.reporterCount).toBe(REPORTER_BURST_LIMIT);
		expect(item?.burstReporters).toBe(people - REPORTER_BURST_LIMIT);
		// The held-back reporters do not double their signal's weight: the item scores like one person's signals plus
		// the bounded few, well below as many people with a token each.
		const crowd = await createWorkspace();
		const tokens = await Promise.all(
			Array.from({ length: people }, async () => (await json<{ token: string }>(call('/v1/tokens', { token: crowd.tokens.manager, body: { role: 'reporter' } }), 201)).token),
		);
		await Promise.all(tokens.map((token, n) => send(token, [batch[n]])));
		const [crowdItem] = await backlogOf(crowd);
		expect(crowdItem?.reporterCount).toBe(people);
		expect(crowdItem?.burstReporters).toBeUndefined();
		expect(item?.score ?? 0).toBeLessThan((crowdItem?.score ?? 0) * 0.6);

		const rows = await env.DB.prepare('SELECT DISTINCT token_id FROM signals WHERE workspace_id = ?1').bind(workspace.id).all<{ token_id: string }>();
		expect(rows.results.map((row) => row.token_id)).toEqual([workspace.tokenIds.reporter]);
	});

	it('lets a team that shares one token be counted as its members come, and a held-back reporter counts after the burst', async () => {
		const workspace = await createWorkspace();
		await send(workspace.tokens.reporter, Array.from({ length: REPORTER_BURST_LIMIT + 3 }, (_, n) => friction(madeUp(n))));
		let [item] = await backlogOf(workspace);
		expect([item?.reporterCount, item?.burstReporters]).toEqual([REPORTER_BURST_LIMIT, 3]);
		// The window passes: the reporters this token brought are older than it.
		await env.DB.prepare(
			`UPDATE item_reporters SET added_at = '2000-01-01T00:00:00.000Z' WHERE item_id IN (SELECT id FROM items WHERE workspace_id = ?1)`,
		).bind(workspace.id).run();
		// The three held back come back, one signal each, with one more person: all four count now.
		await send(workspace.tokens.reporter, [REPORTER_BURST_LIMIT, REPORTER_BURST_LIMIT + 1, REPORTER_BURST_LIMIT + 2, 99].map((n) => friction(madeUp(n))));
		[item] = await backlogOf(workspace);
		expect([item?.reporterCount, item?.burstReporters]).toEqual([REPORTER_BURST_LIMIT + 4, undefined]);
		// Other tokens bring their own reporters, whatever this one did.
		await send(workspace.tokens.technician, [friction('another-person-0001')]);
		[item] = await backlogOf(workspace);
		expect(item?.reporterCount).toBe(REPORTER_BURST_LIMIT + 5);
	});
});

describe('what other users see of an item', () => {
	it('no known issue until a manager triages it, and never the words users sent', async () => {
		const workspace = await createWorkspace();
		await send(workspace.tokens.reporter, [friction(madeUp(1)), friction(madeUp(2))]);
		expect(await knownIssues(workspace)).toEqual([]);
		const [item] = await backlogOf(workspace);
		await json(call(`/v1/backlog/${item?.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { status: 'plan' } }));
		const [triaged, ...more] = await knownIssues(workspace);
		expect(more).toEqual([]);
		expect(triaged).toMatchObject({ itemId: item?.id, status: 'plan', signalCount: 2, tags: ['error'], selector: '#content' });
		const shown = JSON.stringify(triaged);
		for (const words of ['IT NOTICE', 'glpi-login', 'password']) expect(shown).not.toContain(words);
		expect(triaged?.title).toBeUndefined();

		await json(call(`/v1/backlog/${item?.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { title: 'Password reset page is confusing' } }));
		const [titled] = await knownIssues(workspace);
		expect(titled?.title).toBe('Password reset page is confusing');
		expect(titled?.text.en).toContain('Password reset page is confusing');
		expect(titled?.text.fr).toContain('Password reset page is confusing');
		expect(JSON.stringify(titled)).not.toContain('IT NOTICE');
	});

	it('a reporter cannot fill the route’s known-issue places', async () => {
		const workspace = await createWorkspace();
		await send(
			workspace.tokens.reporter,
			Array.from({ length: 30 }, (_, n) => signal({ kind: 'bug', reporter: madeUp(n), text: `Fake outage number ${n} ${crypto.randomUUID()}`, page: { route: ROUTE, kind: 'ticket-form', interface: 'central' } })),
		);
		expect((await backlogOf(workspace, '?limit=100')).length).toBe(30);
		expect(await knownIssues(workspace)).toEqual([]);
	});
});
