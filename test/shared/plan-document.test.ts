import { describe, expect, it } from 'vitest';
import { renderPlanHtml } from '../../shared/improvement/document/html';
import { renderPlanMarkdown } from '../../shared/improvement/document/markdown';
import { type PlanDocumentInput, planDocument } from '../../shared/improvement/document/model';
import { weeklyFigures } from '../../shared/improvement/weekly-figures';
import { HOUR_MS, type Ticket } from '../../shared/patterns/ticket';
import type { BacklogItem } from '../../shared/schemas/backlog';
import type { Plan } from '../../shared/schemas/plan';

const item = (id: string, title: string, status: BacklogItem['status'], owner?: string): BacklogItem => ({
	id,
	title,
	kind: 'pattern',
	status,
	score: 1,
	signalCount: 3,
	reporterCount: 2,
	firstSeen: '2026-10-01T09:00:00.000Z',
	lastSeen: '2026-11-20T09:00:00.000Z',
	tags: [],
	...(owner ? { owner } : {}),
});

const plan = (itemId: string, extra: Partial<Plan> = {}): Plan => ({
	itemId,
	objective: 'Halve the printer tickets',
	measure: 'opened-per-week',
	categories: ['Hardware'],
	baselineFrom: '2026-W36',
	baselineTo: '2026-W39',
	baseline: { value: 6, sample: 4, weeks: 4 },
	target: 3,
	reviewOn: '2026-11-15',
	setAt: '2026-10-01T09:00:00.000Z',
	overdue: false,
	...extra,
});

/** November 2026 (weeks 45 to 48): the printer tickets fall from 4 a week to 2; one VPN ticket. */
function november() {
	const tickets: Ticket[] = [];
	const monday = Date.UTC(2026, 10, 2);
	for (const [week, count] of [[0, 4], [1, 4], [2, 2], [3, 2]] as const) {
		for (let n = 0; n < count; n++) {
			const openedAt = monday + (week * 7 + n) * 86_400_000 + 9 * HOUR_MS;
			tickets.push({ id: tickets.length + 1, title: 'x', category: 'Hardware > Printer', openedAt, solvedAt: openedAt + 3 * HOUR_MS });
		}
	}
	tickets.push({ id: 99, title: 'x', category: 'Network > VPN', openedAt: monday + 86_400_000, solvedAt: monday + 2 * 86_400_000 });
	tickets.push({ id: 100, title: 'x', category: 'Network > VPN', openedAt: monday - 86_400_000 }, { id: 101, title: 'x', openedAt: monday + 28 * 86_400_000 });
	return weeklyFigures(tickets, { solved: true, deadline: false, reopen: false, satisfaction: false }, monday + 28 * 86_400_000);
}

const base: PlanDocumentInput = {
	lang: 'en',
	from: '2026-11-01',
	to: '2026-11-30',
	generatedOn: '2026-12-01',
	items: [
		item('aaaaaa1', 'Printer jams <script>alert(1)</script> | floor 2', 'check', 'Chloé'),
		item('aaaaaa2', 'VPN drops every 10 minutes', 'do'),
		item('aaaaaa3', 'Dark mode', 'new'),
	],
	plans: [
		plan('aaaaaa1', {
			check: { on: '2026-11-30', from: '2026-W45', to: '2026-W48', measured: { value: 3, sample: 4, weeks: 4 }, verdict: 'met' },
		}),
		plan('aaaaaa2', {
			objective: 'Answer VPN tickets faster',
			measure: 'satisfaction',
			baseline: { value: null, sample: 0, weeks: 4, unknown: 'no-satisfaction-column' },
			target: 4,
			overdue: true,
		}),
	],
	figures: november(),
	previous: { aaaaaa1: { title: 'Printer jams', status: 'do' }, gone01: { title: 'Old idea', status: 'plan' } },
};

describe('the improvement plan as a document', () => {
	const doc = planDocument(base);

	it('groups the register by PDCA stage, each item with its objective, baseline, target, review and verdict', () => {
		expect(doc.stages.map((stage) => `${stage.name} ${stage.lines.length}`)).toEqual(['New 1', 'Plan 0', 'Do 1', 'Check 1', 'Act 0', 'Done 0', 'Rejected 0']);
		const printer = doc.stages[3]?.lines[0];
		expect(printer).toMatchObject({ owner: 'Chloé', objective: 'Halve the printer tickets', measure: 'tickets opened a week', baseline: '6.0 (2026-W36 – 2026-W39)', target: '3.0', verdict: 'met: 3.0' });
		expect(doc.stages[0]?.lines[0]?.objective).toBe('no objective yet');
	});

	it('says "unknown" and why, never 0, and flags an overdue review', () => {
		const vpn = doc.stages[2]?.lines[0];
		expect(vpn?.baseline).toBe("unknown (GLPI's export has no satisfaction) (2026-W36 – 2026-W39)");
		expect(vpn?.review).toBe('2026-11-15 (review overdue)');
	});

	it('gives the service figures of the period per category, busiest first, with the trend of the volume', () => {
		expect(doc.figures.map((line) => line.category)).toEqual(['Hardware > Printer', 'Network > VPN']);
		// 12 printer tickets over 4 weeks, each solved in 3 h (all in the bucket 2-4 h, whose middle is 3 h); 4 a week in
		// the first half, 2 in the second; lateness, reopens and satisfaction not in the export.
		expect(doc.figures[0]?.cells).toEqual(['3.0', '3.0', 'unknown', 'unknown', 'unknown', '↓ ×0.50']);
	});

	it('lists what changed since the last report', () => {
		expect(doc.changes).toEqual([
			'Printer jams <script>alert(1)</script> | floor 2: Do → Check',
			'New: VPN drops every 10 minutes (Do)',
			'New: Dark mode (New)',
			'No longer in the register: Old idea',
		]);
		expect(planDocument({ ...base, previous: null }).changes).toEqual(['This is the first report.']);
	});

	it('is a self-contained HTML page that escapes people\'s words and prints', () => {
		const html = renderPlanHtml(doc, 'en');
		expect(html).not.toContain('<script>');
		expect(html).toContain('Printer jams &lt;script&gt;alert(1)&lt;/script&gt; | floor 2');
		expect(html).toContain('@media print');
		expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
		expect(html).not.toMatch(/https?:\/\//);
	});

	it('is Markdown whose tables a title with a pipe cannot break', () => {
		const markdown = renderPlanMarkdown(doc);
		const printerRow = markdown.split('\n').find((line) => line.startsWith('| Printer jams'));
		expect(printerRow).toContain('Printer jams &lt;script&gt;alert(1)&lt;/script&gt; \\| floor 2');
		// Nine cells: the escaped pipe does not make a tenth.
		expect(printerRow?.split(/(?<!\\)\|/).length).toBe(11);
	});

	it('speaks French', () => {
		const french = planDocument({ ...base, lang: 'fr' });
		expect(french.title).toBe("Plan d'amélioration");
		expect(french.stages.map((stage) => stage.name)).toEqual(['Nouveau', 'Planifier', 'Réaliser', 'Vérifier', 'Agir', 'Terminé', 'Rejeté']);
		expect(french.stages[2]?.lines[0]?.baseline).toContain("l'export de GLPI n'a pas de satisfaction");
		expect(renderPlanHtml(french, 'fr')).toContain('<html lang="fr">');
	});
});
