import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SKIP_CAPTURED } from '../support/glpi-pages';
import { arrivedSignals, backlogItems } from './support/api';
import { type ExtensionBrowser, configureExtension, launchWithExtension, removeProfile } from './support/browser';
import { type GlpiServer, startGlpiServer } from './support/glpi-server';
import { type LocalWorker, createWorkspace, startLocalWorker } from './support/worker';

/**
 * Ticket patterns in GLPI pages (issue 5), all real parts: the built extension in Chromium, the captured GLPI 10.0.17
 * ticket list and ticket form on loopback with GLPI's CSV export of all 23 tickets (6 about the VPN, 5 about a locked
 * password, 3 about a jammed printer, FACTS §1.1), and the worker under wrangler dev. Loopback only: a live GLPI's
 * tickets are not known in advance.
 */
/** Screenshots kept as test artefacts, to look at what a user sees. */
const ARTEFACTS = join(PROJECT_ROOT, 'test-results/screenshots');
const keepScreenshot = async (page: Page, name: string) => {
	mkdirSync(ARTEFACTS, { recursive: true });
	await page.screenshot({ path: join(ARTEFACTS, name) });
};

describe('ticket patterns on GLPI pages', () => {
	let worker: LocalWorker;
	let glpi: GlpiServer;
	let browser: ExtensionBrowser;
	let tokens: Awaited<ReturnType<typeof createWorkspace>>;
	let page: Page;
	const captured = () => glpi.site === 'captured';

	/** Ticket id -> the count its badge shows, for every badge in the page (they sit in the badge layer's shadow root). */
	const badges = () =>
		page.evaluate(() => {
			const found: Record<number, string> = {};
			for (const layer of document.querySelectorAll('gx-pattern-badges')) {
				for (const badge of layer.shadowRoot?.querySelectorAll('[data-gx="pattern-badge"]') ?? []) found[Number(badge.getAttribute('data-gx-ticket'))] = badge.textContent ?? '';
			}
			return found;
		});
	/** Where the badge of ticket `id` is against its title: inside the title's cell, on the title's last line. */
	const placement = (id: number) =>
		page.evaluate((ticket) => {
			const badge = [...document.querySelectorAll('gx-pattern-badges')].flatMap((layer) => [...(layer.shadowRoot?.querySelectorAll(`[data-gx-ticket="${ticket}"]`) ?? [])])[0];
			const link = document.querySelector(`table.search-results a[href$="ticket.form.php?id=${ticket}"]`);
			const cell = link?.closest('td');
			if (!badge || !link || !cell) return { missing: { badge: !badge, link: !link } };
			const box = badge.getBoundingClientRect();
			const lines = link.getClientRects();
			const last = lines[lines.length - 1] as DOMRect;
			const area = cell.getBoundingClientRect();
			return {
				inCell: box.left >= area.left - 1 && box.right <= area.right + 1,
				besideLastLine: Math.abs(box.top + box.height / 2 - (last.top + last.height / 2)) <= 2 && box.left >= Math.min(last.right, area.right - box.width - 3) - 1,
			};
		}, id);
	/** Brings the results table into view: badges are drawn for the rows near the viewport. */
	const showTable = () => page.locator('table.search-results').scrollIntoViewIfNeeded();
	/** Scrolls through the whole list, as a user reading it: the badges of the rows further down come as they near. */
	async function scrollThroughTable() {
		const rows = page.locator('table.search-results > tbody > tr');
		for (let i = 0; i < (await rows.count()); i++) await rows.nth(i).scrollIntoViewIfNeeded();
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
	}

	/** Every badge of the table: its first ones once it is in view (within `timeout`), then the rest as it is read through. */
	async function badgesOfWholeTable(timeout: number) {
		await showTable();
		await expect.poll(async () => Object.keys(await badges()).length, { timeout }).toBeGreaterThan(0);
		await scrollThroughTable();
		return badges();
	}

	beforeAll(async () => {
		[worker, glpi] = await Promise.all([startLocalWorker('patterns'), startGlpiServer()]);
		tokens = await createWorkspace(worker, `Patterns desk ${Math.random().toString(36).slice(2, 8)}`);
		browser = await launchWithExtension();
		// The self-service pages are served on a second address, as a GLPI's helpdesk host would be.
		await configureExtension(browser, { backendUrl: worker.url, token: tokens.technician, glpiUrl: [`${glpi.central}/`, `${glpi.helpdesk}/`] });
		page = await browser.context.newPage();
	});

	afterAll(async () => {
		await browser?.close();
		removeProfile(browser?.profileDir ?? '');
		await Promise.all([worker?.dispose(), glpi?.close()]);
	});

	it('badges the rows of each group of near-duplicates on the page, with its size, and names the largest group', async (context) => {
		if (!captured() || !glpi.paths.ticketListAll) return context.skip(SKIP_CAPTURED);
		await page.goto(`${glpi.central}${glpi.paths.ticketListAll}`);
		const summary = page.locator('[data-gx="pattern-summary"]');
		await summary.locator('[data-gx="pattern-headline"]').waitFor({ timeout: 20_000 });
		// The first page shows 20 of the 23 tickets: 5 of the 6 VPN tickets (#1 is on the next page), 4 of the 5
		// password tickets (#7 is not), the 3 Wi-Fi and the 3 laptop tickets. The password tickets share their category
		// but not their words: resets (#7, #9, #10) and lockouts (#8, #11) are two groups (issue 16).
		const shown = await badgesOfWholeTable(10_000);
		for (const id of [2, 3, 4, 5, 6]) expect(shown[id], `VPN ticket #${id}`).toBe('5');
		for (const id of [9, 10]) expect(shown[id], `password reset ticket #${id}`).toBe('2');
		for (const id of [8, 11]) expect(shown[id], `locked account ticket #${id}`).toBe('2');
		// Tickets in no group get no badge (#17 is the only one of its kind).
		expect(shown[17]).toBeUndefined();
		expect(await summary.locator('[data-gx="pattern-headline"]').textContent()).toMatch(/5 tickets look like “[^”]*vpn[^”]*”/i);
		// The badges sit beside the titles, not in GLPI's table: in the overlay layer, drawn where each title ends.
		expect(await page.locator('table.search-results gx-pattern-badges, table.search-results [data-gx="pattern-badge"]').count()).toBe(0);
		for (const id of [2, 8]) expect(await placement(id), `badge of #${id}`).toEqual({ inCell: true, besideLastLine: true });
		// GLPI's page moves the table (a narrower window wraps the titles anew; content comes above the list): the
		// badges follow.
		const tableTop = () => page.evaluate(() => (document.querySelector('table.search-results')?.getBoundingClientRect().top ?? 0) + window.scrollY);
		const before = await tableTop();
		await page.setViewportSize({ width: 760, height: 900 });
		await page.evaluate(() => document.querySelector('table.search-results')?.insertAdjacentHTML('beforebegin', '<div data-test-moved style="height:90px">GLPI message</div>'));
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
		expect(await tableTop()).toBeGreaterThan(before + 80);
		for (const id of [2, 8]) expect(await placement(id), `badge of #${id} after the page moved`).toEqual({ inCell: true, besideLastLine: true });
		await page.evaluate(() => document.querySelector('[data-test-moved]')?.remove());
		await page.setViewportSize({ width: 1280, height: 900 });
	});

	it("gives GLPI's results table its own paint layer from the page's first paint, before our script runs", async (context) => {
		if (!captured() || !glpi.paths.ticketListAll) return context.skip(SKIP_CAPTURED);
		// Without it, every change in our overlay layer repaints the whole table (public/content-scripts/glpi-layers.css).
		const fresh = await browser.context.newPage();
		try {
			// Read as soon as GLPI's HTML is parsed: the content script (document_idle) has not run yet.
			await fresh.addInitScript(() =>
				document.addEventListener('DOMContentLoaded', () => {
					const table = document.querySelector('table.search-results');
					const root = document.documentElement;
					root.setAttribute('data-test-isolation', table ? getComputedStyle(table).isolation : 'no table');
					root.setAttribute('data-test-script-ran', String(root.hasAttribute('data-gx-ready')));
				}),
			);
			await fresh.goto(`${glpi.central}${glpi.paths.ticketListAll}`);
			const root = fresh.locator('html');
			expect(await root.getAttribute('data-test-isolation')).toBe('isolate');
			expect(await root.getAttribute('data-test-script-ran')).toBe('false');
		} finally {
			await fresh.close();
		}
	});

	it("reads the self-service list (no checkbox column) and says that none of its 2 tickets repeat", async (context) => {
		if (!captured()) return context.skip(SKIP_CAPTURED);
		// The captured self-service list: ticket #4 (VPN) and #14 (printer), the requester's own.
		const own = await browser.context.newPage();
		try {
			await own.goto(`${glpi.helpdesk}/front/ticket.php`);
			const summary = own.locator('[data-gx="pattern-summary"]');
			await expect.poll(async () => (await summary.count()) > 0 && summary.textContent(), { timeout: 20_000 }).toContain('No repeated tickets among these 2.');
			const drawn = await own.evaluate(() => [...document.querySelectorAll('gx-pattern-badges')].flatMap((layer) => [...(layer.shadowRoot?.querySelectorAll('[data-gx="pattern-badge"]') ?? [])]).length);
			expect(drawn).toBe(0);
		} finally {
			await own.close();
		}
	});

	it("reads GLPI's export of the whole search when asked, and names every group: 6 VPN, 3 password resets, 3 printer tickets", async (context) => {
		if (!captured() || !glpi.paths.ticketListAll) return context.skip(SKIP_CAPTURED);
		const summary = page.locator('[data-gx="pattern-summary"]');
		await summary.locator('[data-gx="pattern-scope"]').click();
		await summary.locator('[data-gx="pattern-scopes"] [data-gx-scope="all"]').click();
		await expect.poll(async () => summary.locator('[data-gx="pattern-headline"]').textContent(), { timeout: 20_000 }).toMatch(/^\s*6\s*6 tickets look like/);
		await summary.locator('[data-gx="pattern-details-toggle"]').click();
		const groups = summary.locator('[data-gx="pattern-details"] [data-gx="pattern-group"]');
		const named = await groups.allTextContents();
		expect(named[0]).toMatch(/6 tickets look like “[^”]*vpn[^”]*”/i);
		expect(named).toEqual(
			expect.arrayContaining([expect.stringMatching(/3 tickets look like “[^”]*password[^”]*”/i), expect.stringMatching(/3 tickets look like “[^”]*printer[^”]*”/i)]),
		);
		expect(await summary.textContent()).toContain('among 23 tickets');
		await keepScreenshot(page, 'overlay-patterns-summary.png');
		await showTable();
		await scrollThroughTable();
		await expect.poll(async () => (await badges())[2], { timeout: 10_000 }).toBe('6');
		const shown = await badges();
		for (const id of [2, 3, 4, 5, 6]) expect(shown[id], `VPN ticket #${id}`).toBe('6');
		for (const id of [9, 10]) expect(shown[id], `password reset ticket #${id}`).toBe('3');
		for (const id of [8, 11]) expect(shown[id], `locked account ticket #${id}`).toBe('2');
		for (const id of [13, 14]) expect(shown[id], `printer ticket #${id}`).toBe('3');
		await keepScreenshot(page, 'overlay-patterns-badges.png');
	});

	it('badges the list again when GLPI re-renders it by AJAX (sorting, paging), in the scope chosen last', async (context) => {
		if (!captured() || !glpi.paths.ticketListAll) return context.skip(SKIP_CAPTURED);
		// What GLPI's fluid search does on a sort: the results container's content replaced by new HTML, here the same
		// rows in reverse order.
		await page.evaluate(() => {
			const container = document.querySelector('.ajax-container.search-display-data');
			if (!container) throw new Error('no results container');
			// GLPI's new HTML comes from its server: none of our elements in it.
			const copy = container.cloneNode(true) as Element;
			for (const ours of copy.querySelectorAll('gx-pattern-badges, gx-pattern-highlights')) ours.remove();
			const body = copy.querySelector<HTMLTableElement>('table.search-results')?.tBodies[0];
			if (!body) throw new Error('no results table');
			for (const row of [...body.rows].reverse()) body.append(row);
			container.innerHTML = copy.innerHTML;
		});
		await expect.poll(() => page.locator('gx-pattern-badges').count(), { timeout: 10_000 }).toBe(1);
		// The new table's first badges (GLPI's export comes from the background's cache now), then the rest as the
		// list is scrolled through.
		const shown = await badgesOfWholeTable(20_000);
		for (const id of [2, 3, 4, 5, 6]) expect(shown[id], `VPN ticket #${id}`).toBe('6');
		for (const id of [9, 10]) expect(shown[id], `password reset ticket #${id}`).toBe('3');
		for (const id of [8, 11]) expect(shown[id], `locked account ticket #${id}`).toBe('2');
		// The new rows are the ones badged: the first row of the table is now ticket #2.
		expect(await page.locator('table.search-results tbody tr').first().locator('a[href*="ticket.form.php?id=2"]').count()).toBe(1);
		expect(await page.locator('[data-gx="pattern-summary"]').count()).toBe(1);

		// GLPI takes the list away (another tab loaded by AJAX): its summary and badges, which float over it, go too.
		await page.evaluate(() => document.querySelector('.ajax-container.search-display-data')?.replaceChildren());
		await expect.poll(() => page.locator('gx-pattern-badges, gx-pattern-highlights').count(), { timeout: 5_000 }).toBe(0);
	});

	it('lists similar tickets on a ticket form, and "Suggest a Problem" sends a pattern with no ticket text', async () => {
		await page.goto(`${glpi.central}${glpi.paths.ticketForm}`);
		const panel = page.locator('[data-gx="similar-tickets"]');
		const links = panel.locator('[data-gx="similar-list"] a');
		await links.first().waitFor({ timeout: 20_000 });
		const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
		expect(hrefs.length).toBeGreaterThan(0);
		expect(hrefs.length).toBeLessThanOrEqual(5);
		for (const href of hrefs) expect(href).toMatch(new RegExp(`^${glpi.central.replace(/[.]/g, '\\.')}/front/ticket\\.form\\.php\\?id=\\d+$`));
		// The form's own ticket is not similar to itself.
		const own = Number(new URL(`${glpi.central}${glpi.paths.ticketForm}`).searchParams.get('id'));
		const ids = hrefs.map((href) => Number(new URL(href).searchParams.get('id')));
		expect(ids).not.toContain(own);
		// Captured ticket #5 is one of the 6 VPN tickets: the others come first.
		if (captured()) expect(ids.slice(0, 4).every((id) => [1, 2, 3, 4, 6].includes(id))).toBe(true);
		await panel.scrollIntoViewIfNeeded();
		await keepScreenshot(page, 'overlay-similar-tickets.png');

		await panel.locator('[data-gx="suggest-problem"]').click();
		await panel.locator('[data-gx="toast"]').waitFor({ timeout: 5_000 });
		const popup = await browser.openExtensionPage('popup.html');
		await popup.locator('[data-gx="sync-now"]').click();
		await popup.close();

		const patterns = await expect
			.poll(async () => (await arrivedSignals(worker, tokens.manager)).filter((signal) => signal.kind === 'pattern'), { timeout: 30_000, interval: 300 })
			.toHaveLength(1)
			.then(async () => (await arrivedSignals(worker, tokens.manager)).filter((signal) => signal.kind === 'pattern'));
		const [signal] = patterns;
		// The workspace shares no ticket text (the default): ids, size and words only.
		expect(signal?.text).toBeUndefined();
		// Signals are stored as sent: the evidence is the signal itself.
		const pattern = signal?.pattern;
		expect(pattern?.type).toBe('duplicates');
		expect(pattern?.ticketIds).toContain(own);
		expect(pattern?.size).toBe(pattern?.ticketIds.length);
		expect(pattern?.signature).toMatch(/\w/);
		if (captured()) expect([...(pattern?.ticketIds ?? [])].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
		const serialised = JSON.stringify(signal);
		if (captured()) for (const title of ['VPN disconnects every 10 minutes', 'Cannot connect to VPN from home', 'VPN drops after Windows update']) expect(serialised).not.toContain(title);
		const items = await backlogItems(worker, tokens.manager);
		expect(items.find((item) => item.kind === 'pattern')?.title).toMatch(/duplicates: .+ \(\d+ tickets\)/);
	});
});
