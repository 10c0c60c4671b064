import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BacklogItemSchema, type BacklogItem } from '../../shared/schemas/backlog';
import { BacklogRow } from '../../extension/components/manager/backlog-row';
import { ItemView } from '../../extension/components/manager/item-view';
import { setLanguage } from '../../extension/i18n';
import '../../extension/i18n/manager';

/** The manager's views of one backlog item, in the popup (the end-to-end test covers them against a real worker). */
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

let container: HTMLElement;
beforeEach(() => {
	setLanguage('en');
	container = document.createElement('div');
	document.body.append(container);
	sendManagerMessage.mockReset();
});
afterEach(() => {
	render(null, container);
	container.remove();
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
