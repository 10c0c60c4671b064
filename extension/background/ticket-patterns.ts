import { type DuplicateCluster, SimilarIndex, type Ticket, clusterTickets, detectSpikes } from '../../shared/patterns';
import { detectDateOrder, parseGlpiDate } from '../../shared/patterns/glpi-dates';
import type { ClusterView, PatternView, SimilarView, TicketRow } from '../core/pattern-messages';

/**
 * The pattern engine (shared/patterns, docs/PATTERNS.md) over what the GLPI overlay read: list rows or a CSV export.
 * It runs here, in the background, so that a 1,000-row list costs the page's main thread only the reading of its
 * rows and the writing of the badges.
 */

const DAY_MS = 86_400_000;
/** Rows taken from one list page (GLPI's largest page size is 9,999,999; its menu offers up to 10,000). */
export const MAX_ROWS = 10_000;

/** "Now" as GLPI prints times: the user's wall clock, read as UTC like every GLPI date (shared/patterns/ticket.ts). */
export const wallClockNow = (now = new Date()) => now.getTime() - now.getTimezoneOffset() * 60_000;

/** Tickets from list rows: the date format is told apart over the whole column, as for an export. */
export function ticketsOfRows(rows: readonly TicketRow[]): Ticket[] {
	const order = detectDateOrder(rows.flatMap((row) => (row.opened ? [row.opened] : [])));
	const seen = new Set<number>();
	const tickets: Ticket[] = [];
	for (const row of rows.slice(0, MAX_ROWS)) {
		if (!Number.isSafeInteger(row.id) || row.id < 1 || seen.has(row.id)) continue;
		seen.add(row.id);
		const ticket: Ticket = { id: row.id, title: row.title.slice(0, 1000) };
		if (row.category) ticket.category = row.category.slice(0, 500);
		if (row.status) ticket.status = row.status;
		const opened = row.opened ? parseGlpiDate(row.opened, order) : undefined;
		if (opened !== undefined && !Number.isNaN(opened)) ticket.openedAt = opened;
		tickets.push(ticket);
	}
	return tickets;
}

/** The tickets opened in the last `days` days (by the wall clock); all of them when `days` is undefined. */
export function withinDays(tickets: readonly Ticket[], days: number | undefined, now = wallClockNow()): Ticket[] {
	if (days === undefined) return [...tickets];
	const since = now - days * DAY_MS;
	return tickets.filter((ticket) => ticket.openedAt !== undefined && ticket.openedAt >= since);
}

/** Newer first: opening date, then id. */
const newer = (a: Ticket, b: Ticket) => (a.openedAt ?? 0) - (b.openedAt ?? 0) || a.id - b.id;

function clusterView(cluster: DuplicateCluster, byId: ReadonlyMap<number, Ticket>): ClusterView {
	// The newest member's title is the sample: what the problem looks like today.
	let newest: Ticket | undefined;
	for (const id of cluster.ticketIds) {
		const ticket = byId.get(id);
		if (ticket && (!newest || newer(ticket, newest) > 0)) newest = ticket;
	}
	return {
		ticketIds: cluster.ticketIds,
		size: cluster.size,
		signature: cluster.signature,
		...(cluster.category ? { category: cluster.category } : {}),
		sample: newest?.title ?? '',
	};
}

/**
 * Near-duplicate clusters (largest first) and the categories that spike now: the 7 days that end today against the
 * 8 weeks before (shared/patterns/spikes.ts defaults). "Now" is the wall clock, not the newest ticket: a list of old
 * tickets has no spike today.
 */
export function patternView(tickets: readonly Ticket[], options: { now?: number; truncated?: boolean } = {}): PatternView {
	const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
	const now = options.now ?? wallClockNow();
	const spikes = detectSpikes(tickets, { asOf: now, history: false }).filter((spike) => spike.current);
	return {
		tickets: tickets.length,
		clusters: clusterTickets(tickets).map((cluster) => clusterView(cluster, byId)),
		spikes: spikes.map(({ category, count, expected, ratio, ticketIds }) => ({ category, count, expected, ratio, ticketIds })),
		truncated: options.truncated ?? false,
	};
}

/**
 * The tickets most similar to `ticket` among `pool` (the ticket itself is added or replaces its older copy, with the
 * description the form shows), and the near-duplicate cluster it belongs to.
 */
export function similarView(pool: readonly Ticket[], ticket: Ticket, k = 5): SimilarView {
	const tickets = [...pool.filter((candidate) => candidate.id !== ticket.id), ticket];
	const byId = new Map(tickets.map((entry) => [entry.id, entry]));
	const index = new SimilarIndex(tickets);
	const similar = index.similarTo(ticket.id, k).flatMap(({ id, score }) => {
		const found = byId.get(id);
		if (!found || score <= 0) return [];
		return [{ id, title: found.title, score, ...(found.category ? { category: found.category } : {}), ...(found.status ? { status: found.status } : {}) }];
	});
	const cluster = clusterTickets(tickets).find((candidate) => candidate.ticketIds.includes(ticket.id));
	return { tickets: pool.length, similar, cluster: cluster ? clusterView(cluster, byId) : null };
}
