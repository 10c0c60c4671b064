import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { BacklogDetailSchema, BacklogItemResultSchema } from '../../shared/schemas/backlog';
import { type TestWorkspace, backlogOf, call, createWorkspace, expectError, json, send, signal, snapshot } from './helpers';

async function itemWith(workspace: TestWorkspace, text: string, count = 1) {
	await send(workspace.tokens.reporter, Array.from({ length: count }, () => signal({ text })));
	const item = (await backlogOf(workspace, '?limit=100')).find((candidate) => candidate.title === text);
	if (!item) throw new Error(`no item for ${text}`);
	return item;
}

const patch = (workspace: TestWorkspace, id: string, body: unknown) => call(`/v1/backlog/${id}`, { method: 'PATCH', token: workspace.tokens.manager, body });
const detail = async (workspace: TestWorkspace, id: string) => BacklogDetailSchema.parse(await json(call(`/v1/backlog/${id}`, { token: workspace.tokens.manager })));

describe('PATCH /v1/backlog/:id', () => {
	it('moves an item through PDCA and audits every change: who, when, from, to', async () => {
		const workspace = await createWorkspace();
		const item = await itemWith(workspace, 'Auto-assign tickets of the network category');
		const planned = BacklogItemResultSchema.parse(await json(patch(workspace, item.id, { status: 'plan', owner: '  Alice  ', note: 'Check with the N2 team' })));
		expect(planned.item).toMatchObject({ status: 'plan', owner: 'Alice', note: 'Check with the N2 team' });
		expect(planned.item.statusChangedAt).toBeDefined();
		await json(patch(workspace, item.id, { status: 'do', title: 'Auto-assign network tickets to N2', owner: null }));
		const link = { itemtype: 'Change', id: 42, url: 'https://glpi.example.org/front/change.form.php?id=42' };
		await json(patch(workspace, item.id, { glpi: link }));
		const { item: after, audit } = await detail(workspace, item.id);
		expect(after).toMatchObject({ status: 'do', title: 'Auto-assign network tickets to N2', glpi: link });
		expect(after.owner).toBeUndefined();
		const me = await json<{ tokenId: string }>(call('/v1/me', { token: workspace.tokens.manager }));
		expect(audit.map((entry) => [entry.field, entry.from, entry.to])).toEqual([
			['glpi', null, JSON.stringify(link)],
			['title', 'Auto-assign tickets of the network category', 'Auto-assign network tickets to N2'],
			['owner', 'Alice', null],
			['status', 'plan', 'do'],
			['note', null, 'Check with the N2 team'],
			['owner', null, 'Alice'],
			['status', 'new', 'plan'],
		]);
		for (const entry of audit) {
			expect(entry.actor).toBe('first manager');
			expect(entry.actorTokenId).toBe(me.tokenId);
			expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
		}
		// The title is searchable at once.
		expect((await backlogOf(workspace, '?q=n2')).map((row) => row.id)).toEqual([item.id]);
	});

	it('sets the triage and do times once, for the metrics', async () => {
		const workspace = await createWorkspace();
		const item = await itemWith(workspace, 'Hide the empty tabs of the ticket form');
		const times = () => env.DB.prepare('SELECT triaged_at, do_at FROM items WHERE id = ?1').bind(item.id).first<{ triaged_at: string | null; do_at: string | null }>();
		await json(patch(workspace, item.id, { note: 'not yet triaged' }));
		expect(await times()).toEqual({ triaged_at: null, do_at: null });
		await json(patch(workspace, item.id, { status: 'plan' }));
		const triaged = (await times())?.triaged_at;
		expect(triaged).not.toBeNull();
		await json(patch(workspace, item.id, { status: 'do' }));
		await json(patch(workspace, item.id, { status: 'new' }));
		await json(patch(workspace, item.id, { status: 'plan' }));
		expect((await times())?.triaged_at).toBe(triaged);
		expect((await times())?.do_at).not.toBeNull();
	});

	it('writes no audit row for a value that does not change, and rejects empty or unknown fields', async () => {
		const workspace = await createWorkspace();
		const item = await itemWith(workspace, 'Show the requester phone number on the ticket');
		await json(patch(workspace, item.id, { status: 'new', title: item.title }));
		expect((await detail(workspace, item.id)).audit).toEqual([]);
		const before = await snapshot();
		await expectError(patch(workspace, item.id, {}), 400, 'invalid_request');
		await expectError(patch(workspace, item.id, { status: 'open' }), 400, 'invalid_request');
		await expectError(patch(workspace, item.id, { score: 100 }), 400, 'invalid_request');
		await expectError(patch(workspace, item.id, { glpi: { itemtype: 'Problem', id: 1, url: 'javascript:alert(1)' } }), 400, 'invalid_request');
		await expectError(patch(workspace, item.id, { title: '   ' }), 400, 'invalid_request');
		expect(await snapshot()).toBe(before);
	});
});

