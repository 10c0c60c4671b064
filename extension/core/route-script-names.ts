/**
 * The GLPI overlay's per-route scripts: the features that serve one kind of GLPI page only, kept out of the content
 * script every GLPI page loads (issue 14's budget, docs/OVERLAY.md, "Per-route scripts"). Each is an unlisted script
 * (entrypoints/<name>/index.ts, built to /<name>.js) that the background injects into the frame whose content script
 * asks for it (core/route-scripts.ts). No imports here: wxt.config.ts reads this list to build them apart.
 */
export const ROUTE_SCRIPTS = ['glpi-ticket-list', 'glpi-ticket-form'] as const;
export type RouteScript = (typeof ROUTE_SCRIPTS)[number];

export const isRouteScript = (value: unknown): value is RouteScript => (ROUTE_SCRIPTS as readonly unknown[]).includes(value);

/**
 * Modules whose state the route scripts share with the content script, in the same isolated world: the language and
 * catalogues (a copy would stay in English, and miss a change made in the options) and the overlay layer (a copy would
 * add a second layer, which costs a walk of the whole page). In a route script's build each is replaced by the module
 * beside it, which forwards to the content script's own (wxt.config.ts); every other module is bundled in, as a copy.
 */
export const SHARED_FROM_CONTENT_SCRIPT: Record<string, string> = {
	'extension/i18n/index.ts': 'extension/core/route-i18n.ts',
	'extension/core/overlay-layer.ts': 'extension/core/route-overlay-layer.ts',
};
