import type { Language, MessageKey } from '../i18n';
import type { Feature } from './feature-manager';

/**
 * What the content script hands to its per-route scripts (core/route-scripts.ts), on its isolated world's global
 * object under a symbol. GLPI's page cannot see that object (a content script's globals live in the extension's
 * isolated world; the page has its own), and nothing secret is on it anyway: no setting, no token, no messaging; a
 * way to hand over features the content script asked for, the language of its strings and its overlay layer.
 */
export interface RouteHost {
	/** Takes the features a route script defines; only those the content script is waiting for are kept. */
	define(features: readonly Feature[]): void;
	i18n: {
		t(key: MessageKey, values?: Record<string, string | number>): string;
		getLanguage(): Language;
		onLanguageChange(listener: (language: Language) => void): () => void;
	};
	overlayLayer(doc: Document): HTMLElement;
}

export const ROUTE_HOST = Symbol.for('glpi-improve.route-host');

/** In a route script: the content script's host, or undefined where it did not run (the frame went elsewhere). */
export function routeHost(): RouteHost | undefined {
	return (globalThis as { [ROUTE_HOST]?: RouteHost })[ROUTE_HOST];
}

/** In a route script: the host, which must be there once the script runs (its features call it only then). */
export function requireRouteHost(): RouteHost {
	const host = routeHost();
	if (!host) throw new Error('GLPI Improve: a route script ran without the content script');
	return host;
}

/**
 * In a route script: hands its features to the content script that asked for it. Where the content script did not run
 * (the frame went to another page before the script came), nothing starts.
 */
export function defineRouteFeatures(features: readonly Feature[]): void {
	routeHost()?.define(features);
}
