import { afterEach, describe, expect, it, vi } from 'vitest';
import { footerOf, showBadges } from '../../extension/components/badge-layer';
import { badgeTargets } from '../../extension/components/pattern-badges';
import type { ClusterView } from '../../extension/core/pattern-messages';
import { readTicketRows } from '../../extension/glpi/ticket-list';

const ROW_HEIGHT = 40;
const VIEWPORT = 400;

/** A GLPI 10 list of `count` rows, every row in one of two groups; each row laid out ROW_HEIGHT below the last, the page scrolled by `scrolled.y`. */
const scrolled = { y: 0 };
function list(count: number) {
	const rows = Array.from({ length: count }, (_, i) => `<tr><td><input type="checkbox" name="item[Ticket][${i + 1}]"></td><td><a id="Ticket${i + 1}" href="/front/ticket.form.php?id=${i + 1}">Ticket ${i + 1}</a></td></tr>`);
	document.body.innerHTML = `<div class="table-responsive-lg"><table class="search-results"><thead><tr><th></th><th data-searchopt-id="1">Title</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
	const table = document.querySelector<HTMLTableElement>('table.search-results') as HTMLTableElement;
	const read = readTicketRows(table);
	read.forEach((row, i) => {
		row.anchor.getBoundingClientRect = () => {
			const box = { left: 100, right: 220, top: i * ROW_HEIGHT + 10 - scrolled.y, bottom: i * ROW_HEIGHT + 30 - scrolled.y, width: 120, height: 20, x: 100, y: i * ROW_HEIGHT + 10 - scrolled.y };
			return { ...box, toJSON: () => box } as DOMRect;
		};
	});
	const ids = read.map((row) => row.id);
	const clusters: ClusterView[] = [
		{ ticketIds: ids.filter((id) => id % 2 === 0), size: ids.filter((id) => id % 2 === 0).length, signature: 'even', sample: 'even' },
		{ ticketIds: ids.filter((id) => id % 2 === 1), size: ids.filter((id) => id % 2 === 1).length, signature: 'odd', sample: 'odd' },
	];
	return { table, targets: badgeTargets(read, clusters, (cluster) => cluster.signature) };
}

const drawn = (layer: HTMLElement) => [...(layer.shadowRoot?.querySelectorAll<HTMLElement>('[data-gx="pattern-badge"]') ?? [])];

describe('the badge layer', () => {
	afterEach(() => {
		document.body.innerHTML = '';
		scrolled.y = 0;
	});

	it("draws the badges in the page's overlay layer, on the table's corner, never in GLPI's flow, and removes them on abort", () => {
		const { table, targets } = list(6);
		const corner = { left: 40, top: 120, right: 640, bottom: 400, width: 600, height: 280, x: 40, y: 120 };
		table.getBoundingClientRect = () => ({ ...corner, toJSON: () => corner }) as DOMRect;
		const cell = { left: 90, right: 400, top: 0, bottom: 0, width: 310, height: 0, x: 90, y: 0 };
		for (const target of targets) target.cell.getBoundingClientRect = () => ({ ...cell, toJSON: () => cell }) as DOMRect;
		const controller = new AbortController();
		const layer = showBadges(table, targets, { signal: controller.signal, viewportHeight: VIEWPORT });
		// One layer at the end of the body, out of GLPI's flow; the badges' host in it, placed on the table's corner.
		const pageLayer = layer.closest('gx-layer');
		expect(pageLayer?.parentElement).toBe(document.body);
		expect(document.body.lastElementChild).toBe(pageLayer);
		expect(layer.style.position).toBe('absolute');
		expect([layer.style.left, layer.style.top]).toEqual(['40px', '120px']);
		expect(layer.getAttribute('aria-hidden')).toBe('true');
		expect(document.querySelector('.table-responsive-lg gx-pattern-badges, [data-gx="pattern-badge"]')).toBeNull();
		expect(drawn(layer).map((badge) => [badge.getAttribute('data-gx-ticket'), badge.textContent, badge.getAttribute('data-gx-group')])).toEqual([
			['1', '3', '1'],
			['2', '3', '0'],
			['3', '3', '1'],
			['4', '3', '0'],
			['5', '3', '1'],
			['6', '3', '0'],
		]);
		expect(drawn(layer)[1]?.title).toBe('even');
		// After its title (right at 220, 6 px apart), from the table's corner; centred on the title's line (row 2: 50-70).
		expect([drawn(layer)[1]?.style.left, drawn(layer)[1]?.style.top]).toEqual([`${220 + 6 - 40}px`, `${50 + 1 - 120}px`]);
		controller.abort();
		expect(document.querySelector('gx-pattern-badges')).toBeNull();
	});

	it('draws the rows of the visible part of the table and a quarter screen around it at once, and the others when scrolling brings them within reach, each once', () => {
		const { table, targets } = list(100);
		// The table runs from the top of the 400 px screen far below it.
		table.getBoundingClientRect = () => {
			const box = { left: 0, right: 600, top: -scrolled.y, bottom: 100 * ROW_HEIGHT - scrolled.y, width: 600, height: 100 * ROW_HEIGHT, x: 0, y: -scrolled.y };
			return { ...box, toJSON: () => box } as DOMRect;
		};
		const controller = new AbortController();
		const layer = showBadges(table, targets, { signal: controller.signal, viewportHeight: VIEWPORT });
		const tickets = () => drawn(layer).map((badge) => Number(badge.getAttribute('data-gx-ticket')));
		// Rows 1-13 are on the 400 px screen or within a quarter screen (100 px) below it (row i's top is (i - 1) * 40 + 10).
		expect(tickets()).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
		// The page scrolls by 2,000 px: rows 48 to 63 come within reach (tops from 1,890 to 2,490 px from the table's top).
		scrolled.y = 2000;
		document.dispatchEvent(new Event('scroll'));
		expect(tickets().slice(13)).toEqual(Array.from({ length: 16 }, (_, i) => 48 + i));
		// Back up a little: rows already drawn are not drawn twice, the few new ones are.
		scrolled.y = 1800;
		document.dispatchEvent(new Event('scroll'));
		expect(tickets().slice(29)).toEqual([43, 44, 45, 46, 47]);
		expect(new Set(tickets()).size).toBe(tickets().length);
		// A scroll elsewhere in the page (not the page's, not a box around the table) draws nothing.
		scrolled.y = 3000;
		const aside = document.body.appendChild(document.createElement('div'));
		aside.dispatchEvent(new Event('scroll', { bubbles: false }));
		expect(tickets()).toHaveLength(34);
		// Once aborted, scrolling draws nothing more.
		controller.abort();
		document.dispatchEvent(new Event('scroll'));
		expect(document.querySelectorAll('gx-pattern-badges')).toHaveLength(0);
		expect(tickets()).toHaveLength(34);
	});

	it('draws at once only the rows in the part of the table a scrolling container shows, not those it hides', () => {
		const { table, targets } = list(100);
		const box = { left: 0, right: 600, top: 0, bottom: 100 * ROW_HEIGHT, width: 600, height: 100 * ROW_HEIGHT, x: 0, y: 0 };
		table.getBoundingClientRect = () => ({ ...box, toJSON: () => box }) as DOMRect;
		// GLPI 10.0.17's .search-container scrolls the list: it shows 200 px of it, from 0 to 200.
		const wrapper = table.parentElement as HTMLElement;
		wrapper.style.overflowY = 'auto';
		const clip = { left: 0, right: 600, top: 0, bottom: 200, width: 600, height: 200, x: 0, y: 0 };
		wrapper.getBoundingClientRect = () => ({ ...clip, toJSON: () => clip }) as DOMRect;
		const layer = showBadges(table, targets, { signal: new AbortController().signal, viewportHeight: VIEWPORT });
		// Rows 1-8: their titles start above 200 + 100 px (a quarter of the 400 px screen); the 400 px screen alone would draw 13.
		expect(drawn(layer).map((badge) => Number(badge.getAttribute('data-gx-ticket')))).toEqual(Array.from({ length: 8 }, (_, i) => i + 1));
	});

	it("draws nothing for a list without groups, and does not listen to the page's scrolling for rows to draw", () => {
		const { table } = list(3);
		const listen = vi.spyOn(document, 'addEventListener');
		const layer = showBadges(table, [], { signal: new AbortController().signal, viewportHeight: VIEWPORT });
		expect(drawn(layer)).toHaveLength(0);
		// The one scroll listener is the one that keeps the host on the table (core/overlay-layer.ts, whenMoved).
		expect(listen.mock.calls.filter(([type]) => type === 'scroll')).toHaveLength(1);
		listen.mockRestore();
	});

	it("finds GLPI's list footer after the table, in the list's container, without looking inside the table", () => {
		document.body.innerHTML = `<div class="ajax-container search-display-data"><div class="card"><div class="table-responsive-lg"><table class="search-results"><tbody><tr><td><div class="card-footer search-footer" id="not-this"></div></td></tr></tbody></table></div><div class="card-footer search-footer" id="pager"></div></div></div><div class="card-footer search-footer" id="another-list"></div>`;
		expect(footerOf(document.querySelector('table.search-results') as Element)?.id).toBe('pager');
		// Outside GLPI's list container: none, rather than the footer of what follows.
		document.body.innerHTML = `<table class="search-results"></table><div class="card-footer search-footer"></div>`;
		expect(footerOf(document.querySelector('table.search-results') as Element)).toBeNull();
	});
});
