import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serviceFiguresView } from '../../extension/background/plans-api';
import { ServiceFiguresPanel } from '../../extension/components/manager/service-figures-panel';
import type { FiguresView } from '../../extension/core/manager-messaging';
import { DEFAULT_SETTINGS, settingsStorage, tokenStorage } from '../../extension/core/storage';
import { setLanguage } from '../../extension/i18n';
import '../../extension/i18n/manager';
import { packReading } from '../../shared/improvement/packed-reading';
import { type KnownFigures, type WeekCell, SOLVE_BUCKETS, emptyCell } from '../../shared/improvement/weekly-figures';

/**
 * The dashboard's rows of GLPI's service figures per category (issue 17): built by the background from the worker's
 * packed reading, shown by the popup. Hand-made weeks whose right answers are worked out below.
 */
const sendManagerMessage = vi.hoisted(() => vi.fn());
vi.mock('../../extension/core/manager-messaging', async (original) => ({ ...(await original<object>()), sendManagerMessage }));

// Thursday of 2026-W48: the dashboard's 4 whole weeks are W44 to W47.
const NOW = Date.parse('2026-11-26T10:00:00Z');
const ALL_KNOWN: KnownFigures = { solved: true, deadline: true, reopen: true, satisfaction: true };
/** Solve times in the 2 to 4 hours bucket (index 2): the median of such tickets alone is 3 hours. */
const twoToFourHours = (count: number) => Object.assign(new Array<number>(SOLVE_BUCKETS).fill(0), { 2: count });

function cell(week: string, category: string, figures: Partial<WeekCell>, known = ALL_KNOWN): WeekCell {
	return { ...emptyCell(week, category, known), ...figures };
}

/**
 * VPN: 4 tickets in W44, none in W46, 12 in W47; W45 was read by nobody (unknown, not empty). Its parent "Network" has
 * 2 tickets of its own in W46; "Printing" one in W44.
 */
const READING = packReading({
	from: '2026-W44',
	to: '2026-W47',
	missing: ['2026-W45'],
	known: ALL_KNOWN,
	cells: [
		cell('2026-W44', 'Network > VPN', { opened: 4, solved: 4, solveHours: twoToFourHours(4), withDeadline: 4, late: 1, reopened: 0, satisfactionCount: 2, satisfactionSum: 8 }),
		cell('2026-W44', 'Printing', { opened: 1 }),
		cell('2026-W46', 'Network', { opened: 2 }),
		cell('2026-W47', 'Network > VPN', { opened: 12, solved: 4, solveHours: twoToFourHours(4), withDeadline: 4, late: 3, reopened: 2, satisfactionCount: 2, satisfactionSum: 6 }),
	],
});

function worker(body: unknown) {
	const fetch = vi.fn(async (input: Request | string, init?: RequestInit) => {
		const request = input instanceof Request ? input : new Request(input, init);
		expect(new URL(request.url).pathname).toBe('/v1/service-figures');
		return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
	});
	vi.stubGlobal('fetch', fetch);
	return fetch;
}

