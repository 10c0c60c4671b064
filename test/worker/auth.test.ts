import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/schemas/workspace';
import { ADMIN, type TestWorkspace, call, createWorkspace, expectError, json, signal } from './helpers';
import { ROUTES, newHint, newItem } from './route-cases';

const RANK: Record<Role, number> = { reporter: 1, technician: 2, manager: 3 };

describe('every route, every role', () => {
	let workspace: TestWorkspace;
	beforeAll(async () => {
		workspace = await createWorkspace('roles');
	});

	for (const route of ROUTES.filter((candidate) => candidate.role === 'none')) {
		it(`${route.name}: needs no token, and ignores any`, async () => {
			for (const token of [undefined, 'gxi_unknown-token-of-nobody', ADMIN, workspace.tokens.reporter, workspace.tokens.manager]) {
				const { path, ...init } = await route.make(workspace);
				const response = await call(path, { ...init, token });
				expect(response.status, await response.clone().text()).toBe(route.status);
			}
		});
	}

	for (const route of ROUTES.filter((candidate) => candidate.role !== 'none')) {
		it(`${route.name}: 401 without a token or with an unknown one, then the role rules`, async () => {
			const request = await route.make(workspace);
			const { path, ...init } = request;
			await expectError(call(path, { ...init, token: undefined }), 401, 'unauthorized');
			// An address per route: unknown tokens are limited per address (auth-failures.test.ts), and this file sends many.
			await expectError(call(path, { ...init, token: 'gxi_unknown-token-of-nobody', headers: { 'cf-connecting-ip': `auth-test ${route.name}` } }), 401, 'unauthorized');
			await expectError(call(path, { ...init, headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401, 'unauthorized');
			if (route.role !== 'admin') await expectError(call(path, { ...init, token: ADMIN }), 403, 'forbidden');
			for (const role of ['reporter', 'technician', 'manager'] as const) {
				const allowed = route.role !== 'admin' && route.role !== 'none' && RANK[role] >= RANK[route.role];
				const { path: freshPath, ...freshInit } = allowed ? await route.make(workspace) : request;
				const response = await call(freshPath, { ...freshInit, token: workspace.tokens[role] });
				if (allowed) expect(response.status, `${role}: ${await response.clone().text()}`).toBe(route.status);
				else await expectError(response, 403, 'forbidden');
			}
			if (route.role === 'admin') {
				const { path: adminPath, ...adminInit } = await route.make(workspace);
				expect((await call(adminPath, { ...adminInit, token: ADMIN })).status).toBe(route.status);
			}
		});
	}
});

describe('tokens', () => {
	it('are random, shown once, stored as SHA-256 only', async () => {
		const workspace = await createWorkspace();
		const created = await json<{ id: string; token: string; role: string }>(call('/v1/tokens', { token: workspace.tokens.manager, body: { role: 'technician', label: 'desk 2' } }), 201);
		expect(created.token).toMatch(/^gxi_[A-Za-z0-9_-]{43}$/);
		const stored = await env.DB.prepare('SELECT * FROM tokens WHERE id = ?1').bind(created.id).first<Record<string, unknown>>();
		expect(Object.values(stored ?? {})).not.toContain(created.token);
		const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(created.token));
		expect(stored?.hash).toBe([...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join(''));
		const listed = await json<{ tokens: { id: string; label: string | null }[] }>(call('/v1/tokens', { token: workspace.tokens.manager }));
		expect(listed.tokens.find((token) => token.id === created.id)).toMatchObject({ label: 'desk 2', role: 'technician', revokedAt: null });
		expect(JSON.stringify(listed)).not.toContain(created.token);
	});

	it('stop working at once when revoked, and cannot be revoked twice', async () => {
		const workspace = await createWorkspace();
		expect((await call('/v1/me', { token: workspace.tokens.reporter })).status).toBe(200);
		expect((await call(`/v1/tokens/${workspace.tokenIds.reporter}`, { method: 'DELETE', token: workspace.tokens.manager })).status).toBe(204);
		await expectError(call('/v1/me', { token: workspace.tokens.reporter }), 401, 'unauthorized');
		await expectError(call('/v1/signals', { token: workspace.tokens.reporter, body: { signals: [signal()] } }), 401, 'unauthorized');
		await expectError(call(`/v1/tokens/${workspace.tokenIds.reporter}`, { method: 'DELETE', token: workspace.tokens.manager }), 404, 'not_found');
	});

	it('a manager may revoke its own token when another manager token remains', async () => {
		const workspace = await createWorkspace();
		await json(call('/v1/tokens', { token: workspace.tokens.manager, body: { role: 'manager' } }), 201);
		const me = await json<{ tokenId: string }>(call('/v1/me', { token: workspace.tokens.manager }));
		expect((await call(`/v1/tokens/${me.tokenId}`, { method: 'DELETE', token: workspace.tokens.manager })).status).toBe(204);
		await expectError(call('/v1/backlog', { token: workspace.tokens.manager }), 401);
	});

	it('the admin token is not a workspace token, and a workspace token is not the admin', async () => {
		const workspace = await createWorkspace();
		await expectError(call('/v1/workspaces', { token: workspace.tokens.manager, body: { name: 'x' } }), 403, 'forbidden');
		await expectError(call('/v1/me', { token: ADMIN }), 403, 'forbidden');
	});

	it('several Authorization values are refused as a whole', async () => {
		const workspace = await createWorkspace();
		const headers: [string, string][] = [
			['authorization', `Bearer ${workspace.tokens.manager}`],
			['authorization', `Bearer ${workspace.tokens.reporter}`],
		];
		await expectError(call('/v1/backlog', { headers }), 401, 'unauthorized');
	});
});

describe('another workspace', () => {
	it('its ids are 404 everywhere, exactly like ids that do not exist', async () => {
		const mine = await createWorkspace('mine');
		const theirs = await createWorkspace('theirs');
		const theirItem = await newItem(theirs);
		const theirHint = await newHint(theirs);
		const myItem = await newItem(mine);
		const t = mine.tokens.manager;
		for (const id of [theirItem, 'doesNotExist1']) {
			await expectError(call(`/v1/backlog/${id}`, { token: t }), 404, 'not_found');
			await expectError(call(`/v1/backlog/${id}`, { token: t, method: 'PATCH', body: { status: 'plan' } }), 404, 'not_found');
			await expectError(call(`/v1/backlog/${id}/merge`, { token: t, body: { into: myItem } }), 404, 'not_found');
			await expectError(call(`/v1/backlog/${myItem}/merge`, { token: t, body: { into: id } }), 404, 'not_found');
		}
		for (const id of [theirHint, 'doesNotExist1']) {
			await expectError(call(`/v1/hints/${id}`, { token: t, method: 'PATCH', body: { text: { en: 'x' } } }), 404, 'not_found');
			await expectError(call(`/v1/hints/${id}`, { token: t, method: 'DELETE' }), 404, 'not_found');
		}
		await expectError(call(`/v1/tokens/${theirs.tokenIds.reporter}`, { token: t, method: 'DELETE' }), 404, 'not_found');
		// And nothing of theirs changed.
		expect((await call('/v1/me', { token: theirs.tokens.reporter })).status).toBe(200);
		const detail = await json<{ item: { status: string } }>(call(`/v1/backlog/${theirItem}`, { token: theirs.tokens.manager }));
		expect(detail.item.status).toBe('new');
		const hints = await json<{ hints: unknown[] }>(call('/v1/hints?route=/front/ticket.php', { token: mine.tokens.reporter }));
		expect(hints.hints).toEqual([]);
	});
});
