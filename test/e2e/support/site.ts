import type { Page } from 'playwright-core';
import { type GlpiServer, startGlpiServer } from './glpi-server';

/**
 * Where the end-to-end scenarios find GLPI: the captured pages on loopback (central on 127.0.0.1, self-service on
 * localhost, a root and a /glpi install), or a live GLPI when GLPI_URL, GLPI_USER and GLPI_PASSWORD are set, logged
 * into through its real login form. A live instance has one account, so the scenarios that need another interface or
 * another install are skipped there, with the reason.
 */
export interface GlpiSite {
	live: boolean;
	/** Base of the central interface (with the sub-folder, no trailing slash), also the GLPI address for the options. */
	central: string;
	/** Base of the self-service interface on loopback; undefined on a live GLPI. */
	helpdesk?: string;
	/** An open ticket (central). On a live GLPI it is known once ensureLoggedIn has run: reading it before throws. */
	ticketForm: string;
	/** The default ticket list (central). */
	ticketList: string;
	/** Every ticket, newest first: GLPI's own search URL (status "all", sorted by opening date); fixtures have none. */
	ticketListAll?: string;
	/** A closed ticket (central): on a live GLPI, the first closed ticket the user sees, if any, once logged in. */
	closedTicketForm?: string;
	/** A sub-folder ticket, the self-service home: loopback only. */
	subfolderTicketForm?: string;
	helpdeskHome?: string;
	/** The category the open ticket shows (checked in the context of a captured idea); unknown on a live GLPI. */
	ticketCategory?: string;
	/** What the context of a signal from the open ticket must hold; unknown on a live GLPI. */
	ticketContext?: Record<string, unknown>;
	/** Logs the browser in when GLPI needs it (live); a no-op on loopback. */
	ensureLoggedIn(page: Page): Promise<void>;
	/**
	 * Opens a ticket form (the open ticket by default) and waits for what GLPI loads by AJAX after the page: the main
	 * tab with the form's fields (FACTS.md §2.2: its tab pane stays empty until then) and, on a live GLPI, the Select2
	 * box GLPI's script puts on the category. Our overlay may show before both: a test reading the form must wait.
	 */
	openTicketForm(page: Page, url?: string): Promise<void>;
	close(): Promise<void>;
}

/** Why a scenario does not run against a live GLPI (vitest's skip message). */
export const LIVE_SKIPS = {
	oneAccount: 'live GLPI: the suite logs in with one account (GLPI_USER), so the self-service interface and a second install are not there',
	oneAddress: 'live GLPI: one address only, so there is no second GLPI address to remove',
} as const;

/** GLPI's search URL for every ticket, newest first (FACTS.md §1.1 and §3.2: field 12 status, 15 opening date). */
const ALL_TICKETS = '/front/ticket.php?criteria%5B0%5D%5Bfield%5D=12&criteria%5B0%5D%5Bsearchtype%5D=equals&criteria%5B0%5D%5Bvalue%5D=all&sort%5B0%5D=15&order%5B0%5D=DESC&reset=reset';
/** GLPI's search URL for the closed tickets (status 6, FACTS.md §4). */
const CLOSED_TICKETS = '/front/ticket.php?criteria%5B0%5D%5Bfield%5D=12&criteria%5B0%5D%5Bsearchtype%5D=equals&criteria%5B0%5D%5Bvalue%5D=6&reset=reset';
const CATEGORY = '#itil-form select[name="itilcategories_id"]';

async function waitForMainTab(page: Page, live: boolean): Promise<void> {
	await page.locator(CATEGORY).first().waitFor({ state: 'attached', timeout: 20_000 });
	if (live) await page.locator(`${CATEGORY} + span.select2`).first().waitFor({ state: 'attached', timeout: 20_000 });
}

export const liveGlpi = () => {
	const { GLPI_URL, GLPI_USER, GLPI_PASSWORD } = process.env;
	return GLPI_URL && GLPI_USER && GLPI_PASSWORD ? { url: GLPI_URL.replace(/\/+$/, ''), user: GLPI_USER, password: GLPI_PASSWORD } : undefined;
};

