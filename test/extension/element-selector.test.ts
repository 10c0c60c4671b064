import { describe, expect, it } from 'vitest';
import { isRandom, isStableName, selectorFor } from '../../extension/glpi/element-selector';
import { labelFor, resolveTarget, targetOf } from '../../extension/glpi/element-target';
import { SKIP_CAPTURED, capturedPageAsShown, capturedPages, fixtureHtml, hasCapturedPages } from '../support/glpi-pages';

const parse = (html: string) => new DOMParser().parseFromString(html.replace(/<(\/?)iframe\b/gi, '<$1gx-iframe'), 'text/html');

const shown = (() => {
	const pages = new Map(capturedPages().map((page) => [page.name, page]));
	const cache = new Map<string, Document>();
	return (name: string): Document => {
		const page = pages.get(`10.0.17_${name}`);
		if (!page) throw new Error(`no captured page ${name}`);
		let doc = cache.get(name);
		if (!doc) cache.set(name, (doc = parse(capturedPageAsShown(page))));
		return doc;
	};
})();

/** GLPI's random parts (FACTS.md §1.3, §2) must never appear in a selector. */
const RANDOM_PARTS = /\d{5,}|fielda|dropdown_\w*\d|search_\d|tab-\w+-\d|actor_\d|massaction_\d|Ticket\d/;

function pick(doc: Document, css: string): Element {
	const element = doc.querySelector(css);
	if (!element) throw new Error(`no ${css}`);
	return element;
}

function expectOneMatch(doc: Document, selector: string | undefined, element?: Element) {
	expect(selector).toBeDefined();
	const found = doc.querySelectorAll(selector ?? '');
	expect(found.length, `${selector} should find exactly one element`).toBe(1);
	if (element) expect(found[0]).toBe(element);
	expect(selector).not.toMatch(RANDOM_PARTS);
}

describe('random and stable names', () => {
	it('refuses GLPI 10 random ids and names, accepts its fixed ones', () => {
		for (const value of ['dropdown_status742618343', 'search_1096633258', 'tab-Ticket_main-1403410831', 'fielda6745a1b2c3d4e', 'Ticket23', 'actor_12345']) {
			expect(isRandom(value), value).toBe(true);
		}
		for (const value of ['itil-form', 'item-main', 'messages_after_redirect', 'page']) expect(isRandom(value), value).toBe(false);
		for (const name of ['itilcategories_id', 'status', 'urgency', '_link[tickets_id_1]']) expect(isStableName(name), name).toBe(true);
		for (const name of ['massaction_1070870720', 'item[Ticket][23]', 'fieldb6745a1b2c3d4e', '_glpi_csrf_token']) expect(isStableName(name), name).toBe(false);
	});
});

