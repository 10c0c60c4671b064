import { describe, expect, it } from 'vitest';
import { analyseTickets, toPatterns } from '../../shared/patterns/analyse';
import { escapeHtml } from '../../shared/patterns/report/charts';
import { renderHtml } from '../../shared/patterns/report/html';
import { renderJson } from '../../shared/patterns/report/json';
import { renderText } from '../../shared/patterns/report/text';
import { DAY_MS, type Ticket } from '../../shared/patterns/ticket';
import { PatternSchema } from '../../shared/schemas/signal';

const T0 = Date.UTC(2026, 8, 1, 9);
const week = (n: number) => T0 + n * 7 * DAY_MS;
const tickets: Ticket[] = [
	...Array.from({ length: 8 }, (_, i): Ticket => ({ id: i + 1, title: `Printer jam on floor ${i}`, category: 'Printing', openedAt: week(i) })),
	...Array.from({ length: 4 }, (_, i): Ticket => ({ id: 20 + i, title: 'VPN drops every hour', category: 'Network > VPN', openedAt: week(8) + i * DAY_MS })),
	{ id: 30, title: 'Mail down', category: 'Email', openedAt: week(3), solvedAt: week(3) + DAY_MS, timeToResolve: week(3) + 2 * DAY_MS, solutionRefused: true, satisfaction: 2 },
];

describe('reports', () => {
	const report = analyseTickets(tickets);

	it('finds the clusters, the current spike and the refused solution, and maps them to valid patterns', () => {
		expect(report.clusters.map((c) => c.ticketIds.length).sort()).toEqual([4, 8]);
		expect(report.spikes.filter((s) => s.current).map((s) => s.category)).toEqual(['Network > VPN']);
		const patterns = toPatterns(report);
		expect(patterns.map((p) => p.type).sort()).toEqual(['duplicates', 'duplicates', 'reopen', 'spike']);
		for (const pattern of patterns) expect(PatternSchema.safeParse(pattern).success).toBe(true);
		expect(patterns.find((p) => p.type === 'spike')).toMatchObject({ signature: 'Network > VPN', ticketIds: [20, 21, 22, 23] });
	});

	it('writes dates as ISO 8601 in JSON', () => {
		const json = JSON.parse(renderJson(report));
		expect(json.asOf).toBe(new Date(week(8) + 3 * DAY_MS).toISOString());
		expect(json.spikes[0].windowStart).toMatch(/^\d{4}-\d\d-\d\dT00:00:00.000Z$/);
		expect(json.volume.starts[0]).toMatch(/^2026-08-31T/);
	});

	it('renders text and HTML in French too', () => {
		expect(renderText(report, 'fr')).toMatch(/^Motifs dans les tickets\n13 tickets/);
		expect(renderHtml(report, { lang: 'fr', tickets })).toContain('Pics par catégorie');
	});

	it('says what it does not know: no opening dates, no resolution dates (issue 16)', () => {
		const undated = renderText(analyseTickets([{ id: 1, title: 'x' }, { id: 2, title: 'y' }]));
		expect(undated).toMatch(/Spikes per category .*\n {2}Unknown: no ticket of the export has an opening date/);
		expect(undated).toMatch(/Service indicators: n\/a\n {2}Unknown: no ticket of the export has an opening date/);
		const unsolved = renderText(analyseTickets([{ id: 1, title: 'x', openedAt: T0 }, { id: 2, title: 'y', openedAt: T0 + 40 * DAY_MS }]));
		expect(unsolved).toContain('Solved and times to solve: unknown');
		expect(unsolved).not.toMatch(/^ {2}\d{4}-\d\d\*? +\d+ +0 /m);
		expect(renderText(analyseTickets([{ id: 1, title: 'x' }]), 'fr')).toContain("Inconnu : aucun ticket de l'export n'a de date d'ouverture");
	});

	it('survives an export without dates or tickets', () => {
		for (const list of [[], [{ id: 1, title: 'x' }]] as Ticket[][]) {
			const empty = analyseTickets(list);
			expect(empty.spikes).toEqual([]);
			expect(renderText(empty)).toContain('No near-duplicates.');
			expect(renderHtml(empty)).toMatch(/<\/html>\n$/);
			expect(toPatterns(empty)).toEqual([]);
		}
	});

	it('escapes the five HTML-special characters', () => {
		expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
	});
});
