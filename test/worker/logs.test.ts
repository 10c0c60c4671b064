import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, createWorkspace, signal } from './helpers';

/**
 * Logs never hold a token or a user's words (docs/SECURITY.md): every console method is watched while requests that
 * succeed, fail validation, fail auth, and fail inside D1 carry a token and a recognisable text.
 */
describe('what the worker logs', () => {
	afterEach(async () => {
		vi.restoreAllMocks();
		await env.DB.exec('DROP TRIGGER IF EXISTS log_fault');
	});

	it('holds no token and no signal text, whatever the outcome', async () => {
		const workspace = await createWorkspace();
		const lines: string[] = [];
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')));
		}
		const secretText = 'PRIVATE-WORDS-4f1c the VPN drops for Mrs Secretname';
		const token = workspace.tokens.reporter;
		await call('/v1/signals', { token, body: { signals: [signal({ text: secretText })] } });
		await call('/v1/signals', { token, body: { signals: [{ ...signal({ text: secretText }), extra: secretText }] } });
		await call('/v1/signals', { token: `${token}x`, body: { signals: [signal({ text: secretText })] } });
		await call('/v1/backlog', { token, headers: { 'x-note': secretText } });
		await env.DB.exec("CREATE TRIGGER log_fault BEFORE INSERT ON signals BEGIN SELECT RAISE(ABORT, 'injected'); END");
		const failed = await call('/v1/signals', { token, body: { signals: [signal({ text: secretText })] } });
		expect(failed.status).toBe(500);
		expect(lines.length).toBeGreaterThan(0);
		for (const line of lines) {
			expect(line).not.toContain(token);
			expect(line).not.toContain('PRIVATE-WORDS');
			expect(line).not.toContain('Secretname');
		}
	});
});
