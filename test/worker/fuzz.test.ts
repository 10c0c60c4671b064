import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorEnvelopeSchema } from '../../shared/schemas/errors';
import { ADMIN, type CallInit, type TestWorkspace, callWith, createWorkspace, json, send, signal, snapshot } from './helpers';
import { authorization, contentType, jsonBody, nearValidSignal, pathId, queryString, rawBody } from './fuzz-arbitraries';

/**
 * Property tests: whatever arrives, the worker never answers 500, every error has the envelope of API.md, and a
 * rejected request changes nothing (row counts and the items' fields, tests/worker/helpers.ts snapshot). The rate
 * limit is turned off here so that every case reaches the route. Cases per property are RUNS times a factor; a
 * FUZZ_RUNS binding (miniflare) raises RUNS for long runs.
 */
const RUNS = Number(env.FUZZ_RUNS ?? '') || 150;
const NO_LIMIT = { RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_READS_PER_MINUTE: '0' };

let workspace: TestWorkspace;
let foreign: TestWorkspace;
const ids: Record<'item' | 'other' | 'hint' | 'token' | 'foreignItem', string> = { item: '', other: '', hint: '', token: '', foreignItem: '' };

const WRITE_ROUTES = [
	['POST', '/v1/signals'],
	['POST', '/v1/workspaces'],
	['POST', '/v1/tokens'],
	['PATCH', '/v1/backlog/:id'],
	['POST', '/v1/backlog/:id/merge'],
	['POST', '/v1/hints'],
	['PATCH', '/v1/hints/:id'],
	['PATCH', '/v1/workspace'],
	['DELETE', '/v1/hints/:id'],
	['DELETE', '/v1/tokens/:id'],
] as const;
const READ_ROUTES = ['/v1/backlog', '/v1/backlog/:id', '/v1/backlog.csv', '/v1/hints', '/v1/metrics', '/v1/me', '/v1/health', '/v1/tokens'] as const;

const idFor = (path: string) =>
	fc.oneof(
		fc.constant(path.startsWith('/v1/hints') ? ids.hint : path.startsWith('/v1/tokens') ? ids.token : ids.item),
		fc.constantFrom(ids.other, ids.foreignItem),
		pathId,
	);
const withId = (path: string) => (path.includes(':id') ? idFor(path).map((id) => path.replace(':id', id)) : fc.constant(path));

/** Sends one request and checks the invariants; returns the status. */
async function check(path: string, init: CallInit): Promise<number> {
	const before = await snapshot();
	const response = await callWith(NO_LIMIT, path, init);
	const text = await response.text();
	expect(response.status, `${init.method ?? 'GET'} ${path.slice(0, 200)}: ${text.slice(0, 300)}`).toBeLessThan(500);
	if (response.status >= 400) {
		const parsed = ErrorEnvelopeSchema.safeParse(JSON.parse(text));
		expect(parsed.success, text.slice(0, 300)).toBe(true);
		if (response.status === 429) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(await snapshot()).toBe(before);
	}
	return response.status;
}

beforeAll(async () => {
	workspace = await createWorkspace('fuzz');
	foreign = await createWorkspace('fuzz-foreign');
	await send(workspace.tokens.technician, [signal({ text: 'Fuzz target item about printers' }), signal({ text: 'Another fuzz item on wifi access' })]);
	await send(foreign.tokens.reporter, [signal({ text: 'Foreign item' })]);
	const items = (await json<{ items: { id: string; title: string }[] }>(callWith(NO_LIMIT, '/v1/backlog', { token: workspace.tokens.manager }))).items;
	ids.item = items[0]?.id ?? '';
	ids.other = items[1]?.id ?? '';
	ids.foreignItem = (await json<{ items: { id: string }[] }>(callWith(NO_LIMIT, '/v1/backlog', { token: foreign.tokens.manager }))).items[0]?.id ?? '';
	ids.hint = (await json<{ hint: { id: string } }>(callWith(NO_LIMIT, '/v1/hints', { token: workspace.tokens.manager, body: { route: '/front/x.php', text: { en: 'x' } } }), 201)).hint.id;
	ids.token = (await json<{ id: string }>(callWith(NO_LIMIT, '/v1/tokens', { token: workspace.tokens.manager, body: { role: 'reporter' } }), 201)).id;
});

describe('hostile input never gives a 500', () => {
	it('JSON bodies of any shape, on every write route', { timeout: 120_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...WRITE_ROUTES).chain(([method, path]) => fc.tuple(fc.constant(method), withId(path))), jsonBody, async ([method, path], body) => {
				await check(path, { method, token: path === '/v1/workspaces' ? ADMIN : workspace.tokens.manager, body });
			}),
			{ numRuns: RUNS * 3 },
		);
	});

	it('raw bodies: invalid UTF-8, deep nesting, huge strings, odd content types', { timeout: 120_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...WRITE_ROUTES).chain(([method, path]) => fc.tuple(fc.constant(method), withId(path))), rawBody, contentType, async ([method, path], body, type) => {
				const headers: Record<string, string> = type ? { 'content-type': type } : {};
				await check(path, { method, token: path === '/v1/workspaces' ? ADMIN : workspace.tokens.technician, rawBody: body, headers });
			}),
			{ numRuns: RUNS * 2 },
		);
	});

	it('batches of near-valid signals: accepted exactly once, or refused with nothing written', { timeout: 120_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(nearValidSignal, { minLength: 1, maxLength: 6 }), fc.constantFrom('reporter', 'technician') as fc.Arbitrary<'reporter' | 'technician'>, async (signals, role) => {
				const status = await check('/v1/signals', { token: workspace.tokens[role], body: { signals } });
				if (status === 200) {
					// A replay of an accepted batch is only duplicates.
					const replay = await json<{ accepted: string[]; duplicates: string[] }>(callWith(NO_LIMIT, '/v1/signals', { token: workspace.tokens[role], body: { signals } }));
					expect(replay.accepted).toEqual([]);
					expect(replay.duplicates).toHaveLength(signals.length);
				}
			}),
			{ numRuns: RUNS * 2 },
		);
	});

	it('Authorization and other headers of any kind', { timeout: 120_000 }, async () => {
		const tokens = [...Object.values(workspace.tokens), ADMIN, 'gxi_unknown'];
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...READ_ROUTES, '/v1/signals').chain((path) => withId(path)),
				fc.array(authorization(tokens), { minLength: 0, maxLength: 3 }),
				fc.constantFrom('chrome-extension://abc', 'https://evil.example', 'null', ''),
				async (path, values, origin) => {
					const headers: [string, string][] = values.map((value) => ['authorization', value]);
					if (origin) headers.push(['origin', origin]);
					await check(path, path === '/v1/signals' ? { headers, rawBody: JSON.stringify({ signals: [signal()] }), method: 'POST' } : { headers });
				},
			),
			{ numRuns: RUNS * 2 },
		);
	});

	it('query strings and path ids of any kind, on every read route', { timeout: 120_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...READ_ROUTES).chain((path) => withId(path)), queryString, fc.constantFrom('reporter', 'manager') as fc.Arbitrary<'reporter' | 'manager'>, async (path, query, role) => {
				await check(`${path}?${query}`, { token: workspace.tokens[role] });
			}),
			{ numRuns: RUNS * 3 },
		);
	});
});
