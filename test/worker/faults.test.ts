import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createWorkspace, expectError, json, send, signal, snapshot } from './helpers';

/**
 * Server faults in the middle of a batch, injected into the real local D1: a trigger aborts the write of one lookup
 * key (item_keys), which comes after the items and the signals in the ingest's write batch. D1 runs a batch as one
 * transaction, so the whole batch must roll back, the client must get a retryable 500 in the envelope, and its retry
 * must land every signal exactly once.
 */
describe('a D1 fault in the middle of an ingest batch', () => {
	afterEach(async () => {
		await env.DB.exec('DROP TRIGGER IF EXISTS injected_fault');
	});

	it('writes nothing, answers a retryable 500, and the retry lands each signal once', async () => {
		const workspace = await createWorkspace();
		await send(workspace.tokens.reporter, [signal({ text: 'An earlier idea that is already there' })]);
		const batch = [
			...Array.from({ length: 4 }, (_, index) => signal({ text: `Idea number ${index} about the ticket form layout and its tabs` })),
			signal({ kind: 'friction', text: undefined, target: { selector: '#itil-form' }, tags: ['explode'] }),
		];
		const before = await snapshot();
		await env.DB.exec(
			"CREATE TRIGGER injected_fault BEFORE INSERT ON item_keys WHEN NEW.key LIKE '%|explode' BEGIN SELECT RAISE(ABORT, 'injected D1 fault'); END",
		);

		const post = () => call('/v1/signals', { token: workspace.tokens.reporter, body: { signals: batch } });
		const body = await expectError(post(), 500, 'internal');
		expect(JSON.stringify(body)).not.toMatch(/injected|SQL|item_keys|at \w+ \(/);
		expect(await snapshot()).toBe(before);

		await env.DB.exec('DROP TRIGGER injected_fault');
		const retried = await json<{ accepted: string[]; duplicates: string[] }>(post());
		expect(retried.accepted.sort()).toEqual(batch.map((entry) => entry.id).sort());
		const again = await json<{ accepted: string[]; duplicates: string[] }>(post());
		expect(again).toEqual({ accepted: [], duplicates: batch.map((entry) => entry.id) });
		const { n } = (await env.DB.prepare('SELECT COUNT(*) AS n FROM signals WHERE workspace_id = ?1').bind(workspace.id).first<{ n: number }>()) ?? { n: 0 };
		expect(n).toBe(6);
		const total = await env.DB.prepare('SELECT SUM(signal_count) AS n FROM items WHERE workspace_id = ?1').bind(workspace.id).first<{ n: number }>();
		expect(total?.n).toBe(6);
	});
});
