import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/schemas/workspace';
import { ADMIN, type CallInit, type TestWorkspace, callWith, createWorkspace, expectError, json, send, signal, snapshot } from './helpers';
import { ROUTES, type RouteCase } from './route-cases';

/**
 * The access matrix of issue 7: every route x every caller, as API.md says. Callers: no token, a malformed header, an
 * unknown token, a revoked token of each role, the admin token, each role of the workspace, and each role of another
 * workspace. A refused caller changes nothing anywhere (snapshot of every table); another workspace's caller never
 * reads or changes this workspace (404 on its ids, as if they did not exist; its own data only on list routes).
 * Rate limits are off here: the per-token ones are tested in edges.test.ts, the per-address ones (tokens that are not
 * valid, wrong enrollment codes) in auth-failures.test.ts and enrollment.test.ts; the matrix makes many requests per token.
 */
const NO_LIMIT = { RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_READS_PER_MINUTE: '0', AUTH_FAILURES_PER_MINUTE: '0', ENROLL_FAILURES_PER_MINUTE: '0' };
const RANK: Record<Role, number> = { reporter: 1, technician: 2, manager: 3 };
const ROLES = ['reporter', 'technician', 'manager'] as const;

type Caller =
	| { name: string; kind: 'anonymous'; headers?: Record<string, string> }
	| { name: string; kind: 'refused-token'; token: string }
	| { name: string; kind: 'admin' }
	| { name: string; kind: 'own' | 'foreign'; role: Role };

const HEALTH: RouteCase = { name: 'GET /v1/health', role: 'none', status: 200, make: async () => ({ path: '/v1/health' }) };

/** Rows and fields of one workspace only: what another workspace's caller must never change. */
async function workspaceState(id: string): Promise<string> {
	const row = await env.DB.prepare(
		`SELECT
			(SELECT group_concat(id || status || coalesce(owner, '') || coalesce(note, '') || title || coalesce(merged_into, '') || signal_count || rank, ';')
				FROM (SELECT * FROM items WHERE workspace_id = ?1 ORDER BY id)) AS items,
			(SELECT COUNT(*) FROM signals WHERE workspace_id = ?1) AS signals,
			(SELECT COUNT(*) FROM item_keys WHERE workspace_id = ?1) AS item_keys,
			(SELECT COUNT(*) FROM audit WHERE workspace_id = ?1) AS audit,
			(SELECT COUNT(*) FROM daily_counts WHERE workspace_id = ?1) AS daily_counts,
			(SELECT group_concat(id || route || coalesce(text_en, '') || coalesce(text_fr, '') || coalesce(link, ''), ';') FROM (SELECT * FROM hints WHERE workspace_id = ?1 ORDER BY id)) AS hints,
			(SELECT group_concat(id || role || coalesce(revoked_at, ''), ';') FROM (SELECT * FROM tokens WHERE workspace_id = ?1 ORDER BY id)) AS tokens,
			(SELECT group_concat(id || uses || coalesce(revoked_at, ''), ';') FROM (SELECT * FROM enrollment_codes WHERE workspace_id = ?1 ORDER BY id)) AS enrollments,
			(SELECT name || share_text || auto_friction FROM workspaces WHERE id = ?1) AS workspace`,
	)
		.bind(id)
		.first();
	return JSON.stringify(row);
}

/** A path that names a resource of the workspace it was made for (an item, a hint, a token or an enrollment code id). */
const namesAResource = (path: string) => /^\/v1\/(backlog|hints|tokens|plans|enrollments(?!\/installations))\/[^/?]+/.test(path);

