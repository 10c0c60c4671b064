import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { DEAD_CLICK_MS, RageClicks, clickableOf, watchDeadClicks, watchRageClicks, watchSlowLoad } from '../../extension/core/friction-detectors';
import { FORM_ERROR_WINDOW_MS, watchFormErrors } from '../../extension/glpi/form-errors';
import { asTheUser } from '../support/user-events';

const click = (element: Element, init: MouseEventInit = {}) => element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init }));

describe('rage clicks', () => {
	it('needs 3 clicks within 1 s within 30 px, and reports a burst once', () => {
		const rage = new RageClicks();
		expect(rage.push({ t: 0, x: 100, y: 100 })).toBe(false);
		expect(rage.push({ t: 300, x: 110, y: 105 })).toBe(false);
		expect(rage.push({ t: 600, x: 95, y: 98 })).toBe(true);
		// The same burst goes on: no second report.
		expect(rage.push({ t: 800, x: 100, y: 100 })).toBe(false);
		expect(rage.push({ t: 1500, x: 100, y: 100 })).toBe(false);
		// After a pause, a new burst counts again.
		expect([3000, 3200, 3400].map((t) => rage.push({ t, x: 100, y: 100 }))).toEqual([false, false, true]);
	});

	it('does not count clicks too slow or too far apart', () => {
		const slow = new RageClicks();
		expect([0, 600, 1200, 1800].map((t) => slow.push({ t, x: 0, y: 0 }))).toEqual([false, false, false, false]);
		const spread = new RageClicks();
		expect([0, 100, 200].map((t, i) => spread.push({ t, x: i * 40, y: 0 }))).toEqual([false, false, false]);
	});

	it('never reports two rage clicks from one burst of any length (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 3, maxLength: 40 }), (gaps) => {
				const rage = new RageClicks();
				let t = 0;
				let reports = 0;
				for (const gap of gaps) {
					t += gap;
					if (rage.push({ t, x: 10, y: 10 })) reports++;
				}
				// Every gap is under 1 s at the same spot: one burst, at most one report.
				expect(reports).toBeLessThanOrEqual(1);
			}),
		);
	});

	it('reports the element under a burst of real click events', () => {
		const done = asTheUser();
		onTestFinished(done);
		document.body.innerHTML = '<button id="save">Save</button>';
		const controller = new AbortController();
		const report = vi.fn();
		watchRageClicks(document, controller.signal, report);
		const button = document.querySelector('#save')!;
		for (let i = 0; i < 4; i++) click(button, { clientX: 20, clientY: 20 });
		expect(report).toHaveBeenCalledTimes(1);
		expect(report).toHaveBeenCalledWith(button);
		controller.abort();
	});
});

describe('dead clicks', () => {
	let done: () => void;
	beforeEach(() => {
		vi.useFakeTimers();
		done = asTheUser();
	});
	afterEach(() => {
		vi.useRealTimers();
		done();
	});

	it('knows what can be a dead click', () => {
		document.body.innerHTML = `<a id="link" href="#x"><span id="inner">Go</span></a><a id="tab" href="/x" target="_blank">New tab</a>
			<input id="text" type="text"><select id="select"></select><input id="submit" type="submit"><input id="box" type="checkbox">
			<div id="plain">text</div><button id="button">Do</button>`;
		const $ = (id: string) => document.getElementById(id)!;
		expect(clickableOf($('inner'))).toBe($('link'));
		expect(clickableOf($('button'))).toBe($('button'));
		expect(clickableOf($('submit'))).toBe($('submit'));
		for (const id of ['tab', 'text', 'select', 'box', 'plain']) expect(clickableOf($(id)), id).toBeNull();
	});

	it('reports a click on a button that changes nothing within 2.5 s', async () => {
		document.body.innerHTML = '<button id="dead">Nothing</button>';
		const controller = new AbortController();
		const report = vi.fn();
		watchDeadClicks(document, controller.signal, report);
		click(document.querySelector('#dead')!);
		await vi.advanceTimersByTimeAsync(DEAD_CLICK_MS - 100);
		expect(report).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(200);
		expect(report).toHaveBeenCalledWith(document.querySelector('#dead'));
		controller.abort();
	});

	it('does not report a click the page answered (DOM change, scroll), nor a click that opens a new tab', async () => {
		document.body.innerHTML = '<button id="live">Open</button><div id="panel" hidden></div><a id="link" href="#">Link</a>';
		const controller = new AbortController();
		const report = vi.fn();
		watchDeadClicks(document, controller.signal, report);
		const live = document.querySelector('#live')!;
		live.addEventListener('click', () => document.querySelector('#panel')!.removeAttribute('hidden'));
		click(live);
		click(document.querySelector('#link')!, { ctrlKey: true });
		await vi.advanceTimersByTimeAsync(DEAD_CLICK_MS * 2);
		expect(report).not.toHaveBeenCalled();
		click(document.querySelector('#link')!);
		document.dispatchEvent(new Event('scroll'));
		await vi.advanceTimersByTimeAsync(DEAD_CLICK_MS * 2);
		expect(report).not.toHaveBeenCalled();
		controller.abort();
	});

	it('stops watching when the feature is aborted', async () => {
		document.body.innerHTML = '<button id="dead">Nothing</button>';
		const controller = new AbortController();
		const report = vi.fn();
		watchDeadClicks(document, controller.signal, report);
		click(document.querySelector('#dead')!);
		controller.abort();
		await vi.advanceTimersByTimeAsync(DEAD_CLICK_MS * 2);
		expect(report).not.toHaveBeenCalled();
	});
});

