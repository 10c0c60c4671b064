import { useEffect, useState } from 'preact/hooks';
import { observe } from '../core/dom';
import { clippingAncestors } from '../core/overlay-layer';
import { visibleElementOf } from '../glpi/element-target';

export interface Anchored<T> {
	item: T;
	element: Element;
	/**
	 * Where the marker sits in the viewport, null while the element is not shown: a point, and on which side of it the
	 * marker hangs ('before': left of the point, centred on it; 'after': right of it, centred on it; 'above': above it,
	 * ending at it), and `room`: the free width there, where several markers of one field wrap or fold (item 9).
	 */
	box: { top: number; left: number; side: 'before' | 'after' | 'above'; room?: number } | null;
}

/** A hint's "i" (16 px) and the space around it. */
const HINT = 20;
/** Space kept between a marker and what it stays off (a label's text, a GLPI button). */
const GAP = 2;
/** GLPI's controls and labels in a field's row, which a marker must not cover (as the layout checks of issue 14 say). */
const OBSTACLES = 'label,.col-form-label,th,button,a[href],input,select,textarea,.select2-selection,[role=button],.btn';

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

type Rect = { left: number; top: number; right: number; bottom: number };

/**
 * What of GLPI's a marker must stay off around `field`: the controls of its row and its labels' text (a label's box
 * spans its whole column, its words do not: GLPI right-aligns them next to the field on wide windows).
 */
function obstaclesAround(field: Element): Rect[] {
	const row = field.closest('.form-field, tr') ?? field.parentElement;
	if (!row) return [];
	const found: Rect[] = [field.getBoundingClientRect()];
	for (const element of row.querySelectorAll(OBSTACLES)) {
		if (field.contains(element)) continue;
		if (element.matches('label, .col-form-label, th')) {
			const words = element.ownerDocument.createRange();
			words.selectNodeContents(element);
			found.push(...(words.getClientRects?.() ?? []));
		} else found.push(element.getBoundingClientRect());
	}
	// Not what GLPI hides in a 1 px box (the real <select> under Select2's).
	return found.filter((rect) => rect.right - rect.left > 1 && rect.bottom - rect.top > 1);
}

/** The free stretches of [from, to] on the line between `top` and `bottom`, left to right. */
function gapsOn(obstacles: Rect[], top: number, bottom: number, from: number, to: number) {
	const gaps: { left: number; right: number }[] = [];
	let at = from;
	for (const rect of obstacles.filter((rect) => rect.bottom > top + 0.5 && rect.top < bottom - 0.5).sort((a, b) => a.left - b.left)) {
		if (rect.left - GAP > at) gaps.push({ left: at, right: Math.min(to, rect.left - GAP) });
		at = Math.max(at, rect.right + GAP);
	}
	if (to > at) gaps.push({ left: at, right: to });
	return gaps.filter((gap) => gap.right > gap.left);
}

/**
 * A marker's place: in free room beside the element's visible box (a Select2 box for a dropdown), never over it, over
 * GLPI's buttons after it or over its label's words (issue 14: markers covered the category's Select2 and its "i",
 * then the end of "Category" and "Urgency" where GLPI right-aligns labels next to their fields; placed above the field
 * instead, they covered the Type field of the row above). A hint's "i" (`corner` 'left') goes right of the field's
 * row, past GLPI's own buttons, else just left of the field; the "me too" of a field (`corner` 'right', `need` px
 * wide for all of them) go just left of the field, else left of the label's words, else on the label's line above the
 * field when GLPI stacks them: the first where they all fit, else the widest (they fold there). Hidden while the
 * box is outside the visible part of its scroll containers (GLPI's fields column scrolls on its own: a marker floated
 * over GLPI's top bar).
 */
export function boxOf(element: Element, corner: 'left' | 'right', need = 0): Anchored<unknown>['box'] {
	if (!element.isConnected) return null;
	const visible = visibleElementOf(element);
	const rect = visible.getBoundingClientRect();
	if (rect.width === 0 && rect.height === 0) return null;
	const area = visibleArea(visible);
	if (rect.top < area.top - 1 || rect.bottom > area.bottom + 1) return null;
	const obstacles = obstaclesAround(visible);
	const middle = rect.top + rect.height / 2;
	const line = gapsOn(obstacles, rect.top, rect.bottom, area.left + GAP, area.right - GAP);
	const width = (gap: { left: number; right: number }) => gap.right - gap.left;
	// Right of the field's row: what is left after GLPI's buttons that follow the field.
	const after = line.filter((gap) => gap.left >= rect.right).at(-1);
	// The label's line above the field, when GLPI stacks them (narrow windows): inside the same row, right of its words.
	const row = visible.closest('.form-field')?.getBoundingClientRect();
	const above = row && row.top <= rect.top - 21 && rect.top - 21 >= area.top && gapsOn(obstacles, rect.top - 21, rect.top - GAP, area.left + GAP, area.right - GAP).at(-1);
	const places = [
		...(after ? [{ top: middle, left: after.left, side: 'after' as const, room: width(after) }] : []),
		// Left of the field, nearest first: the stretch touching it, then the one left of a right-aligned label's words.
		...line
			.filter((gap) => gap.right <= rect.left)
			.reverse()
			.map((gap) => ({ top: middle, left: gap.right, side: 'before' as const, room: width(gap) })),
		...(above ? [{ top: rect.top - GAP, left: above.right, side: 'above' as const, room: width(above) }] : []),
	];
	const hint = places.find((place) => place.room >= HINT);
	if (corner === 'left') return hint ?? null;
	// The "me too" never go right of the field's row (GLPI's own buttons end it there); beyond the "i" when they share its place.
	const meToo = places
		.filter((place) => place.side !== 'after')
		.map((place) => (place === hint ? { ...place, left: place.left - HINT, room: place.room - HINT } : place))
		.filter((place) => place.room > 0);
	return meToo.find((place) => place.room >= need) ?? meToo.sort((a, b) => b.room - a.room)[0] ?? null;
}

/**
 * Markers that follow page elements: each item's selector is observed (GLPI fills tabs and re-renders lists by AJAX),
 * kept only while it finds exactly one element (anything else says nothing reliable), and placed on the element's
 * corner again, once per frame, whenever the page scrolls or resizes. Until `signal` aborts.
 */
export function useAnchors<T>(
	items: readonly T[],
	options: { selectorOf(item: T): string | undefined; keyOf(item: T): string; corner: 'left' | 'right'; need?(items: T[]): number; doc: Document; signal: AbortSignal },
) {
	const { doc, signal, corner } = options;
	const [anchored, setAnchored] = useState<Anchored<T>[]>([]);
	// The width the markers of an element need, all of them (the "me too" of several items sit side by side).
	const needOf = (entries: Anchored<T>[], element: Element) => options.need?.(entries.filter((entry) => entry.element === element).map((entry) => entry.item)) ?? 0;
	const place = (entries: Anchored<T>[]) => entries.map((entry) => ({ ...entry, box: boxOf(entry.element, corner, needOf(entries, entry.element)) }));
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