describe('the access matrix: every route x every caller', () => {
	let mine: TestWorkspace;
	let theirs: TestWorkspace;
	const secretText = `Our private idea ${crypto.randomUUID()}`;
	const callers: Caller[] = [];
	let cells = 0;

	beforeAll(async () => {
		[mine, theirs] = [await createWorkspace('matrix-mine'), await createWorkspace('matrix-theirs')];
		await send(mine.tokens.reporter, [signal({ text: secretText })]);
		callers.push(
			{ name: 'no token', kind: 'anonymous' },
			{ name: 'Basic credentials', kind: 'anonymous', headers: { authorization: 'Basic dXNlcjpwYXNz' } },
			{ name: 'a bearer of nothing', kind: 'anonymous', headers: { authorization: 'Bearer ' } },
			{ name: 'an unknown token', kind: 'refused-token', token: `gxi_${'x'.repeat(43)}` },
		);
		// A revoked token of each role: a second token per role, created then revoked by the manager.
		for (const role of ROLES) {
			const created = await json<{ id: string; token: string }>(callWith(NO_LIMIT, '/v1/tokens', { token: mine.tokens.manager, body: { role, label: `revoked ${role}` } }), 201);
			expect((await callWith(NO_LIMIT, `/v1/tokens/${created.id}`, { method: 'DELETE', token: mine.tokens.manager })).status).toBe(204);
			callers.push({ name: `a revoked ${role} token`, kind: 'refused-token', token: created.token });
		}
		callers.push({ name: 'the admin token', kind: 'admin' });
		for (const role of ROLES) callers.push({ name: `our ${role}`, kind: 'own', role }, { name: `another workspace's ${role}`, kind: 'foreign', role });
	});

	const initOf = (caller: Caller, init: CallInit): CallInit => {
		const base = { ...init, token: undefined };
		switch (caller.kind) {
			case 'anonymous':
				return caller.headers ? { ...base, headers: caller.headers } : base;
			case 'refused-token':
				return { ...init, token: caller.token };
			case 'admin':
				return { ...init, token: ADMIN };
			case 'own':
				return { ...init, token: mine.tokens[caller.role] };
			case 'foreign':
				return { ...init, token: theirs.tokens[caller.role] };
		}
	};

	for (const route of [HEALTH, ...ROUTES]) {
		it(`${route.name}`, async () => {
			// One request made for our workspace serves every caller that must be refused (it changes nothing); a caller
			// that must succeed gets a fresh one (a DELETE or a merge cannot succeed twice).
			const shared = await route.make(mine);
			for (const caller of callers) {
				const { path, ...init } = caller.kind === 'own' || route.role === 'none' ? await route.make(mine) : shared;
				const request = initOf(caller, init);
				const label = `${route.name} by ${caller.name}`;
				const before = await snapshot();
				const ours = await workspaceState(mine.id);
				const response = await callWith(NO_LIMIT, path, request);
				cells++;
				if (route.role === 'none') {
					// No token needed, and whatever Authorization comes is ignored: every caller gets the answer.
					expect(response.status, `${label}: ${await response.clone().text()}`).toBe(route.status);
					continue;
				}
				const refuse = async (status: number, code: string) => {
					await expectError(response, status, code);
					expect(await snapshot(), `${label} wrote something`).toBe(before);
				};
				if (caller.kind === 'anonymous' || caller.kind === 'refused-token') await refuse(401, 'unauthorized');
				else if (caller.kind === 'admin') {
					if (route.role === 'admin') expect(response.status, label).toBe(route.status);
					else await refuse(403, 'forbidden');
				} else if (route.role === 'admin' || RANK[caller.role] < RANK[route.role]) await refuse(403, 'forbidden');
				else if (caller.kind === 'own') expect(response.status, `${label}: ${await response.clone().text()}`).toBe(route.status);
				else if (namesAResource(path)) {
					// Another workspace's id is 404 exactly like an id nobody has.
					const body = await expectError(response, 404, 'not_found');
					expect(body.error.message).not.toContain(path.split('/')[3]);
					expect(await workspaceState(mine.id), label).toBe(ours);
				} else {
					// A route of their own workspace: it works for them and neither shows nor touches ours.
					const text = await response.text();
					expect(response.status, `${label}: ${text}`).toBe(route.status);
					expect(text, label).not.toContain(secretText);
					expect(text, label).not.toContain(mine.id);
					expect(await workspaceState(mine.id), label).toBe(ours);
				}
			}
		});
	}

	it('covered every cell of the matrix', () => {
		// Routes (health and every route of route-cases.ts) times callers; printed for docs/RELIABILITY.md.
		expect(cells).toBe((ROUTES.length + 1) * callers.length);
		console.log(`[access] ${ROUTES.length + 1} routes x ${callers.length} callers = ${cells} cells`);
	});
});

describe('a revoked token stays refused', () => {
	it('on every route, even after its workspace changes its other tokens', async () => {
		const workspace = await createWorkspace('revoked-forever');
		const extra = await json<{ id: string; token: string }>(callWith(NO_LIMIT, '/v1/tokens', { token: workspace.tokens.manager, body: { role: 'manager' } }), 201);
		expect((await callWith(NO_LIMIT, `/v1/tokens/${extra.id}`, { method: 'DELETE', token: workspace.tokens.manager })).status).toBe(204);
		// Another token created after the revocation does not bring it back, and neither does revoking it a second time.
		await json(callWith(NO_LIMIT, '/v1/tokens', { token: workspace.tokens.manager, body: { role: 'manager' } }), 201);
		await expectError(callWith(NO_LIMIT, `/v1/tokens/${extra.id}`, { method: 'DELETE', token: workspace.tokens.manager }), 404, 'not_found');
		for (const route of ROUTES.filter((candidate) => candidate.role !== 'none')) {
			const { path, ...init } = await route.make(workspace);
			await expectError(callWith(NO_LIMIT, path, { ...init, token: extra.token }), 401, 'unauthorized');
		}
	});
});
