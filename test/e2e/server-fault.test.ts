import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, configureExtension, launchWithExtension, removeProfile } from './support/browser';
import { capture } from './support/overlay';
import { type ExtensionProbe, openExtensionProbe } from './support/service-worker';
import { type GlpiSite, openSite } from './support/site';
import { type LocalWorker, createWorkspace, startLocalWorker } from './support/worker';

/**
 * Server faults, both halves in real parts (test/worker/faults.test.ts proves the worker's half inside workerd): a
 * trigger in the running worker's D1 aborts the ingest's write batch in its middle (after the items and the signals,
 * at the lookup keys), so the worker answers 500 and writes nothing. The extension keeps every signal, says so in
 * the popup, and once the fault is gone its retry lands each signal exactly once.
 */
describe('a D1 fault in the middle of a batch, seen from the extension', () => {
	let worker: LocalWorker;
	let site: GlpiSite;
	let browser: ExtensionBrowser;
	let probe: ExtensionProbe;
	let tokens: Awaited<ReturnType<typeof createWorkspace>>;
	const run = Math.random().toString(36).slice(2, 8);

	beforeAll(async () => {
		[worker, site] = await Promise.all([startLocalWorker('server-fault'), openSite()]);
		tokens = await createWorkspace(worker, `Fault desk ${run}`);
		browser = await launchWithExtension();
		await configureExtension(browser, { backendUrl: worker.url, token: tokens.reporter, glpiUrl: `${site.central}/` });
		probe = await openExtensionProbe(browser);
	});

	afterAll(async () => {
		await probe?.close();
		await browser?.close();
		removeProfile(browser?.profileDir ?? '');
		await Promise.all([worker?.dispose(), site?.close()]);
	});

	const stored = () => worker.query<{ id: string; n: number }>(`SELECT id, COUNT(*) AS n FROM signals WHERE workspace_id = '${tokens.id}' GROUP BY id`);

	it('keeps the batch while the worker answers 500, then stores each signal once', async () => {
		await worker.sql("CREATE TRIGGER injected_fault BEFORE INSERT ON item_keys BEGIN SELECT RAISE(ABORT, 'injected D1 fault'); END");
		const page = await browser.context.newPage();
		await site.ensureLoggedIn(page);
		await page.goto(site.ticketForm);
		for (let i = 0; i < 6; i++) await capture(page, { kind: i % 2 ? 'bug' : 'idea', text: `Fault ${run} #${i}: the ${['VPN', 'printer', 'SLA'][i % 3]} form loses the category` });
		await expect.poll(() => probe.queuedIds(), { timeout: 15_000 }).toHaveLength(6);
		const ids = await probe.queuedIds();

		// The flush reaches the worker, which fails inside D1: the popup says so, the queue keeps all six.
		const popup = await browser.openExtensionPage('popup.html');
		await popup.locator('[data-gx="sync-now"]').click();
		await expect.poll(() => popup.locator('[data-gx="sync-error"]').textContent(), { timeout: 20_000 }).toContain('The backend answered 500');
		expect(await probe.queuedIds()).toEqual(ids);
		expect(await popup.locator('[data-gx="rejected"]').count()).toBe(0);
		expect(await stored()).toEqual([]);

		await worker.sql('DROP TRIGGER injected_fault');
		// No click this time: the backoff's alarm retries by itself (5 s doubling, with jitter).
		await expect.poll(() => probe.queuedIds(), { timeout: 60_000, interval: 500 }).toEqual([]);
		const rows = await stored();
		expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
		expect(rows.every((row) => row.n === 1)).toBe(true);
		const [counted] = await worker.query<{ n: number }>(`SELECT SUM(signal_count) AS n FROM items WHERE workspace_id = '${tokens.id}'`);
		expect(counted?.n).toBe(6);
		await popup.reload();
		await expect.poll(() => popup.locator('[data-gx="sync-error"]').count()).toBe(0);
		await popup.close();
	});
});
