import { categoryOf, latestTime } from './periods';
import { type Ticket, solvedTime } from './ticket';

/**
 * Reopen loops: tickets that came back after a solution. A GLPI list export says so only through the solution
 * status columns (search options 38/39, "Refused"); GLPI clears the resolution date when a ticket is reopened, so
 * dates alone cannot tell. Sources that know more (the ticket's history read in the page, a tracker's "Reopened"
 * status) fill `reopenCount`.
 */
export interface ReopenLoop {
	ticketId: number;
	category: string;
	reason: 'reopened' | 'solution-refused';
	/** Times reopened when known, else 1. */
	count: number;
}

export function detectReopens(tickets: readonly Ticket[]): ReopenLoop[] {
	const loops: ReopenLoop[] = [];
	for (const ticket of tickets) {
		if ((ticket.reopenCount ?? 0) > 0) {
			loops.push({ ticketId: ticket.id, category: categoryOf(ticket), reason: 'reopened', count: ticket.reopenCount as number });
		} else if (ticket.solutionRefused) {
			loops.push({ ticketId: ticket.id, category: categoryOf(ticket), reason: 'solution-refused', count: 1 });
		}
	}
	return loops.sort((a, b) => b.count - a.count || a.ticketId - b.ticketId);
}

export interface LateTicket {
	ticketId: number;
	category: string;
	dueAt?: number;
	/** How long past the deadline: at solving time, or at `asOf` for a ticket still open. */
	overdueMs?: number;
	open: boolean;
}

/**
 * GLPI's own rule (Search::displayConfigItem, GLPI 10): late when solved after the time to resolve, or not solved
 * and past it, except while pending, when the SLA clock is stopped. An explicit "Time to resolve exceeded" column
 * wins over the dates.
 */
export function lateness(ticket: Ticket, asOf: number): LateTicket | undefined {
	const solved = solvedTime(ticket);
	const open = solved === undefined;
	const base = { ticketId: ticket.id, category: categoryOf(ticket), open };
	if (ticket.timeToResolve !== undefined) {
		const due = ticket.timeToResolve;
		const pendingNow = open && ticket.status === 'waiting';
		const at = solved ?? asOf;
		if (ticket.late === true || (!pendingNow && at > due)) {
			return { ...base, dueAt: due, ...(at > due ? { overdueMs: at - due } : {}) };
		}
		return undefined;
	}
	return ticket.late === true ? base : undefined;
}

/** Whether lateness can be told at all for this ticket (a deadline or an explicit flag). */
export const hasDeadline = (ticket: Ticket) => ticket.timeToResolve !== undefined || ticket.late !== undefined;

export function detectLate(tickets: readonly Ticket[], asOf = latestTime(tickets) ?? 0): LateTicket[] {
	const late: LateTicket[] = [];
	for (const ticket of tickets) {
		const found = lateness(ticket, asOf);
		if (found) late.push(found);
	}
	return late.sort((a, b) => (b.overdueMs ?? 0) - (a.overdueMs ?? 0) || a.ticketId - b.ticketId);
}
