import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PatternSummary, SHOWN_GROUPS, clusterKey, popoverRoom } from '../../extension/components/pattern-summary';
import type { ClusterView, PatternView } from '../../extension/core/pattern-messages';
import { setLanguage } from '../../extension/i18n';
import { asTheUser } from '../support/user-events';

/** The summary line above a ticket list (the end-to-end test covers the groups on a captured list; spikes are here). */
const cluster = (size: number, signature: string, first: number): ClusterView => ({
	ticketIds: Array.from({ length: size }, (_, index) => first + index),
	size,
	signature,
	category: 'Network > VPN',
	sample: `${signature} sample`,
});
const view = (overrides: Partial<PatternView> = {}): PatternView => ({
	tickets: 40,
	clusters: [cluster(6, 'vpn disconnects', 1), cluster(3, 'printer jams', 20)],
	spikes: [],
	truncated: false,
	...overrides,
});

let container: HTMLElement;
beforeEach(() => {
	setLanguage('en');
	container = document.createElement('div');
	document.body.append(container);
});
afterEach(() => {
	render(null, container);
	container.remove();
});

const show = (props: Parameters<typeof PatternSummary>[0]) => act(() => render(h(PatternSummary, props), container));
const text = (selector: string) => [...container.querySelectorAll(selector)].map((element) => element.textContent?.replace(/\s+/g, ' ').trim());

