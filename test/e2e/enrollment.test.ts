import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, configureExtension, launchWithExtension, removeProfile } from './support/browser';
import { type LocalWorker, createWorkspace, startLocalWorker } from './support/worker';

/**
 * Enrollment from end to end in real Chromium: a manager makes a code in the popup; a user in another browser
 * profile opens the link it gives, names the browser and enrolls without a token to paste; the manager sees that
 * browser and revokes it, and its token stops working.
 */
describe('enrollment', () => {
	let worker: LocalWorker;
	let manager: ExtensionBrowser;
	let user: ExtensionBrowser;
	let popup: Page;
	let link = '';

	beforeAll(async () => {
		worker = await startLocalWorker('enrollment');
		const tokens = await createWorkspace(worker, 'Enrolling desk');
		[manager, user] = await Promise.all([launchWithExtension(), launchWithExtension()]);
		await configureExtension(manager, { backendUrl: worker.url, token: tokens.manager, glpiUrl: 'http://127.0.0.1:9/' });
		popup = await manager.openExtensionPage('popup.html');
	});

	afterAll(async () => {
		for (const browser of [manager, user]) {
			await browser?.close();
			removeProfile(browser?.profileDir ?? '');
		}
		await worker?.dispose();
	});

	it('gives the manager a code and a link in the popup, shown once', async () => {
		await popup.locator('[data-gx-tab="enrollment"]').click();
		await popup.locator('[data-gx="enrollment-form"]').waitFor();
		await popup.locator('[data-gx-role="reporter"]').click();
		await popup.locator('input[name="maxUses"]').fill('2');
		await popup.locator('input[name="days"]').fill('3');
		await popup.locator('input[name="label"]').fill('Front desk');
		await popup.locator('[data-gx="create-enrollment"]').click();
		const code = (await popup.locator('[data-gx="enrollment-code"]').textContent()) ?? '';
		expect(code).toMatch(/^GXE(-[0-9A-Z]{4}){4}$/);
		link = (await popup.locator('[data-gx="enrollment-link"]').textContent()) ?? '';
		expect(link).toContain(`#enroll=${code}`);
		await expect.poll(() => popup.locator('[data-gx="enrollment-row"]').textContent()).toMatch(/Front desk.*0 of 2 used/);
		const stored = await worker.query<{ hash: string }>('SELECT hash FROM enrollment_codes');
		expect(stored.map((row) => row.hash)).not.toContain(code);
	});

	it('enrolls another browser from the link: no token typed, its own token kept by the background', async () => {
		// The same build in another profile has the same extension id: the manager's link opens this one's options.
		expect(new URL(link).host).toBe(user.extensionId);
		const options = await user.context.newPage();
		await options.goto(link);
		expect(await options.locator('input[name="enrollBackendUrl"]').inputValue()).toBe(worker.url);
		await options.locator('input[name="enrollLabel"]').fill('Laptop of Ana');
		await options.locator('[data-gx="enroll-submit"]').click();
		await expect.poll(() => options.locator('[data-gx="enroll-notice"]').textContent(), { timeout: 15_000 }).toBe('Enrolled in Enrolling desk as reporter.');
		expect(options.url()).not.toContain('enroll=');
		const [row] = await worker.query<{ label: string; role: string; revoked_at: string | null }>("SELECT label, role, revoked_at FROM tokens WHERE label = 'Laptop of Ana'");
		expect(row).toEqual({ label: 'Laptop of Ana', role: 'reporter', revoked_at: null });
		await options.close();
	});

	it('lists the enrolled browser for the manager, who revokes it alone', async () => {
		await popup.reload();
		await popup.locator('[data-gx-tab="enrollment"]').click();
		const installation = popup.locator('[data-gx="installation-row"]', { hasText: 'Laptop of Ana' });
		await installation.waitFor();
		expect(await installation.textContent()).toMatch(/Reporter.*enrolled .*last seen/);
		await expect.poll(() => popup.locator('[data-gx="enrollment-row"]').textContent()).toMatch(/1 of 2 used/);
		await installation.locator('[data-gx="revoke-installation"]').click();
		await expect.poll(() => installation.textContent()).toMatch(/revoked/);
		const [row] = await worker.query<{ revoked_at: string | null }>("SELECT revoked_at FROM tokens WHERE label = 'Laptop of Ana'");
		expect(row?.revoked_at).not.toBeNull();
		// The manager's own token still works: the popup still lists the codes.
		await popup.reload();
		await popup.locator('[data-gx-tab="enrollment"]').click();
		await popup.locator('[data-gx="enrollment-row"]').waitFor();
	});
});
