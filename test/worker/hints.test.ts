import { describe, expect, it } from 'vitest';
import { HintListSchema, HintResultSchema } from '../../shared/schemas/hint';
import { type TestWorkspace, backlogOf, call, createWorkspace, expectError, json, send, signal, snapshot } from './helpers';

const ROUTE = '/front/ticket.form.php';
const hintsOf = async (workspace: TestWorkspace, route?: string, ui?: 'central' | 'helpdesk') =>
	HintListSchema.parse(
		await json(call(`/v1/hints${route ? `?route=${encodeURIComponent(route)}${ui ? `&interface=${ui}` : ''}` : ''}`, { token: workspace.tokens.reporter })),
	).hints;

describe('manager-written hints', () => {
	it('are created, read by every role, changed and deleted', async () => {
		const workspace = await createWorkspace();
		const created = HintResultSchema.parse(
			await json(
				call('/v1/hints', {
					token: workspace.tokens.manager,
					body: { route: ROUTE, selector: '#itil_category', text: { en: 'Pick "Network" for VPN issues', fr: 'Choisissez « Réseau » pour le VPN' }, link: 'http://wiki/vpn' },
				}),
				201,
			),
		).hint;
		expect(created).toMatchObject({ kind: 'manager', route: ROUTE, selector: '#itil_category', link: 'http://wiki/vpn' });
		for (const role of ['reporter', 'technician', 'manager'] as const) {
			const list = HintListSchema.parse(await json(call(`/v1/hints?route=${ROUTE}`, { token: workspace.tokens[role] }))).hints;
			expect(list).toEqual([created]);
		}
		expect(await hintsOf(workspace, '/front/ticket.php')).toEqual([]);
		expect(await hintsOf(workspace)).toEqual([created]);

		const changed = HintResultSchema.parse(
			await json(call(`/v1/hints/${created.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { text: { fr: 'Réseau pour le VPN' }, link: null, selector: null } })),
		).hint;
		expect(changed.text).toEqual({ fr: 'Réseau pour le VPN' });
		expect(changed.link).toBeUndefined();
		expect(changed.selector).toBeUndefined();
		expect(changed.updatedAt >= created.updatedAt).toBe(true);

		expect((await call(`/v1/hints/${created.id}`, { method: 'DELETE', token: workspace.tokens.manager })).status).toBe(204);
		expect(await hintsOf(workspace, ROUTE)).toEqual([]);
		await expectError(call(`/v1/hints/${created.id}`, { method: 'DELETE', token: workspace.tokens.manager }), 404, 'not_found');
	});

	it('refuses script links, empty texts, unknown fields, and reporters writing', async () => {
		const workspace = await createWorkspace();
		const before = await snapshot();
		for (const body of [
			{ route: ROUTE, text: { en: 'x' }, link: 'javascript:alert(1)' },
			{ route: ROUTE, text: { en: 'x' }, link: 'data:text/html,hi' },
			{ route: ROUTE, text: {} },
			{ route: ROUTE, text: { en: '   ' } },
			{ route: ROUTE, text: { de: 'Hallo' } },
			{ route: 'front/ticket.php', text: { en: 'x' } },
			{ route: ROUTE, text: { en: 'x'.repeat(501) } },
		]) {
			await expectError(call('/v1/hints', { token: workspace.tokens.manager, body }), 400, 'invalid_request');
		}
		await expectError(call('/v1/hints', { token: workspace.tokens.technician, body: { route: ROUTE, text: { en: 'x' } } }), 403, 'forbidden');
		await expectError(call('/v1/hints?route=nope', { token: workspace.tokens.reporter }), 400, 'invalid_request');
		expect(await snapshot()).toBe(before);
	});
});

describe('known-issue hints', () => {
	const central = (workspace: TestWorkspace) => hintsOf(workspace, ROUTE, 'central');

	it('one per triaged open item on the page, gone once the item is done or rejected', async () => {
		const workspace = await createWorkspace();
		await send(workspace.tokens.reporter, [
			signal({ kind: 'bug', text: 'Saving fails when the title has an emoji', page: { route: ROUTE, kind: 'ticket-form', interface: 'central' } }),
			signal({ kind: 'bug', text: 'Saving fails when the title has an emoji', page: { route: ROUTE, kind: 'ticket-form', interface: 'central' } }),
			signal({ kind: 'friction', text: undefined, page: { route: ROUTE, kind: 'ticket-form', interface: 'central' }, target: { selector: '#urgency' }, tags: ['confusing'] }),
			signal({ kind: 'praise', text: 'Love the new timeline', page: { route: ROUTE, kind: 'ticket-form', interface: 'central' } }),
			signal({ kind: 'bug', text: 'The list forgets my filters', page: { route: '/front/ticket.php', kind: 'ticket-list', interface: 'central' } }),
		]);
		expect((await central(workspace)).filter((hint) => hint.kind === 'known-issue')).toEqual([]);
		for (const item of await backlogOf(workspace, '?limit=100')) {
			await json(call(`/v1/backlog/${item.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { status: 'plan' } }));
		}
		const known = (await central(workspace)).filter((hint) => hint.kind === 'known-issue');
		expect(known).toHaveLength(2);
		const bug = known.find((hint) => hint.itemKind === 'bug');
		expect(bug).toMatchObject({ status: 'plan', signalCount: 2 });
		expect(bug?.text.en).toContain('Known issue');
		expect(bug?.text.fr).toContain('Problème connu');
		expect(known.find((hint) => hint.itemKind === 'friction')).toMatchObject({ selector: '#urgency', tags: ['confusing'] });
		expect(bug?.tags).toEqual([]);

		const items = await backlogOf(workspace, `?route=${ROUTE}&kind=bug,friction`);
		await json(call(`/v1/backlog/${items[0]?.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { status: 'do' } }));
		await json(call(`/v1/backlog/${items[1]?.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { status: 'rejected' } }));
		const after = (await central(workspace)).filter((hint) => hint.kind === 'known-issue');
		expect(after.map((hint) => [hint.itemId, hint.status])).toEqual([[items[0]?.id, 'do']]);
		await json(call(`/v1/backlog/${items[0]?.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { status: 'done' } }));
		expect((await central(workspace)).filter((hint) => hint.kind === 'known-issue')).toEqual([]);
	});

	it('show on the interface they are meant for: technicians’ items never on self-service pages', async () => {
		const workspace = await createWorkspace();
		const page = (ui: 'central' | 'helpdesk') => ({ route: ROUTE, kind: 'ticket-form', interface: ui });
		await send(workspace.tokens.reporter, [
			signal({ kind: 'bug', text: 'Central only: the solution tab freezes', page: page('central') }),
			signal({ kind: 'bug', text: 'Self-service: the followup box is too small', page: page('helpdesk') }),
		]);
		for (const item of await backlogOf(workspace)) {
			await json(call(`/v1/backlog/${item.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { status: 'plan', title: `Triaged ${item.title}` } }));
		}
		const both = (await json<{ hint: { id: string } }>(call('/v1/hints', { token: workspace.tokens.manager, body: { route: ROUTE, text: { en: 'For everyone' } } }), 201)).hint;
		const techs = (
			await json<{ hint: { id: string } }>(call('/v1/hints', { token: workspace.tokens.manager, body: { route: ROUTE, interface: 'central', text: { en: 'For technicians' } } }), 201)
		).hint;
		const titles = (hints: Awaited<ReturnType<typeof hintsOf>>) =>
			hints.map((hint) => (hint.kind === 'manager' ? hint.text.en : hint.title)).sort();
		expect(titles(await hintsOf(workspace, ROUTE, 'central'))).toEqual(['For everyone', 'For technicians', 'Triaged Central only: the solution tab freezes']);
		expect(titles(await hintsOf(workspace, ROUTE, 'helpdesk'))).toEqual(['For everyone', 'Triaged Self-service: the followup box is too small']);
		// A page that does not name its interface gets the self-service view.
		expect(titles(await hintsOf(workspace, ROUTE))).toEqual(titles(await hintsOf(workspace, ROUTE, 'helpdesk')));
		// The interface of a hint can be changed, and removed (both).
		await json(call(`/v1/hints/${techs.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { interface: null } }));
		expect(titles(await hintsOf(workspace, ROUTE, 'helpdesk'))).toContain('For technicians');
		await json(call(`/v1/hints/${both.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { interface: 'central' } }));
		expect(titles(await hintsOf(workspace, ROUTE, 'helpdesk'))).not.toContain('For everyone');
		await expectError(call(`/v1/hints?route=${ROUTE}&interface=admin`, { token: workspace.tokens.reporter }), 400, 'invalid_request');
	});
});
