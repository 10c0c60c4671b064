import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { readQueuedIds } from './queue-reader';

/** The part of the extension API read from an extension page (evaluated in the browser, not in Node). */
declare const chrome: { storage: { local: { get(key: string | null): Promise<Record<string, unknown>> } } };

/**
 * A view on the extension from outside its service worker: a tab on one of the extension's own files (its manifest),
 * which may read chrome.storage but sends no message, so reading the queue never wakes a stopped service worker; and
 * a DevTools session that can stop the service worker, as Chrome does to an idle or misbehaving one.
 */
export interface ExtensionProbe {
	page: Page;
	/** Ids of the signals waiting in the queue (refused ones included), in order. */
	queuedIds(): Promise<string[]>;
	/** Stops every running version of the extension's service worker; resolves once Chrome reports them stopped. */
	stopServiceWorker(): Promise<number>;
	close(): Promise<void>;
}

interface WorkerVersion {
	versionId: string;
	scriptURL: string;
	runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

export async function openExtensionProbe(browser: ExtensionBrowser): Promise<ExtensionProbe> {
	const page = await browser.context.newPage();
	await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
	const cdp: CDPSession = await browser.context.newCDPSession(page);
	const versions = new Map<string, WorkerVersion>();
	cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: WorkerVersion[] }) => {
		for (const version of event.versions) versions.set(version.versionId, version);
	});
	await cdp.send('ServiceWorker.enable');
	const ours = () => [...versions.values()].filter((version) => version.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`));
	return {
		page,
		queuedIds: () => page.evaluate(readQueuedIds),
		async stopServiceWorker() {
			// ServiceWorker.enable answers before it reports the versions it knows: a probe opened just now saw none yet,
			// stopped nothing, and the caller went on with the old worker's memory (the overlay test waited 45 s for a cache).
			const known = Date.now() + 5_000;
			while (ours().length === 0 && Date.now() < known) await new Promise((resolve) => setTimeout(resolve, 50));
			const running = ours().filter((version) => version.runningStatus === 'running' || version.runningStatus === 'starting');
			for (const version of running) await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
			const deadline = Date.now() + 10_000;
			while (ours().some((version) => version.runningStatus !== 'stopped')) {
				if (Date.now() > deadline) throw new Error('the service worker did not stop within 10 s');
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			return running.length;
		},
		async close() {
			await cdp.detach().catch(() => undefined);
			await page.close();
		},
	};
}
