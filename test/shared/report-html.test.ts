import { describe, expect, it } from 'vitest';
import { analyseTickets } from '../../shared/patterns/analyse';
import { barChart } from '../../shared/patterns/report/charts';
import { renderHtml } from '../../shared/patterns/report/html';
import { renderJson } from '../../shared/patterns/report/json';
import { renderText } from '../../shared/patterns/report/text';
import { DAY_MS, type Ticket } from '../../shared/patterns/ticket';

/** Issue 16's HTML report items: ticket links, members on demand, whole category labels, the encoding notice. */
const T0 = Date.UTC(2026, 8, 1, 9);
const printers = Array.from({ length: 1000 }, (_, i): Ticket => ({ id: i + 1, title: `Printer jam on floor ${i % 7}`, category: 'Printing', openedAt: T0 + i * 3_600_000 }));
/** Made-up words, one per number ("bcd", "bcf"...), for tickets that are like no other. */
const word = (n: number) => Array.from(n.toString(19), (digit) => 'bcdfghjklmnpqrstvwxz'[parseInt(digit, 19)]).join('');
// Enough other tickets that the printers' words stay below the share held by most tickets (which weighs nothing).
const others = Array.from({ length: 1200 }, (_, i): Ticket => ({ id: 5000 + i, title: `${word(1000 + i)} ${word(5000 + 3 * i)}`, category: 'Other' }));
const tickets: Ticket[] = [
	...printers,
	...others,
	...Array.from({ length: 4 }, (_, i): Ticket => ({ id: 2000 + i, title: 'VPN drops every hour', category: 'Network > VPN', openedAt: T0 + 40 * DAY_MS + i * DAY_MS })),
	{ id: 3000, title: 'Mail down', category: 'Email', openedAt: T0, solvedAt: T0 + DAY_MS, solutionRefused: true },
];
const report = analyseTickets(tickets);

/** The cell of the clusters table that lists the members of the cluster with `size` members. */
function membersCell(html: string, size: number): string {
	const row = new RegExp(`<tr><td class="num">${size}</td>.*?</tr>`).exec(html);
	if (!row) throw new Error(`no cluster of ${size} in the report`);
	return row[0];
}

describe('HTML report: ticket ids link to GLPI when its address is known', () => {
	it('links every id to front/ticket.form.php?id=N under the address given, sub-folder kept', () => {
		const html = renderHtml(report, { tickets, glpiUrl: 'https://glpi.example/glpi' });
		expect(html).toContain('<a href="https://glpi.example/glpi/front/ticket.form.php?id=2001" rel="noreferrer">#2001</a>');
		// The refused solution's ticket, in the reopen loops table.
		expect(html).toContain('<a href="https://glpi.example/glpi/front/ticket.form.php?id=3000" rel="noreferrer">#3000</a>');
		const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
		expect(hrefs.length).toBeGreaterThan(10);
		for (const href of hrefs) expect(href).toMatch(/^https:\/\/glpi\.example\/glpi\/front\/ticket\.form\.php\?id=\d+$/);
	});

	it('escapes the address and refuses what is not http(s)', () => {
		const html = renderHtml(report, { tickets, glpiUrl: `https://glpi.example/a"b'c<d>/` });
		const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]);
		expect(hrefs.length).toBeGreaterThan(10);
		for (const href of hrefs) expect(href).toMatch(/^https:\/\/glpi\.example\/a%22b&#39;c%3Cd%3E\/front\/ticket\.form\.php\?id=\d+$/);
		for (const glpiUrl of ['javascript:alert(1)//', 'data:text/html,<b>x</b>', 'glpi.example']) {
			expect(renderHtml(report, { tickets, glpiUrl })).not.toMatch(/<a\b|href=/);
		}
	});

	it('writes plain ids without the address', () => {
		expect(renderHtml(report, { tickets })).not.toMatch(/<a\b|href=/);
	});
});

