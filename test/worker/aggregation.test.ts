import { describe, expect, it } from 'vitest';
import { type ListedItem, type TestWorkspace, backlogOf, call, createWorkspace, json, send, signal } from './helpers';

const friction = (overrides: Record<string, unknown>) =>
	signal({ kind: 'friction', text: undefined, page: { route: '/front/ticket.form.php', kind: 'ticket-form' }, ...overrides });

async function itemsAfter(workspace: TestWorkspace, signals: unknown[]) {
	await send(workspace.tokens.technician, signals);
	return backlogOf(workspace, '?limit=100');
}

const titles = (items: ListedItem[]) => items.map((item) => item.title).sort();

describe('friction and auto-friction', () => {
	it('land in one item on the same element with a tag in common', async () => {
		const workspace = await createWorkspace();
		const target = { selector: '#itil_category', label: 'Category' };
		const items = await itemsAfter(workspace, [
			friction({ target, tags: ['confusing'] }),
			friction({ target, tags: ['confusing', 'too-many-steps'] }),
			signal({ kind: 'auto-friction', text: undefined, page: { route: '/front/ticket.form.php', kind: 'ticket-form' }, target, tags: ['too-many-steps'], count: 12 }),
		]);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ kind: 'friction', signalCount: 3, selector: '#itil_category', route: '/front/ticket.form.php' });
		expect(items[0]?.tags.sort()).toEqual(['confusing', 'too-many-steps']);
	});

	it('stay apart on another element, another page, or without a tag in common', async () => {
		const workspace = await createWorkspace();
		const items = await itemsAfter(workspace, [
			friction({ target: { selector: '#itil_category' }, tags: ['confusing'] }),
			friction({ target: { selector: '#urgency' }, tags: ['confusing'] }),
			friction({ target: { selector: '#itil_category' }, tags: ['slow'] }),
			friction({ page: { route: '/front/change.form.php', kind: 'change-form' }, target: { selector: '#itil_category' }, tags: ['confusing'] }),
			friction({ tags: ['confusing'] }),
			friction({}),
			friction({}),
		]);
		expect(items).toHaveLength(6);
		expect(items.find((item) => !item.selector && item.tags.length === 0)?.signalCount).toBe(2);
	});
});

describe('ideas, bugs and praise', () => {
	it('near-identical English texts land in one item: case, punctuation, word order, small edits', async () => {
		const workspace = await createWorkspace();
		const items = await itemsAfter(workspace, [
			signal({ text: 'Add a button to reopen a closed ticket from the ticket list' }),
			signal({ text: 'add a BUTTON to reopen a closed ticket from the ticket list!!!' }),
			signal({ text: 'From the ticket list, add a button to reopen a closed ticket.' }),
			signal({ text: 'Add a buton to reopen closed tickets from the ticket list' }),
		]);
		expect(items).toHaveLength(1);
		expect(items[0]?.signalCount).toBe(4);
	});

	it('near-identical French texts land in one item: accents, plurals, punctuation', async () => {
		const workspace = await createWorkspace();
		const items = await itemsAfter(workspace, [
			signal({ text: 'Impossible de sélectionner la catégorie réseau dans le formulaire de ticket' }),
			signal({ text: 'impossible de selectionner la categorie reseau dans le formulaire de ticket !' }),
			signal({ text: 'Impossible de sélectionner les catégories réseau dans le formulaire des tickets.' }),
			signal({ text: 'Dans le formulaire de ticket, impossible de sélectionner la catégorie réseau' }),
		]);
		expect(items).toHaveLength(1);
		expect(items[0]?.signalCount).toBe(4);
	});

	it('unrelated ideas stay apart, and so do the same words under another kind or page kind', async () => {
		const workspace = await createWorkspace();
		const text = 'Show the SLA countdown next to the ticket title';
		const items = await itemsAfter(workspace, [
			signal({ text }),
			signal({ text: 'Let requesters attach a screenshot when they create a ticket' }),
			signal({ text: 'Le bouton enregistrer est trop loin en bas de la page' }),
			signal({ text: 'Dark mode for the whole interface' }),
			signal({ kind: 'bug', text }),
			signal({ kind: 'praise', text }),
			signal({ text, page: { route: '/front/ticket.php', kind: 'ticket-list' } }),
		]);
		expect(items).toHaveLength(7);
	});

	it('texts without words group by page', async () => {
		const workspace = await createWorkspace();
		const items = await itemsAfter(workspace, [signal({ text: undefined }), signal({ text: '!!! ???' }), signal({ text: undefined, page: { route: '/front/central.php', kind: 'central' } })]);
		expect(items.map((item) => item.signalCount).sort()).toEqual([1, 2]);
	});
});

describe('patterns', () => {
	const pattern = (type: string, signature: string, ticketIds: number[]) =>
		signal({ kind: 'pattern', text: undefined, pattern: { type, size: ticketIds.length, signature, ticketIds } });

	it('join on the same type and signature, or on overlapping ticket ids', async () => {
		const workspace = await createWorkspace();
		const items = await itemsAfter(workspace, [
			pattern('duplicates', 'vpn disconnect', [10, 11, 12]),
			pattern('duplicates', 'VPN disconnect', [30, 31]),
			pattern('duplicates', 'vpn drops', [12, 40]),
			pattern('duplicates', 'printer jam', [50, 51]),
			pattern('spike', 'vpn disconnect', [60, 61]),
		]);
		expect(items).toHaveLength(3);
		expect(items.find((item) => item.title.startsWith('duplicates: vpn disconnect'))?.signalCount).toBe(3);
		expect(titles(items)).toContain('spike: vpn disconnect (2 tickets)');
	});
});

describe('merge', () => {
	it('the target absorbs the source, and keeps absorbing what would have gone to it', async () => {
		const workspace = await createWorkspace();
		const manager = workspace.tokens.manager;
		await send(workspace.tokens.reporter, [
			signal({ text: 'Printer on floor two jams every morning', reporter: 'reporter-aaaa' }),
			signal({ text: 'Printer on floor two jams every morning', reporter: 'reporter-bbbb' }),
			signal({ text: 'Paper keeps jamming in the copier next to the kitchen', reporter: 'reporter-cccc' }),
		]);
		const before = await backlogOf(workspace);
		const source = before.find((item) => item.title.startsWith('Printer'));
		const target = before.find((item) => item.title.startsWith('Paper'));
		if (!source || !target) throw new Error('items missing');
		const merged = await json<{ item: ListedItem }>(call(`/v1/backlog/${source.id}/merge`, { token: manager, body: { into: target.id } }));
		expect(merged.item).toMatchObject({ id: target.id, signalCount: 3, reporterCount: 3 });
		expect(merged.item.score).toBeGreaterThan(target.score);

		await send(workspace.tokens.reporter, [signal({ text: 'The printer on floor two jams every single morning', reporter: 'reporter-dddd' })]);
		const after = await backlogOf(workspace);
		expect(after.map((item) => item.id)).toEqual([target.id]);
		expect(after[0]).toMatchObject({ signalCount: 4, reporterCount: 4 });
		const detail = await json<{ evidence: { text: string }[]; item: ListedItem }>(call(`/v1/backlog/${target.id}`, { token: manager }));
		expect(detail.evidence).toHaveLength(4);
		expect(detail.item.weekly.at(-1)).toBe(4);
		const sourceDetail = await json<{ mergedInto: string; item: ListedItem }>(call(`/v1/backlog/${source.id}`, { token: manager }));
		expect(sourceDetail.mergedInto).toBe(target.id);
		expect(sourceDetail.item.signalCount).toBe(2);
	});
});
