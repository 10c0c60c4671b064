import { Vocabulary } from '../text/vocabulary';
import { KeywordCounter, documentFrequencies } from './keywords';
import type { LshParameters } from './lsh';
import { nearDuplicates, nearDuplicatesExact } from './near-duplicates';
import { type TermSets, TermSetsBuilder } from './term-sets';
import type { Ticket } from './ticket';

/**
 * Default similarity for two tickets to be near-duplicates: the Jaccard of their term sets (stemmed words of title
 * and description, plus the category). At 0.4 two short tickets must share about half of their terms; the effect
 * of other values on the captured GLPI tickets and the Hadoop duplicates is in docs/PATTERNS.md.
 */
export const DEFAULT_CLUSTER_THRESHOLD = 0.4;

export interface ClusterOptions {
	threshold?: number;
	/** Smallest group reported (2: any repeated ticket). */
	minSize?: number;
	/** Count the category's words and path as terms of the ticket (default true). */
	useCategory?: boolean;
	lsh?: LshParameters;
	/** Compare every pair instead of LSH candidates: exact but quadratic, for measurements only. */
	exact?: boolean;
}

export interface DuplicateCluster {
	/** Ticket ids, ascending. */
	ticketIds: number[];
	size: number;
	/** Up to three words the members share, most distinctive first, as written in the tickets ("disconnects"). */
	keywords: string[];
	/** The keywords as one short string: the pattern's signature when it is synced ("vpn disconnects"). */
	signature: string;
	/** The most common category among the members, and the share of members in it. */
	category?: string;
	categoryShare: number;
	firstOpenedAt?: number;
	lastOpenedAt?: number;
}

/**
 * The terms of a category, "Network > VPN": its words ("network", "vpn") and one marker per level of its path, so
 * that two tickets filed under the same leaf share three terms and two under the same branch share one. A GLPI
 * export usually has titles only, three to six words, and the category is the technician's own summary of the
 * subject: with it, "Locked out of my account" and "Password reset request" (both under Accounts > Password reset)
 * meet, while tickets that only share the branch (Network > VPN and Network > Wi-Fi) stay apart.
 */
function categoryTerms(category: string, vocabulary: Vocabulary): number[] {
	const ids = vocabulary.termIds(category);
	const path = category.split('>').map((part) => part.trim().toLowerCase());
	for (let level = 1; level <= path.length; level++) ids.push(vocabulary.idOf(`category:${path.slice(0, level).join(' > ')}`));
	return ids;
}

export interface TicketTerms {
	vocabulary: Vocabulary;
	sets: TermSets;
}

/** Each ticket's term set for near-duplicate detection. */
export function ticketTermSets(tickets: readonly Ticket[], useCategory = true): TicketTerms {
	const vocabulary = new Vocabulary('fold', true);
	const byCategory = new Map<string, number[]>();
	const builder = new TermSetsBuilder();
	const ids: number[] = [];
	for (const ticket of tickets) {
		ids.length = 0;
		vocabulary.termIds(ticket.title, ids);
		if (ticket.description) vocabulary.termIds(ticket.description, ids);
		if (useCategory && ticket.category) {
			let terms = byCategory.get(ticket.category);
			if (!terms) byCategory.set(ticket.category, (terms = categoryTerms(ticket.category, vocabulary)));
			for (const id of terms) ids.push(id);
		}
		builder.add(ids);
	}
	return { vocabulary, sets: builder.build() };
}

function describe(members: readonly number[], tickets: readonly Ticket[], sets: TermSets, keywords: KeywordCounter, vocabulary: Vocabulary): DuplicateCluster {
	const categories = new Map<string, number>();
	let first: number | undefined;
	let last: number | undefined;
	const ticketIds = new Array<number>(members.length);
	const written: number[] = [];
	members.forEach((member, i) => {
		const ticket = tickets[member] as Ticket;
		ticketIds[i] = ticket.id;
		// What the member wrote: its term set, or for a ticket with a category its own words again.
		if (ticket.category) {
			written.length = 0;
			keywords.add(vocabulary.termIds(`${ticket.title}\n${ticket.description ?? ''}`, written));
			categories.set(ticket.category, (categories.get(ticket.category) ?? 0) + 1);
		} else keywords.add(sets.ids, sets.offsets[member], sets.offsets[member + 1]);
		if (ticket.openedAt !== undefined) {
			first = Math.min(first ?? ticket.openedAt, ticket.openedAt);
			last = Math.max(last ?? ticket.openedAt, ticket.openedAt);
		}
	});
	const words = keywords.take();
	const [category, inCategory] = [...categories].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
	ticketIds.sort((a, b) => a - b);
	return {
		ticketIds,
		size: ticketIds.length,
		keywords: words,
		signature: (words.join(' ') || category || `${ticketIds.length} similar tickets`).slice(0, 200),
		...(category === undefined ? {} : { category }),
		categoryShare: inCategory === undefined ? 0 : inCategory / members.length,
		...(first === undefined ? {} : { firstOpenedAt: first, lastOpenedAt: last }),
	};
}

/** Groups of near-duplicate tickets, largest first. */
export function clusterTickets(tickets: readonly Ticket[], options: ClusterOptions = {}): DuplicateCluster[] {
	const terms = ticketTermSets(tickets, options.useCategory ?? true);
	const threshold = options.threshold ?? DEFAULT_CLUSTER_THRESHOLD;
	const groups = options.exact
		? nearDuplicatesExact(terms.sets, threshold).groups
		: nearDuplicates(terms.sets, terms.vocabulary.termHashes, { threshold, ...(options.lsh ? { lsh: options.lsh } : {}) }).groups;
	const df = documentFrequencies(terms.sets, terms.vocabulary.size);
	const keywords = new KeywordCounter(terms.vocabulary, df, tickets.length);
	return groups
		.groups(options.minSize ?? 2)
		.map((members) => describe(members, tickets, terms.sets, keywords, terms.vocabulary))
		.sort((a, b) => b.size - a.size || (a.ticketIds[0] as number) - (b.ticketIds[0] as number));
}
