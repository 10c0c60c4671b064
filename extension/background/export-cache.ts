import { storage } from 'wxt/utils/storage';
import { type Ticket, parseGlpiCsv } from '../../shared/patterns';
import type { GlpiExport } from '../../shared/patterns/glpi-csv';

/**
 * GLPI exports the overlay read with the user's session, parsed, kept a few minutes so that a re-rendered list, the
 * next page or a ticket form opened from the list need no second download. Bounded: a few searches, the newest
 * 2,000 tickets of each. In memory, mirrored in storage.session (the service worker sleeps after 30 s; session
 * storage is in memory too, cleared when the browser closes, and out of the content scripts' reach).
 */

export const EXPORT_TTL_MS = 10 * 60_000;
export const MAX_EXPORTS = 4;
/** Tickets kept from one export: the newest by opening date. */
export const MAX_EXPORT_TICKETS = 2000;

export interface CachedExport {
	key: string;
	at: number;
	tickets: Ticket[];
	/** More tickets than kept (the download stopped at its byte limit, or more than MAX_EXPORT_TICKETS). */
	truncated: boolean;
}

const exportsItem = storage.defineItem<CachedExport[]>('session:patternExports', { fallback: [] });
let memory: CachedExport[] | undefined;

async function entries(now: number): Promise<CachedExport[]> {
	memory ??= await exportsItem.getValue().catch(() => []);
	memory = memory.filter((entry) => now - entry.at < EXPORT_TTL_MS);
	return memory;
}

export async function cachedExport(key: string, now = Date.now()): Promise<CachedExport | undefined> {
	return (await entries(now)).find((entry) => entry.key === key);
}

/**
 * Parses an export (throws the CsvError that names the line), keeps its newest tickets, and caches them. `onParsed`
 * sees every ticket and the columns found, before the cut (GLPI's weekly service figures, issue 17).
 */
export async function storeExport(key: string, csv: string, truncated: boolean, now = Date.now(), onParsed?: (parsed: GlpiExport) => void): Promise<CachedExport> {
	const parsed = parseGlpiCsv(csv);
	const { tickets } = parsed;
	onParsed?.(parsed);
	const newestFirst = [...tickets].sort((a, b) => (b.openedAt ?? 0) - (a.openedAt ?? 0) || b.id - a.id);
	const entry: CachedExport = { key, at: now, tickets: newestFirst.slice(0, MAX_EXPORT_TICKETS), truncated: truncated || tickets.length > MAX_EXPORT_TICKETS };
	memory = [entry, ...(await entries(now)).filter((other) => other.key !== key)].slice(0, MAX_EXPORTS);
	await exportsItem.setValue(memory).catch((error: unknown) => console.warn('[gx] export cache', error));
	return entry;
}

/** Forgets everything (tests; a browser restart does it by itself). */
export async function clearExports(): Promise<void> {
	memory = [];
	await exportsItem.removeValue();
}
