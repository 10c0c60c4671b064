import type { ClusterView } from '../core/pattern-messages';
import type { ListRow } from '../glpi/ticket-list';

/**
 * Which rows of a ticket list get a badge, and where it goes: pure functions of the rows, the groups and a few
 * rectangles, so they are tested without a browser. The badges themselves live in one overlay layer
 * (components/badge-layer.ts), never inside GLPI's table.
 */

/** One colour per group, in the order of the summary (largest first); dark enough for white text (WCAG AA). */
export const GROUP_COLORS = ['#b45309', '#1d4ed8', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#9d174d'] as const;
export const colorOf = (rank: number) => GROUP_COLORS[rank % GROUP_COLORS.length] as string;

export interface BadgeTarget {
	/** The row's title link (or its title cell when it has none): the badge goes after its last line. */
	anchor: Element;
	/** The title cell, which the badge stays inside. */
	cell: Element;
	ticketId: number;
	size: number;
	rank: number;
	color: string;
	label: string;
}

/** Every row whose ticket is in a group, with its group's size, colour and label. */
export function badgeTargets(rows: readonly ListRow[], clusters: readonly ClusterView[], label: (cluster: ClusterView) => string): BadgeTarget[] {
	const groupOf = new Map<number, number>();
	clusters.forEach((cluster, rank) => {
		for (const id of cluster.ticketIds) if (!groupOf.has(id)) groupOf.set(id, rank);
	});
	const labels = new Map<number, string>();
	const targets: BadgeTarget[] = [];
	for (const row of rows) {
		const rank = groupOf.get(row.id);
		if (rank === undefined) continue;
		const cluster = clusters[rank] as ClusterView;
		let text = labels.get(rank);
		if (text === undefined) labels.set(rank, (text = label(cluster)));
		targets.push({ anchor: row.anchor, cell: row.cell, ticketId: row.id, size: cluster.size, rank, color: colorOf(rank), label: text });
	}
	return targets;
}

export interface Box {
	left: number;
	top: number;
	right: number;
	height: number;
}

export const BADGE_HEIGHT = 18;
const GAP = 6;
/** The badge's width: padding, and about 7 px per digit of GLPI's 11 px bold font. */
export const badgeWidth = (size: number) => 12 + 7 * String(size).length;

/** The dot a badge becomes where its title leaves no room for the count (the count is in its tooltip). */
export const DOT = 8;

/**
 * Where a badge goes, relative to the layer's origin: right after the last line of the title, vertically centred on
 * it, inside the title cell. A title whose last line leaves no room for the count in its cell gets a dot of the
 * group's colour in the room there is (its cell's padding at least) instead: never over the title's own words
 * (issue 14: "VPN disconnects every 10 minut[3]" on GLPI's styled list).
 */
export function badgePosition(lastLine: Box, cell: Box, origin: Box, size: number): { x: number; y: number; dot: boolean } {
	const fits = lastLine.right + GAP + badgeWidth(size) <= cell.right - 2;
	const height = fits ? BADGE_HEIGHT : DOT;
	const x = fits ? lastLine.right + GAP : lastLine.right + Math.min(GAP, Math.max(2, (cell.right - lastLine.right - DOT) / 2));
	const y = lastLine.top + (lastLine.height - height) / 2;
	return { x: Math.round(x - origin.left), y: Math.round(y - origin.top), dot: !fits };
}

/**
 * The targets whose title is, at least in part, between `top` and `bottom` (viewport coordinates), read from their
 * boxes: rows are in document order, so a binary search finds the first, and the scan stops at the first below. A few
 * dozen box reads on a 1,000-row list.
 */
export function withinNow(targets: readonly BadgeTarget[], top: number, bottom: number): BadgeTarget[] {
	let low = 0;
	let high = targets.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if ((targets[middle] as BadgeTarget).anchor.getBoundingClientRect().bottom < top) low = middle + 1;
		else high = middle;
	}
	const near: BadgeTarget[] = [];
	for (let i = low; i < targets.length; i++) {
		const target = targets[i] as BadgeTarget;
		if (target.anchor.getBoundingClientRect().top > bottom) break;
		near.push(target);
	}
	return near;
}
