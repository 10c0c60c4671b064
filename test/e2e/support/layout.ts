import type { Page } from 'playwright-core';

/**
 * A piece of our overlay to check, found by `selector` in our shadow roots (hosts named gx-…).
 * - `control`: the user clicks it, so wherever it shows it must be hit (elementFromPoint at its centre is ours).
 * - `anchor`: the GLPI element it marks, as `[attribute, template]`: the selector is the template with `{}`
 *   replaced by the piece's attribute (a badge's ticket id, a marker's selector). It shows only while the anchor does,
 *   and within the visible part of the anchor's scroll containers.
 * - `text`: its text is in GLPI's font family and size (read from GLPI's body), `family` the family only.
 * - `dialog`: part of what the user opened over the page (the capture panel): while open it may cover GLPI's controls
 *   and our marks, and every control in it must still be hit by itself (never under a toast of ours).
 */
export interface Piece {
	name: string;
	selector: string;
	control?: boolean;
	anchor?: [string, string];
	font?: 'text' | 'family';
	dialog?: boolean;
}

/** GLPI's controls and row titles, which nothing of ours may cover. */
const GLPI_CONTROLS = 'input:not([type="hidden"]), select, textarea, button, a[href], .select2-selection, [role="button"]';
/**
 * GLPI's field labels (its forms' label column), whose text nothing of ours may cover either ("me too" markers covered
 * the end of "Category" and "Urgency" at 1440 px): measured line by line on their text, since a label's box spans its
 * whole column.
 */
const GLPI_LABELS = 'label, .col-form-label';

/**
 * The layout checks of issue 14, in the page as it is now; returns what breaks them, in words (empty when none):
 * nothing of ours widens or lengthens the document; every control of ours is hit at its centre; nothing of ours
 * covers a visible GLPI control, row title or label's text; everything of ours lies in the viewport and in the visible part of the
 * scroll containers of what it marks, and is hidden when that is; our text is in GLPI's font.
 */
