import { afterEach, describe, expect, it } from 'vitest';
import { type VisibilityWatch, showBadges } from '../../extension/components/badge-layer';
import { badgeTargets } from '../../extension/components/pattern-badges';
import type { ClusterView } from '../../extension/core/pattern-messages';
import { readTicketRows } from '../../extension/glpi/ticket-list';

const ROW_HEIGHT = 40;
const VIEWPORT = 400;

/** A GLPI 10 list of `count` rows, every row in one of two groups; each row laid out ROW_HEIGHT below the last. */
function list(count: number) {
	const rows = Array.from({ length: count }, (_, i) => `<tr><td><input type="checkbox" name="item[Ticket][${i + 1}]"></td><td><a id="Ticket${i + 1}" href="/front/ticket.form.php?id=${i + 1}">Ticket ${i + 1}</a></td></tr>`);
	document.body.innerHTML = `<div class="table-responsive-lg"><table class="search-results"><thead><tr><th></th><th data-searchopt-id="1">Title</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
	const table = document.querySelector<HTMLTableElement>('table.search-results') as HTMLTableElement;
	const read = readTicketRows(table);
	read.forEach((row, i) => {
		const box = { left: 100, right: 220, top: i * ROW_HEIGHT + 10, bottom: i * ROW_HEIGHT + 30, width: 120, height: 20, x: 100, y: i * ROW_HEIGHT + 10 };
		row.anchor.getBoundingClientRect = () => ({ ...box, toJSON: () => box }) as DOMRect;
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
	});

	it("draws the badges in the page's overlay layer, on the table's corner, never in GLPI's flow, and removes them on abort", () => {
		const { table, targets } = list(6);
		const corner = { left: 40, top: 120, right: 640, bottom: 400, width: 600, height: 280, x: 40, y: 120 };
		table.getBoundingClientRect = () => ({ ...corner, toJSON: () => corner }) as DOMRect;
		const cell = { left: 90, right: 400, top: 0, bottom: 0, width: 310, height: 0, x: 90, y: 0 };
		for (const target of targets) target.cell.getBoundingClientRect = () => ({ ...cell, toJSON: () => cell }) as DOMRect;
		const controller = new AbortController();
		const layer = showBadges(table, targets, { signal: controller.signal, viewportHeight: VIEWPORT, watch: () => undefined });
		// One layer at the end of the body, out of GLPI's flow; the badges' host in it, placed on the table's corner.
		expect(layer.parentElement?.localName).toBe('gx-layer');
		expect(layer.parentElement?.parentElement).toBe(document.body);
		expect(document.body.lastElementChild).toBe(layer.parentElement);
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

	it('draws the rows within a screen of the viewport at once, and the others when they come near, each once', () => {
		const { table, targets } = list(100);
		let later: { anchors: readonly Element[]; onVisible: (anchors: Element[]) => void } | undefined;
		const watch: VisibilityWatch = (anchors, onVisible) => {
			later = { anchors, onVisible };
		};
		const layer = showBadges(table, targets, { signal: new AbortController().signal, viewportHeight: VIEWPORT, watch });
		// Rows 1-20 are on the 400 px screen or within one screen below it (row i's top is (i - 1) * 40 + 10).
		const first = drawn(layer).map((badge) => Number(badge.getAttribute('data-gx-ticket')));
		expect(first).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		// Rows 21 to 100 are watched in runs of 16, each by its first and last row: 10 rows watched, not 80.
		expect(later?.anchors.map((anchor) => anchor.textContent)).toEqual([21, 36, 37, 52, 53, 68, 69, 84, 85, 100].map((id) => `Ticket ${id}`));
		// Scrolling brings the first run near: the observer reports its first row twice, and its last row.
		const [start, end] = later?.anchors ?? [];
		later?.onVisible([start as Element, start as Element, end as Element]);
		expect(drawn(layer)).toHaveLength(36);
		expect(new Set(drawn(layer).map((badge) => badge.getAttribute('data-gx-ticket'))).size).toBe(36);
		// The last run's last row alone draws that whole run.
		later?.onVisible([later.anchors[9] as Element]);
		expect(drawn(layer).slice(36).map((badge) => Number(badge.getAttribute('data-gx-ticket')))).toEqual(Array.from({ length: 16 }, (_, i) => 85 + i));
	});

	it('draws nothing and watches nothing for a list without groups', () => {
		const { table } = list(3);
		let watched = false;
		const layer = showBadges(table, [], { signal: new AbortController().signal, viewportHeight: VIEWPORT, watch: () => void (watched = true) });
		expect(drawn(layer)).toHaveLength(0);
		expect(watched).toBe(false);
	});
});
