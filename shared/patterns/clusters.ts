import { Vocabulary } from '../text/vocabulary';
import { BOILERPLATE_MIN_TICKETS, BOILERPLATE_SHARE, boilerplateFilter, descriptionTermIds } from './boilerplate';
import { centredGroups } from './centred-groups';
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

/**
 * Written terms held by more than this share of the tickets, once boilerplate lines are left out, weigh nothing:
 * what most of an export says (a product's name in every report) tells no two tickets apart.
 */
export const COMMON_TERM_SHARE = 0.5;

export interface ClusterOptions {
	threshold?: number;
	/** Smallest group reported (2: any repeated ticket). */
	minSize?: number;
	/** Count the category's words and path as terms of the ticket (default true). */
	useCategory?: boolean;
	/** Description lines held by more than this share of the tickets weigh nothing (BOILERPLATE_SHARE; 1 keeps all). */
	boilerplateShare?: number;
	/** Join by single linkage (connected components) instead of centred groups: the old way, for measurements. */
	singleLinkage?: boolean;
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

interface CategoryTerms {
	/** The category's words, as the ticket would write them, and the marker used when it did not. */
	words: number[];
	markers: number[];
	/** One marker per level of its path. */
	path: number[];
}

/**
 * The terms of a category, "Network > VPN": its words ("network", "vpn") and one marker per level of its path, so
 * that two tickets filed under the same leaf share three terms and two under the same branch share one. A GLPI
 * export usually has titles only, three to six words, and the category is the technician's own summary of the
 * subject: with it, short titles that share a word ("VPN disconnects", "Cannot connect to VPN") meet. A category
 * word the ticket did not write is a marker of its own, and markers alone never make a pair (issue 16: "Teams
 * camera not detected" and "Écran externe ne s'affiche pas" met only through Hardware > Peripherals).
 */
function categoryTerms(category: string, vocabulary: Vocabulary): CategoryTerms {
	const words = vocabulary.termIds(category);
	const markers = words.map((id) => vocabulary.idOf(`category-word:${vocabulary.terms[id] as string}`));
	const path = category.split('>').map((part) => part.trim().toLowerCase());
	const levels: number[] = [];
	for (let level = 1; level <= path.length; level++) levels.push(vocabulary.idOf(`category:${path.slice(0, level).join(' > ')}`));
	return { words, markers, path: levels };
}

export interface TicketTerms {
	vocabulary: Vocabulary;
	sets: TermSets;
	/** 1 for the ids of terms that come from a category (markers alone never make a pair). */
	categoryTerms: Uint8Array;
	/** 1 for the ids of written terms held by most tickets (COMMON_TERM_SHARE), left out of the sets. */
	commonTerms: Uint8Array;
}

/** Each ticket's term set for near-duplicate detection, boilerplate left out. */
export function ticketTermSets(tickets: readonly Ticket[], useCategory = true, boilerplateShare = BOILERPLATE_SHARE): TicketTerms {
	const vocabulary = new Vocabulary('fold', true);
	const byCategory = new Map<string, CategoryTerms>();
	const fromCategory: number[] = [];
	const builder = new TermSetsBuilder();
	const ids: number[] = [];
	const written = new Set<number>();
	// Without the boilerplate pass (a small export), each description is tokenised after its title, as always.
	const boilerplate = boilerplateFilter(
		tickets.map((ticket) => ticket.description),
		vocabulary,
		boilerplateShare,
	);
	tickets.forEach((ticket, index) => {
		ids.length = 0;
		vocabulary.termIds(ticket.title, ids);
		if (boilerplate) boilerplate.termsBeyond(index, ids);
		else if (ticket.description) descriptionTermIds(ticket.description, vocabulary, ids);
		if (useCategory && ticket.category) {
			let terms = byCategory.get(ticket.category);
			if (!terms) {
				byCategory.set(ticket.category, (terms = categoryTerms(ticket.category, vocabulary)));
				fromCategory.push(...terms.markers, ...terms.path);
			}
			written.clear();
			for (const id of ids) written.add(id);
			terms.words.forEach((word, i) => {
				if (!written.has(word)) ids.push(terms.markers[i] as number);
			});
			for (const id of terms.path) ids.push(id);
		}
		builder.add(ids);
	});
	const flags = new Uint8Array(vocabulary.size);
	for (const id of fromCategory) flags[id] = 1;
	const sets = builder.build();
	const frequent = commonTerms(sets, vocabulary.size, flags, tickets.length);
	return { vocabulary, sets: withoutTerms(sets, frequent), categoryTerms: flags, commonTerms: frequent };
}

/** Written terms held by more than COMMON_TERM_SHARE of the tickets, in an export big enough for a share to mean something. */
function commonTerms(sets: TermSets, size: number, categoryFlags: Uint8Array, count: number): Uint8Array {
	const common = new Uint8Array(size);
	if (count < BOILERPLATE_MIN_TICKETS) return common;
	const df = documentFrequencies(sets, size);
	for (let id = 0; id < size; id++) if ((df[id] as number) > COMMON_TERM_SHARE * count && categoryFlags[id] !== 1) common[id] = 1;
	return common;
}

function withoutTerms(sets: TermSets, left: Uint8Array): TermSets {
	if (!left.includes(1)) return sets;
	const ids = new Int32Array(sets.ids.length);
	const offsets = new Int32Array(sets.offsets.length);
	let length = 0;
	for (let set = 0; set + 1 < sets.offsets.length; set++) {
		for (let k = sets.offsets[set] as number; k < (sets.offsets[set + 1] as number); k++) {
			const id = sets.ids[k] as number;
			if (left[id] !== 1) ids[length++] = id;
		}
		offsets[set + 1] = length;
	}
	return { ids: ids.slice(0, length), offsets };
}

function describe(members: readonly number[], tickets: readonly Ticket[], sets: TermSets, keywords: KeywordCounter): DuplicateCluster {
	const categories = new Map<string, number>();
	let first: number | undefined;
	let last: number | undefined;
	const ticketIds = new Array<number>(members.length);
	for (let i = 0; i < members.length; i++) {
		const member = members[i] as number;
		const ticket = tickets[member] as Ticket;
		ticketIds[i] = ticket.id;
		// What the member wrote beyond boilerplate: its term set, whose category terms are markers, never keywords.
		keywords.add(sets.ids, sets.offsets[member], sets.offsets[member + 1]);
		if (ticket.category) categories.set(ticket.category, (categories.get(ticket.category) ?? 0) + 1);
		if (ticket.openedAt !== undefined) {
			first = Math.min(first ?? ticket.openedAt, ticket.openedAt);
			last = Math.max(last ?? ticket.openedAt, ticket.openedAt);
		}
	}
	const words = keywords.take();
	// The most common category, the first in alphabetical order on a tie.
	let category: string | undefined;
	let inCategory = 0;
	for (const [name, count] of categories) {
		if (category === undefined || count > inCategory || (count === inCategory && name.localeCompare(category) < 0)) {
			category = name;
			inCategory = count;
		}
	}
	ticketIds.sort((a, b) => a - b);
	return {
		ticketIds,
		size: ticketIds.length,
		keywords: words,
		signature: (words.join(' ') || category || `${ticketIds.length} similar tickets`).slice(0, 200),
		...(category === undefined ? {} : { category }),
		categoryShare: category === undefined ? 0 : inCategory / members.length,
		...(first === undefined ? {} : { firstOpenedAt: first, lastOpenedAt: last }),
	};
}

/** Groups of near-duplicate tickets, largest first. */
export function clusterTickets(tickets: readonly Ticket[], options: ClusterOptions = {}): DuplicateCluster[] {
	const terms = ticketTermSets(tickets, options.useCategory ?? true, options.boilerplateShare);
	const threshold = options.threshold ?? DEFAULT_CLUSTER_THRESHOLD;
	const minSize = options.minSize ?? 2;
	const { categoryTerms, sets } = terms;
	const found = options.exact
		? nearDuplicatesExact(sets, threshold, undefined, categoryTerms)
		: nearDuplicates(sets, terms.vocabulary.termHashes, { threshold, categoryTerms, ...(options.lsh ? { lsh: options.lsh } : {}) });
	const groups = options.singleLinkage ? found.groups.groups(minSize) : centredGroups(sets, found.groups, found.edges, threshold, categoryTerms, minSize);
	const df = documentFrequencies(sets, terms.vocabulary.size);
	const keywords = new KeywordCounter(terms.vocabulary, df, tickets.length);
	return groups
		.map((members) => describe(members, tickets, sets, keywords))
		.sort((a, b) => b.size - a.size || (a.ticketIds[0] as number) - (b.ticketIds[0] as number));
}
