/**
 * One layer at the end of the page's body, out of GLPI's flow (absolutely placed at the page's origin, no size), for
 * the UI we draw over GLPI's own elements: the ticket-pattern badges and summary. Measured on a 1,000-row GLPI 10
 * ticket list in Chromium (scripts/bench-badges.js): any element added to GLPI's flow, even an empty one, makes the
 * browser walk and repaint the whole page (about 24 ms), while an element added inside this layer costs about 10 ms.
 * So the layer goes in once, with the capture button, in the frame that button costs anyway
 * (entrypoints/glpi.content), and what comes later goes inside it. What changes in the layer still makes the browser
 * walk the page's own layer again; GLPI's results table, the bulk of a long list, has a layer of its own from the
 * page's first paint (public/content-scripts/glpi-layers.css), so its rows are not repainted.
 */

const NAME = 'gx-layer';
/**
 * z-index 1025: above GLPI 10.0.17's sticky list header (div.card-header.search-header, 1021) and sticky header cells
 * (1020), which hid the pattern summary (issue 14), and under its top bar, side menu and dropdowns (1030) and modals
 * (1055). What we draw over the list's rows is clipped to their visible part (components/badge-layer.ts), so it never
 * covers those sticky parts either. Clicks go through, except on what opts back in (pointer-events: auto).
 */
const STYLE = 'all:initial;display:block;position:absolute;left:0;top:0;width:0;height:0;z-index:1025;pointer-events:none';

const layers = new WeakMap<Document, HTMLElement>();

/**
 * The page's layer, made on first use (again if the page dropped it). Remembered rather than looked for: a query for
 * a child of the body walks the whole page, 2-8 ms on a 1,000-row list.
 */
export function overlayLayer(doc: Document): HTMLElement {
	const known = layers.get(doc);
	if (known?.isConnected) return known;
	const layer = doc.createElement(NAME);
	layer.setAttribute('style', STYLE);
	doc.body.append(layer);
	layers.set(doc, layer);
	return layer;
}

/** A box of `element` relative to `layer`'s origin, in CSS pixels. */
export function boxIn(layer: Element, element: Element): { left: number; top: number; right: number; bottom: number; width: number; height: number } {
	const origin = layer.getBoundingClientRect();
	const box = element.getBoundingClientRect();
	return {
		left: box.left - origin.left,
		top: box.top - origin.top,
		right: box.right - origin.left,
		bottom: box.bottom - origin.top,
		width: box.width,
		height: box.height,
	};
}

/**
 * Calls `onMove` whenever GLPI's page may have moved `element` under the layer: its size changes, the body's size
 * changes (content above it came or went), or one of its scrolling ancestors scrolls. Also once, in the first frame
 * after the call. Until `signal` aborts.
 */
export function whenMoved(element: Element, onMove: () => void, signal: AbortSignal): void {
	const doc = element.ownerDocument;
	const resize = new ResizeObserver(() => onMove());
	resize.observe(element);
	resize.observe(doc.body);
	const scroll = (event: Event) => {
		if (event.target instanceof Node && event.target !== doc && event.target.contains(element)) onMove();
	};
	doc.addEventListener('scroll', scroll, { capture: true, passive: true, signal });
	signal.addEventListener('abort', () => resize.disconnect(), { once: true });
}

/** The ancestors of `element` that clip it (overflow other than visible), below the body, nearest first. */
export function clippingAncestors(element: Element): Element[] {
	const view = element.ownerDocument.defaultView;
	const found: Element[] = [];
	for (let node = element.parentElement; node && node !== element.ownerDocument.body; node = node.parentElement) {
		const style = view?.getComputedStyle(node);
		// An empty value is no overflow rule at all (a DOM without a style engine gives '' for every property).
		const clips = (overflow: string) => overflow !== '' && overflow !== 'visible';
		if (style && (clips(style.overflowX) || clips(style.overflowY))) found.push(node);
	}
	return found;
}
