import { describe, expect, it } from 'vitest';
import { ADMIN, callWith, createWorkspace, expectError, json } from './helpers';

/**
 * Issue 15, item 17: tokens that are not valid are limited per client address (CF-Connecting-IP), so that nobody can
 * send them as fast as they like; valid tokens from the same address keep working.
 */
const LIMIT = 3;
const limited = { AUTH_FAILURES_PER_MINUTE: String(LIMIT) };

/** Each test its own address, so that one test's failures never count in another's. */
const address = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${crypto.randomUUID().slice(0, 8)}`;
const unknownToken = () => `gxi_${crypto.randomUUID().replace(/-/g, '')}`;

const me = (token: string, client: string, bindings: Record<string, string> = limited) =>
	callWith(bindings, '/v1/me', { token, headers: { 'cf-connecting-ip': client } });

/** Runs `body` within one minute: a new minute starts a new count, so a test that crossed one is run again. */
async function inOneMinute(body: () => Promise<void>) {
	for (let attempt = 0; attempt < 3; attempt++) {
		const start = Math.floor(Date.now() / 60_000);
		let failure: unknown;
		try {
			await body();
		} catch (error) {
			failure = error;
		}
		if (Math.floor(Date.now() / 60_000) === start) {
			if (failure) throw failure;
			return;
		}
	}
	throw new Error('three runs crossed a minute');
}

describe('tokens that are not valid, per client address', () => {
	it('get 429 with Retry-After past the limit, the same for an unknown and a revoked token', async () => {
		const workspace = await createWorkspace();
		const revoked = await json<{ id: string; token: string }>(callWith(limited, '/v1/tokens', { token: workspace.tokens.manager, body: { role: 'reporter' } }), 201);
		expect((await callWith(limited, `/v1/tokens/${revoked.id}`, { method: 'DELETE', token: workspace.tokens.manager })).status).toBe(204);
		await inOneMinute(async () => {
			const client = address();
			for (let n = 0; n < LIMIT; n++) await expectError(me(n % 2 ? revoked.token : unknownToken(), client), 401, 'unauthorized');
			const unknown = await expectError(me(unknownToken(), client), 429, 'rate_limited');
			const blocked = await me(revoked.token, client);
			const again = await expectError(blocked.clone(), 429, 'rate_limited');
			expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
			// One answer whether the token never existed or was revoked: nothing tells a guesser which.
			expect(again.error.message.replace(/\d+ s/, '')).toBe(unknown.error.message.replace(/\d+ s/, ''));
		});
	});

	it('leave valid tokens from the same address working, and other addresses untouched', async () => {
		const workspace = await createWorkspace();
		await inOneMinute(async () => {
			const client = address();
			for (let n = 0; n <= LIMIT; n++) await me(unknownToken(), client);
			await expectError(me(unknownToken(), client), 429, 'rate_limited');
			// A desk behind one address: one broken browser does not lock out the others.
			for (const role of ['reporter', 'technician', 'manager'] as const) await json(me(workspace.tokens[role], client));
			await json(callWith(limited, '/v1/signals', { token: workspace.tokens.reporter, body: { signals: [] }, headers: { 'cf-connecting-ip': client } }), 400);
			// The admin token is valid too, on its own route and (as 403) on the others.
			await json(callWith(limited, '/v1/workspaces', { token: ADMIN, body: { name: 'Behind the same address' }, headers: { 'cf-connecting-ip': client } }), 201);
			await expectError(me(ADMIN, client), 403, 'forbidden');
			await expectError(me(unknownToken(), client), 429, 'rate_limited');
			await expectError(me(unknownToken(), address()), 401, 'unauthorized');
		});
	});

	it('are counted on the admin route too', async () => {
		await inOneMinute(async () => {
			const client = address();
			const create = () => callWith(limited, '/v1/workspaces', { token: unknownToken(), body: { name: 'x' }, headers: { 'cf-connecting-ip': client } });
			for (let n = 0; n < LIMIT; n++) await expectError(create(), 401, 'unauthorized');
			await expectError(create(), 429, 'rate_limited');
		});
	});

	it('are not limited with "0", even from an address already past the limit', async () => {
		await inOneMinute(async () => {
			const client = address();
			for (let n = 0; n < LIMIT; n++) await me(unknownToken(), client);
			await expectError(me(unknownToken(), client), 429, 'rate_limited');
			for (let n = 0; n < LIMIT * 4; n++) await expectError(me(unknownToken(), client, { AUTH_FAILURES_PER_MINUTE: '0' }), 401, 'unauthorized');
		});
	});

	it('without a client address (locally) share one count', async () => {
		await inOneMinute(async () => {
			const anonymous = (bindings: Record<string, string>) => callWith(bindings, '/v1/me', { token: unknownToken() });
			// Earlier tests may have counted here too: past the limit, one more is 429 whatever came before.
			for (let n = 0; n <= LIMIT; n++) await anonymous(limited);
			await expectError(anonymous(limited), 429, 'rate_limited');
		});
	});
});
