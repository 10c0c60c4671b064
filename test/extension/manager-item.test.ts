import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BacklogItemSchema, type BacklogItem } from '../../shared/schemas/backlog';
import { BacklogRow } from '../../extension/components/manager/backlog-row';
import { HintForm } from '../../extension/components/manager/hint-form';
import { HintsView } from '../../extension/components/manager/hints-view';
import { ItemView } from '../../extension/components/manager/item-view';
import { setLanguage } from '../../extension/i18n';
import '../../extension/i18n/manager';
import { testContainer } from '../support/test-container';

/** The manager's views of a backlog item and of hints, in the popup (the end-to-end tests cover them against a real worker). */
const sendManagerMessage = vi.hoisted(() => vi.fn());
vi.mock('../../extension/core/manager-messaging', () => ({ sendManagerMessage }));

const fixture = (overrides: Partial<BacklogItem> = {}): BacklogItem =>
	BacklogItemSchema.parse({
		id: 'item_vpn01',
		title: 'The VPN category has no sub-category',
		kind: 'idea',
		status: 'new',
		score: 4.2,
		signalCount: 40,
		reporterCount: 6,
		firstSeen: '2026-11-20T08:00:00.000Z',
		lastSeen: '2026-11-30T08:00:00.000Z',
		route: '/front/ticket.form.php',
		tags: ['vpn'],
		...overrides,
	});

const container = testContainer();
beforeEach(() => {
	sendManagerMessage.mockReset();
});

async function openItem(item: BacklogItem) {
	sendManagerMessage.mockImplementation(async (name: string) => (name === 'getItem' ? { ok: true, value: { item, evidence: [], audit: [] } } : { ok: false, error: 'not in this test' }));
	await act(() => render(h(ItemView, { id: item.id, glpiUrl: 'https://glpi.example.org', items: [item], onChanged: vi.fn(), onMerged: vi.fn(), onBack: vi.fn() }), container));
	await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}
const burstLine = () => container.querySelector('[data-gx="burst-reporters"]');

describe('reporters held back by the burst bound (issue 15, item 1)', () => {
	it('the item view says how many were not counted, in English and French', async () => {
		await openItem(fixture({ burstReporters: 25 }));
		expect(container.querySelector('h2')?.textContent).toBe('The VPN category has no sub-category');
		expect(burstLine()?.textContent).toBe('Reporters not counted, as one token brought them within an hour: 25');
		await act(() => render(null, container));
		setLanguage('fr');
		await openItem(fixture({ burstReporters: 25 }));
		expect(burstLine()?.textContent).toBe("Personnes non comptées, car un même jeton les a amenées en moins d'une heure : 25");
	});

	it('the item view and the backlog row say nothing when none was held back', async () => {
		await openItem(fixture());
		expect(container.querySelector('h2')).not.toBeNull();
		expect(burstLine()).toBeNull();
		await act(() => render(h('ul', null, h(BacklogRow, { item: fixture(), onOpen: vi.fn() })), container));
		expect(burstLine()).toBeNull();
	});

	it('the backlog row says it compactly, with the whole sentence as its title', async () => {
		await act(() => render(h('ul', null, h(BacklogRow, { item: fixture({ burstReporters: 25 }), onOpen: vi.fn() })), container));
		expect(burstLine()?.textContent).toBe('Not counted: 25');
		expect(burstLine()?.getAttribute('title')).toBe('Reporters not counted, as one token brought them within an hour: 25');
	});
});

describe("the manager's hint form (issue 15, item 9)", () => {
	const write = async (name: string, value: string) =>
		act(() => {
			const field = container.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement;
			field.value = value;
			field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
		});
	const save = () => act(() => (container.querySelector('[data-gx="hint-form"]') as HTMLFormElement).requestSubmit());
	const created = () => sendManagerMessage.mock.calls.filter(([name]) => name === 'createHint').map(([, input]) => input);

	it('offers both interfaces by default, technicians or self-service, and sends the one chosen', async () => {
		sendManagerMessage.mockResolvedValue({ ok: true, value: {} });
		await act(() => render(h(HintForm, { route: '/front/ticket.form.php' }), container));
		const select = container.querySelector('select[name="hint-interface"]') as HTMLSelectElement;
		expect([...select.options].map((option) => option.textContent)).toEqual(['Both interfaces', 'Technicians (central)', 'Self-service']);
		expect(select.value).toBe('');
		await write('hint-en', 'Pick the VPN category');
		await save();
		await write('hint-interface', 'helpdesk');
		await write('hint-en', 'Describe what you see');
		await save();
		expect(created()).toEqual([
			{ route: '/front/ticket.form.php', text: { en: 'Pick the VPN category' } },
			{ route: '/front/ticket.form.php', interface: 'helpdesk', text: { en: 'Describe what you see' } },
		]);
	});

	it('says the choices in French', async () => {
		setLanguage('fr');
		await act(() => render(h(HintForm, { route: '/front/ticket.form.php' }), container));
		const select = container.querySelector('select[name="hint-interface"]') as HTMLSelectElement;
		expect([...select.options].map((option) => option.textContent)).toEqual(['Les deux interfaces', 'Techniciens (interface standard)', 'Libre-service (interface simplifiée)']);
	});

	it('the hints list names the interface of each hint', async () => {
		const hint = (id: string, shownIn?: 'central' | 'helpdesk') => ({
			kind: 'manager',
			id,
			route: '/front/ticket.form.php',
			...(shownIn ? { interface: shownIn } : {}),
			text: { en: `Hint ${id}` },
			createdAt: '2026-11-30T08:00:00.000Z',
			updatedAt: '2026-11-30T08:00:00.000Z',
		});
		sendManagerMessage.mockResolvedValue({ ok: true, value: [hint('hint_01'), hint('hint_02', 'central'), hint('hint_03', 'helpdesk')] });
		await act(() => render(h(HintsView, null), container));
		await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
		expect([...container.querySelectorAll('[data-gx="hint-interface"]')].map((label) => label.textContent)).toEqual(['Both interfaces', 'Technicians (central)', 'Self-service']);
	});
});