describe('the ticket-pattern summary', () => {
	it('names the largest group and says each category spike in words, as an alert, in English and French', async () => {
		const spikes = [
			{ category: 'Network > VPN', count: 7, expected: 2, ratio: 3.5, ticketIds: [1, 2, 3, 4, 5, 6, 7] },
			{ category: 'Printers', count: 4, expected: 0, ratio: null, ticketIds: [20, 21, 22, 23] },
		];
		await show({ state: { status: 'ready', view: view({ spikes }) }, scope: 'page', rowCount: 20, onScope: vi.fn() });
		expect(text('[data-gx="pattern-headline"]')[0]).toContain('vpn disconnects');
		expect(text('[data-gx="pattern-headline"] .gx-swatch')).toEqual(['6']);
		expect(container.querySelector('[data-gx="pattern-headline"]')?.getAttribute('title')).toBe('6 tickets look like “vpn disconnects”');
		const alerts = [...container.querySelectorAll('[data-gx="pattern-spike"]')];
		expect(alerts.map((alert) => alert.getAttribute('role'))).toEqual(['alert', 'alert']);
		expect(text('[data-gx="pattern-spike"]')).toEqual([
			'Spike: 7 tickets in Network > VPN in the last 7 days, 3.5 times the usual',
			'Spike: 4 tickets in Printers in the last 7 days, none in the 8 weeks before',
		]);

		await act(() => setLanguage('fr'));
		await show({ state: { status: 'ready', view: view({ spikes }) }, scope: 'page', rowCount: 20, onScope: vi.fn() });
		expect(text('[data-gx="pattern-spike"]')[0]).toBe('Pic : 7 tickets en Network > VPN ces 7 derniers jours, 3.5 fois l’habitude');
	});

	it('opens the details: the spikes again, at most the first groups, and Suggest a Problem once per group', async () => {
		const many = Array.from({ length: SHOWN_GROUPS + 3 }, (_, index) => cluster(SHOWN_GROUPS + 5 - index, `group ${index}`, index * 100));
		const spikes = [{ category: 'Network > VPN', count: 5, expected: 1, ratio: 5, ticketIds: [1, 2, 3, 4, 5] }];
		const onSuggest = vi.fn();
		const props = { state: { status: 'ready' as const, view: view({ clusters: many, spikes }) }, scope: 30 as const, rowCount: 20, onScope: vi.fn() };
		await show({ ...props, suggest: { shareText: false, done: new Set<string>(), onSuggest } });
		expect(container.querySelector('[data-gx="pattern-details"]')).toBeNull();
		await act(() => (container.querySelector('[data-gx="pattern-details-toggle"]') as HTMLButtonElement).click());
		expect(text('.gx-spike-banner')).toEqual(['Spike: 5 tickets in Network > VPN in the last 7 days, 5.0 times the usual']);
		expect(container.querySelectorAll('[data-gx="pattern-group"]')).toHaveLength(SHOWN_GROUPS);
		expect(text('[data-gx="pattern-details"] > .gx-muted')).toEqual(['and 3 more groups']);

		const buttons = [...container.querySelectorAll<HTMLButtonElement>('[data-gx="suggest-problem"]')];
		// A script of GLPI's page reaches our open shadow root: its click suggests nothing.
		await act(() => buttons[1]?.click());
		expect(onSuggest).not.toHaveBeenCalled();
		const asScript = asTheUser();
		await act(() => buttons[1]?.click());
		asScript();
		expect(onSuggest).toHaveBeenCalledWith(many[1]);
		// Once suggested, the group's button is off.
		await show({ ...props, suggest: { shareText: false, done: new Set([clusterKey(many[1] as ClusterView)]), onSuggest } });
		const after = [...container.querySelectorAll<HTMLButtonElement>('[data-gx="suggest-problem"]')];
		expect(after.map((button) => button.disabled).slice(0, 3)).toEqual([false, true, false]);
	});

	it("opens the groups where the page has room: under the chip, else above it, never past the page's end", () => {
		// A 900 px window: the popover may take 540 px. Plenty of page below the chip: under it, 540 px at most.
		expect(popoverRoom({ top: 250, bottom: 270 }, 4000, 900)).toEqual({ upward: false, maxHeight: 540 });
		// The page ends 300 px below the chip: under it still (more than 240 px), as high as the room left.
		expect(popoverRoom({ top: 250, bottom: 270 }, 570, 900)).toEqual({ upward: false, maxHeight: 286 });
		// The page ends 100 px below the chip, 600 px above it: above the chip.
		expect(popoverRoom({ top: 620, bottom: 640 }, 740, 900)).toEqual({ upward: true, maxHeight: 540 });
		expect(popoverRoom({ top: 300, bottom: 320 }, 420, 900)).toEqual({ upward: true, maxHeight: 286 });
		// Little room either way: the larger side.
		expect(popoverRoom({ top: 100, bottom: 120 }, 300, 900)).toEqual({ upward: false, maxHeight: 166 });
	});

	it('opens the groups above the chip, as high as the room there, when the page ends right under it', async () => {
		const box = Element.prototype.getBoundingClientRect;
		Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, get: () => 700 });
		// The chip 560 px down a 700 px page (the window 900 px high): 118 px below it, 546 above.
		Element.prototype.getBoundingClientRect = function (this: Element) {
			const rect = this.classList.contains('gx-chip') ? { top: 560, bottom: 580, left: 0, right: 400 } : { top: 0, bottom: 0, left: 0, right: 0 };
			return { ...rect, x: rect.left, y: rect.top, width: rect.right - rect.left, height: rect.bottom - rect.top, toJSON: () => rect } as DOMRect;
		};
		try {
			await show({ state: { status: 'ready', view: view() }, scope: 'page', rowCount: 20, onScope: vi.fn() });
			await act(() => (container.querySelector('[data-gx="pattern-details-toggle"]') as HTMLButtonElement).click());
			const popover = container.querySelector<HTMLElement>('[data-gx="pattern-details"]');
			expect(popover?.hasAttribute('data-gx-upward')).toBe(true);
			expect(popover?.style.maxHeight).toBe(`${Math.min(Math.floor(window.innerHeight * 0.6), 560 - 6 - 8)}px`);
		} finally {
			Element.prototype.getBoundingClientRect = box;
			delete (document.documentElement as { scrollHeight?: number }).scrollHeight;
		}
	});

	it('says when no group was found, and shows an error as an alert', async () => {
		await show({ state: { status: 'ready', view: view({ clusters: [], tickets: 12 }) }, scope: 'page', rowCount: 12, onScope: vi.fn() });
		expect(container.querySelector('[data-gx="pattern-headline"]')).toBeNull();
		expect(container.querySelector('[data-gx="pattern-details-toggle"]')).toBeNull();
		expect(text('.gx-muted')).toContain('No repeated tickets among these 12.');
		await show({ state: { status: 'error', message: 'GLPI answered 403' }, scope: 'all', rowCount: 12, onScope: vi.fn() });
		expect(container.querySelector('[role="alert"]')?.textContent).toBe('GLPI answered 403');
	});

	it('chooses the scope from a button (no <select>, which sets off the browser\'s autofill), by mouse or keyboard', async () => {
		const onScope = vi.fn();
		await show({ state: { status: 'ready', view: view() }, scope: 'page', rowCount: 20, onScope });
		expect(container.querySelector('select')).toBeNull();
		const toggle = container.querySelector<HTMLButtonElement>('[data-gx="pattern-scope"]') as HTMLButtonElement;
		expect(toggle.textContent).toContain('this page (20 tickets)');
		expect(container.querySelector('[data-gx="pattern-scopes"]')).toBeNull();

		await act(() => toggle.click());
		expect(toggle.getAttribute('aria-expanded')).toBe('true');
		const choices = () => [...container.querySelectorAll<HTMLButtonElement>('[data-gx="pattern-scopes"] button')];
		expect(choices().map((choice) => [choice.textContent, choice.getAttribute('aria-pressed')])).toEqual([
			['this page (20 tickets)', 'true'],
			['the whole search, last 30 days', 'false'],
			['the whole search, last 90 days', 'false'],
			['the whole search', 'false'],
		]);
		// The current choice has the focus; choosing it again changes nothing.
		expect(document.activeElement?.shadowRoot ?? document.activeElement).toBe(choices()[0]);
		await act(() => choices()[0]?.click());
		expect(onScope).not.toHaveBeenCalled();

		await act(() => toggle.click());
		await act(() => choices()[3]?.click());
		expect(onScope).toHaveBeenCalledWith('all');
		expect(container.querySelector('[data-gx="pattern-scopes"]')).toBeNull();
		expect(document.activeElement).toBe(toggle);

		// Escape closes the choices and gives the focus back to the button.
		await act(() => toggle.click());
		await act(() => void choices()[1]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
		expect(container.querySelector('[data-gx="pattern-scopes"]')).toBeNull();
		expect(document.activeElement).toBe(toggle);

		await act(() => setLanguage('fr'));
		await show({ state: { status: 'ready', view: view() }, scope: 90, rowCount: 20, onScope });
		expect(container.querySelector('[data-gx="pattern-scope"]')?.textContent).toContain('toute la recherche, 90 derniers jours');
	});
});