describe('HTML report: the top members of a group, the rest on demand', () => {
	const html = renderHtml(report, { tickets, glpiUrl: 'https://glpi.example/' });
	const cell = membersCell(html, 1000);

	it('shows the first 5 members with their titles, the next 45 in a closed <details>, and says how many more the JSON has', () => {
		const [shown = '', onDemand = ''] = cell.split('<details>');
		expect(shown.match(/<li>/g)).toHaveLength(5);
		expect(shown).toContain('<li><a href="https://glpi.example/front/ticket.form.php?id=1" rel="noreferrer">#1</a> Printer jam on floor 0</li>');
		expect(onDemand).toMatch(/^<summary>995 more tickets<\/summary>/);
		expect(onDemand.match(/<li>/g)).toHaveLength(45);
		expect(onDemand).toContain('… and 950 more (all of them in --format json).');
		expect(cell).toContain('id=50"');
		expect(cell).not.toContain('id=51"');
		expect(cell).not.toMatch(/<details open/);
	});

	it('keeps a report of a 1,000-ticket group small', () => {
		expect(html.match(/<li>/g)?.length ?? 0).toBeLessThan(110);
		expect(html.length).toBeLessThan(30_000);
	});

	it('writes a small group whole, without <details>', () => {
		expect(membersCell(html, 4)).not.toContain('<details>');
		expect(membersCell(html, 4).match(/<li>/g)).toHaveLength(4);
	});

	it('says it in French', () => {
		expect(membersCell(renderHtml(report, { tickets, lang: 'fr' }), 1000)).toContain('<summary>995 tickets de plus</summary>');
	});
});

describe("HTML report: bar labels whole, not cut at the chart's left edge", () => {
	/** The x where each text of a chart starts, at 6.6 px a character of 11 px text (an average sans-serif letter). */
	const textSpans = (svg: string) =>
		[...svg.matchAll(/<text x="([\d.]+)"[^>]*?( text-anchor="end")?[^>]*>([^<]*)/g)].map(([, x, end, text = '']) => {
			const width = text.length * 6.6;
			const start = end ? Number(x) - width : Number(x);
			return { start, end: start + width, text };
		});
	const category = 'Hardware > Peripherals > Webcams and headsets > USB';
	const label = `camera not detected in teams (${category})`;

	it('draws every label inside the chart, whole', () => {
		const svg = barChart([{ label, value: 12 }, { label: 'vpn (Network > VPN)', value: 3 }]);
		expect(svg).toContain(`>${label.replaceAll('>', '&gt;')}<`);
		for (const span of textSpans(svg)) {
			expect(span.start, span.text).toBeGreaterThanOrEqual(0);
			expect(span.end, span.text).toBeLessThanOrEqual(760);
		}
	});

	it('cuts only a label too long for the chart, at its end, and shows it whole on hover', () => {
		const long = `${'very long words '.repeat(12)}(${category})`;
		const svg = barChart([{ label: long, value: 1 }]);
		expect(svg).toContain(`<title>${long.replaceAll('>', '&gt;')}</title>`);
		expect(textSpans(svg)[0]?.text).toMatch(/^very long words .*…$/);
	});
});

describe('the Windows-1252 notice is in the report itself', () => {
	const source = { encoding: 'windows-1252' as const };

	it('in the text report, English and French', () => {
		expect(renderText(report, 'en', source)).toMatch(/^Ticket patterns\n.*\nRead as Windows-1252: the file is not in UTF-8.*saved again by Excel\?/);
		expect(renderText(report, 'fr', source)).toContain("Lu en Windows-1252 : le fichier n'est pas en UTF-8");
		expect(renderText(report, 'en', { encoding: 'utf-8' })).not.toContain('Windows-1252');
	});

	it('in the HTML report, English and French', () => {
		expect(renderHtml(report, { source })).toContain('<p class="notice">Read as Windows-1252');
		expect(renderHtml(report, { source, lang: 'fr' })).toContain('<p class="notice">Lu en Windows-1252');
		expect(renderHtml(report, { source: { encoding: 'utf-8' } })).not.toContain('Windows-1252');
	});

	it('in the JSON report, with the notice in both languages', () => {
		const json = JSON.parse(renderJson(report, source));
		expect(json.source.encoding).toBe('windows-1252');
		expect(json.source.notices[0].en).toMatch(/^Read as Windows-1252/);
		expect(json.source.notices[0].fr).toMatch(/^Lu en Windows-1252/);
		expect(JSON.parse(renderJson(report, { encoding: 'utf-8' })).source).toEqual({ encoding: 'utf-8', notices: [] });
	});
});
