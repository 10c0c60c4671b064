import { addRanksSql } from '../services/score';
import { type Actor, actorName } from './audit';
import { type ItemRow, getItemStatement } from './items';

const MAX_ITEM_TAGS = 20;

/**
 * Merges item ?2 (source) into ?3 (target) in one atomic batch: the target absorbs the source's counters, rank,
 * reporters, weeks and tags; the source and every item merged into it earlier point at the target, so merged_into
 * is always the final target and lookups through the source's keys land on the target from now on.
 * Every statement carries the same guard (both items still unmerged), and the one that marks the source runs last,
 * so a merge that lost a race with another changes nothing. Returns the target afterwards, or null in that case.
 */
export async function mergeItems(db: D1Database, workspaceId: string, sourceId: string, targetId: string, actor: Actor, now: Date) {
	const at = now.toISOString();
	const guard = `EXISTS (SELECT 1 FROM items g WHERE g.workspace_id = ?1 AND g.id = ?2 AND g.merged_into IS NULL)
		AND EXISTS (SELECT 1 FROM items g WHERE g.workspace_id = ?1 AND g.id = ?3 AND g.merged_into IS NULL)`;
	const statement = (sql: string, ...more: unknown[]) => db.prepare(sql).bind(workspaceId, sourceId, targetId, ...more);
	const audit = `INSERT INTO audit (workspace_id, item_id, at, actor, actor_token_id, field, from_value, to_value)
		SELECT ?1, ?4, ?6, ?7, ?8, ?5, NULL, ?9 WHERE ${guard}`;
	const results = await db.batch([
		statement(audit, targetId, 'merged', at, actorName(actor), actor.tokenId, sourceId),
		statement(audit, sourceId, 'mergedInto', at, actorName(actor), actor.tokenId, targetId),
		// A reporter counted on either item is counted on the target; one held back on both stays held back.
		statement(
			`INSERT INTO item_reporters (item_id, reporter, token_id, added_at, held)
			SELECT ?3, reporter, token_id, added_at, held FROM item_reporters WHERE item_id = ?2 AND ${guard}
			ON CONFLICT (item_id, reporter) DO UPDATE SET held = 0 WHERE excluded.held = 0`,
		),
		statement(
			`INSERT INTO item_weeks (item_id, week, n) SELECT ?3, week, n FROM item_weeks WHERE item_id = ?2 AND ${guard}
			ON CONFLICT (item_id, week) DO UPDATE SET n = n + excluded.n`,
		),
		statement(
			`UPDATE items SET
				signal_count = items.signal_count + source.signal_count,
				rank = ${addRanksSql('items.rank', 'source.rank')},
				first_seen = min(items.first_seen, source.first_seen),
				last_seen = max(items.last_seen, source.last_seen),
				reporter_count = (SELECT COUNT(*) FROM item_reporters r WHERE r.item_id = items.id AND r.held = 0),
				burst_reporters = (SELECT COUNT(*) FROM item_reporters r WHERE r.item_id = items.id AND r.held = 1),
				tags = (SELECT json_group_array(value) FROM (
					SELECT value FROM json_each(items.tags)
					UNION ALL SELECT value FROM json_each(source.tags) WHERE value NOT IN (SELECT value FROM json_each(items.tags))
					LIMIT ${MAX_ITEM_TAGS}))
			FROM (SELECT signal_count, rank, first_seen, last_seen, tags FROM items WHERE workspace_id = ?1 AND id = ?2) AS source
			WHERE items.workspace_id = ?1 AND items.id = ?3 AND ${guard}`,
		),
		statement(`UPDATE items SET merged_into = ?3 WHERE workspace_id = ?1 AND merged_into = ?2 AND ${guard}`),
		statement(`UPDATE items SET merged_into = ?3 WHERE workspace_id = ?1 AND id = ?2 AND ${guard}`),
		getItemStatement(db, workspaceId, targetId, now.getTime()),
	]);
	const merged = results.at(-2)?.meta.changes ?? 0;
	const row = results.at(-1)?.results[0] as ItemRow | undefined;
	return merged > 0 && row ? row : null;
}
