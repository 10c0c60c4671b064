// The demo workspace that `npm start` seeds: fixed ids, so seeding again changes nothing (the API is idempotent on
// signal ids, and the workspace and token rows are inserted with INSERT OR IGNORE).

export const DEMO_WORKSPACE = { id: 'demo-workspace', name: 'Demo service desk' };

const day = 86_400_000;
const ago = (days) => new Date(Date.now() - days * day).toISOString();
const ticketPage = { route: '/front/ticket.form.php', kind: 'ticket-form', itemtype: 'Ticket', itemId: 5, interface: 'central', glpiVersion: '10.0.17' };
const selfService = { route: '/front/helpdesk.public.php', kind: 'helpdesk-home', interface: 'helpdesk', glpiVersion: '10.0.17' };
// The selector the extension gives GLPI 10.0.17's category field (glpi/element-selector.ts), so real tags join it.
const category = { selector: '#itil-form select[name="itilcategories_id"]', label: 'Category' };

/** @param {number} n */
const id = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The demo item whose change went in four weeks ago, so the popup's "Check" has something to say. */
export const CHECKED_ITEM_TEXT = 'Which category for a new ticket? The list has 40 entries';

/** @returns {object[]} */
export function demoSignals() {
	const createPage = { route: '/front/helpdesk.public.php', kind: 'helpdesk-create', interface: 'helpdesk', glpiVersion: '10.0.17' };
	const categoryField = { selector: '#itil-form select[name="itilcategories_id"]', label: 'Category' };
	return [
		// Six self-service users stuck on the category field in the 4 weeks before the change, one after it.
		...[30, 33, 37, 41, 46, 52, 9].map((days, index) => ({
			id: id(100 + index),
			kind: 'friction',
			createdAt: ago(days),
			reporter: `demo-selfservice-${index}`,
			page: createPage,
			target: categoryField,
			tags: ['confusing'],
			text: index === 0 ? CHECKED_ITEM_TEXT : undefined,
		})),
		...[1, 2, 3, 4].map((n) => ({
			id: id(n),
			kind: 'friction',
			createdAt: ago(n * 3),
			reporter: `demo-reporter-${n}`,
			page: ticketPage,
			target: category,
			tags: ['confusing', 'too-many-steps'],
			severity: 3,
			text: n === 1 ? 'Finding VPN in the category list takes forever.' : undefined,
		})),
		{ id: id(5), kind: 'idea', createdAt: ago(2), reporter: 'demo-reporter-1', page: ticketPage, text: 'Suggest the VPN troubleshooting article when the category is Network > VPN' },
		{ id: id(6), kind: 'idea', createdAt: ago(1), reporter: 'demo-reporter-2', page: ticketPage, text: 'Suggest the VPN troubleshooting article when category is Network > VPN!' },
		{ id: id(7), kind: 'idea', createdAt: ago(5), reporter: 'demo-reporter-5', page: selfService, text: 'Proposer un formulaire simple pour réinitialiser son mot de passe' },
		{ id: id(8), kind: 'bug', createdAt: ago(4), reporter: 'demo-reporter-3', page: ticketPage, severity: 4, text: 'Saving a followup sometimes loses the attached screenshot' },
		{ id: id(9), kind: 'praise', createdAt: ago(6), reporter: 'demo-reporter-4', page: selfService, text: 'The new FAQ on printers is really clear, thanks!' },
		{
			id: id(10),
			kind: 'pattern',
			createdAt: ago(1),
			reporter: 'demo-reporter-1',
			page: { route: '/front/ticket.php', kind: 'ticket-list', interface: 'central', glpiVersion: '10.0.17' },
			pattern: { type: 'duplicates', size: 6, signature: 'vpn disconnect', ticketIds: [1, 2, 3, 4, 5, 6], categoryId: 2 },
		},
		{
			id: id(11),
			kind: 'auto-friction',
			createdAt: ago(0.5),
			reporter: 'demo-reporter-2',
			page: { route: '/front/ticket.php', kind: 'ticket-list', interface: 'central', glpiVersion: '10.0.17' },
			target: { selector: 'th[data-searchopt-id="15"]', label: 'Opening date' },
			tags: ['rage-click'],
			count: 4,
		},
	].map((signal) => Object.fromEntries(Object.entries(signal).filter(([, value]) => value !== undefined)));
}
