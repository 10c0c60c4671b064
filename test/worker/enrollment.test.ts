import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { EnrolledSchema, EnrollmentCreatedSchema, EnrollmentListSchema, InstallationListSchema } from '../../shared/schemas/enrollment';
import { WhoAmISchema } from '../../shared/schemas/workspace';
import { type TestWorkspace, backlogOf, call, callWith, createWorkspace, expectError, json, signal } from './helpers';

const newCode = async (workspace: TestWorkspace, body: Record<string, unknown> = {}) =>
	EnrollmentCreatedSchema.parse(
		await json(call('/v1/enrollments', { token: workspace.tokens.manager, body: { role: 'reporter', maxUses: 5, expiresInHours: 24, ...body } }), 201),
	);

/** Each test its own client address, so that the wrong-code counter of one never slows another. */
const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${crypto.randomUUID().slice(0, 8)}`;

const exchange = (code: string, label = 'Front desk PC 12', client = address()) =>
	call('/v1/enroll', { body: { code, label }, headers: { 'cf-connecting-ip': client } });

const enrolled = async (code: string, label?: string) => EnrolledSchema.parse(await json(exchange(code, label), 201));

describe('enrollment codes', () => {
	it('are made by managers only, shown once, and listed without the code', async () => {
		const workspace = await createWorkspace();
		for (const role of ['reporter', 'technician'] as const) {
			await expectError(call('/v1/enrollments', { token: workspace.tokens[role], body: { role: 'reporter', maxUses: 1, expiresInHours: 1 } }), 403, 'forbidden');
		}
		const { code, enrollment } = await newCode(workspace, { label: 'Service desk, December' });
		expect(code).toMatch(/^GXE(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
		expect(enrollment).toMatchObject({ role: 'reporter', maxUses: 5, uses: 0, label: 'Service desk, December', revokedAt: null });
		expect(Date.parse(enrollment.expiresAt) - Date.parse(enrollment.createdAt)).toBe(24 * 3_600_000);
		const listed = await call('/v1/enrollments', { token: workspace.tokens.manager });
		const text = await listed.clone().text();
		expect(EnrollmentListSchema.parse(await listed.json()).enrollments.map((e) => e.id)).toEqual([enrollment.id]);
		expect(text).not.toContain(code.slice(4, 8) + code.slice(9, 13));
		const { results } = await env.DB.prepare('SELECT hash FROM enrollment_codes WHERE id = ?1').bind(enrollment.id).all<{ hash: string }>();
		expect(results[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
	});

	it('refuses a manager role, zero uses and bad expiries with 400', async () => {
		const workspace = await createWorkspace();
		for (const body of [
			{ role: 'manager', maxUses: 1, expiresInHours: 1 },
			{ role: 'reporter', maxUses: 0, expiresInHours: 1 },
			{ role: 'reporter', maxUses: 1, expiresInHours: 0 },
			{ role: 'reporter', maxUses: 1, expiresInHours: 24 * 91 },
			{ role: 'reporter', maxUses: 1, expiresInHours: 1, extra: true },
		]) {
			await expectError(call('/v1/enrollments', { token: workspace.tokens.manager, body }), 400, 'invalid_request');
		}
	});
});

describe('exchanging a code', () => {
	it("gives the browser its own token with the code's role and the user's label", async () => {
		const workspace = await createWorkspace();
		const { code } = await newCode(workspace, { role: 'technician' });
		// Typed by hand: lower case, spaces instead of dashes, no prefix.
		const typed = code.slice(4).toLowerCase().replace(/-/g, ' ');
		const answer = await enrolled(typed, 'Laptop of Ana');
		expect(answer).toMatchObject({ role: 'technician', workspace: { id: workspace.id, name: 'Test desk' } });
		const me = WhoAmISchema.parse(await json(call('/v1/me', { token: answer.token })));
		expect(me).toMatchObject({ role: 'technician', tokenId: answer.id });
		const { installations } = InstallationListSchema.parse(await json(call('/v1/enrollments/installations', { token: workspace.tokens.manager })));
		expect(installations).toEqual([expect.objectContaining({ id: answer.id, role: 'technician', label: 'Laptop of Ana', revokedAt: null })]);
		expect(installations[0]?.lastSeenAt).not.toBeNull();
	});

	it('is not a bearer token: the code itself opens no route', async () => {
		const workspace = await createWorkspace();
		const { code } = await newCode(workspace);
		await expectError(call('/v1/me', { token: code }), 401, 'unauthorized');
	});

	it('stops after the uses it was given, even when browsers race for the last one', async () => {
		const workspace = await createWorkspace();
		const { code, enrollment } = await newCode(workspace, { maxUses: 3 });
		await enrolled(code);
		const racing = await Promise.all([1, 2, 3, 4].map((n) => exchange(code, `racer ${n}`)));
		expect(racing.map((r) => r.status).sort()).toEqual([201, 201, 404, 404]);
		await expectError(exchange(code), 404, 'not_found');
		const { enrollments } = EnrollmentListSchema.parse(await json(call('/v1/enrollments', { token: workspace.tokens.manager })));
		expect(enrollments.find((e) => e.id === enrollment.id)?.uses).toBe(3);
	});

	it('stops when the code expires or is revoked; tokens already enrolled keep working', async () => {
		const workspace = await createWorkspace();
		const expiring = await newCode(workspace);
		const first = await enrolled(expiring.code);
		await env.DB.prepare('UPDATE enrollment_codes SET expires_at = ?2 WHERE id = ?1').bind(expiring.enrollment.id, new Date(Date.now() - 1000).toISOString()).run();
		await expectError(exchange(expiring.code), 404, 'not_found');

		const revoked = await newCode(workspace);
		await json(exchange(revoked.code), 201);
		expect((await call(`/v1/enrollments/${revoked.enrollment.id}`, { method: 'DELETE', token: workspace.tokens.manager })).status).toBe(204);
		await expectError(exchange(revoked.code), 404, 'not_found');
		await expectError(call(`/v1/enrollments/${revoked.enrollment.id}`, { method: 'DELETE', token: workspace.tokens.manager }), 404, 'not_found');
		expect((await call('/v1/me', { token: first.token })).status).toBe(200);
	});

	it('never reaches another workspace: its manager neither sees nor revokes the codes or installations', async () => {
		const ours = await createWorkspace();
		const theirs = await createWorkspace('Other desk');
		const { code, enrollment } = await newCode(ours);
		const installation = await enrolled(code);
		expect(EnrollmentListSchema.parse(await json(call('/v1/enrollments', { token: theirs.tokens.manager }))).enrollments).toEqual([]);
		expect(InstallationListSchema.parse(await json(call('/v1/enrollments/installations', { token: theirs.tokens.manager }))).installations).toEqual([]);
		await expectError(call(`/v1/enrollments/${enrollment.id}`, { method: 'DELETE', token: theirs.tokens.manager }), 404, 'not_found');
		await expectError(call(`/v1/tokens/${installation.id}`, { method: 'DELETE', token: theirs.tokens.manager }), 404, 'not_found');
		expect(installation.workspace.id).toBe(ours.id);
	});

	it('answers malformed requests with 400, never 500', async () => {
		for (const body of [{}, { code: 'GXE-1234' , label: 'x' }, { code: 42, label: 'x' }, { code: 'A'.repeat(16) }, { code: 'A'.repeat(16), label: ' ' }, { code: 'U'.repeat(16), label: 'x' }]) {
			await expectError(call('/v1/enroll', { body, headers: { 'cf-connecting-ip': address() } }), 400, 'invalid_request');
		}
	});
});

describe('guessing codes', () => {
	it('is limited per client address: past the limit, even a right code waits for the next minute', async () => {
		const workspace = await createWorkspace();
		const { code } = await newCode(workspace);
		const client = address();
		const attempt = (tried: string) =>
			callWith({ ENROLL_FAILURES_PER_MINUTE: '3' }, '/v1/enroll', { body: { code: tried, label: 'guesser' }, headers: { 'cf-connecting-ip': client } });
		// Wrong codes close to the right one: the same alphabet and length.
		const wrong = code.slice(4).replace(/[0-9A-Z]/g, (c) => (c === '0' ? '1' : '0'));
		// The current minute may end during the test; a fresh minute then starts a fresh count, so run in one minute.
		const startMinute = Math.floor(Date.now() / 60_000);
		for (let n = 0; n < 3; n++) await expectError(attempt(wrong), 404, 'not_found');
		const blocked = await attempt(code);
		if (Math.floor(Date.now() / 60_000) !== startMinute) return; // crossed a minute: the count started again
		await expectError(blocked, 429, 'rate_limited');
		expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		// Another address is not slowed down by this one.
		EnrolledSchema.parse(await json(exchange(code, 'honest user', address()), 201));
	});
});

describe('an enrolled installation', () => {
	it('is the reporter of what it sends, whatever the body claims, so one token cannot pose as a crowd', async () => {
		const workspace = await createWorkspace();
		const { code } = await newCode(workspace);
		const installation = await enrolled(code);
		const text = `Crowd of one ${crypto.randomUUID()}`;
		const signals = [1, 2, 3, 4, 5].map((n) => signal({ text, reporter: `pretend-reporter-${n}` }));
		await json(call('/v1/signals', { token: installation.token, body: { signals } }));
		const item = (await backlogOf(workspace, '?sort=recent&limit=100')).find((candidate) => candidate.title === text);
		expect(item).toMatchObject({ signalCount: 5, reporterCount: 1 });
		const { results } = await env.DB.prepare('SELECT DISTINCT reporter FROM signals WHERE workspace_id = ?1 AND id = ?2').bind(workspace.id, signals[0]?.id).all<{ reporter: string }>();
		expect(results).toEqual([{ reporter: installation.id }]);
	});

	it("is seen at most once an hour, and revoked alone by the manager", async () => {
		const workspace = await createWorkspace();
		const { code } = await newCode(workspace);
		const kept = await enrolled(code, 'kept');
		const dropped = await enrolled(code, 'dropped');
		const seen = async (id: string) => (await env.DB.prepare('SELECT last_seen_at FROM tokens WHERE id = ?1').bind(id).first<{ last_seen_at: string }>())?.last_seen_at;
		const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
		const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
		await env.DB.prepare('UPDATE tokens SET last_seen_at = ?2 WHERE id = ?1').bind(kept.id, twoHoursAgo).run();
		await env.DB.prepare('UPDATE tokens SET last_seen_at = ?2 WHERE id = ?1').bind(dropped.id, tenMinutesAgo).run();
		await json(call('/v1/me', { token: kept.token }));
		await json(call('/v1/me', { token: dropped.token }));
		expect(Date.parse((await seen(kept.id)) ?? '')).toBeGreaterThan(Date.now() - 60_000);
		expect(await seen(dropped.id)).toBe(tenMinutesAgo);

		expect((await call(`/v1/tokens/${dropped.id}`, { method: 'DELETE', token: workspace.tokens.manager })).status).toBe(204);
		await expectError(call('/v1/me', { token: dropped.token }), 401, 'unauthorized');
		expect((await call('/v1/me', { token: kept.token })).status).toBe(200);
		const { installations } = InstallationListSchema.parse(await json(call('/v1/enrollments/installations', { token: workspace.tokens.manager })));
		expect(installations.map((i) => [i.label, i.revokedAt === null])).toEqual([
			['kept', true],
			['dropped', false],
		]);
	});
});
