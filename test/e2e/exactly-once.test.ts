import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackendProxy, startBackendProxy } from './support/backend-proxy';
import { type ExtensionBrowser, configureExtension, launchWithExtension, newProfileDir, removeProfile } from './support/browser';
import { type ExtensionProbe, openExtensionProbe } from './support/service-worker';
import { type GlpiSite, openSite } from './support/site';
import { type LocalWorker, createWorkspace, startLocalWorker } from './support/worker';

const KINDS = ['idea', 'friction', 'bug', 'praise'] as const;
const SUBJECTS = ['the VPN category', 'the printer queue', 'the password reset form', 'the Wi-Fi checklist', 'the laptop template', 'the SLA field'];
const TOTAL = 500;
/** Captures before the first restart; the rest after it. */
const FIRST = 250;
const step = (what: string) => console.log(`[e2e] ${new Date().toISOString().slice(11, 23)} ${what}`);

/**
 * Exactly once, at scale (issue 7): 500 signals captured through the capture panel of a GLPI page while the worker is
 * down, the browser closed and started again twice on the same profile, then the worker back and the extension's
 * service worker killed in the middle of its sync, after the worker committed a batch and before the extension could
 * read the answer. Then the worker's D1 must hold exactly those 500 signals, each once, counted once by the items.
 * A loopback proxy in front of the worker holds that one answer (a slow network) so the kill lands at that moment.
 */
