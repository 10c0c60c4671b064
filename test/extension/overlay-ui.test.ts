import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CapturePanel } from '../../extension/components/capture-panel';
import { FrictionForm } from '../../extension/components/friction-form';
import { HintsLayer } from '../../extension/components/hints-layer';
import { MeTooLayer } from '../../extension/components/me-too-layer';
import { startPicking } from '../../extension/core/element-picker';
import type { HintView } from '../../extension/core/messaging';
import { DEFAULT_SETTINGS } from '../../extension/core/storage';
import { setLanguage } from '../../extension/i18n';
import { asTheUser } from '../support/user-events';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../extension/core/messaging', () => ({ sendMessage }));

const page = { route: '/front/ticket.form.php', kind: 'ticket-form' as const, itemtype: 'Ticket', itemId: 5, interface: 'central' as const, glpiVersion: '10.0.17', category: 'Network > VPN', status: 'assigned' };
const privacy = DEFAULT_SETTINGS.privacy;

let container: HTMLElement;
/** Every event reads as the user's own, except in the tests of what a script of the page does. */
let asScript = () => undefined as void;
beforeEach(() => {
	setLanguage('en');
	document.body.innerHTML = '';
	container = document.createElement('div');
	document.body.append(container);
	sendMessage.mockReset();
	asScript = asTheUser();
});
afterEach(() => {
	asScript();
	render(null, container);
});

const type = async (element: Element | null, value: string) =>
	act(() => {
		(element as HTMLInputElement).value = value;
		element?.dispatchEvent(new Event('input', { bubbles: true }));
	});
const previewFields = () => Object.fromEntries([...container.querySelectorAll('[data-gx="preview-fields"] div')].map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]));

describe('the capture panel', () => {
	it('previews exactly what leaves: the redacted words and every field of the context', async () => {
		const onSubmit = vi.fn();
		await act(() => render(h(CapturePanel, { names: ['Martin Alice'], page, privacy, onSubmit, onCancel: vi.fn() }), container));
		await type(container.querySelector('textarea[name="gx-text"]'), 'Ask Martin Alice at alice@example.org or 06 12 34 56 78');
		await type(container.querySelector('input[name="gx-tags"]'), 'Too many steps, VPN');
		expect(container.querySelector('[data-gx="preview"]')?.textContent).toBe('Ask [name] at [email] or [phone]');
		expect(previewFields()).toEqual({
			Kind: 'Idea',
			Tags: '#too-many-steps #vpn',
			Page: '/front/ticket.form.php',
			'Page kind': 'ticket-form',
			Item: 'Ticket #5',
			Interface: 'central',
			'GLPI version': '10.0.17',
			Category: 'Network > VPN',
			Status: 'assigned',
		});
		await act(() => (container.querySelector('[data-gx="send"]') as HTMLButtonElement).click());
		expect(onSubmit).toHaveBeenCalledWith({ kind: 'idea', text: 'Ask Martin Alice at alice@example.org or 06 12 34 56 78', tags: ['too-many-steps', 'vpn'] });
	});

	it('shows no category, status or number when the user keeps them, refuses an empty idea, and offers tagging only when it is on', async () => {
		const onSubmit = vi.fn();
		await act(() => render(h(CapturePanel, { names: [], page, privacy: { ...privacy, includeCategory: false, includeItemId: false }, onSubmit, onCancel: vi.fn() }), container));
		expect(previewFields()).not.toHaveProperty('Category');
		expect(previewFields()).not.toHaveProperty('Status');
		expect(previewFields().Item).toBe('Ticket');
		await act(() => (container.querySelector('[data-gx="send"]') as HTMLButtonElement).click());
		expect(onSubmit).not.toHaveBeenCalled();
		expect(container.querySelector('[role="alert"]')?.textContent).toBe('Write a few words first.');
		expect(container.querySelector('[data-gx="tag-element"]')).toBeNull();
		const onTagElement = vi.fn();
		await act(() => render(h(CapturePanel, { names: [], page, privacy, onSubmit, onCancel: vi.fn(), onTagElement }), container));
		await act(() => (container.querySelector('[data-gx="tag-element"]') as HTMLButtonElement).click());
		expect(onTagElement).toHaveBeenCalled();
	});

	it('sends on Ctrl+Enter or Cmd+Enter from the text, not on a bare Enter, and cancels on Escape', async () => {
		const onSubmit = vi.fn();
		const onCancel = vi.fn();
		await act(() => render(h(CapturePanel, { names: [], page, privacy, onSubmit, onCancel }), container));
		const text = container.querySelector('textarea[name="gx-text"]') as HTMLTextAreaElement;
		await type(text, 'A shortcut to send');
		const press = (init: KeyboardEventInit) =>
			act(() => {
				text.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
			});
		await press({ key: 'Enter' });
		expect(onSubmit).not.toHaveBeenCalled();
		await press({ key: 'Enter', ctrlKey: true });
		await press({ key: 'Enter', metaKey: true });
		expect(onSubmit).toHaveBeenCalledTimes(2);
		expect(onSubmit).toHaveBeenCalledWith({ kind: 'idea', text: 'A shortcut to send', tags: [] });
		expect(onCancel).not.toHaveBeenCalled();
		await press({ key: 'Escape' });
		expect(onCancel).toHaveBeenCalledOnce();
	});

	it('speaks French when the language changes, at once', async () => {
		await act(() => render(h(CapturePanel, { names: [], page, privacy, onSubmit: vi.fn(), onCancel: vi.fn() }), container));
		expect(container.querySelector('h2')?.textContent).toBe('Improve this page');
		await act(() => setLanguage('fr'));
		expect(container.querySelector('h2')?.textContent).toBe('Améliorer cette page');
	});
});

