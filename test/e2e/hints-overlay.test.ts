import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/glpi-pages';
import { triageAll } from './support/api';
import { type ExtensionBrowser, configureExtension, launchWithExtension, removeProfile } from './support/browser';
import { type GlpiSite, openSite } from './support/site';
import { type LocalWorker, createWorkspace, startLocalWorker } from './support/worker';

const ticketPage = { route: '/front/ticket.form.php', kind: 'ticket-form', itemtype: 'Ticket', itemId: 5, interface: 'central' };
const listPage = { route: '/front/ticket.php', kind: 'ticket-list', interface: 'central' };
const CATEGORY = '#itil-form select[name="itilcategories_id"]';

/**
 * Hints back onto GLPI (issue 6): a manager's hint on an element and one on the whole page, and the known issue of an
 * open item, seen by a reporter on the GLPI page; dismissing one keeps it hidden; a done item's known issue is gone.
 */
describe('hints on GLPI pages', () => {
	let worker: LocalWorker;
	let site: GlpiSite;
	let browser: ExtensionBrowser;
	let tokens: Awaited<ReturnType<typeof createWorkspace>>;
	const call = async (token: string, path: string, method: string, body?: unknown) => {
		const response = await fetch(`${worker.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
		if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
		return response.status === 204 ? null : ((await response.json()) as Record<string, unknown>);
	};

	beforeAll(async () => {
		[worker, site] = await Promise.all([startLocalWorker('hints'), openSite()]);
		tokens = await createWorkspace(worker, 'Hints desk');
		await call(tokens.manager, '/v1/hints', 'POST', { route: '/front/ticket.form.php', selector: CATEGORY, text: { en: 'VPN issues go under Network > VPN.', fr: 'Les soucis de VPN vont dans Réseau > VPN.' } });
		await call(tokens.manager, '/v1/hints', 'POST', {
			route: '/front/ticket.form.php',
			text: { en: 'Before opening a VPN ticket, try the VPN self-check.', fr: 'Avant un ticket VPN, essayez l’autodiagnostic VPN.' },
			link: 'https://kb.example.org/vpn-self-check',
		});
		const uuid = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
		const now = new Date().toISOString();
		await call(tokens.technician, '/v1/signals', 'POST', {
			signals: [
				{ id: uuid(1), kind: 'bug', createdAt: now, reporter: 'hint-reporter-1', page: ticketPage, text: 'The save button sometimes does nothing on tickets' },
				{ id: uuid(2), kind: 'idea', createdAt: now, reporter: 'hint-reporter-2', page: listPage, text: 'Show the requester phone in the ticket list' },
				{ id: uuid(3), kind: 'idea', createdAt: now, reporter: 'hint-reporter-3', page: listPage, text: 'Colour late tickets in red in the list' },
			],
		});
		// Known issues show once a manager triaged the item and accepted its title (issue 15).
		await triageAll(worker, tokens.manager);
		// One of the two list items is done: its known issue must not show.
		const list = (await call(tokens.manager, '/v1/backlog?q=colour%20late', 'GET')) as { items: { id: string }[] };
		await call(tokens.manager, `/v1/backlog/${list.items[0]?.id}`, 'PATCH', { status: 'done' });
		browser = await launchWithExtension();
		// Hints are for every role: the reporter's token reads them.
		await configureExtension(browser, { backendUrl: worker.url, token: tokens.reporter, glpiUrl: `${site.central}/` });
		// A live GLPI: the browser logs in (the session cookie serves every tab) and learns which ticket to open.
		const login = await browser.context.newPage();
		await site.ensureLoggedIn(login);
		await login.close();
	});

	afterAll(async () => {
		await browser?.close();
		removeProfile(browser?.profileDir ?? '');
		await Promise.all([worker?.dispose(), site?.close()]);
	});

	it("marks the element a manager wrote about, with the words on click, and folds the page's hints into notes", async () => {
		const page = await browser.context.newPage();
		await site.openTicketForm(page);
		const marker = page.locator(`[data-gx="hint-marker"][data-gx-selector='${CATEGORY}']`);
		// The marker follows its field in the viewport, and shows only while the field does (issue 14): bring the field
		// into view, as a user scrolling to it would.
		await page.locator(CATEGORY).first().waitFor({ state: 'attached', timeout: 15_000 });
		await page.locator(CATEGORY).first().scrollIntoViewIfNeeded();
		await marker.waitFor({ timeout: 15_000 });
		// The marker sits beside the field, small: it never covers the field itself (issue 14), right of its row (past
		// GLPI's buttons), else left of it or above its end.
		const [markerBox, fieldBox] = await Promise.all([marker.boundingBox(), page.locator(CATEGORY).first().evaluate((element) => {
			const visible = element.nextElementSibling?.classList.contains('select2') ? element.nextElementSibling : element;
			const rect = visible.getBoundingClientRect();
			return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
		})]);
		expect(markerBox?.width).toBeLessThanOrEqual(18);
		const m = markerBox ?? { x: 0, y: 0, width: 0, height: 0 };
		const beside = m.x + m.width <= fieldBox.x + 0.5 && Math.abs(m.y + m.height / 2 - (fieldBox.y + fieldBox.height / 2)) <= 2;
		const above = m.y + m.height <= fieldBox.y + 0.5 && m.x + m.width <= fieldBox.x + fieldBox.width + 0.5;
		const after = m.x >= fieldBox.x + fieldBox.width - 0.5 && Math.abs(m.y + m.height / 2 - (fieldBox.y + fieldBox.height / 2)) <= 2;
		expect(beside || above || after, JSON.stringify({ marker: m, field: fieldBox })).toBe(true);
		await marker.click();
		expect(await page.locator('[data-gx="hint-card"]').first().textContent()).toContain('VPN issues go under Network > VPN.');

		const notes = page.locator('[data-gx="page-notes"]');
		expect(await notes.locator('button').first().textContent()).toContain('Notes on this page (2)');
		await notes.locator('button').first().click();
		const text = await notes.textContent();
		expect(text).toContain('Before opening a VPN ticket, try the VPN self-check.');
		expect(text).toMatch(/Known issue/);
		expect(text).toContain('1 report');
		expect(await notes.locator('a[href="https://kb.example.org/vpn-self-check"]').count()).toBe(1);
		const artefacts = join(PROJECT_ROOT, 'test-results/screenshots');
		mkdirSync(artefacts, { recursive: true });
		await page.screenshot({ path: join(artefacts, 'overlay-hints.png') });
		await page.close();
	});

	it('keeps a dismissed hint hidden after a reload, and the others shown', async () => {
		const page = await browser.context.newPage();
		await site.openTicketForm(page);
		const notes = page.locator('[data-gx="page-notes"]');
		await notes.waitFor({ timeout: 15_000 });
		await notes.locator('button').first().click();
		await notes.locator('[data-gx="hint-card"]', { hasText: 'self-check' }).locator('[data-gx="hint-dismiss"]').click();
		expect(await notes.textContent()).not.toContain('self-check');
		await site.openTicketForm(page);
		await page.locator(CATEGORY).first().scrollIntoViewIfNeeded();
		await page.locator(`[data-gx="hint-marker"]`).waitFor({ timeout: 15_000 });
		await notes.locator('button').first().click();
		const text = await notes.textContent();
		expect(text).not.toContain('self-check');
		expect(text).toMatch(/Known issue/);
		await page.close();
	});

	it('shows the known issues of open items only: a done item retires its own', async () => {
		const page = await browser.context.newPage();
		await page.goto(site.ticketList);
		const notes = page.locator('[data-gx="page-notes"]');
		await notes.waitFor({ timeout: 15_000 });
		expect(await notes.locator('button').first().textContent()).toContain('(1)');
		await notes.locator('button').first().click();
		const text = await notes.textContent();
		expect(text).toContain('requester phone');
		expect(text).not.toContain('Colour late tickets');
		await page.close();
	});
});
