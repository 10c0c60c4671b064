import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storeExport } from '../../extension/background/export-cache';
import { exportPatterns } from '../../extension/background/pattern-handlers';
import { MAX_WAITING_READINGS, flushFigures, lastWeeksOf, queueFigures, readingAsOf } from '../../extension/background/service-figures';
import { flush, status } from '../../extension/background/sync';
import { DEFAULT_SETTINGS, figuresOutboxStorage, figuresStateStorage, settingsStorage, tokenStorage, whoAmIStorage } from '../../extension/core/storage';
import { unpackReading, weekLabels } from '../../shared/improvement/packed-reading';
import { parseGlpiCsv } from '../../shared/patterns';
import { ServiceFiguresInputSchema } from '../../shared/schemas/service-figures';

/**
 * GLPI's weekly figures from an export the overlay read (issue 17): queued only for technicians and managers who opted
 * in, numbers and category names only, sent gzipped, kept until the worker acknowledges them.
 */

// Mondays 2026-11-02 (W45), 11-09 (W46), 11-16 (W47); read on Thursday 2026-11-26, so W45 to W47 are whole and W48 is not.
const NOW = new Date('2026-11-26T10:00:00Z');
const CSV = [
	'\uFEFF"ID";"Title";"Status";"Opening date";"Requester - Requester";"Category"',
	'"1";"Secret VPN outage at the CFO office";"New";"2026-10-30 09:00";"Alice Martin";"Network > VPN"',
	'"2";"VPN drops every few minutes";"New";"2026-11-03 09:00";"Bob Bernard";"Network > VPN"',
	'"3";"VPN slow from home";"New";"2026-11-04 10:00";"Carol Petit";"Network > VPN"',
	'"4";"Printer jams";"New";"2026-11-10 11:00";"Alice Martin";"Printing"',
	'"5";"VPN down again";"New";"2026-11-18 08:00";"Dan Durand";"Network > VPN"',
	'"6";"VPN this week";"New";"2026-11-24 08:00";"Dan Durand";"Network > VPN"',
].join('\n');
const me = (role: 'reporter' | 'technician' | 'manager') => ({
	workspace: { id: 'ws_000001', name: 'Desk' },
	role,
	tokenId: 'tok_000001',
	settings: { shareText: false, autoFriction: false },
});
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A backend that inflates the gzipped body and checks it with the worker's own schema, like the route does. */
function figuresBackend() {
	const backend = {
		bodies: [] as unknown[],
		encodings: [] as (string | null)[],
		answer: 'ok' as 'ok' | 'down' | 'refuse',
		fetch: vi.fn(async (input: Request | string, init?: RequestInit) => {
			if (backend.answer === 'down') throw new TypeError('Failed to fetch');
			const request = input instanceof Request ? input : new Request(input, init);
			if (!request.url.endsWith('/v1/service-figures')) return json({ accepted: [], duplicates: [] });
			backend.encodings.push(request.headers.get('content-encoding'));
			const text = await new Response(request.body?.pipeThrough(new DecompressionStream('gzip'))).text();
			const body = JSON.parse(text) as unknown;
			backend.bodies.push(body);
			if (backend.answer === 'refuse') return json({ error: { code: 'invalid_request', message: 'a week still running' } }, 400);
			const reading = ServiceFiguresInputSchema.parse(body);
			return json({ stored: [reading.from, reading.to], kept: [] });
		}),
	};
	return backend;
}

