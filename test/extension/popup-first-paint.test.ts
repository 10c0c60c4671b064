import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BacklogItemSchema, type BacklogItem } from '../../shared/schemas/backlog';
import { BacklogView, FIRST_PAINT_ROWS } from '../../extension/components/manager/backlog-view';
import { lazyView } from '../../extension/components/manager/lazy-view';
import { DEFAULT_FILTERS } from '../../extension/core/manager-messaging';
import '../../extension/i18n/manager';
import { staticImports } from '../support/static-imports';
import { testContainer } from '../support/test-container';

/** What the popup loads and renders before it shows a cached backlog (goal: under 150 ms, docs/BENCHMARKS.md). */
const sendManagerMessage = vi.hoisted(() => vi.fn());
vi.mock('../../extension/core/manager-messaging', async (original) => ({ ...(await original<object>()), sendManagerMessage }));

describe("the popup's first paint loads only what it shows", () => {
	const loaded = staticImports('extension/entrypoints/popup/main.tsx');

	it('follows the imports (the backlog view and the storage read are found)', () => {
		expect(loaded).toContain('extension/components/manager/backlog-view.tsx');
		expect(loaded).toContain('extension/core/popup-boot.ts');
		expect(loaded).toContain('package:preact');
	});

	it('leaves the item, the dashboard, the hints and enrollment to be loaded when first shown', () => {
		for (const view of ['item-view', 'dashboard-view', 'hints-view', 'enrollment-view', 'plan-panel', 'plan-export', 'service-figures-panel']) {
			expect(loaded, `${view} must be loaded on demand (lazyView), not before the first paint`).not.toContain(`extension/components/manager/${view}.tsx`);
		}
		expect([...loaded].filter((name) => name.startsWith('extension/components/charts/'))).toEqual(['extension/components/charts/sparkline.tsx']);
	});

	it('reads storage directly, without WXT storage items (each runs a read of its own as it is defined) and without zod', () => {
		expect(loaded).not.toContain('extension/core/storage.ts');
		expect(loaded).not.toContain('package:@wxt-dev/storage');
		expect(loaded).not.toContain('package:zod');
	});
});

const item = (index: number): BacklogItem =>
	BacklogItemSchema.parse({
		id: `item_${String(index).padStart(5, '0')}`,
		title: `Item ${index}`,
		kind: 'idea',
		status: 'new',
		score: 50 - index,
		signalCount: 3,
		reporterCount: 2,
		firstSeen: '2026-11-20T08:00:00.000Z',
		lastSeen: '2026-11-30T08:00:00.000Z',
		route: '/front/ticket.form.php',
		tags: [],
	});

const container = testContainer();
beforeEach(() => {
	sendManagerMessage.mockReset();
	// The fresh list never answers here: what shows is the cached one.
	sendManagerMessage.mockImplementation(() => new Promise(() => undefined));
});

describe("the backlog's first paint", () => {
	it('renders the rows of the first screen, then the rest of the cached page once that frame is painted', async () => {
		const items = Array.from({ length: 50 }, (_, index) => item(index));
		const rows = () => [...container.querySelectorAll('[data-gx-item]')].map((row) => row.getAttribute('data-gx-item'));
		render(h(BacklogView, { filters: DEFAULT_FILTERS, onFilters: vi.fn(), items, onItems: vi.fn(), onOpen: vi.fn(), cachedAt: '2026-11-30T08:00:00.000Z' }), container);
		// Enough rows to fill a popup 600 px high (about eight), far fewer than the page of fifty.
		expect(rows().length).toBeGreaterThanOrEqual(8);
		expect(rows().length).toBeLessThan(items.length);
		expect(rows()).toEqual(items.slice(0, FIRST_PAINT_ROWS).map((entry) => entry.id));
		await vi.waitFor(() => expect(rows()).toHaveLength(50));
		expect(rows()).toEqual(items.map((entry) => entry.id));
	});

	it('shows a short list whole at once', () => {
		const items = [item(1), item(2)];
		render(h(BacklogView, { filters: DEFAULT_FILTERS, onFilters: vi.fn(), items, onItems: vi.fn(), onOpen: vi.fn(), cachedAt: null }), container);
		expect(container.querySelectorAll('[data-gx-item]')).toHaveLength(2);
	});
});

describe('views loaded on first showing (lazyView)', () => {
	const View = ({ name }: { name: string }) => h('p', { 'data-gx': 'lazy' }, `view ${name}`);

	it('says it is loading, then shows the view; once loaded, it shows at once', async () => {
		let finish: (view: typeof View) => void = () => undefined;
		const load = vi.fn(() => new Promise<typeof View>((resolve) => (finish = resolve)));
		const Lazy = lazyView(load);
		await act(() => render(h(Lazy, { name: 'one' }), container));
		expect(container.textContent).toBe('Loading…');
		await act(async () => finish(View));
		await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
		expect(container.textContent).toBe('view one');
		await act(() => render(null, container));
		render(h(Lazy, { name: 'two' }), container);
		expect(container.textContent).toBe('view two');
		expect(load).toHaveBeenCalledTimes(1);
	});

	it('preload fetches the code ahead of the first showing, once', async () => {
		const load = vi.fn(async () => View);
		const Lazy = lazyView(load);
		await Promise.all([Lazy.preload(), Lazy.preload()]);
		render(h(Lazy, { name: 'ready' }), container);
		expect(container.textContent).toBe('view ready');
		expect(load).toHaveBeenCalledTimes(1);
	});

	it('says so when the code cannot be loaded, and tries again on the next showing', async () => {
		const load = vi.fn().mockRejectedValueOnce(new Error('gone')).mockResolvedValue(View);
		const Lazy = lazyView(load);
		await act(() => render(h(Lazy, { name: 'x' }), container));
		await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
		expect(container.querySelector('.gx-error')?.textContent).toBe('This view could not be loaded. Close the popup and open it again.');
		await act(() => render(null, container));
		await act(() => render(h(Lazy, { name: 'again' }), container));
		await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
		expect(container.textContent).toBe('view again');
		expect(load).toHaveBeenCalledTimes(2);
	});
});
