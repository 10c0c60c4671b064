/**
 * Every GLPI selector the extension reads, in one place, each with the GLPI version and page it serves. A test
 * (test/extension/selectors.test.ts) checks each against the real captured pages with the number of matches it must
 * find. Sources: ../shared/glpi/FACTS.md §1.3 and §2, and the captured GLPI 10.0.17 pages ([real]).
 */
export const GLPI = {
	/** Every full page, logged in or not, 10 and 11 (head.html.twig). The surest sign that a page is GLPI. */
	csrfMeta: 'meta[property="glpi:csrf_token"]',
	/** The logo link of logged-in pages (10, 11): its href is <root_doc>/front/central.php or /front/helpdesk.public.php. */
	brandLink: 'a.navbar-brand[href]',
	/** Inline scripts, one of which prints CFG_GLPI with root_doc (logged-in 10 at the end of body, 11 in the head). */
	inlineScript: 'script:not([src])',
	/** "GLPI 10.0.17" in the footer's About link of logged-in pages ([real] 10.0.17). */
	copyright: 'a.copyright',

	/** The ITIL object's main form once its main tab has loaded by AJAX (ticket, problem, change; 10 and 11). */
	itilForm: '#itil-form',
	/** Category and status selects of that form: Select2 in 10, the real select hidden; disabled when read-only (closed). */
	categoryOption: 'select[name="itilcategories_id"] option:checked, select[name="itilcategories_id"] option[selected]',
	statusOption: 'select[name="status"] option:checked, select[name="status"] option[selected]',
	/** The status icon when the status is not editable: the fields panel, or the form's header (10.0.17). */
	statusIcon: '#itil-data .itilstatus, h3.navigationheader-title .itilstatus',

	/** Ticket form actors (10.0.17): <select data-actor-type="requester|observer|assign"><option data-itemtype="User" data-text="…">. */
	actorUserOption: 'select[data-actor-type] option[data-itemtype="User"]',
	/** Links to user forms: timeline author badges, avatars, and list cells "Name <a class='dropdown_tooltip'>" (10.0.17). */
	userLink: 'a[href*="/front/user.form.php"]',

	/** A field of the fields_macros `field()` macro (10 and 11): div.form-field.row > label.col-form-label + div.field-container. */
	formField: 'div.form-field',
	fieldLabel: 'label.col-form-label',
	/** Select2's visible box, right after the hidden real <select> (10 and 11: `select + span.select2`). */
	select2: 'span.select2',
	/** Search result tables (10 and 11): the table's id is random (search_<rand>), its class is stable. */
	searchTable: 'table.search-results',
	searchHeader: 'table.search-results th[data-searchopt-id]',
	/** The search results' container, whose content GLPI replaces by AJAX when the list is sorted or paged (fluid
	 * search, display_data.html.twig, 10 and 11). */
	searchContainer: '.ajax-container.search-display-data',
	/** The list's header, the controls on its left and its right side free ([real] 10.0.17: div.card-header.d-flex
	 * .justify-content-between.search-header with one child): where the pattern summary docks. */
	searchCardHeader: 'div.card-header.search-header',
	/** The list's footer with its pager and "rows / page" select ([real] 10.0.17: div.card-footer.search-footer, sticky
	 * at the bottom of the list's scroll container): our badges stay above it. */
	searchFooter: 'div.card-footer.search-footer',
	/** Rows of a results table (10 and 11); the self-service list has no checkbox column ([real] 10.0.17). */
	searchRow: 'table.search-results > tbody > tr',
	/** A row's massive-action checkbox, named item[Ticket][<id>] (10 and 11), when the profile may use them. */
	rowCheckbox: 'input[name^="item[Ticket]["]',
	/** GLPI 11 names each cell's search option: td[data-searchopt-content-id="1"] (FACTS §2.1; 10 has only the th). */
	searchCell: 'td[data-searchopt-content-id]',
	/** The list's own export menu (10.0.17): links to front/report.dynamic.php carrying the list's search; 3 is CSV. */
	exportCsvLink: 'a[href*="/front/report.dynamic.php"][href*="display_type=3"]',
	/** The ticket's own description on its form, once the main tab is in (timeline/*.html.twig, 10; same in 11). The
	 * card-header is the title: the author's tooltip card holds an h4.card-title of its own. */
	ticketTitle: '.timeline-item.ITILContent div.card-title.card-header',
	ticketDescription: '.timeline-item.ITILContent .rich_text_container',
	/** The fields accordion on the right of an ITIL form (10 and 11): the similar-tickets panel goes under it. */
	itilData: '#itil-data',
	/** Item tabs (10 and 11): a.nav-link[data-bs-toggle=tab][href*="_glpi_tab=Ticket$main"]; the pane ids are random. */
	itemTab: 'a[data-bs-toggle="tab"][href*="_glpi_tab="]',

	/** Messages after a redirect (components/messages_after_redirect_toasts.html.twig, 10; same container in 11): an error
	 * toast has a red header. GLPI's own AJAX toasts land in the same container. */
	toastContainer: '#messages_after_redirect',
	errorToast: '#messages_after_redirect .toast-header.bg-danger',
} as const;

export type GlpiSelector = keyof typeof GLPI;
