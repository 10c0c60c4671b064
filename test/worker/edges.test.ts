import { describe, expect, it } from 'vitest';
import { call, callWith, createWorkspace, expectError, json, signal, snapshot } from './helpers';

describe('rate limit', () => {
	it('answers 429 with Retry-After past the per-token limit, writes and reads counted apart', async () => {
		const workspace = await createWorkspace();
		const limits = { RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_READS_PER_MINUTE: '5' };
		const write = () => callWith(limits, '/v1/signals', { token: workspace.tokens.reporter, body: { signals: [signal()] } });
		for (let i = 0; i < 3; i++) expect((await write()).status).toBe(200);
		const before = await snapshot();
		const limited = await write();
		const body = await expectError(limited, 429, 'rate_limited');
		expect(body.error.message).toContain('3 writes');
		const retryAfter = Number(limited.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(60);
		expect(await snapshot()).toBe(before);
		// Reads have their own bucket; another token has its own counters.
		for (let i = 0; i < 5; i++) expect((await callWith(limits, '/v1/me', { token: workspace.tokens.reporter })).status).toBe(200);
		await expectError(callWith(limits, '/v1/me', { token: workspace.tokens.reporter }), 429, 'rate_limited');
		expect((await callWith(limits, '/v1/signals', { token: workspace.tokens.technician, body: { signals: [signal()] } })).status).toBe(200);
		// "0" turns the limit off.
		expect((await callWith({ RATE_LIMIT_PER_MINUTE: '0' }, '/v1/signals', { token: workspace.tokens.reporter, body: { signals: [signal()] } })).status).toBe(200);
	});

	it('comes after authentication: an unknown token is 401, never 429', async () => {
		await expectError(callWith({ RATE_LIMIT_READS_PER_MINUTE: '1' }, '/v1/me', { token: 'gxi_nobody' }), 401);
	});
});

describe('CORS', () => {
	it('allows the extension origins only', async () => {
		const preflight = (origin: string) =>
			call('/v1/signals', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
		for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0c7e2d2a-1c1f-4a56-9d4e-2f0a5b8e6c11']) {
			const answer = await preflight(origin);
			expect(answer.status).toBe(204);
			expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
			expect(answer.headers.get('access-control-allow-headers')).toContain('authorization');
		}
		// A user's build reaches the backend through CORS: saving a plan is a PUT, GLPI's figures come gzipped (issue 17).
		const plan = await call('/v1/plans/item_000001', { method: 'OPTIONS', headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'PUT' } });
		expect(plan.headers.get('access-control-allow-methods')).toContain('PUT');
		const figures = await call('/v1/service-figures', {
			method: 'OPTIONS',
			headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,content-encoding' },
		});
		expect(figures.headers.get('access-control-allow-headers')).toContain('content-encoding');
		for (const origin of ['https://evil.example', 'http://127.0.0.1:8787', 'null', 'chrome-extension://']) {
			expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
		}
		const workspace = await createWorkspace();
		const answer = await call('/v1/me', { token: workspace.tokens.reporter, headers: { origin: 'chrome-extension://abc' } });
		expect(answer.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
		const pinned = await callWith({ ALLOWED_ORIGINS: 'chrome-extension://pinnedid' }, '/v1/me', { token: workspace.tokens.reporter, headers: { origin: 'chrome-extension://other' } });
		expect(pinned.headers.get('access-control-allow-origin')).toBeNull();
	});
});

describe('unknown routes and methods', () => {
	it('answer 404 with the envelope', async () => {
		await expectError(call('/v2/backlog'), 404, 'not_found');
		await expectError(call('/v1/health', { method: 'DELETE' }), 404, 'not_found');
		await expectError(call('/'), 404, 'not_found');
	});
});

describe('workspace opt-ins', () => {
	it('managers change them and every token reads them', async () => {
		const workspace = await createWorkspace('opt-ins');
		const changed = await json<{ settings: { shareText: boolean; autoFriction: boolean } }>(
			call('/v1/workspace', { method: 'PATCH', token: workspace.tokens.manager, body: { autoFriction: true } }),
		);
		expect(changed.settings).toEqual({ shareText: false, autoFriction: true });
		const me = await json<{ settings: unknown }>(call('/v1/me', { token: workspace.tokens.reporter }));
		expect(me.settings).toEqual({ shareText: false, autoFriction: true });
		await expectError(call('/v1/workspace', { method: 'PATCH', token: workspace.tokens.manager, body: {} }), 400);
		await expectError(call('/v1/workspace', { method: 'PATCH', token: workspace.tokens.manager, body: { shareText: 'yes' } }), 400);
	});
});

describe('routes', () => {
	it('refuses control and invisible format characters in a route (issue 15), on signals and hints, and writes nothing', async () => {
		const workspace = await createWorkspace();
		const before = await snapshot();
		for (const route of ['/x\u0000y', '/front/\u001b[31mticket.php', '/x\u007f', '/x\u0085y', '/x\u200by', '/x\u202ey']) {
			const page = { route, kind: 'other' };
			await expectError(call('/v1/signals', { token: workspace.tokens.reporter, body: { signals: [signal({ page })] } }), 400, 'invalid_request');
			await expectError(call('/v1/hints', { token: workspace.tokens.manager, body: { route, text: { en: 'x' } } }), 400, 'invalid_request');
			await expectError(call(`/v1/hints?route=${encodeURIComponent(route)}`, { token: workspace.tokens.reporter }), 400, 'invalid_request');
			await expectError(call(`/v1/backlog?route=${encodeURIComponent(route)}`, { token: workspace.tokens.manager }), 400, 'invalid_request');
		}
		expect(await snapshot()).toBe(before);
		// Paths with percent-escapes and non-Latin letters, as GLPI installs have, still pass.
		await json(call('/v1/signals', { token: workspace.tokens.reporter, body: { signals: [signal({ page: { route: '/glpi%20prod/front/ticket.php', kind: 'other' } }), signal({ page: { route: '/служба/front/ticket.php', kind: 'other' } })] } }));
	});
});
