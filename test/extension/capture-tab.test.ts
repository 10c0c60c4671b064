import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FeatureContext } from '../../extension/core/feature-manager';
import { captureButton } from '../../extension/features/capture-button';
import { setLanguage } from '../../extension/i18n';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../extension/core/messaging', () => ({ sendMessage }));

const page = { route: '/front/ticket.form.php', kind: 'ticket-form' as const, itemtype: 'Ticket', itemId: 5 };
let controller: AbortController;

/** The capture button feature started on the page, as the content script starts it. */
function start() {
	controller = new AbortController();
	void captureButton.init({ signal: controller.signal, page, document, ctx: {} } as unknown as FeatureContext);
	const shadow = document.querySelector('gx-capture-button')?.shadowRoot;
	if (!shadow) throw new Error('no capture button host');
	return { shadow, tab: () => shadow.querySelector<HTMLButtonElement>('[data-gx="capture-button"]') };
}

/** Lets the page have its idle moment, when the plain tab hands over to the full button. */
const idle = () => new Promise((resolve) => setTimeout(resolve, 1100));

describe('the capture tab (issue 14: the button before Preact)', () => {
	beforeEach(() => {
		setLanguage('en');
		document.body.innerHTML = '';
		sendMessage.mockReset();
		sendMessage.mockResolvedValue({ privacy: { redactNames: true, includeCategory: true, includeItemId: true } });
	});
	afterEach(() => controller.abort());

	it('is in the page as soon as the feature starts, and follows a change of language before the hand-over', () => {
		const { tab } = start();
		expect(tab()?.textContent).toBe('Improve');
		setLanguage('fr');
		expect(tab()?.textContent).toBe('Améliorer');
		expect(tab()?.title).not.toBe('');
	});

	it('opens the panel at the first press, before the page had an idle moment', async () => {
		const { shadow, tab } = start();
		const plain = tab();
		plain?.click();
		expect(plain?.isConnected, 'the plain tab made way for the full button').toBe(false);
		await vi.waitFor(() => expect(shadow.querySelector('textarea[name="gx-text"]')).not.toBeNull());
		expect(tab()?.getAttribute('aria-expanded')).toBe('true');
		expect(shadow.querySelectorAll('[data-gx="capture-button"]')).toHaveLength(1);
	});

	it('hands over at the idle moment with the panel closed, keeping the focus on the tab', async () => {
		const { shadow, tab } = start();
		const plain = tab();
		plain?.focus();
		expect(shadow.activeElement).toBe(plain);
		await idle();
		const full = tab();
		expect(full).not.toBe(plain);
		expect(shadow.activeElement).toBe(full);
		expect(full?.getAttribute('aria-expanded')).toBe('false');
		full?.click();
		await vi.waitFor(() => expect(shadow.querySelector('textarea[name="gx-text"]')).not.toBeNull());
		expect(sendMessage).toHaveBeenCalledWith('getOverlayConfig', undefined);
	});

	it('opens the panel for a shortcut that comes right after the hand-over, before the next frame', async () => {
		const { shadow } = start();
		// The hand-over's task comes first (no requestIdleCallback here: a zero timer), then the shortcut's message.
		await new Promise((resolve) => setTimeout(resolve, 0));
		await fakeBrowser.runtime.onMessage.trigger({ id: 1, type: 'openCapture', data: { kind: 'friction' }, timestamp: Date.now() }, {});
		await vi.waitFor(() => expect(shadow.querySelector('textarea[name="gx-text"]')).not.toBeNull());
		expect(shadow.querySelector<HTMLInputElement>('input[name="gx-kind"][value="friction"]')?.checked).toBe(true);
	});

	it('leaves nothing behind when the page goes away before the hand-over', async () => {
		const { tab } = start();
		const plain = tab();
		controller.abort();
		expect(document.querySelector('gx-capture-button')).toBeNull();
		await idle();
		expect(tab(), 'no hand-over in the removed host').toBe(plain);
		expect(sendMessage, 'nor a request to the background').not.toHaveBeenCalled();
	});
});
