import { onMessage } from '../core/messaging';
import type { ExportInput, PatternScope, PatternView, SimilarView, TicketRow } from '../core/pattern-messages';
import { cachedExport, storeExport } from './export-cache';
import { queueFigures } from './service-figures';
import { patternView, similarView, ticketsOfRows, withinDays } from './ticket-patterns';

/** Called when GLPI's figures of an export were queued (the background then schedules a flush). */
let figuresQueued = () => {};

/**
 * The export for `input.key`: cached, or parsed from the CSV the page sent; undefined when the page must send it. A
 * fresh export also gives GLPI's weekly figures, queued when the user opted in; their failure never fails the patterns.
 */
async function exportFor(input: ExportInput) {
	const cached = await cachedExport(input.key);
	if (cached) return cached;
	if (input.csv === undefined) return undefined;
	return storeExport(input.key, input.csv, input.truncated ?? false, Date.now(), (parsed) => {
		void queueFigures(input.key, parsed, new Date(), input.truncated ?? false).then(
			(queued) => queued && figuresQueued(),
			(error: unknown) => console.warn('[gx] service figures', error),
		);
	});
}

export async function exportPatterns(input: ExportInput & { scope: Exclude<PatternScope, 'page'> }): Promise<PatternView | null> {
	const found = await exportFor(input);
	if (!found) return null;
	return patternView(withinDays(found.tickets, input.scope === 'all' ? undefined : input.scope), { truncated: found.truncated });
}

export async function similarTickets(input: ExportInput & { ticket: TicketRow & { description?: string } }): Promise<SimilarView | null> {
	const found = await exportFor(input);
	if (!found) return null;
	const [ticket] = ticketsOfRows([input.ticket]);
	if (!ticket) throw new Error(`ticket ${input.ticket.id} cannot be read`);
	if (input.ticket.description) ticket.description = input.ticket.description.slice(0, 20_000);
	// The form shows the ticket as it is now; the export's copy may be older (or absent: another search).
	const known = found.tickets.find((entry) => entry.id === ticket.id);
	return similarView(found.tickets, { ...known, ...ticket });
}

const errorOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The pattern messages of the GLPI overlay (core/pattern-messages.ts); `onFiguresQueued` schedules their send. */
export function registerPatternHandlers(onFiguresQueued: () => void = () => {}): void {
	figuresQueued = onFiguresQueued;
	onMessage('findPatterns', ({ data }) => {
		try {
			return { ok: true, value: patternView(ticketsOfRows(data.rows)) };
		} catch (error) {
			return { ok: false, error: errorOf(error) };
		}
	});
	onMessage('exportPatterns', ({ data }) =>
		exportPatterns(data).then(
			(value) => ({ ok: true as const, value }),
			(error: unknown) => ({ ok: false as const, error: errorOf(error) }),
		),
	);
	onMessage('similarTickets', ({ data }) =>
		similarTickets(data).then(
			(value) => ({ ok: true as const, value }),
			(error: unknown) => ({ ok: false as const, error: errorOf(error) }),
		),
	);
}
