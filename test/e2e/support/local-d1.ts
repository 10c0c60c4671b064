import { readD1Migrations } from '@cloudflare/vitest-pool-workers';
import type { Miniflare } from 'miniflare';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../support/glpi-pages';

/** wrangler.toml's D1 binding: wrangler dev keeps it under `<persist-to>/v3/d1`, named by this id. */
const DATABASE_ID = '00000000-0000-0000-0000-000000000000';

type LocalD1 = Awaited<ReturnType<Miniflare['getD1Database']>>;

/**
 * Runs `work` on the local D1 that `wrangler dev --persist-to <persist>` uses, from this process: a Miniflare with
 * only that database, started for the call and gone after it, as `wrangler d1 execute --local` does, without the
 * seconds each `npx wrangler` spends loading before it starts the same Miniflare (issue: the e2e run passed 15 min).
 * A fresh instance per call reads what the running worker committed, and nothing of it stays open.
 */
export async function withLocalD1<T>(persist: string, work: (db: LocalD1) => Promise<T>): Promise<T> {
	// Two processes share the SQLite file: while the running worker commits, this reader may be told the database is
	// busy (seen once in a full run). That is the test's own contention, not the worker's answer: ask again shortly.
	for (let attempt = 1; ; attempt++) {
		try {
			return await onceWithLocalD1(persist, work);
		} catch (error) {
			if (attempt >= BUSY_ATTEMPTS || !/SQLITE_BUSY|database is locked/i.test(String(error))) throw error;
			await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
		}
	}
}

const BUSY_ATTEMPTS = 5;

async function onceWithLocalD1<T>(persist: string, work: (db: LocalD1) => Promise<T>): Promise<T> {
	// Loaded on first use: it takes seconds to import, and most files never read the D1 behind the API.
	const { Miniflare } = await import('miniflare');
	const miniflare = new Miniflare({
		modules: true,
		script: 'export default { fetch() { return new Response(null, { status: 404 }); } }',
		d1Databases: { DB: DATABASE_ID },
		d1Persist: join(persist, 'v3/d1'),
	});
	try {
		return await work(await miniflare.getD1Database('DB'));
	} finally {
		await miniflare.dispose();
	}
}

/** Applies worker/migrations in order, each in one batch, as the workerd tests do (test/worker/apply-migrations.ts). */
export async function migrateLocalD1(persist: string): Promise<void> {
	const migrations = await readD1Migrations(join(PROJECT_ROOT, 'worker/migrations'));
	await withLocalD1(persist, async (db) => {
		for (const migration of migrations) await db.batch(migration.queries.map((query) => db.prepare(query)));
	});
}