describe('the friction form', () => {
	it('needs a tag, takes an optional word, and previews the element', async () => {
		const onSubmit = vi.fn();
		const target = { selector: '#itil-form select[name="itilcategories_id"]', label: 'Category' };
		await act(() => render(h(FrictionForm, { target, page, names: [], privacy, onSubmit, onCancel: vi.fn() }), container));
		expect(previewFields().Element).toBe('Category — #itil-form select[name="itilcategories_id"]');
		await act(() => (container.querySelector('[data-gx="send"]') as HTMLButtonElement).click());
		expect(onSubmit).not.toHaveBeenCalled();
		await act(() => (container.querySelector('input[value="confusing"]') as HTMLInputElement).click());
		await act(() => (container.querySelector('input[value="missing-option"]') as HTMLInputElement).click());
		await type(container.querySelector('input[name="gx-friction-text"]'), 'no VPN sub-category');
		await act(() => (container.querySelector('[data-gx="send"]') as HTMLButtonElement).click());
		expect(onSubmit).toHaveBeenCalledWith({ tags: ['confusing', 'missing-option'], text: 'no VPN sub-category' });
	});
});

describe('the element picker', () => {
	const glpiField = `<form id="itil-form"><div class="form-field row"><label class="col-form-label" for="dropdown_status_1">Status</label>
		<div class="field-container"><select name="status" id="dropdown_status123456"><option>New</option></select><span class="select2 select2-container"><span class="select2-selection__rendered" id="rendered">New</span></span></div></div></form>`;

	it("highlights what the pointer is over, picks on click without letting GLPI react, and cancels on Escape", () => {
		document.body.insertAdjacentHTML('beforeend', glpiField);
		const glpiClick = vi.fn();
		const rendered = document.querySelector('#rendered')!;
		rendered.addEventListener('click', glpiClick);
		const onHover = vi.fn();
		const onPick = vi.fn();
		const onCancel = vi.fn();
		const controller = new AbortController();
		startPicking(document, { onHover, onPick, onCancel }, controller.signal);
		rendered.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
		expect(onHover).toHaveBeenLastCalledWith(document.querySelector('select[name="status"]'));
		// A press: pointerdown and pointerup pick (they reach disabled fields too), the click after it is held.
		rendered.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true, button: 0 }));
		rendered.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, cancelable: true, button: 0 }));
		expect(onPick).toHaveBeenCalledWith(document.querySelector('select[name="status"]'));
		rendered.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
		expect(onPick).toHaveBeenCalledTimes(1);
		expect(glpiClick).not.toHaveBeenCalled();
		// Picking ended: the page behaves as before.
		rendered.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
		expect(glpiClick).toHaveBeenCalledTimes(1);

		startPicking(document, { onHover, onPick, onCancel }, controller.signal);
		document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
		expect(onCancel).toHaveBeenCalled();
		controller.abort();
	});
});