export async function layoutProblems(page: Page, pieces: Piece[]): Promise<string[]> {
	return page.evaluate(
		({ pieces, controls, labels }) => {
			const problems: string[] = [];
			const isOurs = (node: Element | null) => {
				for (let at: Element | null = node; at; at = at.parentElement) if (at.tagName.startsWith('GX-')) return true;
				return false;
			};
			const roots: ShadowRoot[] = [];
			const collect = (scope: Document | ShadowRoot) => {
				for (const element of scope.querySelectorAll('*')) {
					if (element.shadowRoot && element.tagName.startsWith('GX-')) {
						roots.push(element.shadowRoot);
						collect(element.shadowRoot);
					}
				}
			};
			collect(document);
			const width = document.documentElement.clientWidth;
			const height = document.documentElement.clientHeight;
			const describe = (box: DOMRect) => `${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)}`;
			const label = (element: Element) => {
				const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
				return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.classList.length ? `.${[...element.classList].slice(0, 2).join('.')}` : ''}${text ? ` "${text}"` : ''}`;
			};
			const centreHit = (box: DOMRect) => document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
			/** What a click at the centre of `box` reaches, down through our shadow roots (another piece of ours may be over it). */
			const deepHit = (box: DOMRect) => {
				const x = box.left + box.width / 2;
				const y = box.top + box.height / 2;
				let hit = document.elementFromPoint(x, y);
				while (hit?.shadowRoot) {
					const inner = hit.shadowRoot.elementFromPoint(x, y);
					if (!inner || inner === hit) break;
					hit = inner;
				}
				return hit;
			};
			const overlaps = (a: DOMRect, b: DOMRect) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

			// GLPI's controls and labels that a user sees now: in the viewport, and not under GLPI's own sticky parts.
			const glpi: { element: Element; box: DOMRect }[] = [];
			const textOf = (element: Element) => {
				const range = document.createRange();
				range.selectNodeContents(element);
				return range.getClientRects();
			};
			const seen = [...document.querySelectorAll(controls)].map((element) => ({ element, boxes: element.getClientRects() }));
			for (const element of document.querySelectorAll(labels)) seen.push({ element, boxes: textOf(element) });
			for (const { element, boxes } of seen) {
				if (isOurs(element) || !element.checkVisibility({ visibilityProperty: true })) continue;
				for (const box of boxes) {
					if (box.width < 1 || box.height < 1 || box.right <= 0 || box.bottom <= 0 || box.left >= width || box.top >= height) continue;
					// Under ours, what shows there of GLPI's: the control itself, or something of GLPI's over it.
					const hit = document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2).find((at) => !isOurs(at));
					if (hit && (hit === element || element.contains(hit))) glpi.push({ element, box });
				}
			}

			const dialogs = pieces.filter((piece) => piece.dialog).flatMap((piece) => roots.flatMap((root) => [...root.querySelectorAll(piece.selector)]));
			/** Under a dialog the user opened, a control of ours outside it may be hidden. */
			const underDialog = (element: Element, hit: Element) => dialogs.some((dialog) => dialog.contains(hit) && !dialog.contains(element));

			const font = getComputedStyle(document.body);
			for (const piece of pieces) {
				for (const element of roots.flatMap((root) => [...root.querySelectorAll(piece.selector)])) {
					const box = element.getBoundingClientRect();
					if (box.width < 1 || box.height < 1 || !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
					const name = `${piece.name} (${describe(box)})`;
					// What lets clicks through (the tagging banner) is not found by a hit test: it shows wherever it is visible.
					const shown = getComputedStyle(element).pointerEvents === 'none' || isOurs(centreHit(box));
					let anchor: Element | null = null;
					if (piece.anchor) {
						const value = element.getAttribute(piece.anchor[0]) ?? '';
						anchor = document.querySelector(piece.anchor[1].replace('{}', value));
						// A <select> under Select2 is hidden; what a user sees of it is Select2's box beside it.
						if (anchor?.localName === 'select' && anchor.nextElementSibling?.matches('span.select2')) anchor = anchor.nextElementSibling;
						if (!anchor) {
							problems.push(`${name}: its GLPI element ${piece.anchor[1].replace('{}', value)} is not in the page`);
							continue;
						}
					}
					if (!shown) {
						// A mark whose anchor is hidden may be hidden under GLPI's parts too; a control may not.
						if (piece.control && !anchor) problems.push(`${name}: cannot be clicked, ${label(centreHit(box) ?? document.body)} is over its centre`);
						continue;
					}
					if (piece.control) {
						const hit = deepHit(box);
						if (hit && hit !== element && !element.contains(hit) && !underDialog(element, hit)) problems.push(`${name}: cannot be clicked, our ${label(hit)} is over its centre`);
					}
					if (box.left < -0.5 || box.top < -0.5 || box.right > width + 0.5 || box.bottom > height + 0.5) problems.push(`${name}: outside the ${width}x${height} viewport`);
					if (anchor) {
						const lines = anchor.getClientRects();
						const line = lines[lines.length - 1] ?? anchor.getBoundingClientRect();
						const hit = centreHit(line);
						if (!hit || !(hit === anchor || anchor.contains(hit) || hit.contains(anchor) || isOurs(hit))) problems.push(`${name}: shown while what it marks is hidden (under ${hit ? label(hit) : 'nothing'})`);
						for (let at = anchor.parentElement; at && at !== document.body; at = at.parentElement) {
							const style = getComputedStyle(at);
							if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
							const clip = at.getBoundingClientRect();
							if (box.left < clip.left - 0.5 || box.top < clip.top - 0.5 || box.right > clip.right + 0.5 || box.bottom > clip.bottom + 0.5) {
								problems.push(`${name}: outside the visible part (${describe(clip)}) of ${label(at)}, the scroll container of what it marks`);
							}
						}
					}
					for (const control of piece.dialog ? [] : glpi) {
						if (overlaps(box, control.box)) problems.push(`${name}: covers GLPI's ${label(control.element)} (${describe(control.box)})`);
					}
					if (piece.font) {
						const own = getComputedStyle(element);
						if (own.fontFamily !== font.fontFamily) problems.push(`${name}: font ${own.fontFamily}, GLPI's is ${font.fontFamily}`);
						if (piece.font === 'text' && own.fontSize !== font.fontSize) problems.push(`${name}: font size ${own.fontSize}, GLPI's is ${font.fontSize}`);
					}
				}
			}
			return problems;
		},
		{ pieces, controls: GLPI_CONTROLS, labels: GLPI_LABELS },
	);
}

/**
 * The document's scroll size with our overlay and without it (our hosts taken out of the page for the measure,
 * then put back where they were): nothing of ours may make GLPI's page wider or taller.
 */
export async function pageSizes(page: Page): Promise<{ withUs: [number, number]; withoutUs: [number, number] }> {
	return page.evaluate(() => {
		const size = (): [number, number] => [document.documentElement.scrollWidth, document.documentElement.scrollHeight];
		const withUs = size();
		const outer = (element: Element) => {
			for (let at = element.parentElement; at; at = at.parentElement) if (at.tagName.startsWith('GX-')) return false;
			return element.tagName.startsWith('GX-');
		};
		const ours = [...document.querySelectorAll('*')].filter(outer);
		const places = ours.map((element) => ({ element, parent: element.parentNode, next: element.nextSibling }));
		for (const { element } of places) element.remove();
		const withoutUs = size();
		// Back in the reverse order: a host's next sibling may be another of ours.
		for (const { element, parent, next } of places.reverse()) parent?.insertBefore(element, next);
		return { withUs, withoutUs };
	});
}

/** Two frames: what a change caused is laid out and painted. */
export const frames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
