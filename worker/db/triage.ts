import type { BacklogPatch } from '../../shared/schemas/backlog';
import { searchTextOf } from '../services/search';
import { type Actor, actorName } from './audit';
import { type ItemRow, getItemStatement } from './items';

/** SQL of a glpi link as the audit shows it: JSON, or null when there is none. */
const GLPI_JSON = `CASE WHEN glpi_url IS NULL THEN NULL ELSE json_object('itemtype', glpi_itemtype, 'id', glpi_id, 'url', glpi_url) END`;

/**
 * Applies a PATCH to an item that is not merged, and writes one audit row per field that really changes. The audit
 * rows read the old values inside the same atomic batch as the update, so a concurrent PATCH can never make the
 * trail lie about "from". Returns the item as it is afterwards, or null when no unmerged item matched.
 */
export async function patchItem(db: D1Database, workspaceId: string, current: ItemRow, patch: BacklogPatch, actor: Actor, now: Date) {
	const at = now.toISOString();
	const id = current.id;
	const base = [workspaceId, id, at, actorName(actor), actor.tokenId];
	const audit = (field: string, fromSql: string, to: string | null) =>
		db
			.prepare(
				`INSERT INTO audit (workspace_id, item_id, at, actor, actor_token_id, field, from_value, to_value)
				SELECT ?1, id, ?3, ?4, ?5, ?6, ${fromSql}, ?7 FROM items
				WHERE workspace_id = ?1 AND id = ?2 AND merged_into IS NULL AND ${fromSql} IS NOT ?7`,
			)
			.bind(...base, field, to);

	const statements = [];
	const sets: string[] = [];
	const params: unknown[] = [workspaceId, id, at];
	const param = (value: unknown) => {
		params.push(value);
		return `?${params.length}`;
	};
	const owner = patch.owner === undefined ? current.owner : patch.owner || null;
	const note = patch.note === undefined ? current.note : patch.note || null;
	const title = patch.title ?? current.title;
	if (patch.status !== undefined) {
		statements.push(audit('status', 'status', patch.status));
		const status = param(patch.status);
		// SET expressions read the old row: status here is the status before this PATCH.
		sets.push(
			`status = ${status}`,
			`status_changed_at = CASE WHEN status IS NOT ${status} THEN ?3 ELSE status_changed_at END`,
			`triaged_at = CASE WHEN triaged_at IS NULL AND status = 'new' AND ${status} <> 'new' THEN ?3 ELSE triaged_at END`,
			`do_at = CASE WHEN ${status} = 'do' AND status <> 'do' THEN ?3 ELSE do_at END`,
		);
	}
	if (patch.owner !== undefined) {
		statements.push(audit('owner', 'owner', owner));
		sets.push(`owner = ${param(owner)}`);
	}
	if (patch.note !== undefined) {
		statements.push(audit('note', 'note', note));
		sets.push(`note = ${param(note)}`);
	}
	if (patch.title !== undefined) {
		statements.push(audit('title', 'title', title));
		// The title a manager set is the only wording of the item that other users see (known-issue hints).
		const value = param(title);
		sets.push(`title = ${value}`, `public_title = ${value}`);
	}
	if (patch.glpi !== undefined) {
		const link = patch.glpi;
		statements.push(audit('glpi', GLPI_JSON, link ? JSON.stringify({ itemtype: link.itemtype, id: link.id, url: link.url }) : null));
		sets.push(`glpi_itemtype = ${param(link?.itemtype ?? null)}`, `glpi_id = ${param(link?.id ?? null)}`, `glpi_url = ${param(link?.url ?? null)}`);
	}
	sets.push(`search_text = ${param(searchTextOf({ title, route: current.route, selector: current.selector, owner, note }))}`);
	statements.push(
		db.prepare(`UPDATE items SET ${sets.join(', ')} WHERE workspace_id = ?1 AND id = ?2 AND merged_into IS NULL`).bind(...params),
		getItemStatement(db, workspaceId, id, now.getTime()),
	);
	const results = await db.batch(statements);
	const updated = results.at(-2)?.meta.changes ?? 0;
	const row = results.at(-1)?.results[0] as ItemRow | undefined;
	return updated > 0 && row ? row : null;
}
