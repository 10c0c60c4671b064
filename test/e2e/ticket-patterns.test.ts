import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SKIP_CAPTURED } from '../support/glpi-pages';
import { arrivedSignals, backlogItems } from './support/api';
import { type ExtensionBrowser, configureExtension, launchWithExtension, removeProfile } from './support/browser';
import { type GlpiSite, LIVE_SKIPS, openSite } from './support/site';
import { type LocalWorker, createWorkspace, startLocalWorker } from './support/worker';

/**
 * Ticket patterns in GLPI pages (issue 5), all real parts: the built extension in Chromium, the captured GLPI 10.0.17
 * ticket list and ticket form on loopback with GLPI's CSV export of all 23 tickets (6 about the VPN, 5 about a locked
 * password, 3 about a jammed printer, FACTS §1.1), and the worker under wrangler dev.
 * On a live GLPI (docs/DEVELOPMENT.md, "Live GLPI") its tickets are not known in advance: the same scenarios check what
 * must hold whatever they are (every member of a group on the page is badged with the group's size, the whole search
 * counts GLPI's own total, GLPI's own AJAX sort is badged anew, a badged ticket's form lists similar tickets).
 */
/** Screenshots kept as test artefacts, to look at what a user sees. */
const ARTEFACTS = join(PROJECT_ROOT, 'test-results/screenshots');
const keepScreenshot = async (page: Page, name: string) => {
	mkdirSync(ARTEFACTS, { recursive: true });
	await page.screenshot({ path: join(ARTEFACTS, name) });
};

