/**
 * One layer at the end of the page's body, out of GLPI's flow (absolutely placed at the page's origin, no size), for
 * the UI we draw over GLPI's own elements: the ticket-pattern badges and summary. Measured on a 1,000-row GLPI 10
 * ticket list in Chromium (scripts/bench-badges.js): any element added to GLPI's flow, even an empty one, makes the
 * browser walk and repaint the whole page (about 24 ms), while an element added inside this layer costs about 10 ms.
 * So the layer goes in once, with the capture button, in the frame that button costs anyway
 * (entrypoints/glpi.content), and what comes later goes inside it. GLPI's results table, the bulk of a long list, has
 * a layer of its own from the page's first paint (public/content-scripts/glpi-layers.css), so its rows are not
 * repainted.
 *
 * Inside the layer, a box with layout and size containment holds a positioned origin, and what we draw goes in that
 * origin. Chromium lays out from the document's root whenever an absolutely placed element comes or goes, up to the
 * first ancestor that can be laid out alone (a "relayout boundary"). The layer itself cannot be one: it is absolutely
 * placed. The contained box can, as long as what comes and goes is placed against an element below it (the origin),
 * so only the overlay's own part is laid out when the badges and the summary go in (a partial layout of 44 objects
 * instead of the page's 43,560 on the styled 1,000-row list: 1.6 to 2.6 ms instead of 3.4 to 5.2; docs/BENCHMARKS.md).
 */

const NAME = 'gx-layer';
/**
 * z-index 1025: above GLPI 10.0.17's sticky list header (div.card-header.search-header, 1021) and sticky header cells
 * (1020), which hid the pattern summary (issue 14), and under its top bar, side menu and dropdowns (1030) and modals
 * (1055). What we draw over the list's rows is clipped to their visible part (components/badge-layer.ts), so it never
 * covers those sticky parts either. Clicks go through, except on what opts back in (pointer-events: auto).
 */
const STYLE = 'all:initial;display:block;position:absolute;left:0;top:0;width:0;height:0;z-index:1025;pointer-events:none';

/** The box that can be laid out alone (contain: size layout), and the origin the overlay's hosts are placed against. */
const BOUND_STYLE = 'all:initial;display:block;width:0;height:0;contain:size layout';
const ORIGIN_STYLE = 'all:initial;display:block;position:relative;width:0;height:0';

const layers = new WeakMap<Document, HTMLElement>();

/**
 * The page's layer, made on first use (again if the page dropped it): the element to put the overlay's hosts in, at
 * the page's origin. Remembered rather than looked for: a query for a child of the body walks the whole page, 2-8 ms
 * on a 1,000-row list.
 */
export function overlayLayer(doc: Document): HTMLElement {
	const known = layers.get(doc);
	if (known?.isConnected) return known;
	const layer = doc.createElement(NAME);
	layer.setAttribute('style', STYLE);
	const bound = doc.createElement(`${NAME}-bound`);
	bound.setAttribute('style', BOUND_STYLE);
	const origin = doc.createElement(`${NAME}-origin`);
	origin.setAttribute('style', ORIGIN_STYLE);
	bound.append(origin);
	layer.append(bound);
	doc.body.append(layer);
	layers.set(doc, origin);
	return origin;
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
