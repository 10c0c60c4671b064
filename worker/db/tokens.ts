import type { Role } from '../../shared/schemas/workspace';

export interface TokenRow {
	id: string;
	workspace_id: string;
	role: Role;
	label: string | null;
	hash: string;
	/** Set for tokens made from an enrollment code (migration 0004). */
	enrollment_id: string | null;
	last_seen_at: string | null;
}

export const findActiveTokenByHash = (db: D1Database, hash: string) => findActiveTokenStatement(db, hash).first<TokenRow>();

const findActiveTokenStatement = (db: D1Database, hash: string) =>
	db.prepare('SELECT id, workspace_id, role, label, hash, enrollment_id, last_seen_at FROM tokens WHERE hash = ?1 AND revoked_at IS NULL').bind(hash);

/**
 * The token of a write request and its rate-limit counter in one round trip: the counter of the current minute is
 * bumped only when the hash names an active token (so unknown tokens cannot fill the table), and the token's older
 * minutes are deleted as it goes. Returns the token row and the count of this minute including this request.
 */
export async function findTokenAndCount(db: D1Database, hash: string, minute: number) {
	const bucket = 'w';
	const [token, counter] = await db.batch([
		findActiveTokenStatement(db, hash),
		db
			.prepare(
				`INSERT INTO rate_limits (token_id, bucket, minute, n)
				SELECT id, ?2, ?3, 1 FROM tokens WHERE hash = ?1 AND revoked_at IS NULL
				ON CONFLICT (token_id, bucket, minute) DO UPDATE SET n = n + 1
				RETURNING n`,
			)
			.bind(hash, bucket, minute),
		db
			.prepare('DELETE FROM rate_limits WHERE token_id = (SELECT id FROM tokens WHERE hash = ?1) AND bucket = ?2 AND minute < ?3')
			.bind(hash, bucket, minute),
	]);
	return {
		row: (token?.results[0] as TokenRow | undefined) ?? null,
		count: (counter?.results[0] as { n: number } | undefined)?.n ?? 0,
	};
}

export const insertToken = (
	db: D1Database,
	token: { id: string; workspaceId: string; role: Role; label: string | null; hash: string; now: string },
) =>
	db
		.prepare('INSERT INTO tokens (id, workspace_id, role, label, hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
		.bind(token.id, token.workspaceId, token.role, token.label, token.hash, token.now);

/**
 * Revokes a token of this workspace, unless it is the workspace's last active manager token (issue 15: nothing
 * could recover a workspace without one). The check and the change are one statement, so two managers revoking each
 * other at once cannot both succeed. Returns 'revoked', 'last-manager', or 'not-found' (another workspace's id
 * included).
 */
export async function revokeToken(db: D1Database, workspaceId: string, id: string, now: string) {
	const [update, found] = await db.batch([
		db
			.prepare(
				`UPDATE tokens SET revoked_at = ?3 WHERE id = ?1 AND workspace_id = ?2 AND revoked_at IS NULL
				AND (role <> 'manager' OR (SELECT COUNT(*) FROM tokens t WHERE t.workspace_id = ?2 AND t.role = 'manager' AND t.revoked_at IS NULL) > 1)`,
			)
			.bind(id, workspaceId, now),
		db.prepare('SELECT role FROM tokens WHERE id = ?1 AND workspace_id = ?2 AND revoked_at IS NULL').bind(id, workspaceId),
	]);
	if ((update?.meta.changes ?? 0) > 0) return 'revoked' as const;
	return found?.results.length ? ('last-manager' as const) : ('not-found' as const);
}

interface TokenInfoRow {
	id: string;
	role: Role;
	label: string | null;
	created_at: string;
	revoked_at: string | null;
}

/** The tokens of a workspace, newest first, without their hashes. */
export async function listTokens(db: D1Database, workspaceId: string) {
	const { results } = await db
		.prepare('SELECT id, role, label, created_at, revoked_at FROM tokens WHERE workspace_id = ?1 ORDER BY created_at DESC, id LIMIT 1000')
		.bind(workspaceId)
		.all<TokenInfoRow>();
	return results.map((row) => ({ id: row.id, role: row.role, label: row.label, createdAt: row.created_at, revokedAt: row.revoked_at }));
}
