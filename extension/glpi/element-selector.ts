import { finder } from '@medv/finder';
import { GLPI } from './selectors';

/**
 * Selectors for the page elements users tag, built to survive: the same field must give the same selector on an open
 * and a closed ticket, at the web root and under a sub-folder, today and after GLPI re-renders the tab. So the
 * selector uses GLPI's stable names (a field's `name`, `#itil-form`, a form's action, search option ids, tab names)
 * and never its random parts: GLPI 10 suffixes most ids with mt_rand() (`dropdown_status742618343`,
 * `search_1096633258`, `tab-Ticket_main-1403410831`, `massaction_1070870720`), names login fields `fielda<uniqid>`, and
 * ids list rows by item id (`Ticket23`). Known GLPI elements get a fixed rule; anything else goes to @medv/finder with
 * filters that refuse those parts.
 */

/** A value GLPI makes up per page load or per item: digits in it, or the login form's `field[abc]<uniqid>` names. */
export function isRandom(value: string): boolean {
	return /\d/.test(value) || /^field[a-z][0-9a-f]{8,}$/i.test(value);
}

/** GLPI's CSRF field is in every form: never what a user means. */
const PLUMBING_NAMES = /^_glpi_csrf_token$/;

/** A `name` worth keying on: GLPI's field names are fixed (itilcategories_id, status, urgency); some carry ids. */
export const isStableName = (name: string) => name.length > 0 && name.length <= 64 && !/\d{3,}|\[\d+\]/.test(name) && !/^field[a-z][0-9a-f]{8,}$/i.test(name) && !PLUMBING_NAMES.test(name);

/**
 * Bootstrap and Tabler layout utilities, icons and state classes: they change with the layout, the theme, the
 * GLPI version or a click (show, active, collapsed), so they say nothing stable about an element.
 */
const UNSTABLE_CLASS =
	/^(d|m[trblxyse]?|p[trblxyse]?|col|row|g[xy]?|w|h|mw|mh|flex|text|bg|border|rounded|shadow|fs|fw|lh|align|justify|order|position|top|bottom|start|end|float|overflow|opacity|gap|fa|ti|fas|far|fab|fal|btn-(sm|lg|ghost)|animate)(-|$)|^(show|active|collapsed|collapse|fade|disabled|selected|focus|hover|open|loading|dropdown-toggle|is-invalid|is-valid|was-validated)$/;

const attrFilter = (name: string, value: string) => {
	if (value.length === 0 || value.length > 64 || isRandom(value)) return name === 'data-searchopt-id' || name === 'data-searchopt-content-id' ? /^\d+$/.test(value) : false;
	return /^(name|role|type|data-bs-toggle|data-testid|data-itemtype|data-glpi-[a-z-]+)$/.test(name) && (name !== 'name' || isStableName(value));
};

const finderOptions = (doc: Document) => ({
	root: doc.documentElement,
	idName: (id: string) => !isRandom(id) && !id.startsWith('gx-') && id.length <= 64,
	className: (name: string) => !isRandom(name) && !UNSTABLE_CLASS.test(name) && !name.startsWith('gx-') && name.length >= 3,
	attr: attrFilter,
	tagName: () => true,
	// A number of checks rather than a time: the same page gives the same selector on a fast and a slow machine.
	maxNumberOfPathChecks: 400,
	timeoutMs: 2000,
	seedMinLength: 1,
	optimizedMinLength: 2,
});

/** Finder's fallback when nothing short is unique is a chain of :nth-of-type from the root: it breaks at the first
 * re-render, so it counts as no selector (the friction is then about the page). */
const isStructural = (selector: string) => (selector.match(/:nth-(of-type|child)\(/g) ?? []).length > 1 || selector.split(/\s+>?\s*/).length > 4;

const unique = (doc: Document, selector: string, element: Element) => {
	try {
		const found = doc.querySelectorAll(selector);
		return found.length === 1 && found[0] === element;
	} catch {
		return false;
	}
};

/** A form field with a name; GLPI's own fields (10 and 11). */
export const FIELD = 'select[name], input[name]:not([type="hidden"]), textarea[name]';
/** Fields, and GLPI's named submit buttons (add, update, search…). */
const NAMED = `${FIELD}, button[name]`;

/** `#itil-form`, or a form known by what it posts to (the timeline's followup, task and solution forms have no id). */
function formScope(form: HTMLFormElement | null, doc: Document): string {
	if (!form) return '';
	const id = form.getAttribute('id');
	if (id && !isRandom(id)) return `#${CSS.escape(id)}`;
	const action = /\/front\/[\w.]+\.php/.exec(form.getAttribute('action') ?? '')?.[0];
	const scope = action ? `form[action*="${action}"]` : '';
	return scope && doc.querySelectorAll(scope).length === 1 ? scope : '';
}

/** The fixed rules for GLPI's own elements; undefined when none applies or the result is not unique. */
function glpiRule(element: Element, doc: Document): string | undefined {
	const tag = element.tagName.toLowerCase();
	const name = element.getAttribute('name');
	if (name && element.matches(NAMED) && isStableName(name)) {
		const scope = formScope(element.closest('form'), doc);
		return `${scope} ${tag}[name="${CSS.escape(name)}"]`.trim();
	}
	if (tag === 'form') return formScope(element as HTMLFormElement, doc) || undefined;
	const option = element.getAttribute('data-searchopt-id');
	if (tag === 'th' && option) return `${GLPI.searchTable} th[data-searchopt-id="${option}"]`;
	const tab = /[?&]_glpi_tab=([^&]+)/.exec(element.closest(GLPI.itemTab)?.getAttribute('href') ?? '')?.[1];
	if (tab) return `a[data-bs-toggle="tab"][href*="_glpi_tab=${tab}"]`;
	// Menu and breadcrumb links to a page without query string: the end of the path is the same at any root_doc.
	const page = tag === 'a' ? /\/(front|ajax|marketplace)\/[\w.]+\.php$/.exec(element.getAttribute('href') ?? '')?.[0] : undefined;
	if (page) return `a[href$="${page}"]`;
	const id = element.getAttribute('id');
	if (id && !isRandom(id) && !id.startsWith('gx-')) return `#${CSS.escape(id)}`;
	return undefined;
}

/** A selector that finds exactly `element` on its page and survives re-renders, or undefined when none does. */
export function selectorFor(element: Element, doc: Document = element.ownerDocument): string | undefined {
	const rule = glpiRule(element, doc);
	if (rule && unique(doc, rule, element)) return rule;
	try {
		const found = finder(element, finderOptions(doc));
		return unique(doc, found, element) && !isStructural(found) ? found : undefined;
	} catch {
		return undefined;
	}
}