export async function openSite(): Promise<GlpiSite> {
	const live = liveGlpi();
	return live ? liveSite(live) : loopbackSite(await startGlpiServer());
}

function loopbackSite(server: GlpiServer): GlpiSite {
	const { paths } = server;
	const captured = server.site === 'captured';
	return {
		live: false,
		central: server.central,
		helpdesk: server.helpdesk,
		ticketForm: `${server.central}${paths.ticketForm}`,
		ticketList: `${server.central}${paths.ticketList}`,
		...(paths.ticketListAll ? { ticketListAll: `${server.central}${paths.ticketListAll}` } : {}),
		...(paths.closedTicketForm ? { closedTicketForm: `${server.central}${paths.closedTicketForm}` } : {}),
		...(paths.subfolderTicketForm ? { subfolderTicketForm: `${server.central}${paths.subfolderTicketForm}` } : {}),
		helpdeskHome: `${server.helpdesk}${paths.helpdeskHome}`,
		ticketCategory: captured ? 'Network > VPN' : 'Printing',
		ticketContext: { itemId: captured ? 5 : 7, glpiVersion: '10.0.17', category: captured ? 'Network > VPN' : 'Printing', status: 'assigned' },
		ensureLoggedIn: async () => undefined,
		async openTicketForm(page, url = `${server.central}${paths.ticketForm}`) {
			await page.goto(url);
			await waitForMainTab(page, false);
		},
		close: () => server.close(),
	};
}

/**
 * A real GLPI: the login form's field names are random (`fielda<uniqid>`, FACTS.md §1.3 item 8), so it is filled by
 * the ids #login_name and #login_password. The first ticket of the ticket list is the one the scenarios use.
 */
function liveSite({ url, user, password }: { url: string; user: string; password: string }): GlpiSite {
	let ticketForm = '';
	let closedTicketForm: string | undefined;
	/** The first ticket of a ticket list, as its form's address on the main tab (a list's link may carry a tab). */
	const firstTicket = async (page: Page, list: string) => {
		await page.goto(`${url}${list}`);
		const link = page.locator('table.search-results a[href*="/front/ticket.form.php?id="]').first();
		if ((await link.count()) === 0) return undefined;
		const id = new URL((await link.getAttribute('href')) ?? '', url).searchParams.get('id');
		return `${url}/front/ticket.form.php?id=${id}`;
	};
	const site: GlpiSite = {
		live: true,
		central: url,
		get ticketForm() {
			if (!ticketForm) throw new Error('live GLPI: the open ticket is known once site.ensureLoggedIn(page) has run (it reads the ticket list)');
			return ticketForm;
		},
		get closedTicketForm() {
			return closedTicketForm;
		},
		ticketList: `${url}/front/ticket.php`,
		ticketListAll: `${url}${ALL_TICKETS}`,
		async ensureLoggedIn(page) {
			await page.goto(`${url}/front/central.php`);
			if (await page.locator('#login_name').count()) {
				await page.locator('#login_name').fill(user);
				await page.locator('#login_password').fill(password);
				await Promise.all([page.waitForURL((next) => next.pathname.includes('/front/'), { timeout: 30_000 }), page.locator('#login_password').press('Enter')]);
				// GLPI answers a refused login at /front/login.php itself, with the reason and no redirect.
				if (new URL(page.url()).pathname.endsWith('/front/login.php') || (await page.locator('#login_name').count())) throw new Error(`GLPI at ${url} refused the login of ${user}: check GLPI_USER and GLPI_PASSWORD`);
			}
			if (!ticketForm) {
				const open = await firstTicket(page, '/front/ticket.php');
				if (!open) throw new Error(`GLPI at ${url} shows no ticket to this user: the scenarios need at least one`);
				ticketForm = open;
				closedTicketForm = await firstTicket(page, CLOSED_TICKETS);
			}
		},
		async openTicketForm(page, target) {
			await page.goto(target ?? site.ticketForm);
			await waitForMainTab(page, true);
		},
		close: async () => undefined,
	};
	return site;
}
