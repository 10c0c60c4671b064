import { browser } from 'wxt/browser';

/** The id of the one dynamic content script: the GLPI overlay. */
export const CONTENT_SCRIPT_ID = 'gx-glpi';

/** "https://glpi.example.org/glpi/" -> "https://glpi.example.org/glpi/*"; the origin alone for the permission. */
export function patternsOf(glpiUrl: string): { origin: string; match: string } | undefined {
	try {
		const url = new URL(glpiUrl);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
		const path = url.pathname.replace(/\/+$/, '');
		return { origin: `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}/*`, match: `${url.origin}${path}/*` };
	} catch {
		return undefined;
	}
}

/**
 * Registers the GLPI content script for the GLPI addresses whose origin the user granted, and only those
 * (least privilege: nothing runs on any other site). Called at start-up, on install and when the options change.
 */
export async function syncRegistrations(glpiUrls: readonly string[]): Promise<string[]> {
	const matches: string[] = [];
	for (const url of glpiUrls) {
		const patterns = patternsOf(url);
		if (patterns && (await browser.permissions.contains({ origins: [patterns.origin] }))) matches.push(patterns.match);
	}
	const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
	// The service worker wakes up often: leave an unchanged registration alone, so no page load falls in between.
	if (existing.length > 0 && [...(existing[0]?.matches ?? [])].sort().join() === [...matches].sort().join()) return matches;
	if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
	if (matches.length > 0) {
		await browser.scripting.registerContentScripts([
			{ id: CONTENT_SCRIPT_ID, matches, js: ['content-scripts/glpi.js'], runAt: 'document_idle', persistAcrossSessions: true },
		]);
	}
	return matches;
}
