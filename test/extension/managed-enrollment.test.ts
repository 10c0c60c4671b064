import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyManagedPolicy } from '../../extension/background/managed';
import { managedEnrollmentStorage, tokenStorage } from '../../extension/core/storage';

/**
 * A policy's enrollment code meets a backend that cannot answer for now (found in the full e2e run: workerd's SQLite
 * busy, one 500 on POST /v1/enroll): the browser must ask again soon, not keep the 500 as the code's refusal for
 * good. A refusal of the code itself (4xx) is kept, and not tried again until the policy sets another code.
 */
const BACKEND = 'http://127.0.0.1:8787';
const WORKSPACE = { id: 'ws-123456', name: 'Desk' };
const me = { workspace: WORKSPACE, role: 'technician', tokenId: 'tok-123456', settings: { shareText: false, autoFriction: false } };

function backend(enrollAnswers: number[]) {
	const calls: string[] = [];
	const fetch = vi.fn(async (input: RequestInfo | URL) => {
		const url = String(input instanceof Request ? input.url : input);
		calls.push(new URL(url).pathname);
		if (url.endsWith('/v1/enroll')) {
			const status = enrollAnswers.shift() ?? 201;
			if (status >= 300) return Response.json({ error: { code: status === 410 ? 'code_used_up' : 'internal', message: `answer ${status}` } }, { status });
			return Response.json({ id: 'enr-123456', role: 'technician', token: 'gx_enrolled_token', workspace: WORKSPACE }, { status: 201 });
		}
		if (url.endsWith('/v1/me')) return Response.json(me);
		return new Response('not found', { status: 404 });
	});
	return { fetch, calls };
}

describe('enrolling by policy', () => {
	beforeEach(() => {
		fakeBrowser.reset();
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ backendUrl: BACKEND, enrollmentCode: 'GXE-ABCD-EFGH-JKMN-PQRS' });
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('asks again a few seconds after the backend failed to answer, and enrolls then', async () => {
		const server = backend([500]);
		vi.stubGlobal('fetch', server.fetch);
		await applyManagedPolicy();
		expect(await tokenStorage.getValue()).toBeFalsy();
		expect((await managedEnrollmentStorage.getValue()).error ?? null).toBeNull();
		await vi.advanceTimersByTimeAsync(5_000);
		await vi.waitFor(async () => expect(await tokenStorage.getValue()).toBe('gx_enrolled_token'));
		expect(server.calls.filter((path) => path === '/v1/enroll')).toHaveLength(2);
	});

	it("keeps the code's own refusal and does not ask again", async () => {
		const server = backend([410]);
		vi.stubGlobal('fetch', server.fetch);
		await applyManagedPolicy();
		expect((await managedEnrollmentStorage.getValue()).error).toContain('answer 410');
		await vi.advanceTimersByTimeAsync(120_000);
		await applyManagedPolicy();
		expect(server.calls.filter((path) => path === '/v1/enroll')).toHaveLength(1);
		expect(await tokenStorage.getValue()).toBeFalsy();
	});
});
