import { useEffect, useState } from 'preact/hooks';
import { observe } from '../core/dom';
import { clippingAncestors } from '../core/overlay-layer';
import { visibleElementOf } from '../glpi/element-target';

export interface Anchored<T> {
	item: T;
	element: Element;
	/**
	 * Where the marker sits in the viewport, null while the element is not shown: a point, and on which side of it the
	 * marker hangs ('before': left of the point, centred on it; 'above': above it, ending at it).
	 */
	box: { top: number; left: number; side: 'before' | 'above'; room?: number } | null;
}

/** Room a marker needs left of its field (a "me too" count and a hint's "i" side by side). */
const ROOM = 72;
/** A hint's "i" is nearest its field; a "me too" count goes before it. */
const OFFSET = { left: 4, right: 26 } as const;

const clippersOf = new WeakMap<Element, Element[]>();
/** The viewport less its scroll bars; the window's size where the root element has no layout size (a DOM without layout). */
function viewportOf(element: Element) {
	const { documentElement: root, defaultView: view } = element.ownerDocument;
	return { left: 0, top: 0, right: root.clientWidth || (view?.innerWidth ?? 0), bottom: root.clientHeight || (view?.innerHeight ?? 0) };
}

/** The part of the viewport where `element` can be seen: inside every box that scrolls or clips it. */
function visibleArea(element: Element) {
	let clippers = clippersOf.get(element);
	if (!clippers) clippersOf.set(element, (clippers = clippingAncestors(element)));
	const area = viewportOf(element);
	for (const clipper of clippers) {
		const box = clipper.getBoundingClientRect();
		area.left = Math.max(area.left, box.left);
		area.top = Math.max(area.top, box.top);
		area.right = Math.min(area.right, box.right);
		area.bottom = Math.min(area.bottom, box.bottom);
	}
	return area;
}

/**
 * A marker's place: beside the element's visible box (a Select2 box for a dropdown), never over it nor over the
 * buttons GLPI puts after it (issue 14: markers covered the category's Select2 and its "i"). Left of the box, in
 * the label's column, when there is room there; otherwise above the box's right end (GLPI stacks label and field on
 * narrow columns, and the label's line has room on its right). Hidden while the box is outside the visible part of
 * its scroll containers (GLPI's fields column scrolls on its own: a marker floated over GLPI's top bar).
 */
function boxOf(element: Element, corner: 'left' | 'right'): Anchored<unknown>['box'] {
	if (!element.isConnected) return null;
	const visible = visibleElementOf(element);
	const rect = visible.getBoundingClientRect();
	if (rect.width === 0 && rect.height === 0) return null;
	const area = visibleArea(visible);
	if (rect.top < area.top - 1 || rect.bottom > area.bottom + 1) return null;
	const offset = OFFSET[corner];
	// `room`: the width left of the point, inside the visible area, where several markers of one field wrap (item 9).
	if (rect.left - area.left >= ROOM) return { top: rect.top + rect.height / 2, left: rect.left - offset, side: 'before', room: Math.floor(rect.left - offset - area.left) };
	if (rect.top - 20 < area.top) return null;
	return { top: rect.top - 2, left: rect.right - (corner === 'right' ? OFFSET.right - OFFSET.left : 0), side: 'above' };
}

/**
 * Markers that follow page elements: each item's selector is observed (GLPI fills tabs and re-renders lists by AJAX),
 * kept only while it finds exactly one element (anything else says nothing reliable), and placed on the element's
 * corner again, once per frame, whenever the page scrolls or resizes. Until `signal` aborts.
 */
export function useAnchors<T>(items: readonly T[], options: { selectorOf(item: T): string | undefined; keyOf(item: T): string; corner: 'left' | 'right'; doc: Document; signal: AbortSignal }) {
	const { doc, signal, corner } = options;
	const [anchored, setAnchored] = useState<Anchored<T>[]>([]);
	const place = (entries: Anchored<T>[]) => entries.map((entry) => ({ ...entry, box: boxOf(entry.element, corner) }));
	useEffect(() => {
		let frame = 0;
		const layout = () => {
			cancelAnimationFrame(frame);
			frame = requestAnimationFrame(() => setAnchored(place));
		};
		for (const item of items) {
			const selector = options.selectorOf(item);
			if (!selector) continue;
			const key = options.keyOf(item);
			try {
				observe(
					selector,
					(element) => {
						if (doc.querySelectorAll(selector).length !== 1) return;
						setAnchored((current) => place([...current.filter((entry) => options.keyOf(entry.item) !== key), { item, element, box: null }]));
					},
					{ signal, root: doc },
				);
			} catch {
				// A selector the browser cannot parse (written by hand in a hint): no marker for it.
			}
		}
		const listen = { capture: true, passive: true, signal };
		doc.addEventListener('scroll', layout, listen);
		(doc.defaultView ?? window).addEventListener('resize', layout, listen);
		const resized = new ResizeObserver(layout);
		resized.observe(doc.body);
		signal.addEventListener(
			'abort',
			() => {
				resized.disconnect();
				cancelAnimationFrame(frame);
			},
			{ once: true },
		);
	}, []);
	return [anchored, setAnchored] as const;
}

/**
 * The anchored items that found the same element, together, in the order they came: one place per element (issue 14,
 * item 9: markers of items whose selectors differ but find one element stacked at one spot, one hiding the other).
 */
export function byElement<T>(anchored: readonly Anchored<T>[]): { element: Element; box: NonNullable<Anchored<T>['box']>; entries: Anchored<T>[] }[] {
	const groups = new Map<Element, { element: Element; box: NonNullable<Anchored<T>['box']>; entries: Anchored<T>[] }>();
	for (const entry of anchored) {
		if (!entry.box) continue;
		const group = groups.get(entry.element);
		if (group) group.entries.push(entry);
		else groups.set(entry.element, { element: entry.element, box: entry.box, entries: [entry] });
	}
	return [...groups.values()];
}
