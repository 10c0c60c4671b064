import { GLPI } from './selectors';

/**
 * GLPI's CSV export of a ticket search (front/report.dynamic.php, FACTS §1.1), read with the user's own GLPI session:
 * the content script fetches it from the GLPI page's own origin with the session cookie; no token of ours is ever
 * involved, and the backend never sees it.
 *
 * Why the export of the list's *own* search, with no criteria added: report.dynamic.php hands its query to
 * Search::manageParams with the session on (GLPI 10.0.17, front/report.dynamic.php and src/Search.php), which
 * stores the criteria, sort and start in $_SESSION['glpisearch']['Ticket']. A criterion of ours (a period on the
 * opening date) would then come back as the user's own search the next time they open the ticket list. Sending the
 * list's search as GLPI's own "All pages in CSV" link does leaves the session as it was; the period is applied in
 * the browser on the opening date, and the size is bounded here (bytes) and in the background (tickets).
 */

/** The most read from one export: about 10,000 rows of GLPI's default columns. */
export const MAX_EXPORT_BYTES = 2_000_000;

/** Query parameters of a search that say which tickets it holds (the rest is display). */
const SEARCH_PARAM = /^(criteria|metacriteria|sort|order)\[|^(is_deleted|start)$/;

export interface ExportRequest {
	/** What is fetched. */
	url: string;
	/** What the tickets are cached by: the URL without `start` (an export of all pages starts at 0 anyway). */
	key: string;
}

/**
 * The export of every page of a ticket search. With no search, GLPI exports the search it keeps in the session for
 * the user (or its default ticket search), and leaves it as it was.
 */
export function exportRequest(search: URLSearchParams | undefined, pageUrl: URL, rootDoc: string): ExportRequest {
	const url = new URL(`${rootDoc}/front/report.dynamic.php`, pageUrl);
	url.searchParams.set('item_type', 'Ticket');
	// Kept in their order: PHP numbers criteria in the order they arrive, and the first one's link is ignored.
	for (const [name, value] of search ?? []) if (SEARCH_PARAM.test(name)) url.searchParams.append(name, value);
	// 3 is CSV (Search::CSV_OUTPUT); export_all drops the page limit and starts at the first row (10.0.17).
	url.searchParams.set('display_type', '3');
	url.searchParams.set('export_all', '1');
	const key = new URL(url);
	key.searchParams.delete('start');
	return { url: url.href, key: key.href };
}

/**
 * The search a ticket list shows: from the list's own export menu when the page has one (it holds the search GLPI
 * really ran, also after an AJAX re-render, or when the URL has no query), else from the page's URL.
 */
export function listSearchOf(doc: Document, pageUrl: URL): URLSearchParams {
	const link = doc.querySelector(GLPI.exportCsvLink);
	return (link ? new URL(link.getAttribute('href') ?? '', pageUrl) : pageUrl).searchParams;
}

/** Where the text can be cut to keep whole records: GLPI ends each line with ';' and starts each with the quoted ID. */
const RECORD_START = /;\r?\n(?="\d)/g;

export function cutAtLastRecord(text: string): string {
	let end = -1;
	for (const match of text.matchAll(RECORD_START)) end = match.index + match[0].length;
	return end > 0 ? text.slice(0, end) : '';
}

export class ExportError extends Error {
	constructor(readonly reason: 'http' | 'not-csv' | 'network', detail: string) {
		super(detail);
		this.name = 'ExportError';
	}
}

/**
 * Fetches the export with the session cookie (same origin), up to `maxBytes`: past that the download stops and the
 * text is cut after its last whole record (`truncated`). A logged-out session answers with the login page, which is
 * not CSV: that is an ExportError('not-csv').
 */
export async function fetchExport(url: string, options: { signal?: AbortSignal; maxBytes?: number; fetch?: typeof fetch } = {}): Promise<{ text: string; truncated: boolean }> {
	const maxBytes = options.maxBytes ?? MAX_EXPORT_BYTES;
	let response: Response;
	try {
		response = await (options.fetch ?? fetch)(url, { credentials: 'include', cache: 'no-store', ...(options.signal ? { signal: options.signal } : {}) });
	} catch (error) {
		if (options.signal?.aborted) throw error;
		throw new ExportError('network', String(error));
	}
	if (!response.ok) throw new ExportError('http', `HTTP ${response.status}`);
	// GLPI 10 sends Content-type: text/csv with a UTF-8 byte order mark (Search::showHeader).
	if (!/csv/i.test(response.headers.get('content-type') ?? '')) throw new ExportError('not-csv', response.headers.get('content-type') ?? 'no content type');
	const reader = response.body?.getReader();
	if (!reader) return { text: await response.text(), truncated: false };
	const decoder = new TextDecoder('utf-8');
	let text = '';
	let bytes = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes += value.byteLength;
		text += decoder.decode(value, { stream: true });
		if (bytes >= maxBytes) {
			await reader.cancel();
			return { text: cutAtLastRecord(text), truncated: true };
		}
	}
	return { text: text + decoder.decode(), truncated: false };
}