describe('POST /v1/backlog/:id/merge', () => {
	it('re-points earlier sources at the final target, and the target sums them all', async () => {
		const workspace = await createWorkspace();
		const a = await itemWith(workspace, 'Bulk close resolved tickets after a week', 2);
		const b = await itemWith(workspace, 'Let technicians close many tickets at once', 3);
		const c = await itemWith(workspace, 'Massive action to close solved tickets automatically', 1);
		await json(call(`/v1/backlog/${a.id}/merge`, { token: workspace.tokens.manager, body: { into: b.id } }));
		const merged = await json<{ item: { signalCount: number; id: string } }>(call(`/v1/backlog/${b.id}/merge`, { token: workspace.tokens.manager, body: { into: c.id } }));
		expect(merged.item).toMatchObject({ id: c.id, signalCount: 6 });
		expect((await detail(workspace, a.id)).mergedInto).toBe(c.id);
		expect((await detail(workspace, b.id)).mergedInto).toBe(c.id);
		const target = await detail(workspace, c.id);
		expect(target.evidence).toHaveLength(6);
		expect(target.item.weekly?.at(-1)).toBe(6);
		expect(target.audit.map((entry) => [entry.field, entry.to])).toEqual([
			['merged', b.id],
			// a was merged into b, not into c: c's trail names only what was merged into it.
		]);
		expect((await backlogOf(workspace)).map((item) => item.id)).toEqual([c.id]);
		// A new signal like a's text lands on c.
		await send(workspace.tokens.reporter, [signal({ text: 'Bulk close resolved tickets after one week' })]);
		expect((await detail(workspace, c.id)).item.signalCount).toBe(7);
	});

	it('answers 409 to merging into itself, into a merged item, or a merged item, and changes nothing', async () => {
		const workspace = await createWorkspace();
		const a = await itemWith(workspace, 'Colour the overdue tickets in red');
		const b = await itemWith(workspace, 'Send a digest of my tickets every morning');
		const c = await itemWith(workspace, 'Make the knowledge base search accept typos');
		await json(call(`/v1/backlog/${a.id}/merge`, { token: workspace.tokens.manager, body: { into: b.id } }));
		const before = await snapshot();
		const merge = (from: string, into: string) => call(`/v1/backlog/${from}/merge`, { token: workspace.tokens.manager, body: { into } });
		await expectError(merge(c.id, c.id), 409, 'conflict');
		await expectError(merge(c.id, a.id), 409, 'conflict');
		await expectError(merge(a.id, c.id), 409, 'conflict');
		await expectError(patch(workspace, a.id, { status: 'plan' }), 409, 'conflict');
		await expectError(merge(c.id, 'nope-nope-nope'), 404, 'not_found');
		await expectError(call(`/v1/backlog/${c.id}/merge`, { token: workspace.tokens.manager, body: { into: b.id, extra: 1 } }), 400, 'invalid_request');
		expect(await snapshot()).toBe(before);
	});

	it('two merges racing on the same source: one wins, the other changes nothing', async () => {
		const workspace = await createWorkspace();
		const a = await itemWith(workspace, 'Show ticket age in the list', 2);
		const b = await itemWith(workspace, 'Add a satisfaction survey after closing', 1);
		const c = await itemWith(workspace, 'Translate the self-service portal into Spanish', 1);
		const answers = await Promise.all([
			call(`/v1/backlog/${a.id}/merge`, { token: workspace.tokens.manager, body: { into: b.id } }),
			call(`/v1/backlog/${a.id}/merge`, { token: workspace.tokens.manager, body: { into: c.id } }),
		]);
		expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
		const items = await backlogOf(workspace);
		expect(items.reduce((sum, item) => sum + item.signalCount, 0)).toBe(4);
	});
});
