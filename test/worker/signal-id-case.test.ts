import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { backlogOf, createWorkspace, send, signal } from './helpers';

/** Runs migration `name` of worker/migrations again, as `wrangler d1 migrations apply` ran it on an older database. */
async function rerun(name: string) {
	const migration = env.TEST_MIGRATIONS.find((entry) => entry.name === name);
	if (!migration) throw new Error(`no migration ${name}`);
	for (const query of migration.queries) await env.DB.prepare(query).run();
}

describe('signal ids stored before ids were compared in lower case (migration 0007)', () => {
	it('take the lower case, so the same signal sent again in any case is a duplicate, counted once', async () => {
		const workspace = await createWorkspace();
		const older = signal({ text: 'Stored before issue 15 with an upper-case id' });
		expect((await send(workspace.tokens.reporter, [older])).accepted).toEqual([older.id]);
		// What the ingest before issue 15 left: the id as the client sent it.
		const upper = older.id.toUpperCase();
		await env.DB.prepare('UPDATE signals SET id = ?1 WHERE workspace_id = ?2 AND id = ?3').bind(upper, workspace.id, older.id).run();

		await rerun('0007_signal_ids_lower_case.sql');

		expect(await send(workspace.tokens.reporter, [{ ...older, id: upper }])).toEqual({ accepted: [], duplicates: [upper] });
		expect(await send(workspace.tokens.reporter, [older])).toEqual({ accepted: [], duplicates: [older.id] });
		expect((await backlogOf(workspace))[0]?.signalCount).toBe(1);
	});

	it('leave an upper-case row whose lower-case twin is already stored, and fail on nothing', async () => {
		const workspace = await createWorkspace();
		const [a, b] = [signal({ text: 'First of two stored twins' }), signal({ text: 'Second of two stored twins' })];
		await send(workspace.tokens.reporter, [a, b]);
		// Both cases of a's id stored: the duplicate an older ingest could make.
		await env.DB.prepare('UPDATE signals SET id = ?1 WHERE workspace_id = ?2 AND id = ?3').bind(a.id.toUpperCase(), workspace.id, b.id).run();

		await rerun('0007_signal_ids_lower_case.sql');

		const ids = await env.DB.prepare('SELECT id FROM signals WHERE workspace_id = ?1 ORDER BY id').bind(workspace.id).all<{ id: string }>();
		expect(ids.results.map((row) => row.id).sort()).toEqual([a.id, a.id.toUpperCase()].sort());
	});
});
