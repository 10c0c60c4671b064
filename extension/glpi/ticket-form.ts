import type { TicketRow } from '../core/pattern-messages';
import { itilFieldsOf } from './page-context';
import { GLPI } from './selectors';

/** The ticket a form shows, once its main tab is in (GLPI 10 loads it by AJAX): what "similar tickets" searches with. */
export interface FormTicket extends TicketRow {
	description?: string;
	/** The category's id, from the selected option of `select[name="itilcategories_id"]` (0 means none in GLPI). */
	categoryId?: number;
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Undefined until the timeline shows the ticket's title (main tab not loaded yet, or not a ticket form). */
export function formTicketOf(doc: Document, id: number): FormTicket | undefined {
	const title = text(doc.querySelector(GLPI.ticketTitle));
	if (!title) return undefined;
	const ticket: FormTicket = { id, title };
	const description = text(doc.querySelector(GLPI.ticketDescription));
	if (description) ticket.description = description;
	const { category, status } = itilFieldsOf(doc);
	if (category) ticket.category = category;
	if (status === 'new' || status === 'assigned' || status === 'planned' || status === 'waiting' || status === 'solved' || status === 'closed') ticket.status = status;
	const categoryId = Number(doc.querySelector(GLPI.itilForm)?.querySelector(GLPI.categoryOption)?.getAttribute('value'));
	if (Number.isSafeInteger(categoryId) && categoryId > 0) ticket.categoryId = categoryId;
	return ticket;
}
