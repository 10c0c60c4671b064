import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/glpi-pages';
import { type ExtensionBrowser, configureExtension, launchWithExtension, removeProfile } from './support/browser';
import { type GlpiSite, openSite } from './support/site';
import { type LocalWorker, createWorkspace, startLocalWorker } from './support/worker';

/**
 * The walking skeleton of issue 2, all real parts: GLPI pages on loopback or a live GLPI (docs/DEVELOPMENT.md, "Live
 * GLPI"), the built extension in Chromium, the worker under wrangler dev with its local D1. An idea typed on a ticket
 * page reaches the manager's popup.
 */
describe('an idea travels from a GLPI ticket page to the manager popup', () => {
	let worker: LocalWorker;
	let site: GlpiSite;
	let browser: ExtensionBrowser;
	let tokens: Awaited<ReturnType<typeof createWorkspace>>;

	beforeAll(async () => {
		[worker, site] = await Promise.all([startLocalWorker('skeleton'), openSite()]);
		tokens = await createWorkspace(worker, 'Skeleton desk');
		browser = await launchWithExtension();
	});

	afterAll(async () => {
		await browser?.close();
		removeProfile(browser?.profileDir ?? '');
		await Promise.all([worker?.dispose(), site?.close()]);
	});

	it('is set up through the options page, which checks the token with the server', async () => {
		const notice = await configureExtension(browser, { backendUrl: worker.url, token: tokens.manager, glpiUrl: `${site.central}/` });
		expect(notice).toContain('Skeleton desk');
		expect(notice).toContain('manager');
	});

	it('captures an idea on a ticket page and shows it in the popup after the sync', async () => {
		const page = await browser.context.newPage();
		await site.ensureLoggedIn(page);
		await site.openTicketForm(page);
		const button = page.locator('[data-gx="capture-button"]');
		await button.waitFor({ timeout: 15_000 });
		await button.click();
		const idea = `Show VPN tips by the category, mail helpdesk.lead@example.org (run ${Math.random().toString(36).slice(2, 8)})`;
		await page.locator('textarea[name="gx-text"]').fill(idea);
		// The preview shows what leaves the browser: the address is already gone.
		await expect.poll(() => page.locator('[data-gx="preview"]').textContent()).toContain('[email]');
		mkdirSync(join(PROJECT_ROOT, 'test-results/screenshots'), { recursive: true });
		await page.screenshot({ path: join(PROJECT_ROOT, 'test-results/screenshots/overlay-capture.png') });
		await page.locator('.gx-panel button[type="submit"]').click();
		await page.locator('[data-gx="toast"]').waitFor({ timeout: 5_000 });
		expect(await page.locator('.gx-panel').count()).toBe(0);

		const sent = idea.replace('helpdesk.lead@example.org', '[email]');
		await expect
			.poll(
				async () => {
					const response = await fetch(`${worker.url}/v1/backlog`, { headers: { authorization: `Bearer ${tokens.manager}` } });
					const body = (await response.json()) as { items: { title: string }[] };
					return body.items.map((item) => item.title);
				},
				{ timeout: 20_000, interval: 250 },
			)
			.toContain(sent);

		const popup = await browser.openExtensionPage('popup.html');
		await expect.poll(() => popup.locator('[data-gx="backlog"]').textContent(), { timeout: 10_000 }).toContain(sent);
		expect(await popup.locator('[data-gx="sync-status"]').textContent()).toContain('0 waiting');
	});
});
