import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { readQueuedIds } from './queue-reader';

/** The part of the extension API these helpers call inside the service worker (evaluated there, not in Node). */
declare const chrome: {
	storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
	action: { getBadgeText(details: object): Promise<string> };
};

/** Driving our overlay in a GLPI page as a user would (Playwright's CSS locators pierce our open shadow roots). */

export async function openPanel(page: Page): Promise<void> {
	const button = page.locator('[data-gx="capture-button"]');
	await button.waitFor({ timeout: 15_000 });
	if ((await page.locator('[data-gx="capture-panel"]').count()) === 0) await button.click();
	await page.locator('[data-gx="capture-panel"]').waitFor({ timeout: 5_000 });
}

/**
 * Arms a measure inside the page: from the Send click to the panel's removal from our shadow root, with
 * performance.now() in the page itself (a MutationObserver sees the removal in the same task's microtasks).
 */
export async function armCloseTimer(page: Page, host: string, panel: string): Promise<void> {
	await page.evaluate(
		({ host, panel }) => {
			const root = document.querySelector(host)?.shadowRoot;
			const send = root?.querySelector(`${panel} [data-gx="send"]`);
			if (!root || !send) throw new Error(`no ${panel} in ${host}`);
			const timing = { start: 0, closed: 0 };
			(window as unknown as { gxClose: typeof timing }).gxClose = timing;
			send.addEventListener('click', () => (timing.start = performance.now()), { capture: true, once: true });
			const observer = new MutationObserver(() => {
				if (timing.start && !root.querySelector(panel)) {
					timing.closed = performance.now();
					observer.disconnect();
				}
			});
			observer.observe(root, { childList: true, subtree: true });
		},
		{ host, panel },
	);
}

export async function closeTime(page: Page): Promise<number> {
	const timing = await page.waitForFunction(() => {
		const value = (window as unknown as { gxClose?: { start: number; closed: number } }).gxClose;
		return value && value.closed > 0 ? value.closed - value.start : undefined;
	});
	return (await timing.jsonValue()) as number;
}

/** Captures through the panel; returns the ms from Send to the panel's removal. */
export async function capture(page: Page, input: { kind?: 'idea' | 'friction' | 'bug' | 'praise'; text: string; tags?: string }): Promise<number> {
	await openPanel(page);
	if (input.kind && input.kind !== 'idea') await page.locator(`[data-gx="capture-panel"] input[name="gx-kind"][value="${input.kind}"]`).check();
	await page.locator('textarea[name="gx-text"]').fill(input.text);
	if (input.tags) await page.locator('input[name="gx-tags"]').fill(input.tags);
	await armCloseTimer(page, 'gx-capture-button', '[data-gx="capture-panel"]');
	await page.locator('[data-gx="capture-panel"] [data-gx="send"]').click();
	return closeTime(page);
}

/** What waits in the extension's queue, read in its service worker (reading only: signals go in through the UI). */
export async function queuedIds(browser: ExtensionBrowser): Promise<string[]> {
	const worker = browser.context.serviceWorkers()[0];
	if (!worker) throw new Error('no service worker');
	return worker.evaluate(readQueuedIds);
}

export async function badgeText(browser: ExtensionBrowser): Promise<string> {
	const worker = browser.context.serviceWorkers()[0];
	if (!worker) throw new Error('no service worker');
	return worker.evaluate(() => chrome.action.getBadgeText({}));
}