describe("GLPI's service figures from an export", () => {
	let backend: ReturnType<typeof figuresBackend>;
	const parsed = () => parseGlpiCsv(CSV);

	beforeEach(async () => {
		fakeBrowser.reset();
		backend = figuresBackend();
		vi.stubGlobal('fetch', backend.fetch);
		await settingsStorage.setValue({ ...DEFAULT_SETTINGS, backendUrl: 'http://127.0.0.1:8787', serviceFigures: true });
		await tokenStorage.setValue('token');
		await whoAmIStorage.setValue(me('technician'));
	});
	afterEach(() => vi.unstubAllGlobals());

	it('queues nothing unless the user opted in, and nothing for a reporter', async () => {
		await settingsStorage.setValue({ ...DEFAULT_SETTINGS, backendUrl: 'http://127.0.0.1:8787' });
		expect(await queueFigures('search-a', parsed(), NOW)).toBe(false);
		await settingsStorage.setValue({ ...DEFAULT_SETTINGS, backendUrl: 'http://127.0.0.1:8787', serviceFigures: true });
		await whoAmIStorage.setValue(me('reporter'));
		expect(await queueFigures('search-a', parsed(), NOW)).toBe(false);
		await whoAmIStorage.setValue(null);
		expect(await queueFigures('search-a', parsed(), NOW)).toBe(false);
		expect(await figuresOutboxStorage.getValue()).toEqual([]);
	});

	it('counts whole weeks per category, and holds no ticket id, title or requester', async () => {
		expect(await queueFigures('search-a', parsed(), NOW)).toBe(true);
		const [entry] = await figuresOutboxStorage.getValue();
		expect(entry?.reading.from).toBe('2026-W45');
		expect(entry?.reading.to).toBe('2026-W47');
		const cells = unpackReading(entry!.reading).cells.map(({ week, category, opened, solved }) => ({ week, category, opened, solved }));
		expect(cells).toEqual([
			{ week: '2026-W45', category: 'Network > VPN', opened: 2, solved: null },
			{ week: '2026-W46', category: 'Printing', opened: 1, solved: null },
			{ week: '2026-W47', category: 'Network > VPN', opened: 1, solved: null },
		]);
		const sent = JSON.stringify(entry?.reading);
		for (const word of ['Secret', 'CFO', 'VPN drops', 'Printer jams', 'Alice', 'Martin', 'Durand', '"1"']) expect(sent).not.toContain(word);
		// The export had no solve date: every figure but the volume is unknown, never 0.
		expect(entry?.reading.known).toEqual({ solved: false, deadline: false, reopen: false, satisfaction: false });
	});

	it('replaces a waiting reading of the same search, and keeps at most a few searches', async () => {
		await queueFigures('search-a', parsed(), NOW);
		await queueFigures('search-a', parsed(), new Date(NOW.getTime() + 60_000));
		expect((await figuresOutboxStorage.getValue()).map((entry) => entry.queuedAt)).toEqual([new Date(NOW.getTime() + 60_000).toISOString()]);
		for (let i = 0; i < MAX_WAITING_READINGS + 3; i++) await queueFigures(`search-${i}`, parsed(), NOW);
		const keys = (await figuresOutboxStorage.getValue()).map((entry) => entry.key);
		expect(keys).toHaveLength(MAX_WAITING_READINGS);
		expect(keys.at(-1)).toBe(`search-${MAX_WAITING_READINGS + 2}`);
	});

	it('an export the overlay reads is queued from the background cache, with every ticket before the cut', async () => {
		const queued = new Promise<boolean>((resolve) => {
			void storeExport('search-b', CSV, false, NOW.getTime(), (all) => void queueFigures('search-b', all, NOW).then(resolve));
		});
		expect(await queued).toBe(true);
		expect((await figuresOutboxStorage.getValue()).map((entry) => entry.key)).toEqual(['search-b']);
	});

	it('sends nothing of an export cut at its download limit, says so, and forgets it at the next whole export', async () => {
		// Through the handler the overlay calls: the page's download said it stopped at its byte limit.
		await exportPatterns({ key: 'search-c', csv: CSV, truncated: true, scope: 'all' });
		await vi.waitFor(async () => expect((await figuresStateStorage.getValue()).lastCut?.at).toBeTruthy());
		expect(await figuresOutboxStorage.getValue()).toEqual([]);
		expect(await queueFigures('search-a', parsed(), NOW)).toBe(true);
		expect((await figuresStateStorage.getValue()).lastCut).toBeNull();
		expect((await figuresOutboxStorage.getValue()).map((entry) => entry.key)).toEqual(['search-a']);
	});

	it('keeps a reading through a failed send and sends it gzipped on the next flush', async () => {
		await queueFigures('search-a', parsed(), NOW);
		backend.answer = 'down';
		const failed = await flush(() => NOW);
		expect(failed.figuresWaiting).toBe(1);
		expect(failed.failures).toBe(1);
		expect(failed.lastError?.message).toContain('network');
		expect((await figuresOutboxStorage.getValue())[0]?.attempts).toBe(1);
		backend.answer = 'ok';
		const sent = await flush(() => NOW);
		expect(sent.figuresWaiting).toBe(0);
		expect(sent.failures).toBe(0);
		expect(backend.encodings).toEqual(['gzip']);
		expect((await figuresStateStorage.getValue()).lastSent).toMatchObject({ from: '2026-W45', to: '2026-W47', categories: 2, stored: 2, kept: 0 });
	});

	it('drops a reading refused for good, with the reason, and goes on with the next', async () => {
		await queueFigures('search-a', parsed(), NOW);
		await queueFigures('search-b', parsed(), NOW);
		backend.answer = 'refuse';
		expect(await flushFigures('http://127.0.0.1:8787', 'token', NOW)).toEqual({});
		expect(await figuresOutboxStorage.getValue()).toEqual([]);
		expect((await figuresStateStorage.getValue()).lastRefusal?.message).toBe('400 invalid_request: a week still running');
		expect((await status()).figuresWaiting).toBe(0);
	});

	it('never counts the week being read, on GLPI\'s clock or UTC, and cuts a long export to the weeks the worker takes', () => {
		// Monday 00:30 UTC: the week that just ended is over on UTC, but the reading stops a day earlier to be safe.
		expect(new Date(readingAsOf(new Date('2026-11-30T00:30:00Z'))).toISOString().slice(0, 10)).toBe('2026-11-29');
		const reading = { from: '2020-W01', to: '2026-W47', known: { solved: false, deadline: false, reopen: false, satisfaction: false }, cells: [
			{ week: '2020-W02', category: 'A', opened: 1, solved: null, solveHours: null, withDeadline: null, late: null, reopened: null, satisfactionSum: null, satisfactionCount: null },
			{ week: '2026-W47', category: 'A', opened: 2, solved: null, solveHours: null, withDeadline: null, late: null, reopened: null, satisfactionSum: null, satisfactionCount: null },
		] };
		const cut = lastWeeksOf(reading, 157);
		expect(cut.from).toBe('2023-W47');
		expect(weekLabels(cut.from!, cut.to!)).toHaveLength(157);
		expect(cut.cells.map((cell) => cell.week)).toEqual(['2026-W47']);
	});
});
