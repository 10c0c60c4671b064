import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorEnvelopeSchema } from '../../shared/schemas/errors';
import { ADMIN, type CallInit, type TestWorkspace, callWith, createWorkspace, json, send, signal, snapshot } from './helpers';
import { authorization, contentType, invalidUtf8Body, jsonBody, largeBatch, method, nearValidSignal, oddHeaders, oddPath, pathId, queryString, rawBody, repeatedQuery } from './fuzz-arbitraries';

/**
 * Property tests: whatever arrives, the worker never answers 500, every error has the envelope of API.md, and a
 * rejected request changes nothing (row counts and the items' fields, tests/worker/helpers.ts snapshot). The rate
 * limits (per token, and per address for unknown tokens and wrong codes) are off here so that every case reaches the
 * route. Cases per property are RUNS times a factor (the factors add up to CASES_PER_RUN): 200 x 15 = 3,000 cases on
 * every `npm test` (about 16 s), and `npm run fuzz` sets FUZZ_RUNS=667 for the 10,005 cases issue 7 asks for (about
 * 80 s on 2 shared cores; docs/RELIABILITY.md). The FUZZ_RUNS binding (miniflare) is how: lower for a quick local
 * loop, higher for a long hunt.
 */
const RUNS = Number(env.FUZZ_RUNS ?? '') || 200;
const CASES_PER_RUN = 15;
/** The largest batches cost seconds each: one case per 20 runs (10 on every npm test, 34 with npm run fuzz). */
const LARGE_RUNS = Math.max(1, Math.ceil(RUNS / 20));
let cases = 0;
const NO_LIMIT = { RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_READS_PER_MINUTE: '0', AUTH_FAILURES_PER_MINUTE: '0', ENROLL_FAILURES_PER_MINUTE: '0' };

let workspace: TestWorkspace;
let foreign: TestWorkspace;
const ids: Record<'item' | 'other' | 'hint' | 'token' | 'foreignItem' | 'enrollment' | 'foreignEnrollment', string> = {
	item: '',
	other: '',
	hint: '',
	token: '',
	foreignItem: '',
	enrollment: '',
	foreignEnrollment: '',
};

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
	['POST', '/v1/service-figures'],
	['PUT', '/v1/plans/:id'],
	['POST', '/v1/plans/:id/check'],
	['POST', '/v1/plans/:id/act'],
	['POST', '/v1/enrollments'],
	['DELETE', '/v1/enrollments/:id'],
	// Needs no token: the body's code is the credential.
	['POST', '/v1/enroll'],
] as const;
const READ_ROUTES = [
	'/v1/backlog',
	'/v1/backlog/:id',
	'/v1/backlog.csv',
	'/v1/hints',
	'/v1/metrics',
	'/v1/me',
	'/v1/health',
	'/v1/tokens',
	'/v1/service-figures',
	'/v1/plans',
	'/v1/plans/:id',
	'/v1/enrollments',
	'/v1/enrollments/installations',
] as const;

const ownIdFor = (path: string) =>
	path.startsWith('/v1/hints') ? ids.hint : path.startsWith('/v1/tokens') ? ids.token : path.startsWith('/v1/enrollments') ? ids.enrollment : ids.item;
const idFor = (path: string) => fc.oneof(fc.constant(ownIdFor(path)), fc.constantFrom(ids.other, ids.foreignItem, ids.foreignEnrollment), pathId);
const withId = (path: string) => (path.includes(':id') ? idFor(path).map((id) => path.replace(':id', id)) : fc.constant(path));

/** Sends one request and checks the invariants; returns the status. */
async function check(path: string, init: CallInit): Promise<number> {
	cases++;
	const before = await snapshot();
	const response = await callWith(NO_LIMIT, path, init);
	const text = await response.text();
	expect(response.status, `${init.method ?? 'GET'} ${path.slice(0, 200)}: ${text.slice(0, 300)}`).toBeLessThan(500);
	// HEAD answers carry no body, so no envelope to read; the status and the unchanged data still count.
	if (response.status >= 400 && init.method?.toUpperCase() === 'HEAD') expect(await snapshot()).toBe(before);
	else if (response.status >= 400) {
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
	const code = { role: 'reporter', maxUses: 10_000, expiresInHours: 24 };
	ids.enrollment = (await json<{ enrollment: { id: string } }>(callWith(NO_LIMIT, '/v1/enrollments', { token: workspace.tokens.manager, body: code }), 201)).enrollment.id;
	ids.foreignEnrollment = (await json<{ enrollment: { id: string } }>(callWith(NO_LIMIT, '/v1/enrollments', { token: foreign.tokens.manager, body: code }), 201)).enrollment.id;
});

