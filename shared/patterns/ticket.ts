import { z } from 'zod';

/**
 * GLPI's ticket status keys (CommonITILObject::getStatusKey, GLPI 10 and 11): 1 new, 2 assigned, 3 planned,
 * 4 waiting, 5 solved, 6 closed. Labels are translated; these keys are not.
 */
export const TICKET_STATUSES = ['new', 'assigned', 'planned', 'waiting', 'solved', 'closed'] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/** Milliseconds since 1970. GLPI dates carry no zone: they are read as UTC wall-clock times, consistently. */
const TimeSchema = z.number().finite();

/**
 * One ticket as the pattern engine sees it, from any source: a GLPI CSV export, the rows of a ticket list in the
 * page, the REST API, or a test set. Only id and title are required; each analysis uses what is there and says
 * what it could not compute.
 */
export const TicketSchema = z.strictObject({
	id: z.int().positive(),
	title: z.string().max(1000),
	description: z.string().max(200_000).optional(),
	/** The category's complete name, "Network > VPN". */
	category: z.string().max(500).optional(),
	status: TicketStatusSchema.optional(),
	priority: z.int().min(1).max(6).optional(),
	openedAt: TimeSchema.optional(),
	updatedAt: TimeSchema.optional(),
	solvedAt: TimeSchema.optional(),
	closedAt: TimeSchema.optional(),
	/** The time-to-resolve deadline (search option 18), a date, not a duration. */
	timeToResolve: TimeSchema.optional(),
	/** "Time to resolve exceeded" when the source says so itself (search option 82). */
	late: z.boolean().optional(),
	/** Satisfaction survey answer, 0-5 stars (search option 62). */
	satisfaction: z.number().min(0).max(5).optional(),
	/** How many times the ticket went from solved back to an open status, when the source knows. */
	reopenCount: z.int().nonnegative().optional(),
	/** The last (or any) solution was refused by the requester (search options 38/39). */
	solutionRefused: z.boolean().optional(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const isSolvedStatus = (status: TicketStatus | undefined) => status === 'solved' || status === 'closed';

/** When the ticket stopped counting: solved, else closed (GLPI sets both on solve; old imports may lack one). */
export const solvedTime = (ticket: Ticket): number | undefined => ticket.solvedAt ?? ticket.closedAt;

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
