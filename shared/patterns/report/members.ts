import { escapeHtml as e } from './charts';
import type { Labels } from './labels';
import { ticketUrl } from './ticket-links';

/**
 * The tickets of a group in the HTML report: the first TOP_MEMBERS at once, the next MORE_MEMBERS in a closed
 * <details> (no script: the report's Content-Security-Policy forbids it), the rest in the JSON. Every member with
 * its title used to be written out: a 473,000-ticket export made a 3.7 MB report with 56,000 list items (issue 16).
 */
export const TOP_MEMBERS = 5;
/**
 * Past 50 members in all, a group's list only slows the report down: closed, a <details> is not laid out, but its
 * items are still parsed and styled. With 200 more per group, the 473,000-ticket report took 1.2 s to open against
 * 0.5 s without them (Chromium, median of 5).
 */
export const MORE_MEMBERS = 45;

export interface MemberContext {
	labels: Labels;
	/** Titles by ticket id; empty when the report was given none. */
	titles: ReadonlyMap<number, string>;
	/** GLPI's root address (glpiRoot), to make ticket ids links. */
	glpiRoot?: string;
}

/** "#12", as a link to the ticket in GLPI when its address is known. */
export function ticketRef(id: number, context: MemberContext): string {
	if (context.glpiRoot === undefined) return `#${id}`;
	return `<a href="${e(ticketUrl(context.glpiRoot, id))}" rel="noreferrer">#${id}</a>`;
}

function item(id: number, context: MemberContext): string {
	const title = context.titles.get(id);
	return `<li>${ticketRef(id, context)}${title ? ` ${e(title)}` : ''}</li>`;
}

/** A group's members: the first few, then the next ones on demand, then how many only the JSON holds. */
export function memberList(ids: readonly number[], context: MemberContext): string {
	const top = ids.slice(0, TOP_MEMBERS);
	const next = ids.slice(TOP_MEMBERS, TOP_MEMBERS + MORE_MEMBERS);
	const left = ids.length - top.length - next.length;
	const list = (part: readonly number[]) => `<ul class="tickets">${part.map((id) => item(id, context)).join('')}</ul>`;
	if (next.length === 0) return list(top);
	const rest = left > 0 ? `<p class="muted">${e(context.labels.more(left))}</p>` : '';
	return `${list(top)}<details><summary>${e(context.labels.moreMembers(ids.length - top.length))}</summary>${list(next)}${rest}</details>`;
}
