import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { NOT_OWN_PAGE, fromOwnPage } from '../../extension/background/own-pages';

/** Every handler the manager protocol registers, caught as the background registers them. */
const registered = vi.hoisted(() => new Map<string, (message: { data: unknown; sender: { id?: string; url?: string } }) => unknown>());
vi.mock('../../extension/core/manager-messaging', () => ({
	onManagerMessage: (type: string, handler: (message: { data: unknown; sender: { id?: string; url?: string } }) => unknown) => registered.set(type, handler),
}));

describe("the background's manager operations (issue 15, item 14)", () => {
	const contentScript = () => ({ id: browser.runtime.id, url: 'https://glpi.example.org/front/ticket.form.php?id=5' });
	const popup = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });

	it("tell the extension's own pages from a content script in a GLPI page, by the browser's sender", () => {
		expect(fromOwnPage(popup())).toBe(true);
		expect(fromOwnPage(contentScript())).toBe(false);
		expect(fromOwnPage({ url: browser.runtime.getURL('/popup.html') })).toBe(false);
		expect(fromOwnPage(undefined)).toBe(false);
	});

	it('refuse every manager message from a content script, before it reaches the token', async () => {
		const { registerManagerHandlers } = await import('../../extension/background/manager-handlers');
		registerManagerHandlers();
		expect(registered.size).toBeGreaterThan(5);
		for (const [type, handler] of registered) expect(() => handler({ data: {}, sender: contentScript() }), type).toThrow(NOT_OWN_PAGE);
	});
});
