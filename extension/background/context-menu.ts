import { browser } from 'wxt/browser';
import { sendToTab } from '../core/content-messaging';
import { settingsStorage } from '../core/storage';
import { resolveLanguage, setLanguage, t } from '../i18n';
// The menu's strings are the extension pages' catalogue, never loaded in GLPI pages.
import '../i18n/manager';

export const FRICTION_MENU_ID = 'gx-report-friction';

/**
 * "Report friction on this element" in the context menu, only on the GLPI pages the content script is registered for
 * (documentUrlPatterns = the registered matches), in the user's language. Made again whenever the GLPI addresses or
 * the language change; removeAll first, because creating an existing id fails.
 */
export async function syncContextMenu(matches: readonly string[]): Promise<void> {
	await browser.contextMenus.removeAll();
	if (matches.length === 0) return;
	setLanguage(resolveLanguage((await settingsStorage.getValue()).language));
	browser.contextMenus.create({ id: FRICTION_MENU_ID, title: t('menu.reportFriction'), contexts: ['all'], documentUrlPatterns: [...matches] });
}

/** The click goes to the top frame's content script, which knows the element right-clicked last. */
export function listenToContextMenu(): void {
	browser.contextMenus.onClicked.addListener((info, tab) => {
		if (info.menuItemId !== FRICTION_MENU_ID || tab?.id === undefined) return;
		void sendToTab('openFriction', {}, { tabId: tab.id, frameId: 0 }).catch((error: unknown) => console.warn('[gx] context menu', error));
	});
}
