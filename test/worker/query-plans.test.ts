import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { INGEST_READ_SQL } from '../../worker/db/ingest';
import { INGEST_SQL } from '../../worker/db/ingest-write';
import { EVIDENCE_SQL } from '../../worker/db/items';
import { CHECK_COUNTS_SQL } from '../../worker/db/metrics';
import { createWorkspace, send, signal } from './helpers';

/**
 * The ingest's cost per signal must not grow with the data: every statement reaches signals, items and keys through
 * a key that names rows (an id, a lookup key), never by walking a whole workspace. SQLite's plan says so.
 */
async function planOf(sql: string) {
	const count = Math.max(0, ...[...sql.matchAll(/\?(\d+)/g)].map((match) => Number(match[1])));
	const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...Array.from({ length: count }, () => '[]')).all<{ detail: string }>();
	return results.map((row) => row.detail);
}

describe('ingest query plans', () => {
	it('evidence and the check windows read an item\'s signals through the (item, time) index only', async () => {
		for (const sql of [EVIDENCE_SQL, CHECK_COUNTS_SQL]) {
			const details = await planOf(sql);
			expect(details.join(' | ')).toMatch(/COVERING INDEX signals_item \(item_id=\?/);
			for (const detail of details) {
				expect(detail, details.join(' | ')).not.toMatch(/^SCAN (signals|items)/);
				expect(detail, details.join(' | ')).not.toMatch(/\(workspace_id=\?\)$/);
			}
		}
	});

	it('never scan a table nor walk a whole workspace', async () => {
		// Some rows, so that the planner has statistics-free but realistic choices. Scans of json_each and of the
		// derived tables of the batch's own rows (d, fresh, subqueries) are bounded by the batch, not the data.
		const workspace = await createWorkspace();
		await send(workspace.tokens.technician, Array.from({ length: 50 }, (_, i) => signal({ text: `Plan check idea ${i} ${crypto.randomUUID()}` })));
		for (const [name, sql] of Object.entries({ ...INGEST_READ_SQL, ...INGEST_SQL })) {
			const details = await planOf(sql);
			for (const detail of details) {
				expect(detail, `${name}: ${details.join(' | ')}`).not.toMatch(/^SCAN (?!j\b|t\b|json_each|d\b|fresh\b|\(subquery)/);
				expect(detail, `${name}: ${details.join(' | ')}`).not.toMatch(/\(workspace_id=\?\)$/);
			}
		}
	});
});