describe('slow page loads', () => {
	it('reports a load over the threshold from navigation timing, and not one under it', async () => {
		const timing = (loadEventEnd: number) =>
			({ document: { readyState: 'complete' }, performance: { getEntriesByType: () => [{ startTime: 0, loadEventEnd }] }, addEventListener: vi.fn() }) as unknown as Window;
		const report = vi.fn();
		watchSlowLoad(timing(5200), 4000, new AbortController().signal, report);
		watchSlowLoad(timing(1200), 4000, new AbortController().signal, report);
		await new Promise((resolve) => setTimeout(resolve, 5));
		expect(report).toHaveBeenCalledTimes(1);
		expect(report).toHaveBeenCalledWith(5200);
	});
});

describe('GLPI form errors', () => {
	let done: () => void;
	beforeEach(() => {
		sessionStorage.clear();
		done = asTheUser();
	});
	afterEach(() => done());

	it('reports a required field the browser refused', () => {
		document.body.innerHTML = '<form id="itil-form"><div class="form-field"><label class="col-form-label">Title</label><input name="name" required></div></form>';
		const controller = new AbortController();
		const report = vi.fn();
		watchFormErrors(document, controller.signal, report);
		document.querySelector('input')!.dispatchEvent(new Event('invalid', { cancelable: true }));
		expect(report).toHaveBeenCalledWith({ selector: '#itil-form input[name="name"]', label: 'Title' });
		controller.abort();
	});

	it("reports GLPI's error toast after a submit, across the POST and redirect", async () => {
		document.body.innerHTML = '<div id="messages_after_redirect"></div><form id="itil-form" action="/front/ticket.form.php"><button name="update">Save</button></form>';
		let now = 1_000_000;
		const first = new AbortController();
		watchFormErrors(document, first.signal, vi.fn(), () => now);
		document.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
		first.abort();
		// The next page load shows the red toast that GLPI rendered after the redirect.
		now += 2000;
		document.body.innerHTML = '<div id="messages_after_redirect"><div class="toast"><div class="toast-header bg-danger text-white"><strong>Error</strong></div></div></div>';
		const second = new AbortController();
		const report = vi.fn();
		watchFormErrors(document, second.signal, report, () => now);
		expect(report).toHaveBeenCalledWith({ selector: '#itil-form' });
		second.abort();
	});

	it('ignores an error toast with no submit before it, or one too late', async () => {
		let now = 5_000_000;
		document.body.innerHTML = '<div id="messages_after_redirect"></div><form id="itil-form"></form>';
		const controller = new AbortController();
		const report = vi.fn();
		watchFormErrors(document, controller.signal, report, () => now);
		const toast = () => document.querySelector('#messages_after_redirect')!.insertAdjacentHTML('beforeend', '<div class="toast"><div class="toast-header bg-danger"></div></div>');
		toast();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(report).not.toHaveBeenCalled();
		document.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
		now += FORM_ERROR_WINDOW_MS + 1;
		toast();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(report).not.toHaveBeenCalled();
		controller.abort();
	});
});

describe("a GLPI page's scripts", () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	// happy-dom makes no trusted event: each event here is what a page script's dispatchEvent makes (issue 15: 75
	// synthetic clicks made 25 backlog items).
	it('feed no detector: synthetic clicks, invalid and submit events report nothing', async () => {
		document.body.innerHTML = '<div id="messages_after_redirect"></div><form id="itil-form"><input name="name" required><button id="dead">Nothing</button></form>';
		const controller = new AbortController();
		const report = vi.fn();
		watchRageClicks(document, controller.signal, report);
		watchDeadClicks(document, controller.signal, report);
		watchFormErrors(document, controller.signal, report);
		const button = document.querySelector('#dead')!;
		for (let i = 0; i < 300; i++) click(button, { clientX: 20, clientY: 20 });
		document.querySelector('input')!.dispatchEvent(new Event('invalid', { cancelable: true }));
		document.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
		document.querySelector('#messages_after_redirect')!.insertAdjacentHTML('beforeend', '<div class="toast"><div class="toast-header bg-danger"></div></div>');
		await vi.advanceTimersByTimeAsync(DEAD_CLICK_MS * 2);
		expect(report).not.toHaveBeenCalled();
		controller.abort();
	});
});
