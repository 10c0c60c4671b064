/**
 * What the GLPI overlay and the background say to each other about ticket patterns. The pattern engine
 * (shared/patterns) runs in the background, off the page's main thread and out of the content script's bundle; ticket
 * titles travel between the two and never further (docs/GUIDE.md, "Overlay features").
 */

/** GLPI's ticket status keys (.itilstatus.<key>, CommonITILObject::getStatusKey, 10 and 11). */
export type TicketStatusKey = 'new' | 'assigned' | 'planned' | 'waiting' | 'solved' | 'closed';

/** A ticket as a list row or a ticket form shows it. */
export interface TicketRow {
	id: number;
	title: string;
	category?: string;
	status?: TicketStatusKey;
	/** The opening date as GLPI prints it, in the user's date format (read in the background over the whole list). */
	opened?: string;
}

/** A group of near-duplicate tickets. `sample` is one member's title: shown in the page, sent only if the workspace shares text. */
export interface ClusterView {
	ticketIds: number[];
	size: number;
	/** Up to three words the members share ("vpn disconnects"): what a pattern signal carries. */
	signature: string;
	category?: string;
	sample: string;
}

/** A category with a burst of tickets in the last 7 days. */
export interface SpikeView {
	category: string;
	count: number;
	/** What the weeks before predicted for 7 days. */
	expected: number;
	/** count / expected, null when the category had no ticket before. */
	ratio: number | null;
	ticketIds: number[];
}

export interface PatternView {
	/** Tickets analysed. */
	tickets: number;
	clusters: ClusterView[];
	spikes: SpikeView[];
	/** The export was longer than what is read (bytes or tickets): the newest were kept. */
	truncated: boolean;
}

export interface SimilarEntry {
	id: number;
	title: string;
	/** Cosine similarity, 0 to 1. */
	score: number;
	category?: string;
	status?: TicketStatusKey;
}

export interface SimilarView {
	/** Tickets searched. */
	tickets: number;
	similar: SimilarEntry[];
	/** The near-duplicate group the ticket belongs to, if any: what "Suggest a Problem" sends. */
	cluster: ClusterView | null;
}

/** The period chooser: the visible page, or the whole search over the last 30 or 90 days, or all of it. */
export type PatternScope = 'page' | 30 | 90 | 'all';

export interface ExportInput {
	/** The export's cache key (glpi/csv-export.ts). */
	key: string;
	/** The CSV text, when the background said it has none cached for the key. */
	csv?: string;
	/** The text was cut at the byte limit. */
	truncated?: boolean;
}
