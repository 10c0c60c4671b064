import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CAPTURED_DIR, PROJECT_ROOT, capturedPageAsShown, capturedPages, fixtureHtml, hasCapturedPages } from '../../support/glpi-pages';

/**
 * GLPI pages on loopback for the end-to-end tests. The captured GLPI 10.0.17 pages are served at the URLs they were
 * captured from; central pages answer on 127.0.0.1 and self-service pages on localhost (both loopback), because both
 * profiles have pages at the same paths. GLPI loads the main tab of every item form by AJAX with its own scripts,
 * which are not here: the server puts the captured main-tab fragment into the page's empty tab pane instead
 * (pages/README.md, "Serving them on loopback"). Without ../shared, our own fixture pages are served.
 */
export interface GlpiServer {
	/** Base URL of the central profile, e.g. http://127.0.0.1:41234 */
	central: string;
	/** Base URL of the self-service profile (same port, other loopback name). */
	helpdesk: string;
	/** Which pages are served: the real captures or our fixtures. */
	site: 'captured' | 'fixtures';
	/** Paths of notable pages on this site. */
	paths: { ticketForm: string; ticketList: string; helpdeskHome: string; subfolderTicketForm?: string; closedTicketForm?: string; ticketListAll?: string };
	close(): Promise<void>;
}

function capturedRoutes(): { central: Map<string, string>; helpdesk: Map<string, string> } {
	const central = new Map<string, string>();
	const helpdesk = new Map<string, string>();
	for (const page of capturedPages().filter((entry) => entry.full)) {
		const html = capturedPageAsShown(page);
		const key = page.url.pathname + page.url.search;
		(page.name.includes('_selfservice_') ? helpdesk : central).set(key, html);
	}
	return { central, helpdesk };
}

function fixtureRoutes(): { central: Map<string, string>; helpdesk: Map<string, string> } {
	return {
		central: new Map([
			['/front/ticket.form.php?id=7', fixtureHtml('10/ticket-form.html')],
			['/front/ticket.php', fixtureHtml('10/ticket-list.html')],
			['/support/front/ticket.form.php?id=12', fixtureHtml('11/ticket-form.html')],
			['/index.php', fixtureHtml('login.html')],
		]),
		helpdesk: new Map([['/support/Helpdesk', fixtureHtml('11/helpdesk-home.html')]]),
	};
}

export async function startGlpiServer(): Promise<GlpiServer> {
	const site = hasCapturedPages ? 'captured' : 'fixtures';
	const routes = site === 'captured' ? capturedRoutes() : fixtureRoutes();
	// GLPI's CSV export of a ticket search (front/report.dynamic.php, FACTS §1.1): whatever the search asks, the
	// captured export of all tickets (;-separated, with its BOM), or our fixture's.
	const exportCsv = readFileSync(site === 'captured' ? join(CAPTURED_DIR, '10.0.17_export_ticket_list_all.csv') : join(PROJECT_ROOT, 'test/fixtures/glpi/10/ticket-export.csv'));
	const server: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://x');
		const host = (request.headers.host ?? '').split(':')[0];
		const table = host === 'localhost' ? routes.helpdesk : routes.central;
		if (url.pathname.endsWith('/front/report.dynamic.php') && url.searchParams.get('display_type') === '3') {
			response.writeHead(200, { 'content-type': 'text/csv; charset=UTF-8', 'cache-control': 'no-store' }).end(exportCsv);
			return;
		}
		const html = table.get(url.pathname + url.search) ?? table.get(url.pathname);
		if (html === undefined) {
			// GLPI's own scripts, styles and AJAX endpoints are not part of the capture.
			response.writeHead(404, { 'content-type': 'text/plain' }).end();
			return;
		}
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const paths =
		site === 'captured'
			? {
					ticketForm: '/front/ticket.form.php?id=5',
					closedTicketForm: '/front/ticket.form.php?id=1',
					ticketList: '/front/ticket.php',
					helpdeskHome: '/front/helpdesk.public.php',
					subfolderTicketForm: '/glpi/front/ticket.form.php?id=5',
					// All 20 of the 23 tickets on the first page, newest first (the default list shows the open ones).
					ticketListAll: '/front/ticket.php?criteria%5B0%5D%5Bfield%5D=12&criteria%5B0%5D%5Bsearchtype%5D=equals&criteria%5B0%5D%5Bvalue%5D=all&sort%5B0%5D=15&order%5B0%5D=DESC&reset=reset',
				}
			: { ticketForm: '/front/ticket.form.php?id=7', ticketList: '/front/ticket.php', helpdeskHome: '/support/Helpdesk' };
	return {
		central: `http://127.0.0.1:${port}`,
		helpdesk: `http://localhost:${port}`,
		site,
		paths,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
