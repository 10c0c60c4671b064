import { inGlpiFont } from '../core/glpi-font';
import { clippingAncestors, overlayLayer, whenMoved } from '../core/overlay-layer';
import { GLPI } from '../glpi/selectors';
import { BADGE_HEIGHT, type BadgeTarget, type Box, DOT, badgePosition, nearViewportNow } from './pattern-badges';

/**
 * The badges of a ticket list, drawn over it, never inside GLPI's table or its flow. Measured on a 1,000-row GLPI 10
 * list in Chromium (scripts/bench-badges.js): changing one cell of the table costs a new layout of the whole table
 * (15-25 ms there), a badge in every row several hundred ms, and any element added to GLPI's flow, even an empty
 * one, a walk and a repaint of the whole page (about 24 ms). So the badges live in the page's overlay layer
 * (core/overlay-layer.ts), in one host on the table's top-left corner that follows the table. Only the rows within a
 * screen of the viewport are drawn at once; the others when scrolling brings them near (an IntersectionObserver,
 * which hands over their boxes with the layout already done).
 */

/** Calls `onVisible` with the anchors that come within reach of the viewport, each once. */
export type VisibilityWatch = (anchors: readonly Element[], onVisible: (anchors: Element[]) => void, signal: AbortSignal) => void;

export const nearViewport: VisibilityWatch = (anchors, onVisible, signal) => {
	const observer = new IntersectionObserver(
		(entries) => {
			const visible = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
			for (const anchor of visible) observer.unobserve(anchor);
			if (visible.length > 0) onVisible(visible);
		},
		// One screen above and below, as for the first batch.
		{ rootMargin: '100% 0px' },
	);
	for (const anchor of anchors) observer.observe(anchor);
	signal.addEventListener('abort', () => observer.disconnect(), { once: true });
};

const HOST_STYLE = 'all:initial;display:block;position:absolute;overflow:hidden;pointer-events:none';
const BADGE_CSS = `.gx-badges{position:absolute}.gx-badge{position:absolute;box-sizing:border-box;height:${BADGE_HEIGHT}px;min-width:20px;padding:0 6px;border-radius:9px;color:#fff;font:600 11px/${BADGE_HEIGHT}px var(--gx-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);text-align:center;white-space:nowrap;pointer-events:auto;cursor:default}.gx-dot{height:${DOT}px;min-width:0;width:${DOT}px;padding:0;border-radius:50%;font-size:0}`;

const lastLineOf = (anchor: Element) => {
	const lines = anchor.getClientRects();
	return lines[lines.length - 1] ?? anchor.getBoundingClientRect();
};

const styleOf = (target: BadgeTarget, position: { x: number; y: number } | undefined) => `background:${target.color};left:${position?.x ?? 0}px;top:${position?.y ?? 0}px`;
const classOf = (position: { dot: boolean } | undefined) => (position?.dot ? 'gx-badge gx-dot' : 'gx-badge');

/** Rows drawn together when scrolling brings them near: the observer watches the first and last of each run only. */
const RUN = 16;

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
	options: { signal: AbortSignal; watch?: VisibilityWatch; viewportHeight?: number; layer?: HTMLElement },
): HTMLElement {
	const doc = table.ownerDocument;
	const layer = options.layer ?? overlayLayer(doc);
	const clippers = clippingAncestors(table);
	const footer = table.closest(GLPI.searchContainer)?.querySelector(GLPI.searchFooter);
	const first = nearViewportNow(targets, options.viewportHeight ?? doc.defaultView?.innerHeight ?? 800);
	const place = (batch: readonly BadgeTarget[]) => {
		const corner = cornerOf(table);
		return batch.map((target) => badgePosition(lastLineOf(target.anchor), target.cell.getBoundingClientRect(), corner, target.size));
	};
	const firstPositions = place(first);
	const part = visiblePart(table, clippers, footer);
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

	const drawn = new Map<BadgeTarget, HTMLElement>();
	const draw = (targets: readonly BadgeTarget[], positions = place(targets)) => {
		const fragment = doc.createDocumentFragment();
		targets.forEach((target, i) => {
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

	// The others in runs of consecutive rows, each drawn when one of its ends comes near: a few dozen observed rows on
	// a 1,000-row list rather than every row (the observer's check of each row costs every frame, and its first report
	// names every row it watches).
	const rest = targets.filter((target) => !drawn.has(target));
	if (rest.length > 0) {
		const runOf = new Map<Element, BadgeTarget[]>();
		for (let i = 0; i < rest.length; i += RUN) {
			const run = rest.slice(i, i + RUN);
			runOf.set((run[0] as BadgeTarget).anchor, run);
			runOf.set((run[run.length - 1] as BadgeTarget).anchor, run);
		}
		(options.watch ?? nearViewport)(
			[...runOf.keys()],
			(anchors) => {
				// Each row once: both ends of a run may come near together, and an observer may report an end twice.
				const batch = [...new Set(anchors.flatMap((anchor) => runOf.get(anchor) ?? []))].filter((target) => !drawn.has(target));
				if (batch.length > 0) draw(batch);
			},
			options.signal,
		);
	}

	// GLPI's page moved the table (content above it, the window's width, a scrolled wrapper): the host follows, and
	// when the table changed size (titles wrap anew), so do the badges drawn so far.
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
		},
		options.signal,
	);
	options.signal.addEventListener('abort', () => host.remove(), { once: true });
	return host;
}