describe('hostile input never gives a 500', () => {
	it('JSON bodies of any shape, on every write route', { timeout: 300_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...WRITE_ROUTES).chain(([method, path]) => fc.tuple(fc.constant(method), withId(path))), jsonBody, async ([method, path], body) => {
				await check(path, { method, token: path === '/v1/workspaces' ? ADMIN : workspace.tokens.manager, body });
			}),
			{ numRuns: RUNS * 3 },
		);
	});

	it('raw bodies: invalid UTF-8, deep nesting, huge strings, odd content types', { timeout: 300_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...WRITE_ROUTES).chain(([method, path]) => fc.tuple(fc.constant(method), withId(path))), rawBody, contentType, async ([method, path], body, type) => {
				const headers: Record<string, string> = type ? { 'content-type': type } : {};
				await check(path, { method, token: path === '/v1/workspaces' ? ADMIN : workspace.tokens.technician, rawBody: body, headers });
			}),
			{ numRuns: RUNS * 2 },
		);
	});

	it('invalid UTF-8 and lone surrogates inside every string a write route stores', { timeout: 300_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...WRITE_ROUTES).chain(([method, path]) => fc.tuple(fc.constant(method), withId(path), invalidUtf8Body(path))),
				async ([method, path, bytes]) => {
					await check(path, { method, token: path === '/v1/workspaces' ? ADMIN : workspace.tokens.manager, rawBody: bytes, headers: { 'content-type': 'application/json' } });
				},
			),
			{ numRuns: RUNS },
		);
	});

	it('batches of near-valid signals: accepted exactly once, or refused with nothing written', { timeout: 300_000 }, async () => {
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

	it('the largest batches the schemas allow, up to the body limit: all stored, never a 500', { timeout: 600_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(largeBatch, async (signals) => {
				const status = await check('/v1/signals', { token: workspace.tokens.technician, body: { signals } });
				expect(status).toBe(200);
			}),
			{ numRuns: LARGE_RUNS },
		);
	});

	it('Authorization and other headers of any kind', { timeout: 300_000 }, async () => {
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

	it('header values of any byte fetch allows, under the names the worker reads and others', { timeout: 300_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...READ_ROUTES, '/v1/signals').chain((path) => withId(path)), oddHeaders, fc.boolean(), async (path, headers, withToken) => {
				const init: CallInit = path === '/v1/signals' ? { headers, rawBody: JSON.stringify({ signals: [signal()] }), method: 'POST' } : { headers };
				// A valid token as well, sometimes, so that odd values of the other headers reach the routes.
				if (withToken && !headers.some(([name]) => name === 'authorization')) init.token = workspace.tokens.manager;
				await check(path, init);
			}),
			{ numRuns: RUNS },
		);
	});

	it('any method on paths near the real ones', { timeout: 300_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(method, fc.oneof(oddPath, fc.constantFrom(...READ_ROUTES, ...WRITE_ROUTES.map(([, path]) => path)).chain((path) => withId(path))), jsonBody, fc.constantFrom('none', 'reporter', 'manager', 'admin'), async (verb, path, body, who) => {
				const token = who === 'none' ? undefined : who === 'admin' ? ADMIN : workspace.tokens[who as 'reporter' | 'manager'];
				const bodyless = ['GET', 'HEAD'].includes(verb.toUpperCase());
				await check(path, { method: verb, ...(token ? { token } : {}), ...(bodyless ? {} : { body }) });
			}),
			{ numRuns: RUNS },
		);
	});

	it('query strings and path ids of any kind, on every read route', { timeout: 300_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...READ_ROUTES).chain((path) => withId(path)), fc.oneof({ weight: 4, arbitrary: queryString }, { weight: 1, arbitrary: repeatedQuery }), fc.constantFrom('reporter', 'manager') as fc.Arbitrary<'reporter' | 'manager'>, async (path, query, role) => {
				await check(`${path}?${query}`, { token: workspace.tokens[role] });
			}),
			{ numRuns: RUNS * 3 },
		);
	});

	it('ran every case', () => {
		// The property tests above ran in this file before this one; their cases are what docs/RELIABILITY.md counts.
		expect(cases).toBe(RUNS * CASES_PER_RUN + LARGE_RUNS);
		console.log(`[fuzz] ${cases.toLocaleString('en')} cases, 0 answers 500`);
	});
});