describe('the "me too" markers', () => {
	const hint = (selector: string, extra: Partial<HintView> = {}): HintView => ({ key: `${page.route}|${selector}`, kind: 'known-issue', selector, text: 'Known issue: confusing', signalCount: 4, tags: ['confusing'], mine: false, id: `item:x:${selector}`, dismissed: false, ...extra });
	const place = (element: Element | null) => {
		if (element) element.getBoundingClientRect = () => ({ top: 100, left: 50, right: 250, bottom: 130, width: 200, height: 30, x: 50, y: 100, toJSON: () => ({}) });
	};
	const markers = () => [...container.querySelectorAll<HTMLButtonElement>('[data-gx="me-too"]')];

	it('marks the element with the count, and one click adds the user\'s own friction signal, once', async () => {
		document.body.insertAdjacentHTML('afterbegin', '<form id="itil-form"><div class="form-field"><label class="col-form-label">Category</label><select name="itilcategories_id"></select></div></form>');
		place(document.querySelector('select'));
		sendMessage.mockResolvedValue({ ok: true, value: { id: 'x' } });
		const controller = new AbortController();
		await act(() => render(h(MeTooLayer, { hints: [hint('#itil-form select[name="itilcategories_id"]')], page, doc: document, signal: controller.signal }), container));
		expect(markers().map((marker) => marker.textContent)).toEqual(['+1 4']);
		await act(() => markers()[0]?.click());
		expect(sendMessage).toHaveBeenCalledWith('meToo', {
			key: '/front/ticket.form.php|#itil-form select[name="itilcategories_id"]',
			draft: expect.objectContaining({ kind: 'friction', tags: ['confusing'], target: { selector: '#itil-form select[name="itilcategories_id"]', label: 'Category' } }),
		});
		expect(markers().map((marker) => marker.textContent)).toEqual(['✓ 5']);
		await act(() => markers()[0]?.click());
		expect(sendMessage).toHaveBeenCalledTimes(1);
		controller.abort();
	});

	it('waits for GLPI to load the element by AJAX, and shows nothing for a selector that is not unique', async () => {
		document.body.insertAdjacentHTML('afterbegin', '<div id="tab"></div><button class="twice">a</button><button class="twice">b</button>');
		const controller = new AbortController();
		await act(() => render(h(MeTooLayer, { hints: [hint('#itil-form select[name="status"]'), hint('button.twice')], page, doc: document, signal: controller.signal }), container));
		expect(markers()).toHaveLength(0);
		await act(async () => {
			document.querySelector('#tab')!.innerHTML = '<form id="itil-form"><select name="status"></select></form>';
			place(document.querySelector('select[name="status"]'));
			await new Promise((resolve) => setTimeout(resolve, 0));
		});
		expect(markers().map((marker) => marker.getAttribute('data-gx-selector'))).toEqual(['#itil-form select[name="status"]']);
		controller.abort();
	});
});

