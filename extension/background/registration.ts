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
	const existing = (await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] }))[0];
	// The service worker wakes up often: leave an unchanged registration alone, so no page load falls in between. One
	// made by an earlier version (without the stylesheet) is made again.
	if (existing && sameList(existing.matches, matches) && sameList(existing.css, CSS)) return matches;
	if (existing) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
	if (matches.length > 0) {
		await browser.scripting.registerContentScripts([
			{ id: CONTENT_SCRIPT_ID, matches, js: ['content-scripts/glpi.js'], css: CSS, runAt: 'document_idle', persistAcrossSessions: true },
		]);
	}
	return matches;
}

/** Injected before GLPI's page is drawn, whatever `runAt` says (public/content-scripts/glpi-layers.css). */
const CSS = ['content-scripts/glpi-layers.css'];

const sameList = (a: readonly string[] | undefined, b: readonly string[]) => [...(a ?? [])].sort().join() === [...b].sort().join();
