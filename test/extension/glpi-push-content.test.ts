import { describe, expect, it } from 'vitest';
import type { BacklogDetail } from '../../shared/schemas/backlog';
import { glpiContentOf } from '../../extension/core/glpi-push-content';

/**
 * Hostile content pushed to GLPI (issue 7): GLPI stores a Problem's or Change's content as HTML and shows it to its
 * technicians, so what users wrote must arrive there as text. The content is parsed as a browser would (a document
 * from the HTML) and must hold no element or attribute that came from a payload, and every payload as literal text.
 */
const PAYLOADS = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(2)>',
	'"><svg onload=alert(3)>',
	"'><a href=\"javascript:alert(4)\">x</a>",
	'</li></ul><iframe srcdoc="<script>alert(5)</script>"></iframe>',
	'&lt;b&gt; already escaped &amp; stays as written',
	'{{constructor.constructor("alert(6)")()}}',
];

const at = '2026-11-20T10:00:00.000Z';
function detailWith(payloads: string[]): BacklogDetail {
	return {
		item: {
			id: 'item0000000001',
			title: payloads[0] ?? 'x',
			kind: 'friction',
			status: 'plan',
			score: 3.2,
			signalCount: payloads.length,
			reporterCount: 2,
			firstSeen: at,
			lastSeen: at,
			route: '/front/ticket.form.php',
			tags: ['confusing'],
		},
		evidence: payloads.map((text, index) => ({
			id: `00000000-0000-4000-8000-00000000000${index}`,
			kind: 'friction' as const,
			createdAt: at,
			page: { route: `/front/${index}.php`, kind: 'ticket-form' as const },
			target: { selector: '#itil-form select[name="itilcategories_id"]', label: text },
			tags: ['confusing'],
			text,
		})),
		audit: [],
	};
}

describe('the content pushed to GLPI', () => {
	it('holds every payload as text, and no markup from any of them', () => {
		const { name, content } = glpiContentOf(detailWith(PAYLOADS));
		// The name is a plain field (GLPI escapes it itself); it is the title as written.
		expect(name).toBe(PAYLOADS[0]);
		const doc = new DOMParser().parseFromString(`<body>${content}</body>`, 'text/html');
		const tags = new Set([...doc.body.querySelectorAll('*')].map((element) => element.tagName.toLowerCase()));
		expect([...tags].sort()).toEqual(['li', 'p', 'strong', 'ul']);
		for (const element of doc.body.querySelectorAll('*')) expect([...element.attributes].map((attribute) => attribute.name)).toEqual([]);
		const items = [...doc.body.querySelectorAll('li')].map((li) => li.textContent ?? '');
		for (const payload of PAYLOADS) {
			// Pages and elements: "route — label"; what people wrote: "text (date)".
			expect(items).toContain(`/front/${PAYLOADS.indexOf(payload)}.php — ${payload}`);
			expect(items).toContain(`${payload} (2026-11-20)`);
		}
	});
});
