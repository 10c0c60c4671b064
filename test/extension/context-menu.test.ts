import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FRICTION_MENU_ID, listenToContextMenu, syncContextMenu } from '../../extension/background/context-menu';
import { DEFAULT_SETTINGS, settingsStorage } from '../../extension/core/storage';

/** WXT's fake browser has no contextMenus; the test stands in for it and records what the background asks. */
function fakeMenus() {
	const created: Record<string, unknown>[] = [];
	let clicked: ((info: { menuItemId: string | number; frameId?: number }, tab?: { id?: number }) => void) | undefined;
	Object.assign(fakeBrowser, {
		contextMenus: {
			removeAll: vi.fn(async () => void created.splice(0)),
			create: vi.fn((properties: Record<string, unknown>) => void created.push(properties)),
			onClicked: { addListener: (listener: typeof clicked) => (clicked = listener) },
		},
	});
	return { created, click: (info: { menuItemId: string; frameId?: number }, tab?: { id?: number }) => clicked?.(info, tab) };
}

describe('the context menu entry', () => {
	beforeEach(() => fakeBrowser.reset());

	it('is made for the registered GLPI pages only, in the user\'s language, and gone without any', async () => {
		const menus = fakeMenus();
		await settingsStorage.setValue({ ...DEFAULT_SETTINGS, language: 'fr' });
		await syncContextMenu(['https://glpi.example.org/*', 'https://example.org/glpi/*']);
		expect(menus.created).toEqual([
			{ id: FRICTION_MENU_ID, title: 'Signaler une friction sur cet élément', contexts: ['all'], documentUrlPatterns: ['https://glpi.example.org/*', 'https://example.org/glpi/*'] },
		]);
		await syncContextMenu([]);
		expect(menus.created).toEqual([]);
	});

	it("asks the tab's top frame to open the friction form on the element right-clicked", async () => {
		const menus = fakeMenus();
		const sent = vi.fn(async (_tabId: number, _message: unknown, _options: unknown) => true);
		Object.assign(fakeBrowser.tabs, { sendMessage: sent });
		vi.stubGlobal('chrome', { ...fakeBrowser, tabs: { sendMessage: (tabId: number, message: unknown, options: unknown, respond: (value: unknown) => void) => void sent(tabId, message, options).then(respond) } });
		listenToContextMenu();
		menus.click({ menuItemId: 'something-else' }, { id: 7 });
		menus.click({ menuItemId: FRICTION_MENU_ID }, { id: 7 });
		await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
		expect(sent).toHaveBeenCalledWith(7, expect.objectContaining({ type: 'openFriction' }), { frameId: 0 });
		vi.unstubAllGlobals();
	});
});
