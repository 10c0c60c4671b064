import { isOwnUi, resolveTarget } from '../glpi/element-target';

export interface PickerCallbacks {
	/** The element under the pointer (or focused), as the user means it; null over nothing pickable. */
	onHover(element: Element | null): void;
	onPick(element: Element): void;
	onCancel(): void;
}

/** An element of GLPI's page, not of our own UI (WXT shadow hosts and what they hold). */
const isPageElement = (target: unknown): target is Element => target instanceof Element && !isOwnUi(target);
const pageTarget = (event: Event) => (isPageElement(event.target) ? event.target : null);

/**
 * Tagging mode: hovering highlights, a press picks, Escape cancels; Enter picks the focused element, so the keyboard
 * can tag too. The pick happens on pointerup, not click: browsers send no click (nor mousedown) to a disabled field,
 * and a closed ticket's fields are disabled ([real] 10.0.17), yet pointer events reach them. While picking, the
 * page's own reactions (GLPI opening a Select2 on mousedown, following a link on click) are held back, up to the click
 * that ends the press; events in our own UI go through. Returns `stop`.
 */
export function startPicking(doc: Document, callbacks: PickerCallbacks, signal: AbortSignal): () => void {
	const controller = new AbortController();
	const stop = () => controller.abort();
	signal.addEventListener('abort', stop, { once: true });
	const options = { capture: true, signal: controller.signal };
	let picked = false;
	const hold = (event: Event) => {
		event.preventDefault();
		event.stopImmediatePropagation();
	};
	const pick = (element: Element | null) => {
		const resolved = element && !picked ? resolveTarget(element) : null;
		if (!resolved) return;
		picked = true;
		callbacks.onPick(resolved);
		// The click of this press is still to come (when there is one): hold it too, then stop.
		setTimeout(stop, 500);
	};
	const hover = (event: Event) => {
		const target = pageTarget(event);
		if (target && !picked) callbacks.onHover(resolveTarget(target));
	};

	doc.addEventListener('mouseover', hover, options);
	doc.addEventListener('focusin', hover, options);
	for (const type of ['pointerdown', 'mousedown', 'mouseup', 'dblclick', 'auxclick', 'submit']) {
		doc.addEventListener(type, (event) => pageTarget(event) && hold(event), options);
	}
	doc.addEventListener('pointerup', (event) => {
		const target = pageTarget(event);
		if (!target) return;
		hold(event);
		if (event.button === 0) pick(target);
	}, options);
	doc.addEventListener('click', (event) => {
		const target = pageTarget(event);
		if (!target) return;
		hold(event);
		// A click without a pointerup before it (a synthetic one): it picks too.
		pick(target);
		stop();
	}, options);
	doc.addEventListener('keydown', (event) => {
		if (event.key === 'Escape') {
			hold(event);
			stop();
			callbacks.onCancel();
		} else if (event.key === 'Enter' && isPageElement(doc.activeElement)) {
			hold(event);
			pick(doc.activeElement);
			stop();
		}
	}, options);
	return stop;
}
