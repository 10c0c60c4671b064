import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { PatternList } from '../../extension/components/pattern-list';
import type { PatternView } from '../../extension/core/pattern-messages';
import { readTicketRows } from '../../extension/glpi/ticket-list';
import { testContainer } from '../support/test-container';

/**
 * The summary and the badges it owns. The feature draws the first badges itself, before the summary mounts (after
 * the badges' frame): the summary takes them over rather than drawing them again.
 */
const container = testContainer();

function list() {
	const rows = [1, 2, 3].map((id) => `<tr><td><a id="Ticket${id}" href="/front/ticket.form.php?id=${id}">VPN drops ${id}</a></td></tr>`);
	const holder = document.body.appendChild(document.createElement('div'));
	holder.innerHTML = `<table class="search-results"><thead><tr><th data-searchopt-id="1">Title</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
	const table = holder.querySelector('table') as HTMLTableElement;
	return { table, rows: readTicketRows(table), remove: () => holder.remove() };
}
const view: PatternView = { tickets: 3, clusters: [{ ticketIds: [1, 2, 3], size: 3, signature: 'vpn drops', sample: 'VPN drops' }], spikes: [], truncated: false };
const props = (table: HTMLTableElement, rows: ReturnType<typeof readTicketRows>) => ({
	table,
	rows,
	request: { url: 'http://glpi.example/front/report.dynamic.php', body: '' } as never,
	config: undefined,
	scope: 'page' as const,
	initialView: view,
	onScope: () => undefined,
	page: { route: '/front/ticket.php', kind: 'ticket-list' } as never,
	names: () => [],
});
const badgeHosts = () => document.querySelectorAll('gx-pattern-badges').length;

describe('the pattern list', () => {
	it('takes over the badges the feature drew: draws none of its own, and removes them when it goes', () => {
		const { table, rows, remove } = list();
		const initialBadges = new AbortController();
		act(() => render(h(PatternList, { ...props(table, rows), initialBadges }), container));
		expect(container.textContent).toMatch(/3 tickets look like/);
		expect(badgeHosts()).toBe(0);
		expect(initialBadges.signal.aborted).toBe(false);
		act(() => render(null, container));
		expect(initialBadges.signal.aborted).toBe(true);
		remove();
	});

	it('draws the badges of the patterns it is given when the feature drew none, and removes them when it goes', () => {
		const { table, rows, remove } = list();
		act(() => render(h(PatternList, props(table, rows)), container));
		expect(badgeHosts()).toBe(1);
		act(() => render(null, container));
		expect(badgeHosts()).toBe(0);
		remove();
	});
});
