import { inGlpiFont } from '../core/glpi-font';
import { clippingAncestors, overlayLayer, whenMoved } from '../core/overlay-layer';
import { GLPI } from '../glpi/selectors';
import { BADGE_HEIGHT, type BadgeTarget, type Box, DOT, badgePosition, withinNow } from './pattern-badges';

/**
 * The badges of a ticket list, drawn over it, never inside GLPI's table or its flow. Measured on a 1,000-row GLPI 10
 * list in Chromium (scripts/bench-badges.js): changing one cell of the table costs a new layout of the whole table
 * (15-25 ms there), a badge in every row several hundred ms, and any element added to GLPI's flow, even an empty
 * one, a walk and a repaint of the whole page (about 24 ms). So the badges live in the page's overlay layer
 * (core/overlay-layer.ts), in one host on the table's top-left corner that follows the table. Only the rows a user
 * sees (the table's visible part, and a quarter of a screen around it) are drawn at once; the others when scrolling
 * (the page's, or a box's around the table) or a new size brings them within that reach: a binary search over the
 * rows' boxes, a few dozen reads, once per scroll event (at most one a frame), with the layout already done.
 */

const HOST_STYLE = 'all:initial;display:block;position:absolute;overflow:hidden;pointer-events:none';
const BADGE_CSS = `.gx-badges{position:absolute}.gx-badge{position:absolute;box-sizing:border-box;height:${BADGE_HEIGHT}px;min-width:20px;padding:0 6px;border-radius:9px;color:#fff;font:600 11px/${BADGE_HEIGHT}px var(--gx-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);text-align:center;white-space:nowrap;pointer-events:auto;cursor:default}.gx-dot{height:${DOT}px;min-width:0;width:${DOT}px;padding:0;border-radius:50%;font-size:0}`;

const lastLineOf = (anchor: Element) => {
	const lines = anchor.getClientRects();
	return lines[lines.length - 1] ?? anchor.getBoundingClientRect();
};

const styleOf = (target: BadgeTarget, position: { x: number; y: number } | undefined) => `background:${target.color};left:${position?.x ?? 0}px;top:${position?.y ?? 0}px`;
const classOf = (position: { dot: boolean } | undefined) => (position?.dot ? 'gx-badge gx-dot' : 'gx-badge');

/**
 * How far beyond the table's visible part, in screens, rows are drawn: a wheel's step shows the badges of the rows it
 * brings in already drawn. Not more: every badge drawn at once is two more objects for the browser to style and lay
 * out in the first frame (on GLPI's styled 1,000-row list, a screen above and below drew 40 badges where 20 rows show;
 * docs/BENCHMARKS.md).
 */
const REACH = 0.25;

/**
 * GLPI's list footer (the pager), looked for in what follows the table in its container, never inside the table: a
 * query over the container walks every element of the 1,000 rows before it reaches the footer (2 to 10 ms,
 * scripts/bench-badges.js). GLPI 10.0.17 puts it right after the table's wrapper (.table-responsive-lg).
 */
export function footerOf(table: Element): Element | null {
	const container = table.closest(GLPI.searchContainer);
	if (!container) return null;
	for (let node: Element | null = table; node && node !== container; node = node.parentElement) {
		for (let next = node.nextElementSibling; next; next = next.nextElementSibling) {
			if (next.matches(GLPI.searchFooter)) return next;
			const inside = next.querySelector(GLPI.searchFooter);
			if (inside) return inside;
		}
	}
	return null;
}

/**
 * The part of the table a user sees, in the viewport's coordinates: inside every box that scrolls or clips it (GLPI
 * 10.0.17's .search-container), under its sticky header row and above the list's sticky footer (the pager). The
 * badges' host covers that part only and clips the rest (overflow: hidden): a badge of a row scrolled under GLPI's
 * sticky parts is hidden, never drawn over them, and rows below the container never lengthen the page (issue 14).
 */
