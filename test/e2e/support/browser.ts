import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { inject } from 'vitest';
import { PROJECT_ROOT } from '../../support/glpi-pages';

export interface ExtensionBrowser {
	context: BrowserContext;
	extensionId: string;
	profileDir: string;
	/** Opens an extension page (popup.html, options.html) in a tab. */
	openExtensionPage(path: string): Promise<Page>;
	close(): Promise<void>;
}

/** A fresh or reused Chromium profile folder under .tmp/. */
export const newProfileDir = () => mkdtempSync(join(PROJECT_ROOT, '.tmp/e2e-profile-'));

/**
 * Debian's Chromium with the test build of the extension loaded (../shared/TOOLCHAIN.md): headless, no sandbox
 * (root in CI), and no background networking, which this closed network refuses.
 */
export async function launchWithExtension(profileDir = newProfileDir()): Promise<ExtensionBrowser> {
	const extensionDir = inject('extensionDir');
	const context = await chromium.launchPersistentContext(profileDir, {
		executablePath: inject('chromiumPath'),
		headless: true,
		args: [
			`--disable-extensions-except=${extensionDir}`,
			`--load-extension=${extensionDir}`,
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--lang=en-GB',
		],
		viewport: { width: 1280, height: 900 },
		locale: 'en-GB',
	});
	const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
	const extensionId = new URL(worker.url()).host;
	return {
		context,
		extensionId,
		profileDir,
		async openExtensionPage(path) {
			const page = await context.newPage();
			await page.goto(`chrome-extension://${extensionId}/${path}`);
			return page;
		},
		close: () => context.close(),
	};
}

export const removeProfile = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** Fills the options page as a user would: backend, token, GLPI address; waits for the server's answer. */
export async function configureExtension(browser: ExtensionBrowser, options: { backendUrl: string; token: string; glpiUrl: string }): Promise<string> {
	const page = await browser.openExtensionPage('options.html');
	await page.locator('input[name="backendUrl"]').fill(options.backendUrl);
	await page.locator('input[name="token"]').fill(options.token);
	await page.locator('input[name="glpiUrl"]').fill(options.glpiUrl);
	await page.locator('button[type="submit"]').first().click();
	const notice = page.locator('[data-gx="options-notice"]');
	await notice.waitFor({ timeout: 15_000 });
	const text = (await notice.textContent()) ?? '';
	await page.close();
	return text;
}
