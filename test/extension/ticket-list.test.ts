import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../extension/core/pattern-messages';
import { DOT, badgePosition, badgeTargets, badgeWidth, colorOf } from '../../extension/components/pattern-badges';
import { type ListRow, readTicketRows, ticketOf } from '../../extension/glpi/ticket-list';
import { SKIP_CAPTURED, capturedPages, fixtureHtml, hasCapturedPages } from '../support/glpi-pages';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const tableOf = (html: string) => {
	const table = parse(html).querySelector<HTMLTableElement>('table.search-results');
	if (!table) throw new Error('no results table');
	return table;
};
const captured = (name: string) => {
	const page = capturedPages().find((entry) => entry.name === `10.0.17_${name}`);
	if (!page) throw new Error(`captured page ${name} missing`);
	return page.html;
};
/** What the background receives of a row (no element), sorted by id for comparisons. */
const plain = (rows: ListRow[]) => rows.map(ticketOf);

/** A GLPI 10 results table with the given header options and rows of raw cells. */
const table10 = (options: number[], rows: string[][], checkbox = true) =>
	tableOf(`<table class="search-results"><thead><tr>${checkbox ? '<th></th>' : ''}${options.map((option) => `<th data-searchopt-id="${option}">${option}</th>`).join('')}</tr></thead>
	<tbody>${rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</tbody></table>`);

describe('reading a ticket list', () => {
	it('maps GLPI 10 columns through th[data-searchopt-id], whatever their order (our fixture)', () => {
		const rows = readTicketRows(tableOf(fixtureHtml('10/ticket-list.html')));
		expect(rows.map((row) => row.id)).toEqual([11, 10, 9, 8]);
		expect(plain(rows)[0]).toEqual({ id: 11, title: 'VPN drops every few minutes', category: 'Network > VPN', opened: '2026-11-20 09:00' });
		// The badge goes after the title link, inside the title cell.
		expect(rows[0]?.anchor.tagName).toBe('A');
		expect(rows[0]?.cell.contains(rows[0].anchor)).toBe(true);
	});

	it('maps GLPI 11 columns through td[data-searchopt-content-id], and strips the "(id)" of the show-IDs preference', () => {
		const rows = readTicketRows(tableOf(fixtureHtml('11/ticket-list.html')));
		expect(plain(rows)).toEqual([
			{ id: 31, title: 'Wi-Fi drops in meeting room B', category: 'Network > Wi-Fi', opened: '20-11-2026 09:00' },
			{ id: 30, title: 'Wi-Fi weak in meeting room B', category: 'Network > Wi-Fi', opened: '19-11-2026 14:10' },
			{ id: 29, title: 'Wi-Fi drops in meeting room B again', category: 'Network > Wi-Fi', opened: '13-11-2026 08:30' },
			{ id: 28, title: 'Outlook asks for the password', category: 'Email', opened: '02-11-2026 11:45' },
			{ id: 27, title: 'Printer out of toner', category: 'Printing', opened: '28-10-2026 10:00' },
		]);
	});

	it('takes the id from the title link, else from the row checkbox, else from the ID column', () => {
		const rows = readTicketRows(
			table10(
				[2, 1],
				[
					// A link with neither id="Ticket…" nor ?id=: the checkbox names the ticket.
					['<input type="checkbox" name="item[Ticket][41]">', '41', '<a href="/front/ticket.form.php?forcetab=main">From the checkbox</a>'],
					// No checkbox in this row: the link's href.
					['', '42', '<a href="/glpi/front/ticket.form.php?id=42">From the href</a>'],
					// GLPI 10.0.17's own link id wins over a disagreeing checkbox.
					['<input type="checkbox" name="item[Ticket][99]">', '43', '<a id="Ticket43" href="/front/ticket.form.php?id=43">From the link id</a>'],
					// No link at all (a title shown as text): the ID column; the badge then goes in the cell.
					['', '44', 'Plain title'],
					// An element of a plugin before the title, its id only starting like GLPI's: the link after it.
					['', '45', '<span id="TicketFlag">!</span> <a href="/front/ticket.form.php?id=45">After a plugin\'s flag</a>'],
					// GLPI's "No item found" row: one cell, no title, skipped.
					['No item found'],
				],
			),
		);
		expect(rows.map((row) => [row.id, row.title])).toEqual([
			[41, 'From the checkbox'],
			[42, 'From the href'],
			[43, 'From the link id'],
			[44, 'Plain title'],
			[45, "After a plugin's flag"],
		]);
		expect(rows[3]?.anchor).toBe(rows[3]?.cell);
		expect(rows[4]?.anchor.localName).toBe('a');
	});

	it('folds the spaces of titles and categories as they are printed, and leaves single spaces alone', () => {
		const rows = readTicketRows(
			table10(
				[2, 1, 7],
				[
					['', '51', '<a href="/front/ticket.form.php?id=51">\n   VPN   drops\tagain\n</a>', 'Network&nbsp;&gt; VPN'],
					['', '52', '<a href="/front/ticket.form.php?id=52"> Printer jam </a>', ' Printing '],
				],
			),
		);
		expect(plain(rows)).toEqual([
			{ id: 51, title: 'VPN drops again', category: 'Network > VPN' },
			{ id: 52, title: 'Printer jam', category: 'Printing' },
		]);
	});

	it('skips a row whose ticket id cannot be found anywhere', () => {
		const rows = readTicketRows(table10([1], [['', '<a href="/front/ticket.form.php">No id</a>'], ['', '<a href="/front/ticket.form.php?id=5">Five</a>']]));
		expect(rows.map((row) => row.id)).toEqual([5]);
	});

	it('reads nothing from an empty list', () => {
		expect(readTicketRows(table10([2, 1], []))).toEqual([]);
	});

	describe.skipIf(!hasCapturedPages)(`on the captured GLPI 10.0.17 lists (${hasCapturedPages ? 'present' : SKIP_CAPTURED})`, () => {
		it('reads the 20 rows of the central list, ids from the checkboxes and links, titles without the tooltip', () => {
			const rows = readTicketRows(tableOf(captured('ticket_list_all_sorted_by_date')));
			expect(rows).toHaveLength(20);
			expect(rows.map((row) => row.id)).toEqual([23, 11, 6, 20, 17, 14, 10, 22, 5, 16, 19, 9, 13, 21, 4, 18, 15, 3, 8, 2]);
			expect(plain(rows)[0]).toMatchObject({ id: 23, title: 'Laptop very slow' });
			expect(rows.every((row) => row.title && !row.title.includes('Loading'))).toBe(true);
			expect(rows.filter((row) => row.category === 'Network > VPN').map((row) => row.id).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6]);
			expect(rows.every((row) => row.opened !== undefined)).toBe(true);
		});

		it('reads the self-service list, which has no checkbox column', () => {
			const html = captured('selfservice_ticket_list');
			expect(parse(html).querySelectorAll('input[name^="item[Ticket]["]')).toHaveLength(0);
			const rows = readTicketRows(tableOf(html));
			expect(plain(rows)).toEqual([
				expect.objectContaining({ id: 4, title: 'VPN very slow and disconnecting' }),
				expect.objectContaining({ id: 14 }),
			]);
		});

		it('reads the list of a GLPI under a sub-folder', () => {
			const rows = readTicketRows(tableOf(captured('subfolder_ticket_list')));
			expect(rows.length).toBeGreaterThan(0);
			expect(rows.every((row) => row.anchor.getAttribute('href')?.startsWith('/glpi/front/ticket.form.php?id='))).toBe(true);
		});
	});
});

