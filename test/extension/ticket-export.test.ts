import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EXPORT_TTL_MS, MAX_EXPORTS, MAX_EXPORT_TICKETS, cachedExport, clearExports, storeExport } from '../../extension/background/export-cache';
import { exportPatterns } from '../../extension/background/pattern-handlers';
import { buildSignal } from '../../extension/background/queue';
import type { OverlayConfig } from '../../extension/core/messaging';
import type { ClusterView } from '../../extension/core/pattern-messages';
import { maySuggestProblems, patternSignalDraft } from '../../extension/core/pattern-signal';
import { ExportError, cutAtLastRecord, exportRequest, fetchExport, listSearchOf } from '../../extension/glpi/csv-export';
import { CAPTURED_DIR, PROJECT_ROOT, SKIP_CAPTURED, capturedPages, fixtureHtml, hasCapturedPages } from '../support/glpi-pages';

const BOM = '\uFEFF';
const fixtureCsv = () => readFileSync(join(PROJECT_ROOT, 'test/fixtures/glpi/10/ticket-export.csv'), 'utf8');
const csvOf = (header: string, rows: string[]) => `${BOM}${header}\n${rows.join('\n')}\n`;
const ENGLISH = '"ID";"Title";"Status";"Opening date";"Category";';
const FRENCH = '"ID";"Titre";"Statut";"Date d\'ouverture";"Catégorie";';

/** A response as GLPI 10 sends it (text/csv), in chunks of `chunk` bytes so that the byte limit can cut it. */
const csvResponse = (text: string, contentType = 'text/csv; charset=UTF-8', chunk = 64) => {
	const bytes = new TextEncoder().encode(text);
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			for (let at = 0; at < bytes.length; at += chunk) controller.enqueue(bytes.slice(at, at + chunk));
			controller.close();
		},
	});
	return new Response(body, { headers: { 'content-type': contentType } });
};

describe("the request for GLPI's export", () => {
	it("exports every page of the list's own search, same origin, under GLPI's sub-folder", () => {
		const page = new URL('https://glpi.example.org/glpi/front/ticket.php?criteria[0][field]=12&criteria[0][searchtype]=equals&criteria[0][value]=notold&sort[0]=15&order[0]=DESC&start=40&itemtype=Ticket&as_map=0');
		const { url, key } = exportRequest(listSearchOf(new DOMParser().parseFromString('<p></p>', 'text/html'), page), page, '/glpi');
		const parsed = new URL(url);
		expect(parsed.origin + parsed.pathname).toBe('https://glpi.example.org/glpi/front/report.dynamic.php');
		expect(Object.fromEntries(parsed.searchParams)).toEqual({
			item_type: 'Ticket',
			'criteria[0][field]': '12',
			'criteria[0][searchtype]': 'equals',
			'criteria[0][value]': 'notold',
			'sort[0]': '15',
			'order[0]': 'DESC',
			start: '40',
			display_type: '3',
			export_all: '1',
		});
		// The next page of the same search is the same export.
		expect(new URL(key).searchParams.has('start')).toBe(false);
	});

	it.skipIf(!hasCapturedPages)(`reads the search from the list's own export menu (${hasCapturedPages ? 'captured list' : SKIP_CAPTURED})`, () => {
		const html = capturedPages().find((entry) => entry.name === '10.0.17_ticket_list_all_sorted_by_date')?.html ?? '';
		const doc = new DOMParser().parseFromString(html, 'text/html');
		const search = listSearchOf(doc, new URL('http://127.0.0.1/front/ticket.php'));
		expect([...search.keys()].some((name) => name.startsWith('sort['))).toBe(true);
	});

	it('uses the fixture list when the export menu is missing: the page URL', () => {
		const doc = new DOMParser().parseFromString(fixtureHtml('10/ticket-list.html'), 'text/html');
		expect(listSearchOf(doc, new URL('http://127.0.0.1/front/ticket.php?sort[0]=2')).get('sort[0]')).toBeTruthy();
	});
});

