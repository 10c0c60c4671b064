import type { TicketRow } from '../core/pattern-messages';
import { GLPI } from './selectors';

/**
 * Reading the rows of a GLPI ticket list (search results), for the pattern engine. Sources: ../shared/glpi/FACTS.md
 * §2.1 and the captured GLPI 10.0.17 lists (central, self-service without checkboxes, sub-folder).
 *
 * GLPI 10 names a column only in its header (th[data-searchopt-id]): the users choose and order their columns, so
 * cells are found by the header's index. GLPI 11 names each cell (td[data-searchopt-content-id]).
 */

/**
 * Search option ids of the ticket columns read here (Ticket::rawSearchOptions, 10 and 11; FACTS §3.2): what the
 * analysis of a page uses (groups of titles, spikes per category and opening date). The status is not read: nothing
 * drawn from a page uses it, and its cell and icon cost two more elements per row (the export carries it for the
 * analyses that do).
 */
const TICKET_OPTIONS = { id: 2, title: 1, category: 7, openedAt: 15 } as const;

/** A row of the list with the elements the badge goes by. */
export interface ListRow extends TicketRow {
	/** The title cell. */
	cell: Element;
	/** The title link, or the title cell when the link is missing: the badge goes after it. */
	anchor: Element;
}

const ID_IN_NAME = /^item\[Ticket\]\[(\d+)\]$/;
const ID_IN_HREF = /[?&]id=(\d+)/;
const RUNS_OF_SPACE = /\s{2,}|[^\S ]/;
/** The text of an element, spaces folded: most cells have none to fold, and a test is cheaper than a replace. */
const text = (element: Element | null | undefined) => {
	const raw = element?.textContent ?? '';
	return RUNS_OF_SPACE.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
};

/** GLPI 10: search option id -> cell index, from the header row (the checkbox column, when there, is cell 0). */
export function columnIndex(table: HTMLTableElement): Map<number, number> {
	const index = new Map<number, number>();
	const header = table.tHead?.querySelector('tr');
	if (!header) return index;
	for (const cell of header.children) {
		const option = Number(cell.getAttribute('data-searchopt-id'));
		if (option > 0 && !index.has(option)) index.set(option, (cell as HTMLTableCellElement).cellIndex);
	}
	return index;
}

/** The ticket id: the title link's id="Ticket23" or its href, else the row's checkbox, else the ID column. */
function idOf(link: Element | null, linkId: string, row: Element, idCell: () => Element | null): number | undefined {
	let found = link ? (/^Ticket(\d+)$/.exec(linkId)?.[1] ?? ID_IN_HREF.exec(link.getAttribute('href') ?? '')?.[1]) : undefined;
	if (!found) found = ID_IN_NAME.exec(row.querySelector(GLPI.rowCheckbox)?.getAttribute('name') ?? '')?.[1];
	if (!found) found = /^\d+$/.exec(text(idCell()))?.[0];
	const id = Number(found);
	return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * Which cell of a row holds a column, given the row's cells: GLPI 11 names its cells (td[data-searchopt-content-id],
 * read from the first row that has them and checked on every row), GLPI 10 only its header (its cell index).
 */
type CellOf = (cells: HTMLCollection, option: number, row: Element) => Element | null;

function columnsOf(table: HTMLTableElement, rows: readonly HTMLTableRowElement[]): CellOf {
	const sample = rows.find((row) => row.children.length > 1);
	const named = sample !== undefined && [...sample.children].some((cell) => cell.hasAttribute(CELL_OPTION));
	if (!named) {
		const index = columnIndex(table);
		return (cells, option) => {
			const at = index.get(option);
			return at === undefined ? null : (cells[at] ?? null);
		};
	}
	const index = new Map<number, number>();
	for (const cell of (sample as HTMLTableRowElement).children) {
		const option = Number(cell.getAttribute(CELL_OPTION));
		if (option > 0 && !index.has(option)) index.set(option, (cell as HTMLTableCellElement).cellIndex);
	}
	return (cells, option, row) => {
		const cell = cells[index.get(option) ?? -1];
		// A row laid out differently from the first (GLPI never does, a plugin might): look for the named cell.
		return cell?.getAttribute(CELL_OPTION) === String(option) ? cell : row.querySelector(`:scope > td[${CELL_OPTION}="${option}"]`);
	};
}
const CELL_OPTION = 'data-searchopt-content-id';

/**
 * Every ticket row of a results table. Rows without a title or a ticket id (GLPI's "No item found" row) are skipped.
 * Reads attributes and text only, no style or layout, so a 1,000-row list costs no reflow. Cells are reached through
 * the table's own row and cell collections and the few queries left stay inside one cell: a query over the whole
 * table walks every element of every row, GLPI's tooltips and scripts included, and cost 10-20 ms on 1,000 rows
 * (scripts/bench-badges.js). In a content script every object touched costs a wrapper, and every property read a
 * call into the browser: a GLPI 10 row costs six objects (the row, its cell collection, the title's cell and link, the
 * category and date cells) and four reads (the link's id and three texts). The title link is known by GLPI 10's
 * id='Ticket23' before its tag and address are read: 1,000 rows in 15.9 ms instead of 18.0 (medians of 15 page loads
 * each, the reader the first to touch the rows, as in GLPI).
 */
export function readTicketRows(table: HTMLTableElement): ListRow[] {
	const rows: HTMLTableRowElement[] = [];
	for (const body of table.tBodies) for (const row of body.children) if (row.localName === 'tr') rows.push(row as HTMLTableRowElement);
	const cellOf = columnsOf(table, rows);
	const list: ListRow[] = [];
	for (const row of rows) {
		const cells = row.children;
		const cell = cellOf(cells, TICKET_OPTIONS.title, row);
		// GLPI always shows the title (Search::addDefaultToView); a row without it is GLPI's "No item found".
		if (!cell) continue;
		// 10.0.17 prints <a id='Ticket23' href="…/front/ticket.form.php?id=23">; 11's tests read `td[data-searchopt-content-id="1"] a`.
		const first = cell.firstElementChild;
		const firstId = first?.id ?? '';
		const link = TITLE_LINK_ID.test(firstId) || (first?.localName === 'a' && first.getAttribute('href')?.includes('ticket.form.php')) ? first : cell.querySelector(TITLE_LINK);
		const id = idOf(link, link === first ? firstId : (link?.id ?? ''), row, () => cellOf(cells, TICKET_OPTIONS.id, row));
		if (id === undefined) continue;
		// With the "show IDs" preference GLPI prints "Title (23)".
		const written = text(link ?? cell);
		const suffix = written.endsWith(')') ? `(${id})` : '';
		const title = suffix && written.endsWith(suffix) ? written.slice(0, -suffix.length).trimEnd() : written;
		const entry: ListRow = { id, title, cell, anchor: link ?? cell };
		const category = text(cellOf(cells, TICKET_OPTIONS.category, row));
		if (category) entry.category = category;
		const opened = text(cellOf(cells, TICKET_OPTIONS.openedAt, row));
		if (opened) entry.opened = opened;
		list.push(entry);
	}
	return list;
}
const TITLE_LINK = 'a[href*="ticket.form.php"]';
const TITLE_LINK_ID = /^Ticket\d+$/;

/** The part of a row sent to the background: no element. */
export function ticketOf({ id, title, category, opened }: TicketRow): TicketRow {
	const ticket: TicketRow = { id, title };
	if (category) ticket.category = category;
	if (opened) ticket.opened = opened;
	return ticket;
}