describe('several items on one field (issue 14, item 9)', () => {
	const category = '#itil-form select[name="itilcategories_id"]';
	const item = (selector: string, id: string, extra: Partial<HintView> = {}): HintView => ({ key: `${page.route}|${selector}|${id}`, kind: 'known-issue', selector, text: `Known issue ${id}`, signalCount: 2, tags: ['confusing'], mine: false, id: `item:${id}:h`, dismissed: false, ...extra });
	const form = () => {
		document.body.insertAdjacentHTML('afterbegin', '<form id="itil-form"><div class="form-field"><label class="col-form-label">Category</label><select name="itilcategories_id"></select></div></form>');
		const select = document.querySelector('select');
		if (select) select.getBoundingClientRect = () => ({ top: 100, left: 150, right: 350, bottom: 130, width: 200, height: 30, x: 150, y: 100, toJSON: () => ({}) });
	};
	/**
	 * Where the placed boxes holding the markers sit (their inline top and left), one entry per box: two boxes at one
	 * point lie on top of each other; markers in one box are laid out side by side by it.
	 */
	const points = (selector: string) => [...new Set([...container.querySelectorAll<HTMLElement>(selector)].map((element) => element.closest<HTMLElement>('[style*="top"]')))].map((box) => box?.getAttribute('style') ?? 'unplaced');

	it('shows one "me too" per item when two items share a selector (different tags), each joining its own item', async () => {
		form();
		sendMessage.mockResolvedValue({ ok: true, value: { id: 'x' } });
		const controller = new AbortController();
		const small = item(category, 'it_small', { signalCount: 2, tags: ['confusing'] });
		const large = item(category, 'it_large', { signalCount: 9, tags: ['slow'] });
		await act(() => render(h(MeTooLayer, { hints: [small, large], page, doc: document, signal: controller.signal }), container));
		const markers = () => [...container.querySelectorAll<HTMLButtonElement>('[data-gx="me-too"]')];
		expect(markers().map((marker) => marker.textContent)).toEqual(['+1 9', '+1 2']);
		await act(() => markers()[0]?.click());
		expect(sendMessage).toHaveBeenLastCalledWith('meToo', { key: large.key, draft: expect.objectContaining({ tags: ['slow'] }) });
		expect(markers().map((marker) => marker.textContent)).toEqual(['✓ 10', '+1 2']);
		await act(() => markers()[1]?.click());
		expect(sendMessage).toHaveBeenLastCalledWith('meToo', { key: small.key, draft: expect.objectContaining({ tags: ['confusing'] }) });
		controller.abort();
	});

	it('puts the "me too" of items whose selectors differ but find one element side by side, never at one spot', async () => {
		form();
		const controller = new AbortController();
		await act(() => render(h(MeTooLayer, { hints: [item(category, 'it_a'), item('select[name="itilcategories_id"]', 'it_b', { signalCount: 5 })], page, doc: document, signal: controller.signal }), container));
		const placed = points('[data-gx="me-too"]');
		expect(new Set(placed).size, JSON.stringify(placed)).toBe(placed.length);
		expect([...container.querySelectorAll('[data-gx="me-too"]')].map((marker) => marker.textContent)).toEqual(['+1 5', '+1 2']);
		controller.abort();
	});

	it('folds the hints of one element into one "i", whose card shows them all', async () => {
		form();
		const controller = new AbortController();
		await act(() => render(h(HintsLayer, { hints: [item(category, 'it_a'), item('select[name="itilcategories_id"]', 'it_b')], doc: document, signal: controller.signal }), container));
		const markers = [...container.querySelectorAll<HTMLButtonElement>('[data-gx="hint-marker"]')];
		const placed = points('[data-gx="hint-marker"]');
		expect(new Set(placed).size, JSON.stringify(placed)).toBe(placed.length);
		await act(() => markers[0]?.click());
		expect([...container.querySelectorAll('[data-gx="hint-card"] .gx-hint-text')].map((card) => card.textContent)).toEqual(['Known issue it_a', 'Known issue it_b']);
		controller.abort();
	});
});

