import { describe, expect, it } from 'vitest';
import { GLPI, type GlpiSelector } from '../../extension/glpi/selectors';
import { SKIP_CAPTURED, capturedPageAsShown, capturedPages, hasCapturedPages } from '../support/glpi-pages';

const parse = (html: string) => new DOMParser().parseFromString(html.replace(/<(\/?)iframe\b/gi, '<$1gx-iframe'), 'text/html');

/**
 * How many elements each GLPI selector must find on real GLPI 10.0.17 pages (the ticket forms with their main tab
 * in place, as a user sees them). A count that changes means GLPI's markup drifted, or the capture did.
 */
const EXPECTED: Record<string, Partial<Record<GlpiSelector, number | 'some'>>> = {
	ticket_form_open_id5: {
		csrfMeta: 1,
		brandLink: 1,
		copyright: 2,
		itilForm: 1,
		categoryOption: 1,
		statusOption: 1,
		statusIcon: 'some',
		actorUserOption: 'some',
		userLink: 'some',
		formField: 'some',
		fieldLabel: 'some',
		select2: 0,
		searchTable: 0,
		itemTab: 13,
		toastContainer: 1,
		errorToast: 0,
		itilData: 1,
		ticketTitle: 1,
		ticketDescription: 1,
	},
	ticket_form_closed_id1: { itilForm: 1, categoryOption: 1, statusOption: 0, statusIcon: 'some', itemTab: 'some', toastContainer: 1 },
	subfolder_ticket_form_id5: { csrfMeta: 1, brandLink: 1, itilForm: 1, categoryOption: 1, statusOption: 1, itemTab: 13 },
	selfservice_ticket_form_id4: { itilForm: 1, categoryOption: 1, brandLink: 1 },
	ticket_list_default: { csrfMeta: 1, brandLink: 1, searchTable: 1, searchHeader: 10, itilForm: 0, userLink: 'some', toastContainer: 1 },
	// GLPI 10 names the header cells only; GLPI 11's named cells are checked on our fixture (ticket-list.test.ts).
	ticket_list_all_sorted_by_date: { searchContainer: 1, searchCardHeader: 1, searchFooter: 1, searchRow: 20, rowCheckbox: 20, searchCell: 0, exportCsvLink: 1 },
	selfservice_ticket_list: { searchTable: 1, searchRow: 'some', rowCheckbox: 0, searchCardHeader: 1 },
	subfolder_ticket_list: { searchTable: 1, searchHeader: 'some' },
	selfservice_home: { csrfMeta: 1, brandLink: 1, copyright: 2, toastContainer: 1, searchTable: 0 },
	login_anonymous: { csrfMeta: 1, brandLink: 0, copyright: 1, toastContainer: 0, inlineScript: 'some' },
};

describe.skipIf(!hasCapturedPages)(`GLPI selectors on the captured pages (${hasCapturedPages ? 'present' : SKIP_CAPTURED})`, () => {
	const pages = new Map(capturedPages().map((page) => [page.name.replace('10.0.17_', ''), page]));

	for (const [name, expected] of Object.entries(EXPECTED)) {
		it(name, () => {
			const page = pages.get(name);
			expect(page, name).toBeDefined();
			const doc = parse(capturedPageAsShown(page!));
			for (const [key, count] of Object.entries(expected)) {
				const found = doc.querySelectorAll(GLPI[key as GlpiSelector]).length;
				if (count === 'some') expect(found, `${key} on ${name}`).toBeGreaterThan(0);
				else expect(found, `${key} on ${name}`).toBe(count);
			}
		});
	}

	it('checks every selector on at least one page', () => {
		const checked = new Set(Object.values(EXPECTED).flatMap((expected) => Object.keys(expected)));
		expect([...checked].sort()).toEqual(Object.keys(GLPI).sort());
	});
});
