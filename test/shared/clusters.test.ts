import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_THRESHOLD, clusterTickets, ticketTermSets } from '../../shared/patterns/clusters';
import { parseGlpiCsv } from '../../shared/patterns/glpi-csv';
import type { Ticket } from '../../shared/patterns/ticket';
import { CAPTURED_CSV, SKIP_CAPTURED, hasCapturedCsv } from './support/data';

const tickets = (titles: string[], category?: string): Ticket[] =>
	titles.map((title, i) => ({ id: i + 1, title, ...(category ? { category } : {}) }));

describe('clusterTickets', () => {
	it('groups near-duplicate titles and names them by their shared words', () => {
		const clusters = clusterTickets(
			tickets([
				'Outlook crashes when opening attachments',
				'Outlook crashes opening an attachment',
				'Printer on floor 2 is jammed',
				'Outlook keeps crashing when I open attachments',
				'Badge reader broken at the entrance',
			]),
		);
		expect(clusters).toHaveLength(1);
		expect(clusters[0]?.ticketIds).toEqual([1, 2, 4]);
		// Four words are in all three titles; a signature keeps three of them.
		expect(clusters[0]?.keywords).toHaveLength(3);
		for (const word of clusters[0]?.keywords ?? []) expect(['outlook', 'crashes', 'opening', 'attachments']).toContain(word);
		expect(clusters[0]?.signature).toMatch(/outlook/);
	});

	it('joins more tickets at a lower threshold and fewer at a higher one', () => {
		const list = tickets(['vpn drops every hour', 'vpn drops at login', 'vpn slow at login', 'vpn drops every hour again']);
		const sizes = (threshold: number) => clusterTickets(list, { threshold }).map((c) => c.size);
		expect(sizes(0.3)).toEqual([4]);
		expect(sizes(0.9)).toEqual([2]);
	});

	it('lets the category strengthen a shared word, but never make two tickets alike alone (issue 16)', () => {
		const list: Ticket[] = [
			{ id: 1, title: 'Password reset request', category: 'Accounts > Password reset' },
			{ id: 2, title: 'Locked out of my account', category: 'Accounts > Password reset' },
			{ id: 3, title: 'Account locked again', category: 'Accounts > Password reset' },
			{ id: 4, title: 'Reset password for new intern', category: 'Accounts > Password reset' },
			{ id: 5, title: 'Account locked again', category: 'Printing' },
			{ id: 6, title: 'Teams camera not detected', category: 'Hardware > Peripherals' },
			{ id: 7, title: "Écran externe ne s'affiche pas", category: 'Hardware > Peripherals' },
		];
		expect(clusterTickets(list).map((c) => c.ticketIds)).toEqual([[1, 4], [2, 3]]);
		expect(clusterTickets(list, { useCategory: false }).map((c) => c.ticketIds)).toEqual([[2, 3, 5], [1, 4]]);
	});

	it('holds a group by its centre, not by a chain (issue 16)', () => {
		// Each title shares two of its three words with the next: a chain of pairs at Jaccard 0.5.
		const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
		const chain = tickets(words.slice(0, -2).map((word, i) => `${word} ${words[i + 1]} ${words[i + 2]}`));
		expect(clusterTickets(chain, { singleLinkage: true }).map((c) => c.size)).toEqual([8]);
		const centred = clusterTickets(chain);
		for (const cluster of centred) expect(cluster.size).toBeLessThanOrEqual(3);
		expect(centred.length).toBeGreaterThanOrEqual(2);
	});

	it('leaves out tickets with no words and never clusters an empty set', () => {
		expect(clusterTickets(tickets(['', '???', '!!!']))).toEqual([]);
		expect(ticketTermSets(tickets(['', 'x'])).sets.ids).toHaveLength(0);
	});

	it('is the same with or without LSH on a small export', () => {
		const list = tickets(['mail down', 'mail is down', 'mail server down again', 'printer jam', 'printer jam on floor 2', 'new laptop']);
		expect(clusterTickets(list)).toEqual(clusterTickets(list, { exact: true }));
	});
});

describe.skipIf(!hasCapturedCsv)(`the captured GLPI 10.0.17 export (${hasCapturedCsv ? 'present' : SKIP_CAPTURED})`, () => {
	const exported = hasCapturedCsv ? parseGlpiCsv(readFileSync(CAPTURED_CSV, 'utf8')) : { tickets: [] };
	const clusters = clusterTickets(exported.tickets);
	const clusterOf = (id: number) => clusters.find((c) => c.ticketIds.includes(id));
	const title = (id: number) => exported.tickets.find((t) => t.id === id)?.title ?? '';

	it.each([
		['VPN', 'Network > VPN', 6],
		['printer', 'Printing', 3],
	])('puts the %s tickets in one cluster of their own', (_, category, size) => {
		const ids = exported.tickets.filter((t) => t.category === category).map((t) => t.id);
		expect(ids).toHaveLength(size);
		const cluster = clusterOf(ids[0] as number);
		expect(cluster?.ticketIds).toEqual(ids);
		expect(cluster?.category).toBe(category);
		expect(cluster?.categoryShare).toBe(1);
	});

	it('splits the password tickets into resets and lockouts: their category alone does not make them alike', () => {
		expect(clusterOf(7)?.ticketIds).toEqual([7, 9, 10]);
		expect(clusterOf(8)?.ticketIds).toEqual([8, 11]);
	});

	it('never mixes categories, and leaves the three unrelated e-mail tickets alone', () => {
		for (const cluster of clusters) expect(cluster.categoryShare).toBe(1);
		for (const t of exported.tickets.filter((t) => t.category === 'Email')) expect(clusterOf(t.id), title(t.id)).toBeUndefined();
	});

	it('signs the VPN cluster with its words, ready to sync', () => {
		expect(clusterOf(1)?.signature).toBe('vpn disconnects');
	});

	it('gives exactly the all-pairs clusters at every threshold from 0.30 to 0.50: a small export gets more bands', () => {
		for (let threshold = 0.3; threshold <= 0.5; threshold += 0.01) {
			expect(clusterTickets(exported.tickets, { threshold })).toEqual(clusterTickets(exported.tickets, { threshold, exact: true }));
		}
	});

	it(`keeps these clusters for thresholds around the default ${DEFAULT_CLUSTER_THRESHOLD}`, () => {
		for (const threshold of [0.36, 0.38, 0.4, 0.42]) {
			const ids = clusterTickets(exported.tickets, { threshold }).map((c) => c.ticketIds.join(','));
			expect(ids).toEqual(expect.arrayContaining(['1,2,3,4,5,6', '7,9,10', '8,11', '12,13,14']));
		}
	});
});