describe.skipIf(!hasCapturedPages)(`selectors on the captured GLPI 10.0.17 pages (${hasCapturedPages ? 'present' : SKIP_CAPTURED})`, () => {
	// The same field on an open and a closed ticket (whose selects are disabled), at the root and under /glpi, and in
	// the self-service interface: one selector, one element on each page.
	const TICKET_PAGES = ['ticket_form_open_id5', 'ticket_form_closed_id1', 'subfolder_ticket_form_id5', 'selfservice_ticket_form_id4'];
	const FIELDS = [
		{ css: '#itil-form select[name="itilcategories_id"]', expected: '#itil-form select[name="itilcategories_id"]', label: 'Category' },
		{ css: '#itil-form select[name="urgency"]', expected: '#itil-form select[name="urgency"]', label: 'Urgency' },
		{ css: '#itil-form select[name="type"]', expected: '#itil-form select[name="type"]', label: 'Type' },
		{ css: '#itil-form select[name="requesttypes_id"]', expected: '#itil-form select[name="requesttypes_id"]', label: 'Request source' },
	];

	for (const field of FIELDS) {
		it(`gives ${field.expected} on every ticket page`, () => {
			const selectors = TICKET_PAGES.map((name) => {
				const doc = shown(name);
				const element = pick(doc, field.css);
				const selector = selectorFor(element, doc);
				expectOneMatch(doc, selector, element);
				expect(labelFor(element)).toBe(field.label);
				return selector;
			});
			expect(new Set(selectors)).toEqual(new Set([field.expected]));
		});
	}

	it('maps a click on a field label to the field, with the same selector on the open and the closed ticket', () => {
		const selectors = ['ticket_form_open_id5', 'ticket_form_closed_id1'].map((name) => {
			const doc = shown(name);
			const label = pick(doc, 'label[for^="dropdown_itilcategories_id"]');
			return targetOf(label);
		});
		expect(selectors[0]).toEqual({ selector: '#itil-form select[name="itilcategories_id"]', label: 'Category' });
		expect(selectors[1]).toEqual(selectors[0]);
	});

	it('keys a followup form field on what the form posts to', () => {
		const selectors = ['ticket_form_open_id5', 'subfolder_ticket_form_id5'].map((name) => {
			const doc = shown(name);
			const element = pick(doc, 'form[action$="/front/itilfollowup.form.php"] select[name="requesttypes_id"]');
			const selector = selectorFor(element, doc);
			expectOneMatch(doc, selector, element);
			return selector;
		});
		expect(selectors).toEqual(['form[action*="/front/itilfollowup.form.php"] select[name="requesttypes_id"]', 'form[action*="/front/itilfollowup.form.php"] select[name="requesttypes_id"]']);
	});

	it('keys a list column on its search option id, from the header or from any cell, at the root and under /glpi', () => {
		for (const name of ['ticket_list_default', 'subfolder_ticket_list', 'ticket_list_category_vpn', 'selfservice_ticket_list']) {
			const doc = shown(name);
			const header = pick(doc, 'table.search-results th[data-searchopt-id="12"]');
			expect(selectorFor(header, doc)).toBe('table.search-results th[data-searchopt-id="12"]');
			const statusColumn = [...pick(doc, 'table.search-results thead tr').children].indexOf(header);
			const cell = pick(doc, `table.search-results tbody tr td:nth-child(${statusColumn + 1})`);
			expect(targetOf(cell), name).toEqual({ selector: 'table.search-results th[data-searchopt-id="12"]', label: 'Status' });
		}
	});

	it('keys an item tab on its GLPI tab name, not on its random pane id', () => {
		const selectors = ['ticket_form_open_id5', 'ticket_form_closed_id1', 'subfolder_ticket_form_id5'].map((name) => {
			const doc = shown(name);
			const tab = pick(doc, 'a[data-bs-toggle="tab"][href*="_glpi_tab=Ticket%24main"]');
			const target = targetOf(tab);
			expectOneMatch(doc, target?.selector, tab);
			return target?.selector;
		});
		expect(new Set(selectors)).toEqual(new Set(['a[data-bs-toggle="tab"][href*="_glpi_tab=Ticket%24main"]']));
	});

	it('finds a unique, random-free selector for every named field, column, tab and named button of the forms and lists', () => {
		const known = '#itil-form select[name], #itil-form textarea[name], #itil-form input[name]:not([type="hidden"]), button[name], th[data-searchopt-id], a[data-bs-toggle="tab"][href*="_glpi_tab="]';
		for (const name of [...TICKET_PAGES, 'ticket_list_default', 'subfolder_ticket_list', 'problem_form_id1', 'change_form_id1', 'selfservice_create_ticket']) {
			const doc = shown(name);
			const controls = [...doc.querySelectorAll(known)].filter((control) => !/^(_glpi_csrf_token|id)$|\d{3,}/.test(control.getAttribute('name') ?? ''));
			expect(controls.length, name).toBeGreaterThan(0);
			for (const control of controls) {
				const resolved = resolveTarget(control);
				expect(resolved, control.outerHTML.slice(0, 120)).not.toBeNull();
				if (resolved) expectOneMatch(doc, selectorFor(resolved, doc), resolved);
			}
		}
	}, 60_000);

	it('gives other buttons a short selector or none at all, never a path of positions', () => {
		const doc = shown('ticket_form_open_id5');
		for (const button of [...doc.querySelectorAll('#page button:not([name])')].slice(0, 6)) {
			const selector = selectorFor(button, doc);
			if (selector === undefined) continue;
			expectOneMatch(doc, selector, button);
			expect((selector.match(/:nth-/g) ?? []).length).toBeLessThanOrEqual(1);
		}
	}, 60_000);
});

