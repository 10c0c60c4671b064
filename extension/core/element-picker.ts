import { isOwnUi, resolveTarget } from '../glpi/element-selector';

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
 * Tagging mode: hovering highlights, a click picks, Escape cancels; Enter picks the focused element, so the
 * keyboard can tag too. While picking, the page's own reactions to the pointer (GLPI opening a Select2 on
 * mousedown, following a link on click) are held back; clicks in our own UI go through. Returns `stop`.
 */
export function startPicking(doc: Document, callbacks: PickerCallbacks, signal: AbortSignal): () => void {
	const controller = new AbortController();
	const stop = () => controller.abort();
	signal.addEventListener('abort', stop, { once: true });
	const options = { capture: true, signal: controller.signal };
	const hold = (event: Event) => {
		event.preventDefault();
		event.stopImmediatePropagation();
	};
	const pick = (element: Element | null) => {
		const resolved = element ? resolveTarget(element) : null;
		if (!resolved) return;
		stop();
		callbacks.onPick(resolved);
	};

	doc.addEventListener('mouseover', (event) => {
		const target = pageTarget(event);
		if (target) callbacks.onHover(resolveTarget(target));
	}, options);
	doc.addEventListener('focusin', (event) => {
		const target = pageTarget(event);
		if (target) callbacks.onHover(resolveTarget(target));
	}, options);
	for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'auxclick', 'submit']) {
		doc.addEventListener(type, (event) => pageTarget(event) && hold(event), options);
	}
	doc.addEventListener('click', (event) => {
		const target = pageTarget(event);
		if (!target) return;
		hold(event);
		pick(target);
	}, options);
	doc.addEventListener('keydown', (event) => {
		if (event.key === 'Escape') {
			hold(event);
			stop();
			callbacks.onCancel();
		} else if (event.key === 'Enter' && isPageElement(doc.activeElement)) {
			hold(event);
			pick(doc.activeElement);
		}
	}, options);
	return stop;
}
