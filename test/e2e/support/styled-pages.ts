import { existsSync, readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CAPTURED_DIR, SHARED } from '../../support/glpi-pages';

/**
 * GLPI 10.0.17 pages with GLPI's own look (../shared/glpi/pages/10.0.17/styled, its README): GLPI's DOM after its
 * scripts ran, each element carrying its computed style, no GLPI script. Served on loopback at the paths GLPI served
 * them (central pages on 127.0.0.1, self-service ones on localhost), each opened at the viewport it was taken at.
 */
export const STYLED_DIR = join(SHARED, 'glpi/pages/10.0.17/styled');
export const hasStyledPages = process.env.GX_NO_SHARED !== '1' && existsSync(join(STYLED_DIR, 'README.md'));
export const SKIP_STYLED = 'needs ../shared/glpi/pages/10.0.17/styled (GLPI 10.0.17 pages with their styles, beside the project); skipped';

export interface StyledPage {
	file: string;
	kind: 'list' | 'form' | 'home';
	/** Path and query GLPI served it at. */
	path: string;
	helpdesk: boolean;
	viewport: { width: number; height: number };
}

const PATHS: [RegExp, string][] = [
	[/^subfolder_central_ticket_list/, '/glpi/front/ticket.php'],
	[/ticket_list/, '/front/ticket.php'],
	[/ticket_form_id1_|form_id1_/, '/front/ticket.form.php?id=1'],
	[/solved_id8/, '/front/ticket.form.php?id=8'],
	[/closed_id19/, '/front/ticket.form.php?id=19'],
	[/form_id31/, '/front/ticket.form.php?id=31'],
	[/helpdesk_home/, '/front/helpdesk.public.php'],
];

export const STYLED_PAGES: StyledPage[] = [
	'central_ticket_list_1280x800',
	'central_ticket_list_1366x768',
	'central_ticket_list_1440x900',
	'central_ticket_list_1920x1080',
	'fr_central_ticket_list_1440x900',
	'subfolder_central_ticket_list_1440x900',
	'helpdesk_ticket_list_1440x900',
	'central_ticket_form_id1_1280x800',
	'central_ticket_form_id1_1440x900',
	'central_ticket_form_solved_id8_1440x900',
	'central_ticket_form_closed_id19_1440x900',
	'fr_central_ticket_form_id1_1440x900',
	'helpdesk_ticket_form_id31_1440x900',
	'helpdesk_home_1440x900',
].map((file) => {
	const [, width, height] = /_(\d+)x(\d+)$/.exec(file) ?? [];
	return {
		file,
		kind: file.includes('_list') ? 'list' : file.includes('_form') ? 'form' : 'home',
		path: PATHS.find(([pattern]) => pattern.test(file))?.[1] ?? '/',
		helpdesk: file.startsWith('helpdesk_'),
		viewport: { width: Number(width), height: Number(height) },
	};
});

export interface StyledServer {
	central: string;
	helpdesk: string;
	/** Makes `page` the one GLPI answers at its path, and returns its URL. */
	show(page: StyledPage): string;
	close(): Promise<void>;
}

/**
 * One server for all the styled pages: several share a path (the list at four widths), so the test says which one
 * answers next. GLPI's CSV export of a search (the patterns' other scopes, similar tickets) is the captured export.
 */
export async function startStyledServer(): Promise<StyledServer> {
	const current = { central: new Map<string, string>(), helpdesk: new Map<string, string>() };
	const cache = new Map<string, Buffer>();
	const read = (file: string) => {
		const known = cache.get(file);
		if (known) return known;
		const body = readFileSync(join(STYLED_DIR, `${file}.html`));
		cache.set(file, body);
		return body;
	};
	const csv = join(CAPTURED_DIR, '10.0.17_export_ticket_list_all.csv');
	const server: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://x');
		const table = (request.headers.host ?? '').startsWith('localhost') ? current.helpdesk : current.central;
		if (url.pathname.endsWith('/front/report.dynamic.php') && existsSync(csv)) {
			response.writeHead(200, { 'content-type': 'text/csv; charset=UTF-8', 'cache-control': 'no-store' }).end(readFileSync(csv));
			return;
		}
		const file = table.get(url.pathname + url.search) ?? table.get(url.pathname);
		if (!file) {
			response.writeHead(404, { 'content-type': 'text/plain' }).end();
			return;
		}
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(read(file));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const central = `http://127.0.0.1:${port}`;
	const helpdesk = `http://localhost:${port}`;
	return {
		central,
		helpdesk,
		show(page) {
			(page.helpdesk ? current.helpdesk : current.central).set(page.path, page.file);
			return `${page.helpdesk ? helpdesk : central}${page.path}`;
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** The styled page named `file` (without .html). */
export const styledPage = (file: string): StyledPage => {
	const page = STYLED_PAGES.find((entry) => entry.file === file);
	if (!page) throw new Error(`no styled page ${file}`);
	return page;
};

/** Its HTML, for a benchmark that builds a larger page from it. */
export const styledHtml = (file: string) => readFileSync(join(STYLED_DIR, `${file}.html`), 'utf8');
