import { getLanguage, onLanguageChange, t } from '../i18n';
import type { Feature } from './feature-manager';
import { sendMessage } from './messaging';
import { overlayLayer } from './overlay-layer';
import { ROUTE_HOST, type RouteHost } from './route-host';
import { ON_DEMAND, type OnDemandId } from './route-features';
import type { RouteScript } from './route-script-names';

/** Features a route script handed over, by id; and the ids asked for and not handed over yet. */
const defined = new Map<string, Feature>();
const awaited = new Set<string>();
const loading = new Map<RouteScript, Promise<void>>();

const host: RouteHost = Object.freeze({
	define(features: readonly Feature[]) {
		for (const feature of features) if (awaited.delete(feature.id)) defined.set(feature.id, feature);
	},
	i18n: Object.freeze({ t, getLanguage, onLanguageChange }),
	overlayLayer,
});

/**
 * Puts the host on the isolated world's global object, not enumerable, not writable; in place of any other (a copy of
 * this module from an earlier version of the extension, still in this isolated world, would otherwise keep its own).
 */
function exposeHost(): void {
	const global = globalThis as { [ROUTE_HOST]?: RouteHost };
	if (global[ROUTE_HOST] !== host) Object.defineProperty(globalThis, ROUTE_HOST, { value: host, configurable: true });
}

/**
 * Asks the background to run `script` in this frame (background/route-scripts.ts: scripting.executeScript into the
 * sender's own frame, for a GLPI address the user granted). The injection resolves once the script has run, and it
 * hands its features over synchronously: nothing is left to wait for. GLPI's page can neither ask for it (it cannot
 * message the background) nor see the host (it lives in our isolated world).
 */
function load(script: RouteScript): Promise<void> {
	let pending = loading.get(script);
	if (!pending) {
		pending = sendMessage('loadRouteScript', script).then((result) => {
			if (!result.ok) throw new Error(`${script}: ${result.error}`);
		});
		pending.catch(() => loading.delete(script));
		loading.set(script, pending);
	}
	return pending;
}

/**
 * The content script's stand-in for a feature of a per-route script: the feature manager runs it where the feature
 * applies and the user did not switch it off, and only then is the route script loaded and the feature started, with
 * the content script's own context (its signal, the page, the document).
 */
export function onDemand(id: OnDemandId): Feature {
	const { script, ...where } = ON_DEMAND[id];
	return {
		id,
		...where,
		async init(context) {
			exposeHost();
			if (!defined.has(id)) awaited.add(id);
			await load(script);
			const feature = defined.get(id);
			if (!feature) throw new Error(`${script} did not define ${id}`);
			if (context.signal.aborted) return false;
			return feature.init(context);
		},
	};
}
