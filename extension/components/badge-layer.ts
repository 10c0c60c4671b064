import { BADGE_HEIGHT, type BadgeTarget, badgePosition, nearViewportNow } from './pattern-badges';

/**
 * The badges of a ticket list, drawn in one overlay layer, never inside GLPI's table. Measured on a 1,000-row GLPI 10
 * list in Chromium: changing one cell of the table costs a new layout of the whole table (15-25 ms there), a badge in
 * every row several hundred ms, while a zero-height block before the table leaves the table's layout alone (about
 * 1 ms). So the layer is such a block, `position: relative`, right before the table inside its scrolling wrapper:
 * badges are placed relative to it, and move with the table when GLPI's page shifts or the wrapper scrolls sideways.
 * Only the rows within a screen of the viewport are drawn at once; the others when scrolling brings them near (an
 * IntersectionObserver, which hands over their boxes with the layout already done).
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

const LAYER_STYLE = 'all:initial;display:block;position:relative;width:0;height:0;z-index:1;pointer-events:none';
const BADGE_CSS = `.gx-badge{position:absolute;box-sizing:border-box;height:${BADGE_HEIGHT}px;min-width:20px;padding:0 6px;border-radius:9px;color:#fff;font:600 11px/${BADGE_HEIGHT}px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:center;white-space:nowrap;pointer-events:auto;cursor:default}`;

const lastLineOf = (anchor: Element) => {
	const lines = anchor.getClientRects();
	return lines[lines.length - 1] ?? anchor.getBoundingClientRect();
};

const styleOf = (target: BadgeTarget, position: { x: number; y: number } | undefined) => `background:${target.color};left:${position?.x ?? 0}px;top:${position?.y ?? 0}px`;

/**
 * Shows the badges of `targets` next to `table`'s rows until `signal` aborts (then the layer goes). Each batch reads
 * the boxes it needs, then writes: never a read after a write within a batch. The first batch (the rows near the
 * viewport) is drawn before this returns, in the caller's task, so it shares one frame with the caller's own changes.
 */
export function showBadges(table: Element, targets: readonly BadgeTarget[], options: { signal: AbortSignal; watch?: VisibilityWatch; viewportHeight?: number }): HTMLElement {
	const doc = table.ownerDocument;
	const host = doc.createElement('gx-pattern-badges');
	host.setAttribute('style', LAYER_STYLE);
	// The summary above the list says the same in words; a screen reader would get 1,000 numbers out of context here.
	host.setAttribute('aria-hidden', 'true');
	const root = host.attachShadow({ mode: 'open' });
	const style = doc.createElement('style');
	style.textContent = BADGE_CSS;
	root.append(style);
	table.before(host);

	const drawn = new Map<BadgeTarget, HTMLElement>();
	const place = (batch: readonly BadgeTarget[]) => {
		const origin = host.getBoundingClientRect();
		return batch.map((target) => badgePosition(lastLineOf(target.anchor), target.cell.getBoundingClientRect(), origin, target.size));
	};
	const draw = (targets: readonly BadgeTarget[]) => {
		// Each target once: an observer may report a row again before it is unobserved.
		const batch = [...new Set(targets)].filter((target) => !drawn.has(target));
		if (batch.length === 0) return;
		const positions = place(batch);
		const fragment = doc.createDocumentFragment();
		batch.forEach((target, i) => {
			const badge = doc.createElement('span');
			badge.className = 'gx-badge';
			badge.setAttribute('data-gx', 'pattern-badge');
			badge.setAttribute('data-gx-ticket', String(target.ticketId));
			badge.setAttribute('data-gx-group', String(target.rank));
			badge.title = target.label;
			badge.style.cssText = styleOf(target, positions[i]);
			badge.textContent = String(target.size);
			fragment.append(badge);
			drawn.set(target, badge);
		});
		root.append(fragment);
	};

	const first = nearViewportNow(targets, options.viewportHeight ?? doc.defaultView?.innerHeight ?? 800);
	draw(first);
	const rest = targets.filter((target) => !drawn.has(target));
	if (rest.length > 0) {
		const byAnchor = new Map(rest.map((target) => [target.anchor, target]));
		(options.watch ?? nearViewport)([...byAnchor.keys()], (anchors) => draw(anchors.flatMap((anchor) => byAnchor.get(anchor) ?? [])), options.signal);
	}

	// GLPI's table changes size with the window (titles wrap): the badges drawn so far follow.
	let sized = false;
	const resize = new ResizeObserver(() => {
		if (!sized) return void (sized = true);
		const batch = [...drawn.keys()];
		const positions = place(batch);
		batch.forEach((target, i) => drawn.get(target)?.setAttribute('style', styleOf(target, positions[i])));
	});
	resize.observe(table);
	options.signal.addEventListener(
		'abort',
		() => {
			resize.disconnect();
			host.remove();
		},
		{ once: true },
	);
	return host;
}