function visiblePart(table: HTMLTableElement, clippers: readonly Element[], footer: Element | null | undefined) {
	const box = table.getBoundingClientRect();
	let { left, top, right, bottom } = box;
	for (const clipper of clippers) {
		const clip = clipper.getBoundingClientRect();
		left = Math.max(left, clip.left);
		top = Math.max(top, clip.top);
		right = Math.min(right, clip.right);
		bottom = Math.min(bottom, clip.bottom);
	}
	const head = table.tHead?.querySelector('th, td');
	if (head) top = Math.max(top, head.getBoundingClientRect().bottom);
	if (footer) bottom = Math.min(bottom, footer.getBoundingClientRect().top);
	return { table: box, left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** The host's place in the layer (that visible part) and the badges' origin in it (the table's top-left corner). */
function hostStyles(layer: Element, part: ReturnType<typeof visiblePart>): { host: string; left: string; top: string } {
	const origin = layer.getBoundingClientRect();
	return {
		host: `${HOST_STYLE};left:${Math.round(part.left - origin.left)}px;top:${Math.round(part.top - origin.top)}px;width:${Math.round(part.width)}px;height:${Math.round(part.height)}px`,
		left: `${Math.round(part.table.left - part.left)}px`,
		top: `${Math.round(part.table.top - part.top)}px`,
	};
}

/** The table's corner, the origin of the badges' positions. */
const cornerOf = (table: Element): Box => {
	const box = table.getBoundingClientRect();
	return { left: box.left, top: box.top, right: box.left, height: 0 };
};

/**
 * Shows the badges of `targets` next to `table`'s rows until `signal` aborts (then they go), in the page's overlay
 * layer (core/overlay-layer.ts), never in GLPI's flow. Each batch reads the boxes it needs, then writes: never a read
 * after a write within a batch. The first batch (the rows near the viewport) is drawn before this returns, in the
 * caller's task, so it shares one frame with the caller's own changes: call it before changing the page in that task.
 * The badges follow the table when GLPI's page moves it or changes its size (core/overlay-layer.ts, whenMoved).
 */
export function showBadges(
	table: HTMLTableElement,
	targets: readonly BadgeTarget[],
	options: { signal: AbortSignal; viewportHeight?: number; layer?: HTMLElement },
): HTMLElement {
	const doc = table.ownerDocument;
	const layer = options.layer ?? overlayLayer(doc);
	const clippers = clippingAncestors(table);
	const footer = footerOf(table);
	const viewportHeight = () => options.viewportHeight ?? doc.defaultView?.innerHeight ?? 800;
	/** The rows within reach of the table's visible part (in the viewport), not drawn yet. */
	const withinReach = (part: ReturnType<typeof visiblePart>) => {
		const height = viewportHeight();
		const margin = height * REACH;
		return withinNow(targets, Math.max(part.top, 0) - margin, Math.min(part.top + part.height, height) + margin).filter((target) => !drawn.has(target));
	};
	const place = (batch: readonly BadgeTarget[]) => {
		if (batch.length === 0) return [];
		const corner = cornerOf(table);
		return batch.map((target) => badgePosition(lastLineOf(target.anchor), target.cell.getBoundingClientRect(), corner, target.size));
	};
	const drawn = new Map<BadgeTarget, HTMLElement>();
	// Every box read before anything is written: the visible part, then the rows in reach and their titles.
	const part = visiblePart(table, clippers, footer);
	const first = withinReach(part);
	const firstPositions = place(first);
	let placed = hostStyles(layer, part);
	let size = part.table;

	const host = doc.createElement('gx-pattern-badges');
	host.setAttribute('style', placed.host);
	// The summary above the list says the same in words; a screen reader would get 1,000 numbers out of context here.
	host.setAttribute('aria-hidden', 'true');
	const root = host.attachShadow({ mode: 'open' });
	const style = doc.createElement('style');
	style.textContent = BADGE_CSS;
	const badges = doc.createElement('div');
	badges.className = 'gx-badges';
	// Its style holds GLPI's font too: the origin is set property by property.
	inGlpiFont(badges, doc);
	badges.style.left = placed.left;
	badges.style.top = placed.top;
	root.append(style, badges);

	/** Draws `batch` at `positions`, in one insertion. */
	const draw = (batch: readonly BadgeTarget[], positions: ReturnType<typeof place>) => {
		if (batch.length === 0) return;
		const fragment = doc.createDocumentFragment();
		batch.forEach((target, i) => {
			const badge = doc.createElement('span');
			badge.className = classOf(positions[i]);
			badge.setAttribute('data-gx', 'pattern-badge');
			badge.setAttribute('data-gx-ticket', String(target.ticketId));
			badge.setAttribute('data-gx-group', String(target.rank));
			badge.title = target.label;
			badge.style.cssText = styleOf(target, positions[i]);
			badge.textContent = String(target.size);
			fragment.append(badge);
			drawn.set(target, badge);
		});
		badges.append(fragment);
	};
	draw(first, firstPositions);
	layer.append(host);
	if (drawn.size === targets.length) return finish();

	// Scrolling the page brings other rows within reach: they are drawn then (a box around the table that scrolls
	// moves the table under the layer: whenMoved below). The event comes once a frame at most, after the browser
	// scrolled, so the boxes read are already laid out.
	doc.addEventListener(
		'scroll',
		(event) => {
			if (drawn.size === targets.length || event.target !== doc) return;
			const fresh = withinReach(visiblePart(table, clippers, footer));
			draw(fresh, place(fresh));
		},
		{ capture: true, passive: true, signal: options.signal },
	);
	return finish();

	/** Follows the table, and removes the badges when `options.signal` aborts. */
	function finish(): HTMLElement {
		// GLPI's page moved the table (content above it, the window's width, a scrolled wrapper): the host follows, and
		// when the table changed size (titles wrap anew), so do the badges drawn so far; rows that came within reach
		// (a taller window, content gone from above the table) are drawn.
		whenMoved(
			table,
			() => {
				// The table is gone (GLPI took the list away): so are its badges.
				if (!table.isConnected) return host.remove();
				const now = visiblePart(table, clippers, footer);
				const next = hostStyles(layer, now);
				const box = now.table;
				const resized = box.width !== size.width || box.height !== size.height;
				const batch = resized ? [...drawn.keys()] : [];
				const positions = place(batch);
				const fresh = drawn.size < targets.length ? withinReach(now) : [];
				const freshPositions = place(fresh);
				size = box;
				if (next.host !== placed.host) host.setAttribute('style', next.host);
				if (next.left !== placed.left) badges.style.left = next.left;
				if (next.top !== placed.top) badges.style.top = next.top;
				placed = next;
				batch.forEach((target, i) => {
					const badge = drawn.get(target);
					badge?.setAttribute('style', styleOf(target, positions[i]));
					badge?.setAttribute('class', classOf(positions[i]));
				});
				draw(fresh, freshPositions);
			},
			options.signal,
		);
		options.signal.addEventListener('abort', () => host.remove(), { once: true });
		return host;
	}
}
