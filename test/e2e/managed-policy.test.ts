import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, removeProfile } from './support/browser';
import { type GlpiSite, openSite } from './support/site';
import { unpackedExtensionId, whyNoPolicyFile, writeExtensionPolicy } from './support/policy';
import { type LocalWorker, createWorkspace, startLocalWorker } from './support/worker';

const noPolicy = whyNoPolicyFile();
if (noPolicy) console.warn(`[e2e] managed policy skipped: ${noPolicy}`);

/**
 * What a service desk's administrator does (docs/DEPLOY.md): a policy file gives our extension its backend, an
 * enrollment code and the GLPI address. A fresh Chromium profile then enrolls, shows the values as set by the
 * organisation, and runs on GLPI, with nothing typed. The file is there only while the browser starts and the options
 * are checked, and names our extension alone, since every Chromium of this machine reads that folder.
 */
describe.skipIf(noPolicy !== undefined)('a managed policy configures a fresh profile', () => {
	let worker: LocalWorker;
	let site: GlpiSite;
	let browser: ExtensionBrowser;
	let removePolicy: () => void = () => undefined;

	beforeAll(async () => {
		[worker, site] = await Promise.all([startLocalWorker('policy'), openSite()]);
		const tokens = await createWorkspace(worker, 'Policy desk');
		const response = await fetch(`${worker.url}/v1/enrollments`, {
			method: 'POST',
			headers: { authorization: `Bearer ${tokens.manager}`, 'content-type': 'application/json' },
			body: JSON.stringify({ role: 'technician', maxUses: 200, expiresInHours: 24, label: 'Policy roll-out' }),
		});
		const { code } = (await response.json()) as { code: string };
		removePolicy = writeExtensionPolicy(unpackedExtensionId(inject('extensionDir')), {
			backendUrl: worker.url,
			enrollmentCode: code,
			installationLabel: 'Desk PC',
			glpiUrls: [`${site.central}/`],
			language: 'en',
			serviceFigures: true,
			features: { 'auto-friction': false },
		});
		browser = await launchWithExtension();
	});

	afterAll(async () => {
		removePolicy();
		await browser?.close();
		removeProfile(browser?.profileDir ?? '');
		await Promise.all([worker?.dispose(), site?.close()]);
	});

	it('is read for our extension, by the id the policy names', () => {
		expect(browser.extensionId).toBe(unpackedExtensionId(inject('extensionDir')));
	});

	it("enrolls the browser with the policy's code, under the policy's name, with nothing typed", async () => {
		await expect
			.poll(async () => worker.query<{ label: string; role: string }>("SELECT label, role FROM tokens WHERE enrollment_id IS NOT NULL"), { timeout: 30_000 })
			.toEqual([{ label: expect.stringMatching(/^Desk PC · [0-9a-f]{6}$/), role: 'technician' }]);
	});

	it('shows what the organisation set as set by it, and leaves the rest to the user', async () => {
		const options = await browser.openExtensionPage('options.html');
		await options.locator('[data-gx="glpi-url"]', { hasText: site.central }).waitFor({ timeout: 15_000 });
		expect(await options.locator('input[name="backendUrl"]').isDisabled()).toBe(true);
		expect(await options.locator('input[name="backendUrl"]').inputValue()).toBe(worker.url);
		expect(await options.locator('[data-gx="enroll"]').count()).toBe(0);
		expect(await options.locator('[data-gx="glpi-url"] [data-gx="remove-glpi"]').count()).toBe(0);
		expect(await options.locator('select[name="language"]').isDisabled()).toBe(true);
		expect(await options.locator('input[name="feature-auto-friction"]').isDisabled()).toBe(true);
		expect(await options.locator('input[name="feature-auto-friction"]').isChecked()).toBe(false);
		// The technician's figures opt-in, turned on and locked by the organisation.
		await expect.poll(() => options.locator('input[name="serviceFigures"]').isChecked(), { timeout: 15_000 }).toBe(true);
		expect(await options.locator('input[name="serviceFigures"]').isDisabled()).toBe(true);
		// Left unset by the policy: still the user's.
		expect(await options.locator('input[name="feature-capture-button"]').isDisabled()).toBe(false);
		expect(await options.locator('input[name="includeCategory"]').isDisabled()).toBe(false);
		expect(await options.locator('[data-gx="set-by-policy"]').count()).toBeGreaterThanOrEqual(5);
		await options.close();
		// Everything the test needed the file for is done: it goes, so other browsers of this machine never meet it.
		removePolicy();
	});

	it("runs the overlay on the policy's GLPI address and syncs with the enrolled token", async () => {
		const page = await browser.context.newPage();
		await site.ensureLoggedIn(page);
		await site.openTicketForm(page);
		await page.locator('[data-gx="capture-button"]').waitFor({ timeout: 15_000 });
		const [installation] = await worker.query<{ id: string }>('SELECT id FROM tokens WHERE enrollment_id IS NOT NULL');
		const me = await browser.context.serviceWorkers()[0]?.evaluate(async () => (await chrome.storage.local.get('whoAmI')).whoAmI as { tokenId: string; role: string });
		expect(me).toMatchObject({ tokenId: installation?.id, role: 'technician' });
		await page.close();
	});
});

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
