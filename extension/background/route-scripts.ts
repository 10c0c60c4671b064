import { browser } from 'wxt/browser';
import { type Result, onMessage } from '../core/messaging';
import { type RouteScript, isRouteScript } from '../core/route-script-names';
import { CONTENT_SCRIPT_ID } from './registration';

/** Who sent the request, as the browser tells it (documentId: Chromium only). */
interface RouteSender {
	id?: string;
	url?: string;
	tab?: { id?: number };
	frameId?: number;
	documentId?: string;
}

/**
 * Where a per-route script may go: a frame of a tab whose content script asked for it, at an address of the GLPI
 * content script's registration (the GLPI addresses the user added and granted). Its file is one of the route
 * scripts', never a path from the message. A content script is all that can send this: GLPI's page cannot message
 * the background, and the extension's own pages have no tab frame of a GLPI address.
 */
export function injectionTarget(
	script: unknown,
	sender: RouteSender | undefined,
	registered: readonly string[],
): { file: `/${RouteScript}.js`; target: { tabId: number; frameIds: number[] } | { tabId: number; documentIds: string[] } } | string {
	if (!isRouteScript(script)) return 'unknown route script';
	const tabId = sender?.tab?.id;
	if (sender?.id !== browser.runtime.id || tabId === undefined || sender.frameId === undefined || !sender.url) return 'not from a content script';
	// Our registrations end in "/*" (background/registration.ts): the address must be under one of them.
	if (!registered.some((match) => match.endsWith('/*') && sender.url?.startsWith(match.slice(0, -1)))) return 'not a registered GLPI address';
	// The document itself where the browser names it, so a frame that went to another page in between gets nothing.
	const target = sender.documentId ? { tabId, documentIds: [sender.documentId] } : { tabId, frameIds: [sender.frameId] };
	return { file: `/${script}.js` as const, target };
}

export function registerRouteScriptHandler(): void {
	onMessage('loadRouteScript', async ({ data, sender }): Promise<Result<true>> => {
		try {
			const registration = (await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] }))[0];
			const found = injectionTarget(data, sender as RouteSender, registration?.matches ?? []);
			if (typeof found === 'string') return { ok: false, error: `refused: ${found}` };
			await browser.scripting.executeScript({ target: found.target, files: [found.file] });
			return { ok: true, value: true };
		} catch (error) {
			return { ok: false, error: error instanceof Error ? error.message : String(error) };
		}
	});
}