describe('downloading the export', () => {
	it('reads the CSV with the session cookie, no token', async () => {
		let init: RequestInit | undefined;
		const result = await fetchExport('https://glpi.example.org/front/report.dynamic.php', {
			fetch: async (_url, options) => {
				init = options;
				return csvResponse(fixtureCsv());
			},
		});
		// TextDecoder drops the byte order mark; the parser reads the file with or without it.
		expect(result).toEqual({ text: fixtureCsv().replace(/^\uFEFF/, ''), truncated: false });
		expect(init?.credentials).toBe('include');
		expect(JSON.stringify(init?.headers ?? {})).not.toMatch(/authorization/i);
	});

	it('stops at the byte limit and keeps whole records only', async () => {
		const text = csvOf(ENGLISH, Array.from({ length: 50 }, (_, i) => `"${i + 1}";"Ticket number ${i + 1}";"New";"2026-11-20 09:00";"Email";`));
		const result = await fetchExport('x', { maxBytes: 600, fetch: async () => csvResponse(text) });
		expect(result.truncated).toBe(true);
		expect(result.text.length).toBeLessThan(text.length);
		expect(result.text.endsWith(';\n')).toBe(true);
		expect(result.text.split('\n').filter(Boolean).every((line) => line.endsWith(';'))).toBe(true);
		expect(cutAtLastRecord('"ID";"Title";\n"1";"half a rec')).toBe('"ID";"Title";\n');
	});

	it("names a logged-out session (GLPI's login page instead of CSV) and an HTTP error", async () => {
		await expect(fetchExport('x', { fetch: async () => csvResponse('<!DOCTYPE html><html>login</html>', 'text/html; charset=UTF-8') })).rejects.toMatchObject({ name: 'ExportError', reason: 'not-csv' });
		await expect(fetchExport('x', { fetch: async () => new Response('', { status: 500 }) })).rejects.toMatchObject({ reason: 'http' });
		await expect(fetchExport('x', { fetch: async () => Promise.reject(new TypeError('Failed to fetch')) })).rejects.toBeInstanceOf(ExportError);
	});
});

describe('the export cache of the background', () => {
	beforeEach(async () => {
		fakeBrowser.reset();
		await clearExports();
	});

	it("parses GLPI's ';' CSV with its byte order mark, English headers", async () => {
		const entry = await storeExport('k', fixtureCsv(), false, 1000);
		expect(entry.tickets).toHaveLength(11);
		expect(entry.tickets[0]).toMatchObject({ id: 11, title: 'VPN drops every few minutes', category: 'Network > VPN' });
		expect(entry.truncated).toBe(false);
	});

	it('parses French headers and day-first dates', async () => {
		const entry = await storeExport('fr', csvOf(FRENCH, ['"7";"Imprimante bloquée";"Clos";"05-11-2026 16:20";"Impression";', '"8";"Imprimante bloquée encore";"Nouveau";"17-11-2026 11:45";"Impression";']), false, 1000);
		expect(entry.tickets.map((ticket) => [ticket.id, ticket.title, ticket.category])).toEqual([
			[8, 'Imprimante bloquée encore', 'Impression'],
			[7, 'Imprimante bloquée', 'Impression'],
		]);
		expect(new Date(entry.tickets[1]?.openedAt ?? 0).getUTCMonth()).toBe(10);
	});

	it('refuses a file that is no ticket export, and names the line of a broken record', async () => {
		await expect(storeExport('a', `${BOM}"Name";"Serial";\n"PC-1";"123";\n`, false)).rejects.toThrow(/ID/);
		await expect(storeExport('b', csvOf(ENGLISH, ['"1";"Fine";"New";"2026-11-20 09:00";"Email";', '"2";"Unclosed quote;"New";"2026-11-20 09:00";"Email";']), false)).rejects.toThrow(/line 3/);
		expect(await cachedExport('a')).toBeUndefined();
	});

	it(`keeps at most ${MAX_EXPORTS} searches, for ${EXPORT_TTL_MS / 60_000} minutes, and the newest ${MAX_EXPORT_TICKETS} tickets of each`, async () => {
		for (let i = 0; i <= MAX_EXPORTS; i++) await storeExport(`search ${i}`, fixtureCsv(), false, 1000 + i);
		expect(await cachedExport('search 0', 2000)).toBeUndefined();
		expect(await cachedExport(`search ${MAX_EXPORTS}`, 2000)).toBeDefined();
		expect(await cachedExport(`search ${MAX_EXPORTS}`, 1000 + MAX_EXPORTS + EXPORT_TTL_MS)).toBeUndefined();

		const many = csvOf(
			ENGLISH,
			Array.from({ length: MAX_EXPORT_TICKETS + 5 }, (_, i) => `"${i + 1}";"Ticket ${i + 1}";"New";"2026-${String(1 + (i % 12)).padStart(2, '0')}-10 09:00";"Email";`),
		);
		const entry = await storeExport('big', many, false, 5000);
		expect(entry.tickets).toHaveLength(MAX_EXPORT_TICKETS);
		expect(entry.truncated).toBe(true);
		// The newest kept: nothing dropped is newer than what is kept.
		const oldestKept = Math.min(...entry.tickets.map((ticket) => ticket.openedAt ?? 0));
		expect(oldestKept).toBeGreaterThan(0);
	});

	it.skipIf(!hasCapturedPages)(`finds the 6 VPN, 3 printer and the password tickets (resets apart from lockouts) in the captured export, largest first (${hasCapturedPages ? 'present' : SKIP_CAPTURED})`, async () => {
		const csv = readFileSync(join(CAPTURED_DIR, '10.0.17_export_ticket_list_all.csv'), 'utf8');
		const view = await exportPatterns({ key: 'captured', csv, scope: 'all' });
		expect(view?.tickets).toBe(23);
		const groups = view?.clusters.map((cluster) => [...cluster.ticketIds].sort((a, b) => a - b)) ?? [];
		// Largest first. Resets and lockouts share the category "Password reset" but not their words (issue 16).
		expect(groups[0]).toEqual([1, 2, 3, 4, 5, 6]);
		expect(groups).toEqual(expect.arrayContaining([[7, 9, 10], [8, 11], [12, 13, 14]]));
		expect(view?.clusters.map((cluster) => cluster.size)).toEqual([...(view?.clusters.map((cluster) => cluster.size) ?? [])].sort((a, b) => b - a));
		expect(view?.clusters[0]?.signature).toMatch(/vpn/);
	});
});

