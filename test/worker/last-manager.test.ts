import { describe, expect, it } from 'vitest';
import { ADMIN, call, createWorkspace, expectError, json, snapshot } from './helpers';

/** Issue 15, item 10: a workspace never loses its last manager token, and the admin token can mint one. */
describe('manager tokens', () => {
	it('refuses revoking the last active manager token, its own included, and changes nothing', async () => {
		const workspace = await createWorkspace();
		const me = await json<{ tokenId: string }>(call('/v1/me', { token: workspace.tokens.manager }));
		const before = await snapshot();
		await expectError(call(`/v1/tokens/${me.tokenId}`, { method: 'DELETE', token: workspace.tokens.manager }), 409, 'conflict');
		expect(await snapshot()).toBe(before);
		// With a second manager, either can go, but not both.
		const second = await json<{ id: string; token: string }>(call('/v1/tokens', { token: workspace.tokens.manager, body: { role: 'manager' } }), 201);
		expect((await call(`/v1/tokens/${me.tokenId}`, { method: 'DELETE', token: workspace.tokens.manager })).status).toBe(204);
		await expectError(call('/v1/me', { token: workspace.tokens.manager }), 401, 'unauthorized');
		await expectError(call(`/v1/tokens/${second.id}`, { method: 'DELETE', token: second.token }), 409, 'conflict');
		expect((await call('/v1/me', { token: second.token })).status).toBe(200);
	});

	it('two managers revoking each other at once: one manager token is left', async () => {
		const workspace = await createWorkspace();
		const me = await json<{ tokenId: string }>(call('/v1/me', { token: workspace.tokens.manager }));
		const second = await json<{ id: string; token: string }>(call('/v1/tokens', { token: workspace.tokens.manager, body: { role: 'manager' } }), 201);
		const answers = await Promise.all([
			call(`/v1/tokens/${second.id}`, { method: 'DELETE', token: workspace.tokens.manager }),
			call(`/v1/tokens/${me.tokenId}`, { method: 'DELETE', token: second.token }),
		]);
		// The loser is refused as the last manager (409), or finds its own token already revoked (401).
		const statuses = answers.map((answer) => answer.status).sort();
		expect(statuses[0]).toBe(204);
		expect([401, 409]).toContain(statuses[1]);
		const alive = await Promise.all([workspace.tokens.manager, second.token].map(async (token) => (await call('/v1/me', { token })).status));
		expect(alive.sort()).toEqual([200, 401]);
	});

	it('the admin token mints a manager token for a workspace; nobody else can, and an unknown workspace is 404', async () => {
		const workspace = await createWorkspace();
		const minted = await json<{ id: string; role: string; token: string }>(call(`/v1/workspaces/${workspace.id}/tokens`, { token: ADMIN, body: { label: 'recovery' } }), 201);
		expect(minted.role).toBe('manager');
		const me = await json<{ workspace: { id: string }; role: string }>(call('/v1/me', { token: minted.token }));
		expect(me).toMatchObject({ workspace: { id: workspace.id }, role: 'manager' });
		const before = await snapshot();
		await expectError(call(`/v1/workspaces/${workspace.id}/tokens`, { token: workspace.tokens.manager, body: {} }), 403, 'forbidden');
		await expectError(call(`/v1/workspaces/${workspace.id}/tokens`, { body: {} }), 401, 'unauthorized');
		await expectError(call('/v1/workspaces/no-such-workspace/tokens', { token: ADMIN, body: {} }), 404, 'not_found');
		await expectError(call(`/v1/workspaces/${workspace.id}/tokens`, { token: ADMIN, body: { role: 'reporter' } }), 400, 'invalid_request');
		expect(await snapshot()).toBe(before);
	});
});
