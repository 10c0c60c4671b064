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

/** A row of the list with the elements the badge goes by. */
export interface ListRow extends TicketRow {
	/** The title cell. */
	cell: Element;
	/** The title link, or the title cell when the link is missing: the badge goes after it. */
	anchor: Element;
}

type Key = keyof typeof TICKET_OPTIONS;
const ID_IN_NAME = /^item\[Ticket\]\[(\d+)\]$/;
const ID_IN_HREF = /[?&]id=(\d+)/;
const STATUS_CLASS = new RegExp(`(?:^|\\s)(${STATUS_KEYS.join('|')})(?:\\s|$)`);
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

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
function idOf(link: Element | null, row: () => Element | null, idCell: () => Element | null): number | undefined {
	let found = link ? (/^Ticket(\d+)$/.exec(link.id)?.[1] ?? ID_IN_HREF.exec(link.getAttribute('href') ?? '')?.[1]) : undefined;
	if (!found) found = ID_IN_NAME.exec(row()?.querySelector(GLPI.rowCheckbox)?.getAttribute('name') ?? '')?.[1];
	if (!found) found = /^\d+$/.exec(text(idCell()))?.[0];
	const id = Number(found);
	return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * Every ticket row of a results table. Rows without a title or a ticket id (GLPI's "No item found" row) are skipped.
 * Reads attributes and text only, no style or layout, so a 1,000-row list costs no reflow. Each column is fetched
 * with one query over the table rather than cell by cell: in a content script every element touched costs a wrapper,
 * and this reads five per row (scripts/bench-badges.js).
 */
export function readTicketRows(table: HTMLTableElement): ListRow[] {
	const rows = table.querySelectorAll(':scope > tbody > tr');
	const named = table.querySelector(GLPI.searchCell) !== null;
	const index = named ? undefined : columnIndex(table);
	/** The cells of a column (or what `inner` finds in them), one per row; row by row when the table is irregular. */
	const column = (key: Key, inner = ''): ((row: number) => Element | null) => {
		const at = index?.get(TICKET_OPTIONS[key]);
		const cell = named ? `td[data-searchopt-content-id="${TICKET_OPTIONS[key]}"]` : at === undefined ? undefined : `:nth-child(${at + 1})`;
		if (!cell) return () => null;
		const all = table.querySelectorAll(`:scope > tbody > tr > ${cell}${inner}`);
		return all.length === rows.length ? (row) => all[row] ?? null : (row) => rows[row]?.querySelector(`:scope > ${cell}${inner}`) ?? null;
	};
	const titles = column('title');
	// 10.0.17 prints <a id='Ticket23' href="…/front/ticket.form.php?id=23">; 11's tests read `td[data-searchopt-content-id="1"] a`.
	const links = column('title', ' a[href*="ticket.form.php"]');
	const icons = column('status', ' .itilstatus');
	const categories = column('category');
	const dates = column('openedAt');
	const ids = column('id');
	const list: ListRow[] = [];
	for (let i = 0; i < rows.length; i++) {
		const cell = titles(i);
		// GLPI always shows the title (Search::addDefaultToView); a row without it is GLPI's "No item found".
		if (!cell) continue;
		const link = links(i);
		const id = idOf(link, () => rows[i] ?? null, () => ids(i));
		if (id === undefined) continue;
		// With the "show IDs" preference GLPI prints "Title (23)".
		const written = text(link ?? cell);
		const title = written.endsWith(`(${id})`) ? written.slice(0, -`(${id})`.length).trimEnd() : written;
		const entry: ListRow = { id, title, cell, anchor: link ?? cell };
		const category = text(categories(i));
		if (category) entry.category = category;
		const status = STATUS_CLASS.exec(icons(i)?.className ?? '')?.[1] as TicketStatusKey | undefined;
		if (status) entry.status = status;
		const opened = text(dates(i));
		if (opened) entry.opened = opened;
		list.push(entry);
	}
	return list;
}

/** The part of a row sent to the background: no element. */
export const ticketOf = ({ id, title, category, status, opened }: TicketRow): TicketRow => ({
	id,
	title,
	...(category ? { category } : {}),
	...(status ? { status } : {}),
	...(opened ? { opened } : {}),
});
