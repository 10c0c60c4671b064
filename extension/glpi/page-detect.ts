import type { PageKind } from '../../shared/schemas/signal';

/**
 * Page detectors: one-line pure functions of a URL, matched on the path suffix because GLPI often lives under a
 * sub-folder (github-url-detection's habit). Each lists example URLs in DETECTOR_EXAMPLES; the test checks that each
 * detector matches its own examples and none of the others'.
 */
type UrlLike = URL | Location | { pathname: string; search: string };

const path = (url: UrlLike) => url.pathname.replace(/\/+$/, '') || '/';
const ends = (url: UrlLike, suffix: string) => path(url).endsWith(suffix);
const param = (url: UrlLike, name: string) => new URLSearchParams(url.search).get(name);

// GLPI 10 and 11: /front/ticket.php is the search list (central) and "My tickets" (self-service).
export const isTicketList = (url: UrlLike = location) => ends(url, '/front/ticket.php');
// GLPI 10 and 11: an existing ticket (?id=N) or the creation form (no id).
export const isTicketForm = (url: UrlLike = location) => ends(url, '/front/ticket.form.php');
export const isProblemList = (url: UrlLike = location) => ends(url, '/front/problem.php');
export const isProblemForm = (url: UrlLike = location) => ends(url, '/front/problem.form.php');
export const isChangeList = (url: UrlLike = location) => ends(url, '/front/change.php');
export const isChangeForm = (url: UrlLike = location) => ends(url, '/front/change.form.php');
export const isCentral = (url: UrlLike = location) => ends(url, '/front/central.php');
// GLPI 10: /front/helpdesk.public.php; GLPI 11: the Symfony route /Helpdesk.
export const isHelpdeskHome = (url: UrlLike = location) =>
	(ends(url, '/front/helpdesk.public.php') && !param(url, 'create_ticket')) || ends(url, '/Helpdesk');
// GLPI 10: ?create_ticket=1 (posts to tracking.injector.php); GLPI 11: the service catalog of forms.
export const isHelpdeskCreate = (url: UrlLike = location) =>
	(ends(url, '/front/helpdesk.public.php') && param(url, 'create_ticket') === '1') ||
	ends(url, '/front/tracking.injector.php') ||
	ends(url, '/ServiceCatalog');
export const isKnowbase = (url: UrlLike = location) =>
	ends(url, '/front/knowbaseitem.php') || ends(url, '/front/knowbaseitem.form.php') || ends(url, '/front/helpdesk.faq.php');
// The login form: /index.php, or the web root, in 10 and 11.
export const isLogin = (url: UrlLike = location) => ends(url, '/index.php') || path(url) === '/';

export const DETECTOR_EXAMPLES: Record<Exclude<PageKind, 'other'>, string[]> = {
	'ticket-list': [
		'https://glpi.example.org/front/ticket.php',
		'https://glpi.example.org/glpi/front/ticket.php?criteria[0][field]=12&criteria[0][value]=notold',
	],
	'ticket-form': ['https://glpi.example.org/front/ticket.form.php?id=5', 'https://example.org/glpi/front/ticket.form.php'],
	'problem-list': ['https://glpi.example.org/front/problem.php'],
	'problem-form': ['https://glpi.example.org/front/problem.form.php?id=1', 'https://example.org/support/front/problem.form.php'],
	'change-list': ['https://glpi.example.org/front/change.php'],
	'change-form': ['https://glpi.example.org/front/change.form.php?id=1'],
	central: ['https://glpi.example.org/front/central.php', 'https://example.org/glpi/front/central.php'],
	'helpdesk-home': ['https://glpi.example.org/front/helpdesk.public.php', 'https://glpi11.example.org/Helpdesk'],
	'helpdesk-create': [
		'https://glpi.example.org/front/helpdesk.public.php?create_ticket=1',
		'https://glpi.example.org/front/tracking.injector.php',
		'https://glpi11.example.org/glpi/ServiceCatalog',
	],
	knowbase: ['https://glpi.example.org/front/knowbaseitem.php', 'https://glpi.example.org/front/helpdesk.faq.php'],
	login: ['https://glpi.example.org/index.php?noAUTO=1', 'https://glpi.example.org/', 'https://example.org/glpi/index.php'],
};

/** Detectors in the order they are tried; the first match names the page. */
export const DETECTORS: [Exclude<PageKind, 'other'>, (url: UrlLike) => boolean][] = [
	['ticket-list', isTicketList],
	['ticket-form', isTicketForm],
	['problem-list', isProblemList],
	['problem-form', isProblemForm],
	['change-list', isChangeList],
	['change-form', isChangeForm],
	['central', isCentral],
	['helpdesk-home', isHelpdeskHome],
	['helpdesk-create', isHelpdeskCreate],
	['knowbase', isKnowbase],
	['login', isLogin],
];

export function pageKindOf(url: UrlLike = location): PageKind {
	return DETECTORS.find(([, detect]) => detect(url))?.[0] ?? 'other';
}
