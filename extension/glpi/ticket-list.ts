import type { TicketRow, TicketStatusKey } from '../core/pattern-messages';
import { GLPI } from './selectors';

/**
 * Reading the rows of a GLPI ticket list (search results), for the pattern engine. Sources: ../shared/glpi/FACTS.md
 * §2.1 and the captured GLPI 10.0.17 lists (central, self-service without checkboxes, sub-folder).
 *
 * GLPI 10 names a column only in its header (th[data-searchopt-id]): the users choose and order their columns, so
 * cells are found by the header's index. GLPI 11 names each cell (td[data-searchopt-content-id]).
 */

/** Search option ids of the ticket columns read here (Ticket::rawSearchOptions, 10 and 11; FACTS §3.2). */
export const TICKET_OPTIONS = { id: 2, title: 1, status: 12, category: 7, openedAt: 15 } as const;

/** GLPI's status keys, the classes of the status icon (.itilstatus.<key>, CommonITILObject::getStatusKey). */
const STATUS_KEYS: readonly TicketStatusKey[] = ['new', 'assigned', 'planned', 'waiting', 'solved', 'closed'];

/** A row of the list with the element the badge goes after. */
export interface ListRow extends TicketRow {
	row: HTMLTableRowElement;
	/** The title link, or the title cell when the link is missing: where the badge goes. */
	anchor: Element;
}

const ID_IN_NAME = /^item\[Ticket\]\[(\d+)\]$/;
const ID_IN_HREF = /[?&]id=(\d+)/;
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** GLPI 10: search option id -> cell index, from the header row (the checkbox column, when there, is cell 0). */
export function columnIndex(table: HTMLTableElement): Map<number, number> {
	const index = new Map<number, number>();
	const header = table.tHead?.querySelector('tr');
	if (!header) return index;
	for (const cell of header.cells) {
		const option = Number(cell.getAttribute('data-searchopt-id'));
		if (option > 0 && !index.has(option)) index.set(option, cell.cellIndex);
	}
	return index;
}

function cellsOf(row: HTMLTableRowElement, index: Map<number, number>): Map<number, HTMLTableCellElement> {
	const cells = new Map<number, HTMLTableCellElement>();
	// GLPI 11: the cells name their option; one pass over the row.
	for (const cell of row.cells) {
		const option = Number(cell.getAttribute('data-searchopt-content-id'));
		if (option > 0) cells.set(option, cell);
	}
	if (cells.size > 0) return cells;
	for (const [option, at] of index) {
		const cell = row.cells[at];
		if (cell) cells.set(option, cell);
	}
	return cells;
}

function statusOf(cell: Element | undefined): TicketStatusKey | undefined {
	const icon = cell?.querySelector('.itilstatus');
	if (!icon) return undefined;
	return STATUS_KEYS.find((key) => icon.classList.contains(key));
}

/** The ticket id of a row: its checkbox, else its title link, else the ID column. */
function idOf(row: HTMLTableRowElement, link: Element | null, idCell: Element | undefined): number | undefined {
	const checkbox = row.querySelector(GLPI.rowCheckbox);
	const fromName = checkbox ? ID_IN_NAME.exec(checkbox.getAttribute('name') ?? '')?.[1] : undefined;
	const fromLink = link ? (/^Ticket(\d+)$/.exec(link.id)?.[1] ?? ID_IN_HREF.exec(link.getAttribute('href') ?? '')?.[1]) : undefined;
	const fromCell = /^\d+$/.test(text(idCell)) ? text(idCell) : undefined;
	const id = Number(fromName ?? fromLink ?? fromCell);
	return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * Every ticket row of a results table. Rows without a ticket id (GLPI's "No item found" row) are skipped. Reads
 * attributes and text only: no style or layout is read, so a 1,000-row list costs no reflow.
 */
export function readTicketRows(table: HTMLTableElement): ListRow[] {
	const index = columnIndex(table);
	const rows: ListRow[] = [];
	for (const row of table.rows) {
		if (row.parentElement?.tagName !== 'TBODY') continue;
		const cells = cellsOf(row, index);
		const titleCell = cells.get(TICKET_OPTIONS.title);
		// GLPI always shows the title (Search::addDefaultToView); a row without it is GLPI's "No item found".
		if (!titleCell) continue;
		// 10.0.17 prints <a id='Ticket23' …>; 11's e2e tests read `td[data-searchopt-content-id="1"] a`.
		const link = titleCell.querySelector(GLPI.titleLink) ?? titleCell.querySelector('a[href*="ticket.form.php"]');
		const id = idOf(row, link, cells.get(TICKET_OPTIONS.id));
		if (id === undefined) continue;
		// With the "show IDs" preference GLPI prints "Title (23)".
		const written = text(link ?? titleCell);
		const title = written.endsWith(`(${id})`) ? written.slice(0, -`(${id})`.length).trimEnd() : written;
		const entry: ListRow = { id, title, row, anchor: link ?? titleCell };
		const category = text(cells.get(TICKET_OPTIONS.category));
		if (category) entry.category = category;
		const status = statusOf(cells.get(TICKET_OPTIONS.status));
		if (status) entry.status = status;
		const opened = text(cells.get(TICKET_OPTIONS.openedAt));
		if (opened) entry.opened = opened;
		rows.push(entry);
	}
	return rows;
}

/** The part of a row sent to the background: no element. */
export const ticketOf = ({ id, title, category, status, opened }: TicketRow): TicketRow => ({
	id,
	title,
	...(category ? { category } : {}),
	...(status ? { status } : {}),
	...(opened ? { opened } : {}),
});
