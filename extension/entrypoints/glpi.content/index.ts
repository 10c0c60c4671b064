import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '../../core/feature-manager';
import { overlayLayer } from '../../core/overlay-layer';
import { readSettings, watchSettings } from '../../core/settings';
import { FEATURES } from '../../features';
import { isGlpi, pageOf } from '../../glpi/page-context';
import { resolveLanguage, setLanguage } from '../../i18n';

export default defineContentScript({
	// Registered by the background for the GLPI origins the user granted, and nowhere else.
	registration: 'runtime',
	matches: [],
	cssInjectionMode: 'manual',
	// WXT also announced each start to the page with window.postMessage, carrying the extension's id: any GLPI page
	// script heard that the extension runs, and which one. A newer copy of this script stops the old one by a DOM event
	// on the document, named with that id, which the page never hears of.
	noScriptStartedPostMessage: true,
	async main(ctx) {
		// The benchmark reads the time from here to the capture button, and the script's evaluation before it, from a
		// Chrome trace (scripts/bench-extension.js).
		if (import.meta.env.GX_TEST_BUILD) performance.mark('gx-start');
		if (!isGlpi(document)) return;
		const settings = await readSettings();
		// "auto" follows GLPI's own language (<html lang>, the user's GLPI preference), then the browser's (issue 14: a
		// French GLPI in an English browser showed our overlay in English).
		const pageLanguage = () => document.documentElement.lang || navigator.language;
		setLanguage(resolveLanguage(settings.language, pageLanguage()));
		document.documentElement.setAttribute('data-gx-ready', '');
		// The overlay layer goes in with the capture button, in the one frame both cost: what the features draw in it
		// later no longer makes the browser lay out and repaint the whole page (core/overlay-layer.ts).
		overlayLayer(document);
		const controllers = new Map<string, AbortController>();
		await runFeatures(FEATURES, { ctx, page: pageOf(document), document, disabled: new Set(settings.disabledFeatures), controllers });
		// The options apply at once: a new language re-renders our UI, a feature switched off stops (switching one on
		// applies to the pages opened next). Listened to once the features run, so the button comes first.
		const unwatch = watchSettings((next) => {
			setLanguage(resolveLanguage(next.language, pageLanguage()));
			for (const id of next.disabledFeatures) controllers.get(id)?.abort();
		});
		ctx.onInvalidated(unwatch);
	},
});