describe('ticket patterns on GLPI pages', () => {
	let worker: LocalWorker;
	let site: GlpiSite;
	let browser: ExtensionBrowser;
	let tokens: Awaited<ReturnType<typeof createWorkspace>>;
	let page: Page;
	/** The captured pages on loopback (our fixtures have no ticket list of all tickets, nor its export). */
	const captured = () => !site.live && site.ticketListAll !== undefined;
	/** On a live GLPI: badges seen on the whole search (ticket id -> count), and a ticket in a group, for the form. */
	let liveWhole: Record<number, string> = {};
	let liveRows: number[] = [];
	let liveScope: 'page' | 'all' = 'page';
	let liveGrouped: number | undefined;

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
	/**
	 * What GLPI draws over one of our controls at its centre, if anything: on a live GLPI, its sticky list header
	 * (div.card-header.search-header, z-index 1021) covers the patterns summary (issue 14, item 1), which the captured
	 * pages, served without GLPI's styles, cannot show.
	 */
	const coveredBy = (control: ReturnType<Page['locator']>) =>
		control.evaluate((element) => {
			const box = element.getBoundingClientRect();
			const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
			return !hit || hit.tagName.startsWith('GX-') ? null : `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}`;
		});
	/** The ticket ids of GLPI's results table, in its order. */
	const tableRows = () => page.locator('table.search-results a[href*="ticket.form.php?id="]').evaluateAll((links) => [...new Set(links.map((link) => Number(new URL((link as HTMLAnchorElement).href).searchParams.get('id'))))]);
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
		[worker, site] = await Promise.all([startLocalWorker('patterns'), openSite()]);
		tokens = await createWorkspace(worker, `Patterns desk ${Math.random().toString(36).slice(2, 8)}`);
		browser = await launchWithExtension();
		// The self-service pages are served on a second address, as a GLPI's helpdesk host would be.
		await configureExtension(browser, { backendUrl: worker.url, token: tokens.technician, glpiUrl: [`${site.central}/`, ...(site.helpdesk ? [`${site.helpdesk}/`] : [])] });
		page = await browser.context.newPage();
		await site.ensureLoggedIn(page);
	});

	afterAll(async () => {
		await browser?.close();
		removeProfile(browser?.profileDir ?? '');
		await Promise.all([worker?.dispose(), site?.close()]);
	});

	it('badges the rows of each group of near-duplicates on the page, with its size, and names the largest group', async (context) => {
		if (!site.ticketListAll) return context.skip(SKIP_CAPTURED);
		await page.goto(site.ticketListAll);
		const summary = page.locator('[data-gx="pattern-summary"]');
		if (site.live) {
			await expect.poll(async () => (await summary.count()) > 0 && summary.textContent(), { timeout: 20_000 }).toMatch(/tickets look like|No repeated tickets/);
			if ((await summary.locator('[data-gx="pattern-headline"]').count()) === 0) return context.skip('live GLPI: no near-duplicate tickets on the first page of its list of all tickets');
			const shown = await badgesOfWholeTable(10_000);
			// Whatever the tickets: every badge is a group's size, and every member of a group on this page is badged
			// with it, so each size shows a multiple of itself; the headline names the largest.
			const counts = Object.values(shown).map(Number);
			for (const size of new Set(counts)) expect(counts.filter((count) => count === size).length % size, `badges of size ${size}`).toBe(0);
			expect(counts.every((count) => count >= 2)).toBe(true);
			const largest = Math.max(...counts);
			expect(await summary.locator('[data-gx="pattern-headline"]').textContent()).toMatch(new RegExp(`${largest} tickets look like “[^”]+”`));
			// Only rows of GLPI's table are badged, each beside its title.
			const rows = await tableRows();
			for (const id of Object.keys(shown).map(Number)) expect(rows, `badge of #${id}`).toContain(id);
			for (const id of Object.keys(shown).map(Number).slice(0, 3)) expect(await placement(id), `badge of #${id}`).toEqual({ inCell: true, besideLastLine: true });
			// For the scenarios below, in case the whole search cannot be asked for: this page's badges and a grouped ticket.
			liveWhole = shown;
			liveRows = rows;
			liveGrouped = Number(Object.entries(shown).find(([, count]) => Number(count) === largest)?.[0]);
			return;
		}
		if (!captured()) return context.skip(SKIP_CAPTURED);
		await summary.locator('[data-gx="pattern-headline"]').waitFor({ timeout: 20_000 });
		// Without GLPI's stylesheet, GLPI's own controls fill the list's header: the chip has no room there and becomes a
		// bar above the list, reachable, rather than run past the header's end and widen the page.
		await expect.poll(() => page.evaluate(() => document.querySelector('gx-pattern-highlights')?.hasAttribute('data-gx-docked')), { timeout: 5_000 }).toBe(false);
		const widths = await page.evaluate(() => {
			const ours = [...document.querySelectorAll<HTMLElement>('gx-layer, gx-pattern-highlights')];
			const withUs = document.documentElement.scrollWidth;
			for (const element of ours) element.style.setProperty('display', 'none', 'important');
			const withoutUs = document.documentElement.scrollWidth;
			for (const element of ours) element.style.removeProperty('display');
			return { withUs, withoutUs };
		});
		expect(widths.withUs).toBe(widths.withoutUs);
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
		if (!site.ticketListAll) return context.skip(SKIP_CAPTURED);
		const list = site.ticketListAll;
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
			await fresh.goto(list);
			const root = fresh.locator('html');
			expect(await root.getAttribute('data-test-isolation')).toBe('isolate');
			expect(await root.getAttribute('data-test-script-ran')).toBe('false');
		} finally {
			await fresh.close();
		}
	});

	it("lays out only the overlay's own part when a box of ours comes or goes, never the page from its root", async (context) => {
		if (!site.ticketListAll) return context.skip(SKIP_CAPTURED);
		// Chromium lays out from the document's root when an absolutely placed box comes or goes, unless an ancestor can
		// be laid out alone (core/overlay-layer.ts). Read from the browser's own trace of its layouts.
		const fresh = await browser.context.newPage();
		try {
			await fresh.goto(site.ticketListAll);
			await expect.poll(() => fresh.locator('[data-gx="pattern-summary"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
			const elements = await fresh.evaluate(() => document.getElementsByTagName('*').length);
			const session = await browser.context.newCDPSession(fresh);
			const events: { name: string; args?: { beginData?: { partialLayout?: boolean; totalObjects?: number } } }[] = [];
			session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as typeof events)));
			const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
			await session.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
			// What our features do: an absolutely placed box comes where the badges' host is, then goes; a frame after each.
			const frame = () => fresh.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
			await fresh.evaluate(() => {
				const probe = document.createElement('gx-test-probe');
				probe.setAttribute('style', 'position:absolute;left:12px;top:12px;width:40px;height:18px');
				probe.textContent = '12';
				(document.querySelector('gx-pattern-badges') ?? document.querySelector('gx-pattern-highlights[data-gx-docked]'))?.parentElement?.append(probe);
			});
			await frame();
			await fresh.evaluate(() => document.querySelector('gx-test-probe')?.remove());
			await frame();
			await session.send('Tracing.end');
			await complete;
			await session.detach();
			const layouts = events.filter((event) => event.name === 'Layout').map((event) => event.args?.beginData ?? {});
			expect(layouts.length).toBeGreaterThanOrEqual(2);
			for (const layout of layouts) {
				expect(layout.partialLayout, JSON.stringify(layout)).toBe(true);
				expect(layout.totalObjects ?? Number.POSITIVE_INFINITY).toBeLessThan(elements / 4);
			}
		} finally {
			await fresh.close();
		}
	});

	it("reads the self-service list (no checkbox column) and says that none of its 2 tickets repeat", async (context) => {
		if (!captured()) return context.skip(site.live ? LIVE_SKIPS.oneAccount : SKIP_CAPTURED);
		// The captured self-service list: ticket #4 (VPN) and #14 (printer), the requester's own.
		const own = await browser.context.newPage();
		try {
			await own.goto(`${site.helpdesk}/front/ticket.php`);
			const summary = own.locator('[data-gx="pattern-summary"]');
			await expect.poll(async () => (await summary.count()) > 0 && summary.textContent(), { timeout: 20_000 }).toContain('No repeated tickets among these 2.');
			const drawn = await own.evaluate(() => [...document.querySelectorAll('gx-pattern-badges')].flatMap((layer) => [...(layer.shadowRoot?.querySelectorAll('[data-gx="pattern-badge"]') ?? [])]).length);
			expect(drawn).toBe(0);
		} finally {
			await own.close();
		}
	});

	it("reads GLPI's export of the whole search when asked, and names every group: 6 VPN, 3 password resets, 3 printer tickets", async (context) => {
		if (!site.ticketListAll) return context.skip(SKIP_CAPTURED);
		if (site.live && page.url() !== site.ticketListAll) await page.goto(site.ticketListAll);
		const summary = page.locator('[data-gx="pattern-summary"]');
		if (site.live) {
			await summary.locator('[data-gx="pattern-scope"]').scrollIntoViewIfNeeded();
			const cover = await coveredBy(summary.locator('[data-gx="pattern-scope"]'));
			if (cover) return context.skip(`live GLPI: GLPI's ${cover} covers the summary's scope button, which cannot be clicked (issue 14, item 1); this runs again once that is fixed`);
		}
		await summary.locator('[data-gx="pattern-scope"]').click();
		await summary.locator('[data-gx="pattern-scopes"] [data-gx-scope="all"]').click();
		if (site.live) {
			// GLPI's own count of the search's tickets (the results form's data-count, FACTS.md §2.1): the export read them all.
			const total = await page.locator('form[data-search-itemtype="Ticket"]').first().getAttribute('data-count');
			await expect.poll(async () => summary.textContent(), { timeout: 30_000 }).toContain(`among ${total} tickets`);
			const headline = (await summary.locator('[data-gx="pattern-headline"]').count()) ? await summary.locator('[data-gx="pattern-headline"]').textContent() : null;
			if (!headline) return context.skip(`live GLPI: no near-duplicate tickets among its ${total}`);
			const largest = Number(/(\d+) tickets look like/.exec(headline)?.[1]);
			await summary.locator('[data-gx="pattern-details-toggle"]').click();
			// Each group's size as it says it in words (its colour swatch before the words also shows the size).
			const named = await summary.locator('[data-gx="pattern-details"] [data-gx="pattern-group"]').evaluateAll((groups) => groups.map((group) => group.textContent?.replace(group.querySelector('.gx-swatch')?.textContent ?? '', '') ?? ''));
			const sizes = named.map((line) => Number(/^(\d+) tickets look like/.exec(line.trim())?.[1]));
			expect(sizes[0]).toBe(largest);
			expect(sizes.every((size) => size >= 2 && size <= largest)).toBe(true);
			await keepScreenshot(page, 'live-patterns-summary.png');
			// Badges now count the whole search: never fewer than on the page, never more than the largest group.
			liveWhole = await badgesOfWholeTable(20_000);
			liveRows = await tableRows();
			liveScope = 'all';
			const counts = Object.values(liveWhole).map(Number);
			expect(Math.max(...counts)).toBe(largest);
			expect(counts.every((count) => count >= 2)).toBe(true);
			liveGrouped = Number(Object.entries(liveWhole).find(([, count]) => Number(count) === largest)?.[0]);
			await keepScreenshot(page, 'live-patterns-badges.png');
			return;
		}
		if (!captured()) return context.skip(SKIP_CAPTURED);
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
		if (site.live) {
			if (Object.keys(liveWhole).length === 0) return context.skip('live GLPI: no badges on its list of all tickets to compare after a re-render');
			// GLPI's own AJAX sort: a click on the ID column's header replaces the results by new HTML from the server.
			await page.evaluate(() => document.querySelector('table.search-results')?.setAttribute('data-test-before-sort', ''));
			await page.locator('table.search-results th[data-searchopt-id="2"]').click();
			await page.locator('table.search-results:not([data-test-before-sort])').waitFor({ timeout: 20_000 });
			await expect.poll(() => page.locator('gx-pattern-badges').count(), { timeout: 10_000 }).toBe(1);
			const shown = await badgesOfWholeTable(20_000);
			const rows = await tableRows();
			expect(rows).not.toEqual(liveRows);
			// The same groups in the scope chosen last: a ticket shown before and after has the same badge, or none both
			// times (the whole search's groups do not depend on the page; a page's groups do, on the same tickets only).
			const both = rows.filter((id) => liveRows.includes(id));
			const sameTickets = both.length === liveRows.length && rows.length === liveRows.length;
			if (liveScope === 'all' || sameTickets) for (const id of both) expect(shown[id], `badge of #${id} after GLPI's sort (scope ${liveScope})`).toBe(liveWhole[id]);
			// When the whole search fits on one page, the sort shows the same tickets: every badge is compared.
			const form = page.locator('form[data-search-itemtype="Ticket"]').first();
			if (Number(await form.getAttribute('data-count')) <= Number(await form.getAttribute('data-limit'))) {
				expect([...both].sort((a, b) => a - b)).toEqual([...liveRows].sort((a, b) => a - b));
				expect(Object.keys(shown).length).toBe(Object.keys(liveWhole).length);
			}
			expect(await page.locator('[data-gx="pattern-summary"]').count()).toBe(1);
			await page.evaluate(() => document.querySelector('.ajax-container.search-display-data')?.replaceChildren());
			await expect.poll(() => page.locator('gx-pattern-badges, gx-pattern-highlights').count(), { timeout: 5_000 }).toBe(0);
			return;
		}
		if (!captured()) return context.skip(SKIP_CAPTURED);
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

	it('lists similar tickets on a ticket form, and "Suggest a Problem" sends a pattern with no ticket text', async (context) => {
		// On a live GLPI, a ticket of the largest group its list showed: it has similar tickets whatever the data.
		if (site.live && !liveGrouped) return context.skip('live GLPI: no ticket in a group of near-duplicates to open');
		const form = site.live ? `${site.central}/front/ticket.form.php?id=${liveGrouped}` : site.ticketForm;
		await site.openTicketForm(page, form);
		const panel = page.locator('[data-gx="similar-tickets"]');
		const links = panel.locator('[data-gx="similar-list"] a');
		await links.first().waitFor({ timeout: 20_000 });
		const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
		expect(hrefs.length).toBeGreaterThan(0);
		expect(hrefs.length).toBeLessThanOrEqual(5);
		for (const href of hrefs) expect(href).toMatch(new RegExp(`^${site.central.replace(/[.]/g, '\\.')}/front/ticket\\.form\\.php\\?id=\\d+$`));
		// The form's own ticket is not similar to itself.
		const own = Number(new URL(form).searchParams.get('id'));
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

	it("runs the ticket form's own script in the content script's world: its panel follows the language chosen in the options at once, and GLPI's page sees nothing of it", async (context) => {
		if (site.live && !liveGrouped) return context.skip('live GLPI: no ticket in a group of near-duplicates to open');
		await site.openTicketForm(page, site.live ? `${site.central}/front/ticket.form.php?id=${liveGrouped}` : site.ticketForm);
		const title = page.locator('[data-gx="similar-tickets"] .gx-similar-toggle > span').first();
		await title.waitFor({ timeout: 20_000 });
		// The similar-tickets panel comes from a per-route script (glpi-ticket-form.js), whose strings are the content
		// script's: a language set in the options reaches it without a reload, both ways.
		const options = await browser.openExtensionPage('options.html');
		const choose = async (language: string, expected: string) => {
			await options.locator('select[name="language"]').selectOption(language);
			await expect.poll(() => title.textContent(), { timeout: 5_000 }).toBe(expected);
		};
		await choose('fr', 'Tickets similaires');
		await choose('en', 'Similar tickets');
		await options.locator('select[name="language"]').selectOption('auto');
		await options.close();
		// The host the per-route scripts reach the content script through is on our isolated world's global object:
		// GLPI's own scripts (page.evaluate runs in the page's world) find no trace of it, nor of the scripts.
		const seen = await page.evaluate(() => ({
			symbols: Object.getOwnPropertySymbols(globalThis).map(String),
			names: Object.getOwnPropertyNames(globalThis).filter((name) => /glpi(Ticket|-ticket)|route/i.test(name)),
		}));
		expect(seen.symbols.filter((name) => name.includes('glpi-improve'))).toEqual([]);
		expect(seen.names).toEqual([]);
	});
});
