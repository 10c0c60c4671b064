import { FIELD, selectorFor } from './element-selector';
import { GLPI } from './selectors';

/**
 * From what a user points at to what a signal names: the element they mean, its selector (element-selector.ts) and
 * the words GLPI shows for it.
 */

/** Our own injected UI: the hosts of WXT shadow roots are custom elements named gx-…, and our attributes start with data-gx. */
export const isOwnUi = (element: Element) => element.closest('[data-gx-ui]') !== null || /^GX-/i.test(element.tagName) || hasGxHost(element);

function hasGxHost(element: Element): boolean {
	const root = element.getRootNode();
	return root instanceof ShadowRoot && /^gx-/i.test(root.host.tagName);
}

/**
 * What the user meant when they pointed at `element`: the real <select> behind Select2's box, the field of a
 * field's label, the column of a list cell (a row is one ticket, the column is the friction), the button around an
 * icon. Returns null for our own UI and for the page itself.
 */
export function resolveTarget(element: Element): Element | null {
	if (isOwnUi(element) || element === element.ownerDocument.body || element === element.ownerDocument.documentElement) return null;
	const select2 = element.closest(GLPI.select2);
	const hidden = select2?.previousElementSibling;
	if (hidden?.matches('select[name]')) return hidden;
	const label = element.closest(GLPI.fieldLabel);
	const field = label?.closest(GLPI.formField)?.querySelector(FIELD);
	if (field) return field;
	const cell = element.closest('td, th');
	const table = cell?.closest(GLPI.searchTable);
	if (cell && table) return columnHeader(table, cell as HTMLTableCellElement) ?? cell;
	// matches() first: the element itself when it is interactive (happy-dom also hands out a select's proxy, not the
	// select, from closest()).
	const INTERACTIVE = 'a, button, [role="button"], select, input, textarea, summary, label, th';
	return element.matches(INTERACTIVE) ? element : (element.closest(INTERACTIVE) ?? element);
}

/** GLPI 11 cells carry data-searchopt-content-id; GLPI 10 cells do not, so the header of the same column index. */
function columnHeader(table: Element, cell: HTMLTableCellElement): Element | null {
	const option = cell.getAttribute('data-searchopt-content-id');
	if (option) return table.querySelector(`th[data-searchopt-id="${option}"]`);
	return table.querySelector('thead tr')?.children.item(cell.cellIndex) ?? null;
}

const clean = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim().slice(0, 200) || undefined;

/**
 * What GLPI calls the element, in the user's language: a field's label, a column's header, a tab's or a button's
 * words. Link and cell texts are not used: in GLPI they are ticket titles and people's names, which stay here.
 */
export function labelFor(element: Element): string | undefined {
	const field = element.matches(FIELD) ? element.closest(GLPI.formField)?.querySelector(GLPI.fieldLabel) : null;
	if (field) return clean(field.textContent) ?? clean(field.querySelector('[title]')?.getAttribute('title'));
	if (element.matches('th')) return clean(element.textContent);
	if (element.matches('button, [role="button"], a.nav-link, a.dropdown-item, summary')) return clean(element.getAttribute('title')) ?? clean(element.textContent);
	if (element.matches('input[type="submit"], input[type="button"]')) return clean(element.getAttribute('value'));
	return clean(element.getAttribute('aria-label')) ?? clean(element.getAttribute('title'));
}

/** Everything a friction signal says about an element, or undefined for the page itself. */
export function targetOf(element: Element): { selector: string; label?: string } | undefined {
	const resolved = resolveTarget(element);
	const selector = resolved ? selectorFor(resolved) : undefined;
	if (!resolved || !selector) return undefined;
	const label = labelFor(resolved);
	return label ? { selector, label } : { selector };
}

/**
 * The box a user sees for an element: GLPI hides a Select2 dropdown's real <select> and shows `span.select2` right
 * after it (10 and 11), so a highlight or a marker goes on that box.
 */
export function visibleElementOf(element: Element): Element {
	const next = element.nextElementSibling;
	if (element.matches('select') && next?.matches(GLPI.select2)) return next;
	return element;
}
