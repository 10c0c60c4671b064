import type { ClusterView } from '../core/pattern-messages';
import type { ListRow } from '../glpi/ticket-list';

/**
 * The small coloured badges next to the title of each row of a near-duplicate group. Plain DOM, no framework: on a
 * 1,000-row list they are written in one batch after every row was read, and nothing reads layout, so the page
 * lays out once (README, "Ticket patterns in GLPI", for the measured cost).
 */

/** One colour per group, in the order of the summary (largest first); dark enough for white text (WCAG AA). */
export const GROUP_COLORS = ['#b45309', '#1d4ed8', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#9d174d'] as const;
export const colorOf = (rank: number) => GROUP_COLORS[rank % GROUP_COLORS.length] as string;

export interface BadgePlacement {
	/** The badge goes right after this element (the row's title link), or at the end of it when it is the title cell. */
	anchor: Element;
	ticketId: number;
	size: number;
	rank: number;
	color: string;
	label: string;
}

/** Which rows get a badge, and which: every row whose ticket is in a group, with its group's size and colour. */
export function badgePlacements(rows: readonly ListRow[], clusters: readonly ClusterView[], label: (cluster: ClusterView) => string): BadgePlacement[] {
	const groupOf = new Map<number, number>();
	clusters.forEach((cluster, rank) => {
		for (const id of cluster.ticketIds) if (!groupOf.has(id)) groupOf.set(id, rank);
	});
	const placements: BadgePlacement[] = [];
	const labels = new Map<number, string>();
	for (const row of rows) {
		const rank = groupOf.get(row.id);
		if (rank === undefined) continue;
		const cluster = clusters[rank] as ClusterView;
		let text = labels.get(rank);
		if (text === undefined) labels.set(rank, (text = label(cluster)));
		placements.push({ anchor: row.anchor, ticketId: row.id, size: cluster.size, rank, color: colorOf(rank), label: text });
	}
	return placements;
}

// Inline styles inside each badge's own shadow root: GLPI's CSS cannot reach it, and no stylesheet is parsed per badge.
const HOST_STYLE = 'all:initial;display:inline-block;vertical-align:baseline;margin-left:6px';
const BADGE_STYLE =
	'display:inline-block;min-width:1.4em;padding:1px 6px;border-radius:9px;color:#fff;font:600 11px/16px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:center;cursor:default';

/**
 * Writes the badges: a `gx-pattern-badge` host with an open shadow root after each anchor. Only writes, in one loop
 * over the placements computed beforehand. Returns the hosts, for removal.
 */
export function paintBadges(placements: readonly BadgePlacement[], doc: Document = document): HTMLElement[] {
	const hosts: HTMLElement[] = [];
	for (const placement of placements) {
		const host = doc.createElement('gx-pattern-badge');
		host.setAttribute('style', HOST_STYLE);
		host.setAttribute('data-gx-ticket', String(placement.ticketId));
		host.setAttribute('data-gx-group', String(placement.rank));
		host.title = placement.label;
		const badge = doc.createElement('span');
		badge.setAttribute('style', `${BADGE_STYLE};background:${placement.color}`);
		badge.setAttribute('role', 'img');
		badge.setAttribute('aria-label', placement.label);
		badge.textContent = String(placement.size);
		host.attachShadow({ mode: 'open' }).append(badge);
		// After the title link; inside the title cell when the row has no link.
		if (placement.anchor.tagName === 'TD') placement.anchor.append(host);
		else placement.anchor.after(host);
		hosts.push(host);
	}
	return hosts;
}

export const removeBadges = (hosts: readonly HTMLElement[]) => {
	for (const host of hosts) host.remove();
};
