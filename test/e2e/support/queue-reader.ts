/**
 * Reads the ids in the extension's queue from one of its own pages or its service worker (evaluated in the browser,
 * not in Node): the index under `queue` lists the segments, each under `queue.<n>` (extension/core/storage.ts).
 * Self-contained, because Playwright sends the function's source to the browser.
 */
export async function readQueuedIds(): Promise<string[]> {
	const api = (globalThis as unknown as { chrome: { storage: { local: { get(keys: string | string[]): Promise<Record<string, unknown>> } } } }).chrome;
	const { queue } = (await api.storage.local.get('queue')) as { queue?: { segments: { n: number }[] } };
	const keys = (queue?.segments ?? []).map((segment) => `queue.${segment.n}`);
	if (keys.length === 0) return [];
	const segments = (await api.storage.local.get(keys)) as Record<string, { signal: { id: string } }[]>;
	return keys.flatMap((key) => (segments[key] ?? []).map((entry) => entry.signal.id));
}