describe('on our own fixture pages and GLPI 11 markup', () => {
	it('maps Select2\'s visible box to the hidden select behind it', () => {
		const doc = parse(`<html><body><form id="itil-form"><div class="form-field row"><label class="col-form-label" for="dropdown_status_42">Status</label>
			<div class="field-container"><select name="status" id="dropdown_status42" style="display:none"><option value="1">New</option></select><span class="select2 select2-container"><span class="selection"><span class="select2-selection" role="combobox"><span class="select2-selection__rendered" id="select2-dropdown_status42-container">New</span></span></span></span></div></div></form></body></html>`);
		const rendered = pick(doc, '.select2-selection__rendered');
		expect(resolveTarget(rendered)).toBe(pick(doc, 'select[name="status"]'));
		expect(targetOf(rendered)).toEqual({ selector: '#itil-form select[name="status"]', label: 'Status' });
	});

	it('uses GLPI 11 cell ids for list columns', () => {
		const doc = parse(`<html><body><table class="search-results" id="search_99887766" data-testid="search-results"><thead><tr><th data-searchopt-id="2">ID</th><th data-searchopt-id="5">Technician</th></tr></thead>
			<tbody><tr><td data-searchopt-content-id="2">12</td><td data-searchopt-content-id="5"><a href="/front/user.form.php?id=4">Durand Paul</a></td></tr></tbody></table></body></html>`);
		expect(targetOf(pick(doc, 'td a'))).toEqual({ selector: 'table.search-results th[data-searchopt-id="5"]', label: 'Technician' });
	});

	it('gives the GLPI 10 fixture ticket form the same field selector as the captured pages', () => {
		const doc = parse(fixtureHtml('10/ticket-form.html'));
		const category = doc.querySelector('#itil-form select[name="itilcategories_id"]');
		if (category) expect(selectorFor(category, doc)).toBe('#itil-form select[name="itilcategories_id"]');
	});

	it('never targets our own UI or the page itself', () => {
		const doc = parse('<html><body><gx-capture-button></gx-capture-button><div data-gx-ui><button>x</button></div></body></html>');
		expect(resolveTarget(pick(doc, 'gx-capture-button'))).toBeNull();
		expect(resolveTarget(pick(doc, '[data-gx-ui] button'))).toBeNull();
		expect(resolveTarget(doc.body)).toBeNull();
	});

	it('does not read ticket titles or names from links and cells', () => {
		const doc = parse('<html><body><div id="timeline"><a href="/front/ticket.form.php?id=5" class="ticket-link">VPN drops for Martin Alice</a></div></body></html>');
		expect(labelFor(pick(doc, 'a.ticket-link'))).toBeUndefined();
	});
});

describe.skipIf(!hasCapturedPages)('the demo workspace speaks the extension selectors (issue 14, item 12)', () => {
	it("seeds its category friction with the selector a real tag of GLPI's category gives, so tags join it", async () => {
		const { demoSignals } = await import('../../scripts/demo-data.js');
		const pageOf: Record<string, string> = { '/front/ticket.form.php': 'ticket_form_open_id5', '/front/helpdesk.public.php': 'selfservice_create_ticket' };
		const seeded = demoSignals().filter((signal) => signal.target?.selector.includes('itilcategories_id'));
		expect(seeded.length).toBeGreaterThan(0);
		for (const signal of seeded) {
			const doc = shown(pageOf[signal.page.route] ?? '');
			expect(signal.target?.selector, signal.page.route).toBe(selectorFor(pick(doc, 'select[name="itilcategories_id"]'), doc));
		}
	});
});
