import { describe, expect, it } from 'vitest';
import { glpiVersionOf, interfaceOf, isGlpi, itilFieldsOf, pageOf, rootDocOf, routeOf } from '../../extension/glpi/page-context';
import { peopleOnPage } from '../../extension/glpi/people';
import { SKIP_CAPTURED, capturedPages, fixtureHtml, hasCapturedPages } from '../support/glpi-pages';

// happy-dom would try to load the pages' iframes (TinyMCE); we only read the DOM, so they are renamed away.
const parse = (html: string) => new DOMParser().parseFromString(html.replace(/<(\/?)iframe\b/gi, '<$1gx-iframe'), 'text/html');

/** What each captured page is, written from the file names and pages/README.md, not from the detectors. */
const EXPECTED_KIND: Record<string, string> = {
	login_anonymous: 'login',
	central_home: 'central',
	ticket_list_default: 'ticket-list',
	ticket_list_all_sorted_by_date: 'ticket-list',
	ticket_list_category_vpn: 'ticket-list',
	ticket_form_open_id5: 'ticket-form',
	ticket_form_closed_id1: 'ticket-form',
	ticket_form_new: 'ticket-form',
	problem_list: 'problem-list',
	problem_form_id1: 'problem-form',
	change_list: 'change-list',
	change_form_id1: 'change-form',
	knowbase_list: 'knowbase',
	computer_list: 'other',
	computer_form_id1: 'other',
	global_search_vpn: 'other',
	itilcategory_list: 'other',
	stat_home: 'other',
	selfservice_home: 'helpdesk-home',
	selfservice_create_ticket: 'helpdesk-create',
	selfservice_ticket_list: 'ticket-list',
	selfservice_ticket_form_id4: 'ticket-form',
	selfservice_faq: 'knowbase',
	subfolder_login_anonymous: 'login',
	subfolder_ticket_list: 'ticket-list',
	subfolder_ticket_form_id5: 'ticket-form',
};

describe.skipIf(!hasCapturedPages)(`detection on every captured GLPI 10.0.17 page (${hasCapturedPages ? 'present' : SKIP_CAPTURED})`, () => {
	const pages = capturedPages();

	it('covers every full page of the capture', () => {
		const full = pages.filter((page) => page.full).map((page) => page.name.replace('10.0.17_', ''));
		expect(full.sort()).toEqual(Object.keys(EXPECTED_KIND).sort());
	});

	for (const page of pages) {
		const short = page.name.replace('10.0.17_', '');
		it(`${short}`, () => {
			const doc = parse(page.html);
			if (!page.full) {
				// AJAX fragments are not pages: the content script must not take them for GLPI pages.
				expect(isGlpi(doc)).toBe(false);
				return;
			}
			expect(isGlpi(doc)).toBe(true);
			const subfolder = short.startsWith('subfolder_');
			expect(rootDocOf(doc, page.url)).toBe(subfolder ? '/glpi' : '');
			expect(routeOf(doc, page.url)).toBe(page.url.pathname.replace(/^\/glpi/, ''));
			const context = pageOf(doc, page.url);
			expect(context.kind).toBe(EXPECTED_KIND[short]);
			const anonymous = short.includes('login');
			expect(interfaceOf(doc, page.url)).toBe(anonymous ? undefined : short.startsWith('selfservice_') ? 'helpdesk' : 'central');
			if (!anonymous) expect(glpiVersionOf(doc)).toBe('10.0.17');
			if (short === 'ticket_form_open_id5') expect(context).toMatchObject({ itemtype: 'Ticket', itemId: 5 });
		});
	}

	it('reads the category, status and people of a ticket once its main tab is in', () => {
		const main = pages.find((page) => page.name === '10.0.17_ajax_tab_ticket5_Ticket_main');
		expect(main).toBeDefined();
		const doc = parse(main?.html ?? '');
		expect(itilFieldsOf(doc)).toEqual({ category: 'Network > VPN', status: 'assigned' });
		expect(peopleOnPage(doc)).toEqual(expect.arrayContaining(['normal', 'tech']));
	});
});

describe('detection on our own fixture pages', () => {
	it('GLPI 10 ticket form at the web root', () => {
		const doc = parse(fixtureHtml('10/ticket-form.html'));
		const url = new URL('http://127.0.0.1/front/ticket.form.php?id=7');
		expect(pageOf(doc, url)).toEqual({ route: '/front/ticket.form.php', kind: 'ticket-form', itemtype: 'Ticket', itemId: 7, interface: 'central', glpiVersion: '10.0.17' });
		expect(itilFieldsOf(doc)).toEqual({ category: 'Printing', status: 'assigned' });
		expect(peopleOnPage(doc).sort()).toEqual(['Durand Paul', 'Martin Alice']);
	});

	it('GLPI 11 self-service home under a sub-folder', () => {
		const doc = parse(fixtureHtml('11/helpdesk-home.html'));
		const url = new URL('https://support.example.org/support/Helpdesk');
		expect(rootDocOf(doc, url)).toBe('/support');
		expect(pageOf(doc, url)).toEqual({ route: '/Helpdesk', kind: 'helpdesk-home', interface: 'helpdesk' });
	});

	it('GLPI 11 ticket form under a sub-folder', () => {
		const doc = parse(fixtureHtml('11/ticket-form.html'));
		const url = new URL('https://support.example.org/support/front/ticket.form.php?id=12');
		expect(pageOf(doc, url)).toMatchObject({ route: '/front/ticket.form.php', kind: 'ticket-form', itemId: 12, interface: 'central' });
		expect(itilFieldsOf(doc)).toEqual({ category: 'Network > Wi-Fi', status: 'new' });
	});

	it('the login page, and a page that is not GLPI', () => {
		const login = parse(fixtureHtml('login.html'));
		expect(isGlpi(login)).toBe(true);
		expect(pageOf(login, new URL('http://127.0.0.1/index.php'))).toEqual({ route: '/index.php', kind: 'login' });
		expect(isGlpi(parse('<html><head><title>GLPI fan page</title></head><body>GLPI</body></html>'))).toBe(false);
	});
});