describe('the pattern signal of "Suggest a Problem"', () => {
	const page = { route: '/front/ticket.php', kind: 'ticket-list' as const, itemtype: 'Ticket' };
	const cluster: ClusterView = { ticketIds: [1, 2, 3, 4, 5, 6], size: 6, signature: 'vpn disconnects', category: 'Network > VPN', sample: 'VPN disconnects for Martin Alice, call 06 12 34 56 78' };
	const config = (shareText: boolean): OverlayConfig => ({ autoFriction: false, slowPageMs: 4000, privacy: { redactNames: true, includeCategory: true, includeItemId: true }, role: 'technician', shareText });

	beforeEach(() => fakeBrowser.reset());

	it('holds the type, size, signature and ticket ids, and no ticket text unless the workspace shares text', async () => {
		const signal = await buildSignal(patternSignalDraft({ cluster, page, config: config(false), names: ['Martin Alice'], categoryId: 4 }));
		expect(signal.kind).toBe('pattern');
		expect(signal.pattern).toEqual({ type: 'duplicates', size: 6, signature: 'vpn disconnects', ticketIds: [1, 2, 3, 4, 5, 6], categoryId: 4 });
		expect(signal.text).toBeUndefined();
		expect(JSON.stringify(signal)).not.toContain('Martin');
		expect(JSON.stringify(signal)).not.toContain('06 12');
	});

	it('carries one redacted sample title when the workspace shares text', async () => {
		const signal = await buildSignal(patternSignalDraft({ cluster, page, config: config(true), names: ['Martin Alice'] }));
		expect(signal.text).toMatch(/^VPN disconnects for \[name\], call \[phone\]$/);
	});

	it('is offered to technicians and managers only', () => {
		expect(maySuggestProblems({ role: 'technician' })).toBe(true);
		expect(maySuggestProblems({ role: 'manager' })).toBe(true);
		expect(maySuggestProblems({ role: 'reporter' })).toBe(false);
		expect(maySuggestProblems(undefined)).toBe(false);
	});
});
