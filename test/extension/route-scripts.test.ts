import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { injectionTarget } from '../../extension/background/route-scripts';
import { type Feature, type FeatureContext, shouldRun } from '../../extension/core/feature-manager';
import { ROUTE_HOST, type RouteHost, routeHost } from '../../extension/core/route-host';
import { ROUTE_SCRIPTS } from '../../extension/core/route-script-names';
import { fr } from '../../extension/i18n/fr';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../extension/core/messaging', () => ({ sendMessage }));

const page = (kind: 'ticket-list' | 'ticket-form' | 'central', itemId?: number) => ({ route: '/front/x.php', kind, interface: 'central' as const, ...(itemId ? { itemId } : {}) });
const contextOf = (signal = new AbortController().signal) => ({ signal, page: page('ticket-list'), document, ctx: {} }) as unknown as FeatureContext;

/** What the background's injection does, seen from the content script: the route script runs and hands its features over. */
const injecting = (...features: Feature[]) =>
	sendMessage.mockImplementation(async () => {
		routeHost()?.define(features);
		return { ok: true, value: true };
	});

/** Each test gets a fresh content script (its module state), in a world where another one may have left its host. */
async function contentScript() {
	vi.resetModules();
	return import('../../extension/core/route-scripts');
}

describe('per-route scripts, from the content script (issue 14: the content script under 32 kB gzip)', () => {
	afterEach(() => delete (globalThis as { [ROUTE_HOST]?: RouteHost })[ROUTE_HOST]);

	it('stand in for their features where those apply, and load nothing before a feature starts', async () => {
		const { onDemand } = await contentScript();
		const list = onDemand('pattern-highlights');
		const form = onDemand('similar-tickets');
		expect(shouldRun(list, page('ticket-list'), document)).toBe(true);
		expect(shouldRun(list, page('ticket-form', 5), document)).toBe(false);
		expect(shouldRun(form, page('ticket-form', 5), document)).toBe(true);
		expect(shouldRun(form, page('ticket-form'), document), 'the creation form has no ticket').toBe(false);
		expect([list.deferred, form.deferred]).toEqual([true, true]);
		expect(sendMessage).not.toHaveBeenCalled();
		expect(routeHost(), 'no host before a route script is asked for').toBeUndefined();
	});

	it("ask for the feature's own script once, then start the feature it hands over with the content script's context", async () => {
		const { onDemand } = await contentScript();
		const init = vi.fn(() => undefined);
		injecting({ id: 'pattern-highlights', include: [() => true], init });
		const context = contextOf();
		await expect(onDemand('pattern-highlights').init(context)).resolves.toBeUndefined();
		expect(sendMessage).toHaveBeenCalledWith('loadRouteScript', 'glpi-ticket-list');
		expect(init).toHaveBeenCalledWith(context);
		// Started a second time, the feature reuses the script already run: it is asked for once.
		await onDemand('pattern-highlights').init(context);
		expect(sendMessage).toHaveBeenCalledTimes(1);
		expect(init).toHaveBeenCalledTimes(2);
	});

	it('keep only the features they asked for: a script handing over any other starts nothing', async () => {
		const { onDemand } = await contentScript();
		const init = vi.fn(() => undefined);
		injecting({ id: 'capture-button', include: [() => true], init }, { id: 'similar-tickets', include: [() => true], init });
		await expect(onDemand('pattern-highlights').init(contextOf())).rejects.toThrow('glpi-ticket-list did not define pattern-highlights');
		// similar-tickets was handed over before anyone asked for it: it is not kept either.
		sendMessage.mockResolvedValue({ ok: true, value: true });
		await expect(onDemand('similar-tickets').init(contextOf())).rejects.toThrow('glpi-ticket-form did not define similar-tickets');
		expect(init).not.toHaveBeenCalled();
	});

	it('start nothing when the page went away while the script loaded, and ask again after a refusal', async () => {
		const { onDemand } = await contentScript();
		const init = vi.fn(() => undefined);
		sendMessage.mockResolvedValueOnce({ ok: false, error: 'refused: not a registered GLPI address' });
		await expect(onDemand('similar-tickets').init(contextOf())).rejects.toThrow('glpi-ticket-form: refused');
		injecting({ id: 'similar-tickets', include: [() => true], init });
		const gone = new AbortController();
		gone.abort();
		await expect(onDemand('similar-tickets').init(contextOf(gone.signal))).resolves.toBe(false);
		expect(sendMessage).toHaveBeenCalledTimes(2);
		expect(init).not.toHaveBeenCalled();
	});

	it("share the content script's language and nothing secret, on a global the page cannot enumerate", async () => {
		// A host left by an earlier copy of the content script is replaced, or the new one's features would never arrive.
		Object.defineProperty(globalThis, ROUTE_HOST, { value: { define: () => undefined }, configurable: true });
		const { onDemand } = await contentScript();
		injecting({ id: 'pattern-highlights', include: [() => true], init: () => undefined });
		await onDemand('pattern-highlights').init(contextOf());
		const host = routeHost();
		expect(Object.keys(host ?? {}).sort()).toEqual(['define', 'i18n', 'overlayLayer']);
		expect(Object.keys(globalThis)).not.toContain(ROUTE_HOST.toString());
		expect(Object.getOwnPropertyDescriptor(globalThis, ROUTE_HOST)).toMatchObject({ enumerable: false, writable: false });
		// The route scripts' stand-in for i18n/index.ts reads the content script's language, and follows its changes.
		const routeI18n = await import('../../extension/core/route-i18n');
		const contentI18n = await import('../../extension/i18n');
		const heard: string[] = [];
		routeI18n.onLanguageChange((language) => heard.push(language));
		contentI18n.setLanguage('fr');
		expect(routeI18n.getLanguage()).toBe('fr');
		expect(heard).toEqual(['fr']);
		expect(routeI18n.t('capture.title')).toBe(fr['capture.title']);
	});
});

