import { isOwnUi } from '../glpi/element-target';
import { fromUser } from './user-input';

/**
 * Automatic friction, seen from the page: rage clicks, dead clicks and slow page loads. Each detector reports an
 * element (or the page); the background counts, and sends one signal per element and kind per period. Only the
 * user's own (trusted) clicks count: a GLPI page's script can dispatch any number of clicks, and 75 of them made 25
 * backlog items before this check (issue 15).
 */

export const RAGE_WINDOW_MS = 1000;
export const RAGE_RADIUS_PX = 30;
export const RAGE_MIN_CLICKS = 3;
export const DEAD_CLICK_MS = 2500;

export interface Click {
	t: number;
	x: number;
	y: number;
}

const distance = (a: Click, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * At least 3 clicks within 1 s within 30 px is a rage click, reported once per burst: more clicks at the same spot,
 * each within 1 s of the previous one, belong to the same burst.
 */
export class RageClicks {
	private clicks: Click[] = [];
	private burst: { x: number; y: number; last: number } | undefined;

	/** True when this click makes a new rage click. */
	push(click: Click): boolean {
		if (this.burst && click.t - this.burst.last <= RAGE_WINDOW_MS && distance(click, this.burst) <= RAGE_RADIUS_PX) {
			this.burst.last = click.t;
			return false;
		}
		this.burst = undefined;
		this.clicks = [...this.clicks.filter((earlier) => click.t - earlier.t <= RAGE_WINDOW_MS), click];
		if (this.clicks.filter((earlier) => distance(earlier, click) <= RAGE_RADIUS_PX).length < RAGE_MIN_CLICKS) return false;
		this.burst = { x: click.x, y: click.y, last: click.t };
		this.clicks = [];
		return true;
	}
}

/** A click that opens another tab or window, or a middle/right click: nothing is expected to change here. */
const opensElsewhere = (event: MouseEvent) => event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;

export function watchRageClicks(doc: Document, signal: AbortSignal, report: (element: Element) => void): void {
	const rage = new RageClicks();
	doc.addEventListener(
		'click',
		(event) => {
			if (!fromUser(event) || !(event.target instanceof Element) || isOwnUi(event.target) || opensElsewhere(event)) return;
			if (rage.push({ t: event.timeStamp, x: event.clientX, y: event.clientY })) report(event.target);
		},
		{ capture: true, passive: true, signal },
	);
}

const CLICKABLE = 'a[href], button, [role="button"], input[type="submit"], input[type="button"], input[type="reset"], input[type="image"], summary, [onclick]';
/** Text inputs, selects and links to a new tab or a download never count: their effect is not a change of this page
 * (a checkbox's tick is a property, not a DOM change, so it is left out with the other inputs). */
const NOT_DEAD = 'input:not([type="submit"]):not([type="button"]):not([type="reset"]):not([type="image"]), select, textarea, [contenteditable]:not([contenteditable="false"]), a[target="_blank"], a[download]';

/** The clickable element a click landed on, or null when the click cannot be dead. */
export function clickableOf(target: Element): Element | null {
	if (isOwnUi(target) || target.closest(NOT_DEAD)) return null;
	return target.closest(CLICKABLE);
}

/**
 * A click on a clickable element followed by no DOM change, navigation or scroll within 2.5 s is a dead click. The
 * page is observed only while a click waits, and any change settles every waiting click (the page reacted).
 */
export function watchDeadClicks(doc: Document, signal: AbortSignal, report: (element: Element) => void, delay = DEAD_CLICK_MS): void {
	const view = doc.defaultView ?? window;
	let waiting: { element: Element; timer: ReturnType<typeof setTimeout> }[] = [];
	let observer: MutationObserver | undefined;
	const settle = () => {
		for (const entry of waiting) clearTimeout(entry.timer);
		waiting = [];
		observer?.disconnect();
		observer = undefined;
	};
	const options = { capture: true, passive: true, signal };
	doc.addEventListener(
		'click',
		(event) => {
			if (!fromUser(event) || !(event.target instanceof Element) || opensElsewhere(event)) return;
			const element = clickableOf(event.target);
			if (!element) return;
			if (!observer) {
				observer = new MutationObserver(settle);
				observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
			}
			const entry = {
				element,
				timer: setTimeout(() => {
					waiting = waiting.filter((other) => other !== entry);
					if (waiting.length === 0) settle();
					report(element);
				}, delay),
			};
			waiting.push(entry);
		},
		options,
	);
	for (const type of ['scroll', 'submit']) doc.addEventListener(type, settle, options);
	for (const type of ['beforeunload', 'pagehide', 'hashchange', 'popstate']) view.addEventListener(type, settle, options);
	signal.addEventListener('abort', settle, { once: true });
}

/** The page's load time from navigation timing (start to the end of the load event), once the load is over. */
export function watchSlowLoad(view: Window, thresholdMs: number, signal: AbortSignal, report: (durationMs: number) => void): void {
	const check = () => {
		const [navigation] = view.performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
		if (!navigation || navigation.loadEventEnd <= 0 || signal.aborted) return;
		const duration = navigation.loadEventEnd - navigation.startTime;
		if (duration > thresholdMs) report(duration);
	};
	// loadEventEnd is set once the load handlers return: look on the next task.
	if (view.document.readyState === 'complete') setTimeout(check, 0);
	else view.addEventListener('load', () => setTimeout(check, 0), { once: true, signal });
}
