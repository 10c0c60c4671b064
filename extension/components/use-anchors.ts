import { useEffect, useState } from 'preact/hooks';
import { observe } from '../core/dom';
import { visibleElementOf } from '../glpi/element-target';

export interface Anchored<T> {
	item: T;
	element: Element;
	/** Where the marker sits in the viewport; null while the element is not shown. */
	box: { top: number; left: number } | null;
}

/** A marker's place: a corner of the element's visible box (a Select2 box for a dropdown), in the viewport. */
function boxOf(element: Element, corner: 'left' | 'right'): Anchored<unknown>['box'] {
	const rect = visibleElementOf(element).getBoundingClientRect();
	if (!element.isConnected || (rect.width === 0 && rect.height === 0)) return null;
	return { top: Math.max(0, rect.top - 8), left: Math.max(0, corner === 'left' ? rect.left - 8 : rect.right - 12) };
}

/**
 * Markers that follow page elements: each item's selector is observed (GLPI fills tabs and re-renders lists by AJAX),
 * kept only while it finds exactly one element (anything else says nothing reliable), and placed on the element's
 * corner again, once per frame, whenever the page scrolls or resizes. Until `signal` aborts.
 */
export function useAnchors<T>(items: readonly T[], options: { selectorOf(item: T): string | undefined; keyOf(item: T): string; corner: 'left' | 'right'; doc: Document; signal: AbortSignal }) {
	const { doc, signal, corner } = options;
	const [anchored, setAnchored] = useState<Anchored<T>[]>([]);
	useEffect(() => {
		let frame = 0;
		const layout = () => {
			cancelAnimationFrame(frame);
			frame = requestAnimationFrame(() => setAnchored((current) => current.map((entry) => ({ ...entry, box: boxOf(entry.element, corner) }))));
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
						setAnchored((current) => [...current.filter((entry) => options.keyOf(entry.item) !== key), { item, element, box: boxOf(element, corner) }]);
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