describe('per-route scripts, from the background', () => {
	const registered = ['https://glpi.example.org/*', 'https://example.org/glpi/*'];
	const contentScript = (url: string, extra: object = {}) => ({ id: browser.runtime.id, url, tab: { id: 7 }, frameId: 3, ...extra });

	it("run a route script's own file in the asking frame, or in its very document where the browser names it", () => {
		expect(injectionTarget('glpi-ticket-list', contentScript('https://glpi.example.org/front/ticket.php'), registered)).toEqual({
			file: '/glpi-ticket-list.js',
			target: { tabId: 7, frameIds: [3] },
		});
		expect(injectionTarget('glpi-ticket-form', contentScript('https://example.org/glpi/front/ticket.form.php?id=5', { documentId: 'D1' }), registered)).toEqual({
			file: '/glpi-ticket-form.js',
			target: { tabId: 7, documentIds: ['D1'] },
		});
		for (const script of ROUTE_SCRIPTS) expect(injectionTarget(script, contentScript('https://glpi.example.org/'), registered)).not.toBeTypeOf('string');
	});

	it('refuse any other file, any sender but a content script, and any address but the GLPI ones registered', () => {
		const list = 'https://glpi.example.org/front/ticket.php';
		expect(injectionTarget('../background', contentScript(list), registered)).toBe('unknown route script');
		expect(injectionTarget({ toString: () => 'glpi-ticket-list' }, contentScript(list), registered)).toBe('unknown route script');
		expect(injectionTarget('glpi-ticket-list', contentScript(list, { id: 'another-extension' }), registered)).toBe('not from a content script');
		expect(injectionTarget('glpi-ticket-list', { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') }, registered)).toBe('not from a content script');
		expect(injectionTarget('glpi-ticket-list', undefined, registered)).toBe('not from a content script');
		for (const url of ['https://glpi.example.org.evil.test/front/ticket.php', 'https://example.org/front/ticket.php', 'http://glpi.example.org/front/ticket.php']) {
			expect(injectionTarget('glpi-ticket-list', contentScript(url), registered), url).toBe('not a registered GLPI address');
		}
		expect(injectionTarget('glpi-ticket-list', contentScript(list), []), 'no registration: no GLPI address').toBe('not a registered GLPI address');
	});
});
