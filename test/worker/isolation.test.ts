import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { backlogOf, createWorkspace, send, signal } from './helpers';

/**
 * Signal ids are idempotency keys per workspace (docs/SECURITY.md): an id already known in another workspace is
 * neither a duplicate (which would tell the sender that someone else has it) nor a collision (which would drop the
 * second workspace's signal or touch the first one's row).
 */
describe('the same signal id in two workspaces', () => {
	it('is accepted in each, stored in each, and says nothing about the other', async () => {
		const first = await createWorkspace('first');
		const second = await createWorkspace('second');
		const original = signal({ text: 'The VPN category is hard to find in the ticket form' });
		const replayed = { ...original, text: 'A different text under a stolen id' };
		expect(await send(first.tokens.reporter, [original])).toEqual({ accepted: [original.id], duplicates: [] });
		expect(await send(second.tokens.reporter, [replayed])).toEqual({ accepted: [original.id], duplicates: [] });
		const rows = await env.DB.prepare('SELECT workspace_id, body FROM signals WHERE id = ?1 ORDER BY workspace_id').bind(original.id).all<{ workspace_id: string; body: string }>();
		expect(rows.results.map((row) => [row.workspace_id, (JSON.parse(row.body) as { text: string }).text]).sort()).toEqual(
			[
				[first.id, original.text],
				[second.id, replayed.text],
			].sort(),
		);
		expect((await backlogOf(first)).map((item) => item.title)).toEqual([original.text]);
		expect((await backlogOf(second)).map((item) => item.title)).toEqual([replayed.text]);
		// And within a workspace it stays a duplicate.
		expect(await send(second.tokens.reporter, [replayed])).toEqual({ accepted: [], duplicates: [original.id] });
	});
});
