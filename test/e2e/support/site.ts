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
	/** An open ticket (central). */
	ticketForm: string;
	/** A closed ticket (central), a sub-folder ticket, the self-service home: loopback only. */
	closedTicketForm?: string;
	subfolderTicketForm?: string;
	helpdeskHome?: string;
	/** The category the open ticket shows (checked in the context of a captured idea); unknown on a live GLPI. */
	ticketCategory?: string;
	/** What the context of a signal from the open ticket must hold; unknown on a live GLPI. */
	ticketContext?: Record<string, unknown>;
	/** Logs the browser in when GLPI needs it (live); a no-op on loopback. */
	ensureLoggedIn(page: Page): Promise<void>;
	close(): Promise<void>;
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
		...(paths.closedTicketForm ? { closedTicketForm: `${server.central}${paths.closedTicketForm}` } : {}),
		...(paths.subfolderTicketForm ? { subfolderTicketForm: `${server.central}${paths.subfolderTicketForm}` } : {}),
		helpdeskHome: `${server.helpdesk}${paths.helpdeskHome}`,
		ticketCategory: captured ? 'Network > VPN' : 'Printing',
		ticketContext: { itemId: captured ? 5 : 7, glpiVersion: '10.0.17', category: captured ? 'Network > VPN' : 'Printing', status: 'assigned' },
		ensureLoggedIn: async () => undefined,
		close: () => server.close(),
	};
}

/**
 * A real GLPI: the login form's field names are random (`fielda<uniqid>`, FACTS.md §1.3 item 8), so it is filled by
 * the ids #login_name and #login_password. The first ticket of the ticket list is the one the scenarios use.
 */
function liveSite({ url, user, password }: { url: string; user: string; password: string }): GlpiSite {
	let ticketForm = '';
	const site: GlpiSite = {
		live: true,
		central: url,
		get ticketForm() {
			return ticketForm;
		},
		async ensureLoggedIn(page) {
			await page.goto(`${url}/front/central.php`);
			if (await page.locator('#login_name').count()) {
				await page.locator('#login_name').fill(user);
				await page.locator('#login_password').fill(password);
				await Promise.all([page.waitForURL((next) => !/\/(index\.php)?$/.test(next.pathname) || next.pathname.includes('/front/'), { timeout: 30_000 }), page.locator('#login_password').press('Enter')]);
				if (await page.locator('#login_name').count()) throw new Error(`GLPI at ${url} refused the login of ${user}: check GLPI_USER and GLPI_PASSWORD`);
			}
			if (!ticketForm) {
				await page.goto(`${url}/front/ticket.php`);
				const href = await page.locator('a[href*="/front/ticket.form.php?id="]').first().getAttribute('href', { timeout: 15_000 });
				if (!href) throw new Error(`GLPI at ${url} shows no ticket to this user: the scenarios need at least one`);
				ticketForm = new URL(href, url).href;
			}
		},
		close: async () => undefined,
	};
	return site;
}
