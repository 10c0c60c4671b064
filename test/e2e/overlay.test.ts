import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { arrivedSignals, backlogItems, enableAutoFriction, hasHints, triageAll } from './support/api';
import { type ExtensionBrowser, configureExtension, launchWithExtension, removeProfile } from './support/browser';
import { armCloseTimer, capture, closeTime, openPanel } from './support/overlay';
import { SKIP_CAPTURED } from '../support/glpi-pages';
import { openExtensionProbe } from './support/service-worker';
import { type GlpiSite, LIVE_SKIPS, openSite } from './support/site';
import { type LocalWorker, createWorkspace, startLocalWorker } from './support/worker';

/**
 * The overlay on GLPI pages, all real parts: the built extension in Chromium, the captured GLPI 10.0.17 pages on
 * loopback (central and self-service, root and sub-folder) or a live GLPI (docs/DEVELOPMENT.md, "Live GLPI"), and the worker under
 * wrangler dev. What arrives is read back through the manager's API.
 */
const CATEGORY = '#itil-form select[name="itilcategories_id"]';

describe('GLPI Improve on GLPI pages', () => {
	let worker: LocalWorker;
	let site: GlpiSite;
	let browser: ExtensionBrowser;
	let tokens: Awaited<ReturnType<typeof createWorkspace>>;
	let page: Page;
	const run = Math.random().toString(36).slice(2, 8);

	const arrived = (predicate: (signal: Awaited<ReturnType<typeof arrivedSignals>>[number]) => boolean) =>
		expect
			.poll(async () => (await arrivedSignals(worker, tokens.manager)).filter(predicate), { timeout: 30_000, interval: 300 })
			.not.toHaveLength(0)
			.then(async () => (await arrivedSignals(worker, tokens.manager)).filter(predicate));

	async function syncNow() {
		const popup = await browser.openExtensionPage('popup.html');
		await popup.locator('[data-gx="sync-now"]').click();
		await popup.close();
	}

	beforeAll(async () => {
		[worker, site] = await Promise.all([startLocalWorker('overlay'), openSite()]);
		tokens = await createWorkspace(worker, `Overlay desk ${run}`);
		browser = await launchWithExtension();
		const glpiUrls = [`${site.central}/`, ...(site.helpdesk ? [`${site.helpdesk}/`] : [])];
		await configureExtension(browser, { backendUrl: worker.url, token: tokens.technician, glpiUrl: glpiUrls });
		page = await browser.context.newPage();
		await site.ensureLoggedIn(page);
	});

	afterAll(async () => {
		await browser?.close();
		removeProfile(browser?.profileDir ?? '');
		await Promise.all([worker?.dispose(), site?.close()]);
	});

	it('captures an idea on a ticket with its context, redacted, and closes the panel at once (worker up)', async () => {
		await site.openTicketForm(page);
		// The category as GLPI shows it: known for the captured ticket; on a live GLPI, the text of GLPI's own Select2 box.
		const category = site.ticketCategory ?? (await page.locator(`${CATEGORY} + span.select2 .select2-selection__rendered`).first().getAttribute('title'))?.trim();
		await openPanel(page);
		const fields = await page.locator('[data-gx="preview-fields"]').textContent();
		expect(fields).toContain('/front/ticket.form.php');
		if (category) expect(fields).toContain(category);
		const text = `Idea ${run}: show the VPN checklist by the category, ask helpdesk.lead@example.org`;
		const closedIn = await capture(page, { text, tags: 'vpn, checklist' });
		// A functional guarantee (the UI never waits on the network), measured in the page; speed goals are in the benchmark.
		expect(closedIn).toBeLessThan(100);
		console.log(`[e2e] panel closed ${closedIn.toFixed(1)} ms after Send (worker up)`);
		await page.locator('[data-gx="toast"]').waitFor({ timeout: 5_000 });

		const [signal] = await arrived((candidate) => candidate.text?.startsWith(`Idea ${run}:`) ?? false);
		expect(signal?.text).toBe(text.replace('helpdesk.lead@example.org', '[email]'));
		expect(signal?.tags).toEqual(['vpn', 'checklist']);
		expect(signal?.page).toMatchObject({ route: '/front/ticket.form.php', kind: 'ticket-form', itemtype: 'Ticket', interface: 'central' });
		if (site.ticketContext) expect(signal?.page).toMatchObject(site.ticketContext);
		else expect(signal?.page).toMatchObject({ itemId: Number(new URL(site.ticketForm).searchParams.get('id')), ...(category ? { category } : {}) });
	});

	it("reads GLPI's main tab when it arrives after the panel opened: the preview and the signal get the category", async () => {
		await site.openTicketForm(page);
		const category = site.ticketCategory ?? (await page.locator(`${CATEGORY} + span.select2 .select2-selection__rendered`).first().getAttribute('title'))?.trim();
		if (!category) throw new Error('the ticket has no category to read');
		// As GLPI is before its AJAX main tab loads: the form is not in the page yet when the user opens the panel.
		await page.evaluate(() => {
			const form = document.querySelector('#itil-form');
			if (!form?.parentElement) throw new Error('no #itil-form');
			(window as unknown as { gxHeld: unknown }).gxHeld = { form, parent: form.parentElement, next: form.nextSibling };
			form.remove();
		});
		await openPanel(page);
		expect(await page.locator('[data-gx="preview-fields"]').textContent()).not.toContain(category);
		await page.evaluate(() => {
			const { form, parent, next } = (window as unknown as { gxHeld: { form: Element; parent: Element; next: Node | null } }).gxHeld;
			parent.insertBefore(form, next);
		});
		await expect.poll(() => page.locator('[data-gx="preview-fields"]').textContent()).toContain(category);
		await capture(page, { text: `Late tab ${run}: the category still comes with the idea` });
		const [signal] = await arrived((candidate) => candidate.text === `Late tab ${run}: the category still comes with the idea`);
		expect(signal?.page.category).toBe(category);
	});

	it('captures from the self-service interface and from a sub-folder install, with the route below root_doc', async (context) => {
		if (!site.helpdeskHome || !site.subfolderTicketForm) return context.skip(site.live ? LIVE_SKIPS.oneAccount : SKIP_CAPTURED);
		await page.goto(site.helpdeskHome);
		await capture(page, { kind: 'praise', text: `Praise ${run}: the self-service home is clear` });
		await page.goto(site.subfolderTicketForm);
		await capture(page, { kind: 'bug', text: `Bug ${run}: the sub-folder ticket page` });
		const [praise] = await arrived((signal) => signal.text === `Praise ${run}: the self-service home is clear`);
		const [bug] = await arrived((signal) => signal.text === `Bug ${run}: the sub-folder ticket page`);
		expect(praise?.page).toMatchObject({ kind: 'helpdesk-home', interface: 'helpdesk' });
		expect(bug?.page).toMatchObject({ route: '/front/ticket.form.php', kind: 'ticket-form', interface: 'central', itemId: 5 });
	});

	it('keeps the capture button off GLPI\'s own controls', async () => {
		for (const url of [site.ticketForm, site.helpdeskHome].filter((value): value is string => Boolean(value))) {
			// A ticket form with its fields in: GLPI's controls are what the button must keep off.
			if (url.includes('/front/ticket.form.php')) await site.openTicketForm(page, url);
			else await page.goto(url);
			await page.locator('[data-gx="capture-button"]').waitFor();
			const covered = await page.evaluate(() => {
				const host = document.querySelector('gx-capture-button');
				const button = host?.shadowRoot?.querySelector('[data-gx="capture-button"]');
				if (!button) return ['no button'];
				const box = button.getBoundingClientRect();
				// What GLPI shows at the points the button covers, with our own layers out of the way.
				const hosts = [...document.querySelectorAll<HTMLElement>('gx-capture-button, gx-friction-tagging, gx-me-too-markers')];
				for (const element of hosts) element.style.visibility = 'hidden';
				const hits = new Set<string>();
				for (let x = box.left + 1; x < box.right; x += 4) {
					for (let y = box.top + 1; y < box.bottom; y += 4) {
						const under = document.elementFromPoint(x, y)?.closest('a, button, input, select, textarea, [role="button"], [onclick]');
						if (under) hits.add(under.outerHTML.slice(0, 80));
					}
				}
				for (const element of hosts) element.style.visibility = '';
				return [...hits];
			});
			expect(covered, url).toEqual([]);
		}
	});

	it('tags a field: the same field gives one selector on an open and a closed ticket and under a sub-folder', async () => {
		const field = CATEGORY;
		const pages = [site.ticketForm, site.closedTicketForm, site.subfolderTicketForm].filter((value): value is string => Boolean(value));
		for (const [index, url] of pages.entries()) {
			await site.openTicketForm(page, url);
			await openPanel(page);
			await page.locator('[data-gx="tag-element"]').click();
			await page.locator('[data-gx="tagging-banner"]').waitFor();
			// GLPI 10 shows a Select2 box for the (hidden) select; the captured pages, without GLPI's scripts, the select.
			const select2 = page.locator(`${field} + span.select2`);
			const visible = (await select2.count()) > 0 ? select2 : page.locator(field);
			await visible.hover({ force: true });
			await page.locator('[data-gx="highlight"]').waitFor();
			await visible.click({ force: true });
			const form = page.locator('[data-gx="friction-form"]');
			await form.waitFor();
			expect(await form.locator('[data-gx="preview-fields"]').textContent()).toContain(field);
			await form.locator('input[value="confusing"]').check();
			await form.locator('input[name="gx-friction-text"]').fill(`tagged ${run} #${index}`);
			await armCloseTimer(page, 'gx-friction-tagging', '[data-gx="friction-form"]');
			await form.locator('[data-gx="send"]').click();
			expect(await closeTime(page)).toBeLessThan(100);
		}
		const tagged = await expect
			.poll(async () => (await arrivedSignals(worker, tokens.manager)).filter((signal) => signal.text?.startsWith(`tagged ${run}`)), { timeout: 30_000, interval: 300 })
			.toHaveLength(pages.length)
			.then(async () => (await arrivedSignals(worker, tokens.manager)).filter((signal) => signal.text?.startsWith(`tagged ${run}`)));
		expect(new Set(tagged.map((signal) => signal.target?.selector))).toEqual(new Set([field]));
		expect(tagged.every((signal) => signal.kind === 'friction' && signal.tags?.includes('confusing'))).toBe(true);
		if (!site.live) expect(tagged[0]?.target?.label).toBe('Category');
	});

	it('opens the friction form on the element right-clicked when the context menu asks, and the panel when the shortcut does', async () => {
		await site.openTicketForm(page);
		await page.locator('[data-gx="capture-button"]').waitFor();
		await page.locator('#itil-form select[name="urgency"]').click({ button: 'right', force: true });
		// The entry exists (update() fails on an unknown id); the native menu cannot be clicked in automation, so the
		// service worker then sends what its onClicked handler sends.
		const serviceWorker = browser.context.serviceWorkers()[0];
		await serviceWorker?.evaluate(() =>
			(globalThis as unknown as { chrome: { contextMenus: { update(id: string, properties: object): Promise<void> } } }).chrome.contextMenus.update('gx-report-friction', {}),
		);
		await serviceWorker?.evaluate(async (url) => {
			const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, message: unknown, options: object): Promise<unknown> } } }).chrome;
			const tab = (await api.tabs.query({})).find((candidate) => candidate.url === url);
			if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
			await api.tabs.sendMessage(tab.id, { id: 1, type: 'openFriction', data: {}, timestamp: Date.now() }, { frameId: 0 });
		}, page.url());
		const form = page.locator('[data-gx="friction-form"]');
		await form.waitFor({ timeout: 5_000 });
		expect(await form.locator('[data-gx="preview-fields"]').textContent()).toContain('#itil-form select[name="urgency"]');
		await form.locator('input[name="gx-friction-text"]').press('Escape');
		await form.waitFor({ state: 'detached' });

		// Alt+Shift+I goes the same way (a browser command cannot be pressed in automation either): the panel opens.
		await serviceWorker?.evaluate(async (url) => {
			const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, message: unknown): Promise<unknown> } } }).chrome;
			const tab = (await api.tabs.query({})).find((candidate) => candidate.url === url);
			if (tab?.id !== undefined) await api.tabs.sendMessage(tab.id, { id: 2, type: 'openCapture', data: { kind: 'idea' }, timestamp: Date.now() });
		}, page.url());
		await page.locator('[data-gx="capture-panel"]').waitFor({ timeout: 5_000 });
		await page.locator('textarea[name="gx-text"]').press('Escape');
		await page.locator('[data-gx="capture-panel"]').waitFor({ state: 'detached' });
	});

	it('counts a rage click and sends it as one automatic friction signal with its count', async () => {
		await enableAutoFriction(worker, tokens.manager);
		// The token is checked again, so the extension learns the workspace's new opt-in; then the user's own opt-in.
		await configureExtension(browser, { backendUrl: worker.url, token: tokens.technician, glpiUrl: [] });
		const options = await browser.openExtensionPage('options.html');
		await expect.poll(() => options.locator('[data-gx="workspace-auto-friction"]').textContent()).toContain('allows');
		await options.locator('input[name="autoFriction"]').check();
		await options.close();

		await site.openTicketForm(page);
		await page.locator('[data-gx="capture-button"]').waitFor();
		// The field's label: a click there means the field (and opens no dropdown that would take the next clicks).
		const target = page.locator('#itil-form div.form-field:has(select[name="urgency"]) label.col-form-label');
		await target.scrollIntoViewIfNeeded();
		const box = await target.boundingBox();
		if (!box) throw new Error('the urgency label is not visible');
		for (let i = 0; i < 4; i++) await page.mouse.click(box.x + box.width / 2 + i, box.y + box.height / 2, { delay: 20 });
		// The test build ends a counting period after GX_FRICTION_PERIOD_MS (global-setup); then a sync sends it.
		await page.waitForTimeout(inject('frictionPeriodMs') + 500);
		await syncNow();
		const [rage] = await arrived((signal) => signal.kind === 'auto-friction' && (signal.tags ?? []).includes('rage-click'));
		expect(rage).toMatchObject({ count: 1, target: { selector: '#itil-form select[name="urgency"]' }, page: { route: '/front/ticket.form.php' } });
		const rages = (await arrivedSignals(worker, tokens.manager)).filter((signal) => signal.kind === 'auto-friction' && (signal.tags ?? []).includes('rage-click'));
		expect(rages).toHaveLength(1);
	});

	it("counts none of a GLPI page script's synthetic clicks (issue 15: 75 of them made 25 backlog items)", async () => {
		// Automatic friction is on since the test above. The page's own script clicks as fast as it can.
		await site.openTicketForm(page);
		await page.locator('[data-gx="capture-button"]').waitFor();
		const serviceWorker = browser.context.serviceWorkers()[0];
		if (!serviceWorker) throw new Error('no service worker');
		const counters = () =>
			serviceWorker.evaluate(async () => {
				const api = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome;
				const { frictionCounters } = (await api.storage.local.get('frictionCounters')) as { frictionCounters?: Record<string, { count: number }> };
				return Object.fromEntries(Object.entries(frictionCounters ?? {}).map(([key, counter]) => [key, counter.count]));
			});
		const before = await counters();
		const dispatched = await page.evaluate(() => {
			// No link followed, no form posted: the page stays, so that the detectors see every click.
			window.addEventListener('click', (event) => event.preventDefault(), true);
			const targets = [...document.querySelectorAll('#itil-form button, #itil-form label, a[href]')].slice(0, 30);
			let count = 0;
			for (let round = 0; round < 100; round++)
				for (const [i, element] of targets.entries()) {
					const box = element.getBoundingClientRect();
					element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, clientX: box.x + 1 + (i % 3), clientY: box.y + 1 }));
					count++;
				}
			return count;
		});
		expect(dispatched).toBeGreaterThan(300);
		// Past the dead-click delay (2.5 s): any count would be reported by now.
		await page.waitForTimeout(3_500);
		expect(await counters()).toEqual(before);
	});

	it('shows "me too" markers where the workspace has friction, and adds the user\'s signal in one click', { timeout: 240_000 }, async (context) => {
		if (!(await hasHints(worker, tokens.technician))) return context.skip('this backend has no GET /v1/hints yet (it comes with the backend branch)');
		// Only what a manager triaged shows to users (issue 15). The background keeps a route's hints a minute in its
		// memory: a service worker stopped as Chrome stops an idle one forgets them, instead of the test sitting out the minute.
		await triageAll(worker, tokens.manager);
		const probe = await openExtensionProbe(browser);
		expect(await probe.stopServiceWorker()).toBeGreaterThan(0);
		await probe.close();
		const marker = page.locator('[data-gx="me-too"][data-gx-selector="#itil-form select[name=\\"itilcategories_id\\"]"]');
		await expect
			.poll(
				async () => {
					await site.openTicketForm(page);
					// Markers sit on the element in the viewport: bring the field into view as a user scrolling to it would.
					await page.locator('#itil-form select[name="itilcategories_id"]').scrollIntoViewIfNeeded();
					return marker.waitFor({ timeout: 5_000 }).then(() => true, () => false);
				},
				{ timeout: 120_000, interval: 5_000 },
			)
			.toBe(true);
		const before = Number((await marker.textContent())?.trim().split(/\s+/).pop());
		expect(before).toBeGreaterThan(0);
		await marker.click();
		await expect.poll(() => marker.textContent()).toContain(`✓ ${before + 1}`);
		await syncNow();
		// The "me too" joins the element's own backlog item (same route, selector and tag), which now counts one more.
		await expect
			.poll(async () => (await backlogItems(worker, tokens.manager)).filter((item) => item.selector === '#itil-form select[name="itilcategories_id"]').map((item) => item.signalCount), { timeout: 30_000, interval: 300 })
			.toEqual([before + 1]);
	});

	it('applies a new language and a switched-off feature at once on an open GLPI page', async () => {
		await page.goto(site.ticketForm);
		const button = page.locator('[data-gx="capture-button"]');
		await expect.poll(() => button.textContent()).toBe('Improve');
		const options = await browser.openExtensionPage('options.html');
		await options.locator('select[name="language"]').selectOption('fr');
		await expect.poll(() => button.textContent()).toBe('Améliorer');
		await options.locator('input[name="feature-capture-button"]').uncheck();
		await button.waitFor({ state: 'detached', timeout: 5_000 });
		await options.locator('select[name="language"]').selectOption('en');
		await options.locator('input[name="feature-capture-button"]').check();
		await options.close();
	});

	it('stops running on a GLPI address removed in the options', async (context) => {
		if (!site.helpdesk || !site.helpdeskHome) return context.skip(LIVE_SKIPS.oneAddress);
		const options = await browser.openExtensionPage('options.html');
		await options.locator('[data-gx="glpi-url"]', { hasText: site.helpdesk }).locator('[data-gx="remove-glpi"]').click();
		await options.locator('[data-gx="glpi-notice"]').waitFor();
		expect(await options.locator('[data-gx="glpi-url"]').allTextContents()).toEqual([expect.stringContaining(site.central)]);
		await options.close();
		await page.goto(site.helpdeskHome);
		await page.waitForLoadState('load');
		await page.waitForTimeout(500);
		expect(await page.locator('[data-gx="capture-button"]').count()).toBe(0);
		await page.goto(site.ticketForm);
		await page.locator('[data-gx="capture-button"]').waitFor();
	});
});
