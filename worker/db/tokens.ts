import type { Role } from '../../shared/schemas/workspace';

export interface TokenRow {
	id: string;
	workspace_id: string;
	role: Role;
	label: string | null;
	hash: string;
}

export const findActiveTokenByHash = (db: D1Database, hash: string) =>
	db
		.prepare('SELECT id, workspace_id, role, label, hash FROM tokens WHERE hash = ?1 AND revoked_at IS NULL')
		.bind(hash)
		.first<TokenRow>();

export const insertToken = (
	db: D1Database,
	token: { id: string; workspaceId: string; role: Role; label: string | null; hash: string; now: string },
) =>
	db
		.prepare('INSERT INTO tokens (id, workspace_id, role, label, hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
		.bind(token.id, token.workspaceId, token.role, token.label, token.hash, token.now);

/** Revokes a token of this workspace; returns false when there is none (another workspace's id included). */
export async function revokeToken(db: D1Database, workspaceId: string, id: string, now: string): Promise<boolean> {
	const result = await db
		.prepare('UPDATE tokens SET revoked_at = ?3 WHERE id = ?1 AND workspace_id = ?2 AND revoked_at IS NULL')
		.bind(id, workspaceId, now)
		.run();
	return result.meta.changes > 0;
}