describe('exactly once, through outages, restarts and a killed service worker', () => {
	let worker: LocalWorker;
	let proxy: BackendProxy;
	let site: GlpiSite;
	let browser: ExtensionBrowser;
	let tokens: Awaited<ReturnType<typeof createWorkspace>>;
	const profileDir = newProfileDir();
	const run = Math.random().toString(36).slice(2, 8);

	beforeAll(async () => {
		[worker, site] = await Promise.all([startLocalWorker('exactly-once'), openSite()]);
		proxy = await startBackendProxy(worker.url);
		tokens = await createWorkspace(worker, `Exactly once ${run}`);
		browser = await launchWithExtension(profileDir);
		await configureExtension(browser, { backendUrl: proxy.url, token: tokens.reporter, glpiUrl: `${site.central}/` });
	});

	afterAll(async () => {
		await browser?.close();
		removeProfile(profileDir);
		await Promise.all([worker?.dispose(), proxy?.close(), site?.close()]);
	});

	/**
	 * One capture as a user makes it, with the browser's own input events: open the panel, pick the kind, write, send
	 * (with the Send button, or Ctrl+Enter from the text); the panel closes at once. `force` skips Playwright's waits
	 * for a stable layout (two animation frames per action), which would make 500 captures take minutes; the clicks
	 * are the same trusted mouse events.
	 */
	async function capture(page: Page, index: number, sendWith: 'click' | 'keys') {
		const kind = KINDS[index % KINDS.length] ?? 'idea';
		await page.locator('[data-gx="capture-button"]').click({ force: true });
		const panel = page.locator('[data-gx="capture-panel"]');
		if (kind !== 'idea') await panel.locator(`input[name="gx-kind"][value="${kind}"]`).check({ force: true });
		const text = panel.locator('textarea[name="gx-text"]');
		await text.fill(`Once ${run} #${index}: ${kind} about ${SUBJECTS[index % SUBJECTS.length]}`, { force: true });
		if (sendWith === 'keys') await text.press('Control+Enter');
		else await panel.locator('[data-gx="send"]').click({ force: true });
		await panel.waitFor({ state: 'detached', timeout: 5_000 });
	}

	/** Captures `from` to `to` in one GLPI tab; every other capture is sent with Ctrl+Enter rather than the button. */
	async function captureRange(from: number, to: number) {
		const page = await browser.context.newPage();
		await site.ensureLoggedIn(page);
		await page.goto(site.ticketForm);
		await page.locator('[data-gx="capture-button"]').waitFor({ timeout: 15_000 });
		for (let index = from; index < to; index++) await capture(page, index, index % 2 ? 'keys' : 'click');
		await page.close();
	}

	async function restart(): Promise<number> {
		const started = performance.now();
		await browser.close();
		browser = await launchWithExtension(profileDir);
		return performance.now() - started;
	}

	it(`stores ${TOTAL} signals exactly once`, { timeout: 300_000 }, async () => {
		const timings: Record<string, number> = {};
		const since = (start: number) => Math.round(performance.now() - start);
		await worker.stop();

		let start = performance.now();
		await captureRange(0, FIRST);
		let probe: ExtensionProbe = await openExtensionProbe(browser);
		step('first half captured');
		await expect.poll(() => probe.queuedIds(), { timeout: 15_000 }).toHaveLength(FIRST);
		const firstIds = await probe.queuedIds();
		await probe.close();
		timings.restart1 = await restart();

		probe = await openExtensionProbe(browser);
		expect(await probe.queuedIds()).toEqual(firstIds);
		await probe.close();
		await captureRange(FIRST, TOTAL);
		timings.capture = since(start);
		probe = await openExtensionProbe(browser);
		await expect.poll(() => probe.queuedIds(), { timeout: 15_000 }).toHaveLength(TOTAL);
		const ids = await probe.queuedIds();
		expect(new Set(ids).size).toBe(TOTAL);
		expect(ids.slice(0, FIRST)).toEqual(firstIds);
		await probe.close();
		timings.restart2 = await restart();
		probe = await openExtensionProbe(browser);
		expect(await probe.queuedIds()).toEqual(ids);

		// The worker comes back. On the second batch the worker commits, the proxy holds its answer, and the service
		// worker is stopped before the answer arrives: 100 signals are stored but still queued.
		let killed: { at: number; storedBatches: number } | undefined;
		proxy.beforeAnswer = async (exchange) => {
			if (killed || exchange.path !== '/v1/signals' || exchange.status !== 200) return;
			const stored = proxy.exchanges.filter((other) => other.path === '/v1/signals' && other.status === 200).length;
			if (stored < 2) return;
			expect(await probe.stopServiceWorker()).toBeGreaterThan(0);
			killed = { at: performance.now(), storedBatches: stored };
		};
		start = performance.now();
		step('restarted twice, starting the worker');
		await worker.start();
		step('worker started');
		// The user sees the badge and presses "Sync now" in the popup, rather than waiting for the next retry.
		const popup = await browser.openExtensionPage('popup.html');
		await popup.locator('[data-gx="sync-now"]').click();
		await expect.poll(() => killed, { timeout: 30_000, interval: 100 }).toBeDefined();
		await popup.close();
		timings.toKill = since(start);
		step(`killed; exchanges ${proxy.exchanges.map((exchange) => exchange.status).join(',')}`);
		const queuedAfterKill = await probe.queuedIds();
		// The committed batch is still queued: its answer never arrived.
		expect(queuedAfterKill.length).toBe(TOTAL - 100);
		expect(queuedAfterKill).toEqual(ids.slice(100));

		// Nothing wakes the service worker but its own alarms (the one the flush armed before sending, the backoff's retry,
		// or the one-minute safety net); then the queue empties.
		await expect.poll(() => probe.queuedIds(), { timeout: 90_000, interval: 500 }).toEqual([]);
		timings.wakeAndDrain = Math.round(performance.now() - (killed?.at ?? 0));
		await probe.close();

		// The resent batch came back as duplicates: the server had it, and did not store it again.
		const answers = proxy.exchanges.filter((exchange) => exchange.path === '/v1/signals' && exchange.status === 200).map((exchange) => JSON.parse(exchange.body) as { accepted: string[]; duplicates: string[] });
		expect(answers.flatMap((answer) => answer.accepted).sort()).toEqual([...ids].sort());
		expect(answers.flatMap((answer) => answer.duplicates).sort()).toEqual(ids.slice(100, 200).sort());

		const rows = await worker.query<{ id: string; n: number }>(`SELECT id, COUNT(*) AS n FROM signals WHERE workspace_id = '${tokens.id}' GROUP BY id`);
		expect(rows).toHaveLength(TOTAL);
		expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
		expect(rows.filter((row) => row.n !== 1)).toEqual([]);
		const [counted] = await worker.query<{ n: number; items: number }>(`SELECT SUM(signal_count) AS n, COUNT(*) AS items FROM items WHERE workspace_id = '${tokens.id}' AND merged_into IS NULL`);
		expect(counted?.n).toBe(TOTAL);
		console.log(
			`[e2e] exactly once: ${TOTAL} captured (${timings.capture} ms, restart ${Math.round(timings.restart1 ?? 0)} ms between), browser restarted twice, ` +
				`service worker stopped ${timings.toKill} ms after the worker came back with ${killed?.storedBatches} batches committed; ` +
				`woke and drained in ${timings.wakeAndDrain} ms; ${rows.length} rows, ${counted?.items} items counting ${counted?.n}, ${answers.flatMap((answer) => answer.duplicates).length} duplicates answered`,
		);
	});
});
