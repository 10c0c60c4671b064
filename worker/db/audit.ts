import type { AuditEntry } from '../../shared/schemas/backlog';

/** Who changes an item: the calling token, named by its label when it has one. */
export interface Actor {
	tokenId: string;
	label: string | null;
}

export const actorName = (actor: Actor) => actor.label ?? actor.tokenId;

interface AuditRow {
	at: string;
	actor: string;
	actor_token_id: string | null;
	field: string;
	from_value: string | null;
	to_value: string | null;
}

/** The audit trail of one item, newest first. */
export const auditStatement = (db: D1Database, workspaceId: string, itemId: string, limit: number) =>
	db
		.prepare(
			`SELECT at, actor, actor_token_id, field, from_value, to_value FROM audit
			WHERE workspace_id = ?1 AND item_id = ?2 ORDER BY id DESC LIMIT ?3`,
		)
		.bind(workspaceId, itemId, limit);

export function toAuditEntry(row: AuditRow): AuditEntry {
	const entry: AuditEntry = { at: row.at, actor: row.actor, field: row.field, from: row.from_value, to: row.to_value };
	if (row.actor_token_id) entry.actorTokenId = row.actor_token_id;
	return entry;
}

export type { AuditRow };
