import type { Page } from '../../shared/schemas/signal';
import { pageKindOf } from './page-detect';
import { GLPI } from './selectors';

/**
 * Reading GLPI's context from the DOM: pure functions of a Document (and the URL), so the tests run them on every
 * captured page. Sources are in ../shared/glpi/FACTS.md §1.3.
 */

/** Every full GLPI page, logged in or not, has this meta in its head (10 and 11). */
export const isGlpi = (doc: Document = document) => doc.querySelector(GLPI.csrfMeta) !== null;

const FRONT_OR_AJAX = /^(.*?)\/(front|ajax|plugins|marketplace)\//;

/**
 * GLPI's root_doc ("" at the web root, "/glpi" under a sub-folder). The logo link `a.navbar-brand` points to
 * `<root_doc>/front/central.php` or `/front/helpdesk.public.php` on logged-in pages (10); else the URL up to /front/;
 * else CFG_GLPI's root_doc printed in an inline script (logged-in 10 and 11).
 */
export function rootDocOf(doc: Document = document, url: URL = new URL(doc.URL)): string {
	const brand = doc.querySelector<HTMLAnchorElement>(GLPI.brandLink);
	const fromBrand = brand ? FRONT_OR_AJAX.exec(new URL(brand.getAttribute('href') ?? '', url).pathname) : null;
	if (fromBrand) return fromBrand[1] ?? '';
	const fromUrl = FRONT_OR_AJAX.exec(url.pathname);
	if (fromUrl) return fromUrl[1] ?? '';
	for (const script of doc.querySelectorAll(GLPI.inlineScript)) {
		const match = /"root_doc":"((?:[^"\\]|\\.)*)"/.exec(script.textContent ?? '');
		if (match) return (match[1] ?? '').replace(/\\\//g, '/');
	}
	// GLPI 11 helpdesk routes (/Helpdesk, /ServiceCatalog) and the login page at the root.
	return url.pathname.replace(/\/(index\.php|Helpdesk|ServiceCatalog)?$/, '').replace(/\/[^/]*\.php$/, '');
}

/** The route below root_doc, without query string: what signals and hints are keyed on. */
export function routeOf(doc: Document = document, url: URL = new URL(doc.URL)): string {
	const root = rootDocOf(doc, url);
	const path = root && url.pathname.startsWith(root) ? url.pathname.slice(root.length) : url.pathname;
	return path.startsWith('/') ? path : `/${path}`;
}

/**
 * Central or self-service: the logo link points to central.php for central profiles and to helpdesk.public.php for
 * self-service ones ([real] GLPI 10.0.17); GLPI 11's self-service pages live under /Helpdesk and /ServiceCatalog.
 */
export function interfaceOf(doc: Document = document, url: URL = new URL(doc.URL)): Page['interface'] {
	const href = doc.querySelector(GLPI.brandLink)?.getAttribute('href') ?? '';
	if (href.endsWith('/front/central.php')) return 'central';
	if (href.endsWith('/front/helpdesk.public.php') || /\/(Helpdesk|ServiceCatalog)$/.test(href)) return 'helpdesk';
	if (/\/front\/helpdesk\.public\.php$|\/(Helpdesk|ServiceCatalog)$/.test(url.pathname)) return 'helpdesk';
	return undefined;
}

/** "10.0.17" from the About dialog's "GLPI 10.0.17-dev" (a.copyright), when the page shows it. */
export function glpiVersionOf(doc: Document = document): string | undefined {
	const text = doc.querySelector(GLPI.copyright)?.textContent ?? '';
	return /GLPI\s+(\d+(?:\.\d+){1,3})/.exec(text)?.[1];
}

/** The itemtype and id of a form page (ticket.form.php?id=5 -> Ticket 5). */
export function itemOf(url: URL): { itemtype?: string; itemId?: number } {
	const match = /\/front\/([a-z_]+)\.form\.php$/.exec(url.pathname);
	const id = Number(url.searchParams.get('id'));
	if (!match?.[1]) return {};
	const itemtype = match[1].replace(/(^|_)([a-z])/g, (_, sep: string, letter: string) => sep + letter.toUpperCase());
	return Number.isInteger(id) && id > 0 ? { itemtype, itemId: id } : { itemtype };
}

/** Everything a signal says about the page it came from (the ticket's category and status are added by features). */
export function pageOf(doc: Document = document, url: URL = new URL(doc.URL)): Page {
	const page: Page = { route: routeOf(doc, url), kind: pageKindOf(url), ...itemOf(url) };
	const ui = interfaceOf(doc, url);
	if (ui) page.interface = ui;
	const version = glpiVersionOf(doc);
	if (version) page.glpiVersion = version;
	return page;
}

/** GLPI's status values (src/CommonITILObject.php L82-93 [10]) as the keys its CSS uses (.itilstatus.<key>). */
const STATUS_KEYS: Record<string, string> = {
	1: 'new',
	2: 'assigned',
	3: 'planned',
	4: 'waiting',
	5: 'solved',
	6: 'closed',
	7: 'accepted',
	8: 'observe',
	9: 'eval',
	10: 'approval',
	11: 'test',
	12: 'qualif',
	13: 'refused',
	14: 'canceled',
};
const STATUS_CLASS = new RegExp(`\\b(${Object.values(STATUS_KEYS).join('|')})\\b`);

/**
 * The category and status of the ITIL object on a form page, once its main tab has loaded by AJAX: the selected
 * options of `#itil-form select[name=itilcategories_id|status]` ([real] 10.0.17), or the status icon's class when
 * the user may not edit it.
 */
export function itilFieldsOf(doc: Document = document): { category?: string; status?: string } {
	const form = doc.querySelector(GLPI.itilForm);
	if (!form) return {};
	const fields: { category?: string; status?: string } = {};
	const category = form.querySelector(GLPI.categoryOption);
	const categoryText = category?.textContent?.trim();
	if (categoryText && category?.getAttribute('value') !== '0') fields.category = categoryText.slice(0, 200);
	const status = form.querySelector(GLPI.statusOption);
	const statusKey = status ? STATUS_KEYS[status.getAttribute('value') ?? ''] : undefined;
	const icon = statusKey ? undefined : doc.querySelector(GLPI.statusIcon);
	const fromIcon = icon ? STATUS_CLASS.exec(icon.className)?.[1] : undefined;
	if (statusKey ?? fromIcon) fields.status = statusKey ?? fromIcon;
	return fields;
}