describe("the dashboard's rows of GLPI's figures, per category", () => {
	beforeEach(async () => {
		fakeBrowser.reset();
		await settingsStorage.setValue({ ...DEFAULT_SETTINGS, backendUrl: 'http://127.0.0.1:8787' });
		await tokenStorage.setValue('token');
	});
	afterEach(() => vi.unstubAllGlobals());

	it('asks the worker for the last whole weeks, and lists the categories busiest first', async () => {
		const fetch = worker({ reading: READING, weeks: [{ week: '2026-W44', readAt: '2026-11-05T09:00:00.000Z' }, { week: '2026-W47', readAt: '2026-11-24T09:00:00.000Z' }] });
		const result = await serviceFiguresView(4, NOW);
		const asked = new URL(String(fetch.mock.calls[0]?.[0] instanceof Request ? (fetch.mock.calls[0][0] as Request).url : fetch.mock.calls[0]?.[0]));
		expect([asked.searchParams.get('from'), asked.searchParams.get('to')]).toEqual(['2026-W44', '2026-W47']);
		if (!result.ok) throw new Error(result.error);
		expect(result.value).toMatchObject({ from: '2026-W44', to: '2026-W47', weeks: ['2026-W44', '2026-W45', '2026-W46', '2026-W47'], missing: ['2026-W45'], readAt: '2026-11-24T09:00:00.000Z' });
		expect(result.value.categories.map((row) => row.category)).toEqual(['Network > VPN', 'Network', 'Printing']);
	});

	it('counts a week nobody read as unknown and a week without tickets as 0, and each figure from its own tickets', async () => {
		worker({ reading: READING, weeks: [] });
		const result = await serviceFiguresView(4, NOW);
		if (!result.ok) throw new Error(result.error);
		const [vpn, network] = result.value.categories;
		expect(vpn).toEqual({
			category: 'Network > VPN',
			perWeek: [4, null, 0, 12],
			// 16 tickets over the 3 weeks that were read.
			openedPerWeek: 16 / 3,
			medianHours: 3,
			// Late 1 + 3 of 8 with a deadline; reopened 2 of 8 solved; 14 stars in 4 answers.
			lateShare: 0.5,
			reopenShare: 0.25,
			satisfaction: 3.5,
			satisfactionAnswers: 4,
			// 12 a week in W46-W47 against 4 a week in W44 (W45 unknown): up 1.5 times.
			trend: 1.5,
		});
		// The parent's line counts its own tickets, not its sub-category's; none solved: unknown, never 0.
		expect(network).toEqual({ category: 'Network', perWeek: [0, null, 2, 0], openedPerWeek: 2 / 3, medianHours: null, lateShare: null, reopenShare: null, satisfaction: null, satisfactionAnswers: 0, trend: null });
	});

	it('gives unknown for what the export lacked, and nothing at all before any reading', async () => {
		const known: KnownFigures = { solved: true, deadline: false, reopen: false, satisfaction: false };
		worker({ reading: packReading({ from: '2026-W46', to: '2026-W47', known, cells: [cell('2026-W47', 'Printing', { opened: 3, solved: 2, solveHours: twoToFourHours(2) }, known)] }), weeks: [] });
		const lacking = await serviceFiguresView(4, NOW);
		if (!lacking.ok) throw new Error(lacking.error);
		expect(lacking.value.categories).toEqual([{ category: 'Printing', perWeek: [0, 3], openedPerWeek: 1.5, medianHours: 3, lateShare: null, reopenShare: null, satisfaction: null, satisfactionAnswers: 0, trend: null }]);

		worker({ reading: null, weeks: [] });
		const none = await serviceFiguresView(4, NOW);
		expect(none.ok && none.value.categories).toEqual([]);
	});
});

describe('the rows on the dashboard', () => {
	let container: HTMLElement;
	beforeEach(() => {
		container = document.createElement('div');
		document.body.append(container);
	});
	afterEach(() => {
		render(null, container);
		container.remove();
		setLanguage('en');
	});

	const view = async (): Promise<FiguresView> => {
		fakeBrowser.reset();
		await settingsStorage.setValue({ ...DEFAULT_SETTINGS, backendUrl: 'http://127.0.0.1:8787' });
		await tokenStorage.setValue('token');
		worker({ reading: READING, weeks: [{ week: '2026-W47', readAt: '2026-11-24T09:00:00.000Z' }] });
		const result = await serviceFiguresView(4, NOW);
		vi.unstubAllGlobals();
		if (!result.ok) throw new Error(result.error);
		return result.value;
	};
	/** The row's cells in words; the weekly line's cell (an SVG with its label) is checked on its own. */
	const cells = (category: string) =>
		[...(container.querySelector(`[data-gx-category="${category}"]`)?.querySelectorAll('th, td') ?? [])].map((cell) => (cell.querySelector('svg') ? 'chart' : cell.textContent));

	it('shows one row per category with its figures in words, unknown where nothing says, in English and French', async () => {
		const figures = await view();
		sendManagerMessage.mockResolvedValue({ ok: true, value: figures });
		setLanguage('en');
		await act(() => render(h(ServiceFiguresPanel, {}), container));
		await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
		expect(sendManagerMessage).toHaveBeenCalledWith('serviceFigures', { weeks: 12 });
		expect([...container.querySelectorAll('[data-gx-category]')].map((row) => row.getAttribute('data-gx-category'))).toEqual(['Network > VPN', 'Network', 'Printing']);
		expect(cells('Network > VPN')).toEqual(['Network > VPN', 'chart', '5.3 a week', '3.0 h', '50 %', '25 %', '3.5 / 5 (4)', 'up ×1.50']);
		expect(cells('Network')).toEqual(['Network', 'chart', '0.7 a week', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
		expect(container.querySelector('[data-gx-category="Network > VPN"] svg')?.getAttribute('aria-label')).toBe('Network > VPN: tickets opened per week, oldest first: 4, ?, 0, 12');
		expect(container.textContent).toContain('No reading covered 1 of these weeks: they are unknown, not empty.');

		await act(() => render(null, container));
		setLanguage('fr');
		await act(() => render(h(ServiceFiguresPanel, {}), container));
		await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
		expect(cells('Network')).toEqual(['Network', 'chart', '0.7 par semaine', 'inconnu', 'inconnu', 'inconnu', 'inconnu', 'inconnu']);
	});
});
