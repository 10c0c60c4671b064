import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '../../core/feature-manager';
import { settingsStorage } from '../../core/storage';
import { FEATURES } from '../../features';
import { isGlpi, pageOf } from '../../glpi/page-context';
import { resolveLanguage, setLanguage } from '../../i18n';

export default defineContentScript({
	// Registered by the background for the GLPI origins the user granted, and nowhere else.
	registration: 'runtime',
	matches: [],
	cssInjectionMode: 'manual',
	async main(ctx) {
		if (!isGlpi(document)) return;
		const settings = await settingsStorage.getValue();
		setLanguage(resolveLanguage(settings.language));
		document.documentElement.setAttribute('data-gx-ready', '');
		await runFeatures(FEATURES, { ctx, page: pageOf(document), document, disabled: new Set(settings.disabledFeatures) });
	},
});