describe('badges', () => {
	const cluster = (ticketIds: number[], signature: string): ClusterView => ({ ticketIds, size: ticketIds.length, signature, sample: `${signature} sample` });

	it('marks every row of a group with its size, colour and label, and no other row', () => {
		const rows = readTicketRows(tableOf(fixtureHtml('10/ticket-list.html')));
		const clusters = [cluster([11, 10, 6, 4], 'vpn drops'), cluster([8, 7, 5], 'printer jams')];
		const targets = badgeTargets(rows, clusters, (group) => `${group.size} × ${group.signature}`);
		expect(targets.map((target) => [target.ticketId, target.size, target.rank]).sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual(
			[
				[4, 4, 0],
				[5, 3, 1],
				[6, 4, 0],
				[7, 3, 1],
				[8, 3, 1],
				[10, 4, 0],
				[11, 4, 0],
			].filter(([id]) => rows.some((row) => row.id === id)),
		);
		expect(targets.find((target) => target.ticketId === 11)).toMatchObject({ color: colorOf(0), label: '4 × vpn drops' });
		expect(colorOf(1)).not.toBe(colorOf(0));
	});

	it('puts a badge after the last line of the title, never past its cell', () => {
		const origin = { left: 100, top: 50, right: 100, height: 0 };
		const cell = { left: 200, top: 80, right: 500, height: 30 };
		expect(badgePosition({ left: 210, top: 85, right: 300, height: 20 }, cell, origin, 6)).toEqual({ x: 300 + 6 - 100, y: 85 + 1 - 50, dot: false });
		// A title that leaves too little room in its cell: a dot in that room, never over the title's words.
		const tight = badgePosition({ left: 210, top: 85, right: 484, height: 20 }, cell, origin, 12);
		expect(tight).toEqual({ x: 484 + 4 - 100, y: 85 + 6 - 50, dot: true });
		expect(tight.x + 100).toBeGreaterThanOrEqual(484);
		expect(tight.x + 100 + DOT).toBeLessThanOrEqual(500);
		expect(484 + 6 + badgeWidth(12)).toBeGreaterThan(500 - 2);
	});
});
