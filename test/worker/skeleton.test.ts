import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { BacklogPageSchema } from '../../shared/schemas/backlog';
import { ErrorEnvelopeSchema } from '../../shared/schemas/errors';
import { PRODUCT_VERSION } from '../../shared/version';
import { call, createWorkspace, signal } from './helpers';

describe('health', () => {
	it('answers without a token', async () => {
		const response = await call('/v1/health');
		expect(response.status).toBe(200);
		// The product's version, the one the extension and the CLI report too (test/shared/version.test.ts).
		expect(await response.json()).toEqual({ ok: true, version: PRODUCT_VERSION, api: '1.0.0' });
	});
});

describe('auth', () => {
	it('stores tokens only as hashes', async () => {
		const workspace = await createWorkspace();
		const { results } = await env.DB.prepare('SELECT hash FROM tokens WHERE workspace_id = ?1').bind(workspace.id).all<{ hash: string }>();
		expect(results).toHaveLength(3);
		for (const row of results) {
			expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
			expect(Object.values(workspace.tokens)).not.toContain(row.hash);
		}
	});

	it('answers 401 without a token or with an unknown one, 403 for a low role', async () => {
		const workspace = await createWorkspace();
		for (const token of [undefined, 'gxi_not-a-real-token']) {
			const response = await call('/v1/backlog', token ? { token } : {});
			expect(response.status).toBe(401);
			expect(ErrorEnvelopeSchema.parse(await response.json()).error.code).toBe('unauthorized');
		}
		const low = await call('/v1/backlog', { token: workspace.tokens.reporter });
		expect(low.status).toBe(403);
		expect(ErrorEnvelopeSchema.parse(await low.json()).error.code).toBe('forbidden');
	});
});

describe('signals and backlog', () => {
	it('is idempotent on the signal id and shows the idea in the backlog', async () => {
		const workspace = await createWorkspace();
		const idea = signal({ text: 'Let us reopen a ticket straight from the ticket list' });
		const first = await call('/v1/signals', { token: workspace.tokens.reporter, body: { signals: [idea] } });
		expect(first.status).toBe(200);
		expect(await first.json()).toEqual({ accepted: [idea.id], duplicates: [] });

		const replay = await call('/v1/signals', { token: workspace.tokens.reporter, body: { signals: [idea, idea] } });
		expect(await replay.json()).toEqual({ accepted: [], duplicates: [idea.id, idea.id] });

		const backlog = await call('/v1/backlog', { token: workspace.tokens.manager });
		expect(backlog.status).toBe(200);
		const page = BacklogPageSchema.parse(await backlog.json());
		expect(page.items).toHaveLength(1);
		expect(page.items[0]).toMatchObject({ title: idea.text, kind: 'idea', status: 'new', signalCount: 1, reporterCount: 1 });
		const stored = await env.DB.prepare('SELECT COUNT(*) AS n FROM signals WHERE workspace_id = ?1').bind(workspace.id).first<{ n: number }>();
		expect(stored?.n).toBe(1);
	});

	it('rejects unknown fields with the issues, and writes nothing', async () => {
		const workspace = await createWorkspace();
		const response = await call('/v1/signals', { token: workspace.tokens.reporter, body: { signals: [{ ...signal(), colour: 'red' }] } });
		expect(response.status).toBe(400);
		const body = ErrorEnvelopeSchema.parse(await response.json());
		expect(body.error.code).toBe('invalid_request');
		expect(body.error.issues?.[0]?.path).toBe('signals.0');
		const stored = await env.DB.prepare('SELECT COUNT(*) AS n FROM signals WHERE workspace_id = ?1').bind(workspace.id).first<{ n: number }>();
		expect(stored?.n).toBe(0);
	});

	it('never shows another workspace its items', async () => {
		const mine = await createWorkspace('mine');
		const theirs = await createWorkspace('theirs');
		await call('/v1/signals', { token: theirs.tokens.reporter, body: { signals: [signal()] } });
		const page = BacklogPageSchema.parse(await (await call('/v1/backlog', { token: mine.tokens.manager })).json());
		expect(page.items).toEqual([]);
	});
});