describe("what a script of GLPI's page does to our open shadow roots", () => {
	beforeEach(() => asScript());
	const ctrlEnter = (element: Element | null) => element?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));

	it('cannot send a capture: not by clicking Send, nor by Ctrl+Enter, nor by submitting the form', async () => {
		const onSubmit = vi.fn();
		await act(() => render(h(CapturePanel, { names: [], page, privacy, onSubmit, onCancel: vi.fn() }), container));
		await type(container.querySelector('textarea[name="gx-text"]'), 'Written by a script');
		await act(() => (container.querySelector('[data-gx="send"]') as HTMLButtonElement).click());
		await act(() => {
			ctrlEnter(container.querySelector('textarea[name="gx-text"]'));
		});
		await act(() => (container.querySelector('form') as HTMLFormElement).requestSubmit());
		expect(onSubmit).not.toHaveBeenCalled();
		// The user's own click, next, sends only once the user's own edit has made the script's words theirs.
		asScript = asTheUser();
		await act(() => (container.querySelector('[data-gx="send"]') as HTMLButtonElement).click());
		expect(onSubmit).not.toHaveBeenCalled();
		await type(container.querySelector('textarea[name="gx-text"]'), 'Written by a script, checked by me');
		await act(() => (container.querySelector('[data-gx="send"]') as HTMLButtonElement).click());
		expect(onSubmit).toHaveBeenCalledWith({ kind: 'idea', text: 'Written by a script, checked by me', tags: [] });
	});

	/** The user types, then a script of the page rewrites the box before the user's own Send click. */
	async function rewrittenAfterTyping(rewrite: (box: HTMLTextAreaElement) => void) {
		const onSubmit = vi.fn();
		asScript = asTheUser();
		await act(() => render(h(CapturePanel, { names: [], page, privacy, onSubmit, onCancel: vi.fn() }), container));
		const box = container.querySelector('textarea[name="gx-text"]') as HTMLTextAreaElement;
		await type(box, 'The VPN form needs a sub-category');
		asScript();
		await act(() => rewrite(box));
		asScript = asTheUser();
		await act(() => (container.querySelector('[data-gx="send"]') as HTMLButtonElement).click());
		return { onSubmit, box };
	}

	it("cannot change what the user's Send click sends by setting the text box's value", async () => {
		const { onSubmit, box } = await rewrittenAfterTyping((box) => (box.value = 'Call 06 12 34 56 78 for a free VPN'));
		expect(onSubmit).not.toHaveBeenCalled();
		expect(container.querySelector('[role="alert"]')?.textContent).toContain('not by your typing');
		// The panel stays open and shows again the text the user typed (the script's value never reached what is sent);
		// that text, checked, the user's next click sends.
		expect(box.isConnected && box.value).toBe('The VPN form needs a sub-category');
		await act(() => (container.querySelector('[data-gx="send"]') as HTMLButtonElement).click());
		expect(onSubmit).toHaveBeenCalledWith({ kind: 'idea', text: 'The VPN form needs a sub-category', tags: [] });
	});

	it("cannot change what the user's Send click sends by firing an input event of its own", async () => {
		const { onSubmit, box } = await rewrittenAfterTyping((box) => {
			box.value = 'Call 06 12 34 56 78 for a free VPN';
			box.dispatchEvent(new Event('input', { bubbles: true }));
		});
		expect(onSubmit).not.toHaveBeenCalled();
		expect(container.querySelector('[role="alert"]')?.textContent).toContain('not by your typing');
		expect(box.value).toBe('Call 06 12 34 56 78 for a free VPN');
		await act(() => setLanguage('fr'));
		await act(() => (container.querySelector('[data-gx="send"]') as HTMLButtonElement).click());
		expect(container.querySelector('[role="alert"]')?.textContent).toContain('pas par votre saisie');
		expect(onSubmit).not.toHaveBeenCalled();
	});

	it("cannot add words to the friction form's box behind the user's Send click", async () => {
		const onSubmit = vi.fn();
		asScript = asTheUser();
		await act(() => render(h(FrictionForm, { target: undefined, page, names: [], privacy, onSubmit, onCancel: vi.fn() }), container));
		await act(() => (container.querySelector('input[value="slow"]') as HTMLInputElement).click());
		asScript();
		await act(() => {
			(container.querySelector('input[name="gx-friction-text"]') as HTMLInputElement).value = 'see evil.example';
		});
		asScript = asTheUser();
		await act(() => (container.querySelector('[data-gx="send"]') as HTMLButtonElement).click());
		expect(onSubmit).not.toHaveBeenCalled();
		expect(container.querySelector('[role="alert"]')?.textContent).toContain('not by your typing');
	});

	it('cannot send a friction tag, nor add a "me too"', async () => {
		const onSubmit = vi.fn();
		const target = { selector: '#itil-form select[name="status"]', label: 'Status' };
		await act(() => render(h(FrictionForm, { target, page, names: [], privacy, onSubmit, onCancel: vi.fn() }), container));
		await act(() => (container.querySelector('input[value="confusing"]') as HTMLInputElement).click());
		await act(() => (container.querySelector('[data-gx="send"]') as HTMLButtonElement).click());
		await act(() => (container.querySelector('form') as HTMLFormElement).requestSubmit());
		expect(onSubmit).not.toHaveBeenCalled();
		await act(() => render(null, container));

		document.body.insertAdjacentHTML('afterbegin', '<form id="itil-form"><select name="status"></select></form>');
		const select = document.querySelector('select');
		if (select) select.getBoundingClientRect = () => ({ top: 100, left: 50, right: 250, bottom: 130, width: 200, height: 30, x: 50, y: 100, toJSON: () => ({}) });
		const controller = new AbortController();
		const hint: HintView = { key: `${page.route}|#itil-form select[name="status"]`, kind: 'known-issue', selector: '#itil-form select[name="status"]', text: 'Known issue', signalCount: 4, tags: ['confusing'], mine: false, id: 'item:x', dismissed: false };
		await act(() => render(h(MeTooLayer, { hints: [hint], page, doc: document, signal: controller.signal }), container));
		await act(() => container.querySelector<HTMLButtonElement>('[data-gx="me-too"]')?.click());
		expect(sendMessage).not.toHaveBeenCalled();
		controller.abort();
	});
});
