import type { Enrollment, Installation } from '../../shared/schemas/enrollment';

type EnrollmentRole = Enrollment['role'];

interface EnrollmentRow {
	id: string;
	role: EnrollmentRole;
	label: string | null;
	max_uses: number;
	uses: number;
	expires_at: string;
	created_at: string;
	revoked_at: string | null;
}

const asEnrollment = (row: EnrollmentRow): Enrollment => ({
	id: row.id,
	role: row.role,
	label: row.label,
	maxUses: row.max_uses,
	uses: row.uses,
	expiresAt: row.expires_at,
	createdAt: row.created_at,
	revokedAt: row.revoked_at,
});

export async function insertEnrollment(
	db: D1Database,
	code: { id: string; workspaceId: string; role: EnrollmentRole; label: string | null; hash: string; maxUses: number; expiresAt: string; now: string },
): Promise<Enrollment> {
	const row = await db
		.prepare(
			`INSERT INTO enrollment_codes (id, workspace_id, role, label, hash, max_uses, expires_at, created_at)
			VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
			RETURNING id, role, label, max_uses, uses, expires_at, created_at, revoked_at`,
		)
		.bind(code.id, code.workspaceId, code.role, code.label, code.hash, code.maxUses, code.expiresAt, code.now)
		.first<EnrollmentRow>();
	if (!row) throw new Error('enrollment insert returned no row');
	return asEnrollment(row);
}

/** The workspace's codes, newest first (the most recent 200: older ones have long expired). */
export async function listEnrollments(db: D1Database, workspaceId: string): Promise<Enrollment[]> {
	const { results } = await db
		.prepare(
			`SELECT id, role, label, max_uses, uses, expires_at, created_at, revoked_at FROM enrollment_codes
			WHERE workspace_id = ?1 ORDER BY created_at DESC, id LIMIT 200`,
		)
		.bind(workspaceId)
		.all<EnrollmentRow>();
	return results.map(asEnrollment);
}

/** Revokes a code of this workspace; false when there is none (another workspace's id included) or it was revoked. */
export async function revokeEnrollment(db: D1Database, workspaceId: string, id: string, now: string): Promise<boolean> {
	const result = await db
		.prepare('UPDATE enrollment_codes SET revoked_at = ?3 WHERE id = ?1 AND workspace_id = ?2 AND revoked_at IS NULL')
		.bind(id, workspaceId, now)
		.run();
	return result.meta.changes > 0;
}

/**
 * Takes one use of a live code, atomically: two browsers racing for the last use never both get it. Returns the
 * code's workspace and role, or null when the code is unknown, revoked, expired or used up (one answer for all,
 * so that a guesser learns nothing).
 */
export async function takeEnrollmentUse(db: D1Database, hash: string, now: string) {
	return db
		.prepare(
			`UPDATE enrollment_codes SET uses = uses + 1
			WHERE hash = ?1 AND revoked_at IS NULL AND expires_at > ?2 AND uses < max_uses
			RETURNING id, workspace_id, role`,
		)
		.bind(hash, now)
		.first<{ id: string; workspace_id: string; role: EnrollmentRole }>();
}

export const insertEnrolledToken = (
	db: D1Database,
	token: { id: string; workspaceId: string; role: EnrollmentRole; label: string; hash: string; enrollmentId: string; now: string },
) =>
	db
		.prepare(
			`INSERT INTO tokens (id, workspace_id, role, label, hash, created_at, enrollment_id, last_seen_at)
			VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6)`,
		)
		.bind(token.id, token.workspaceId, token.role, token.label, token.hash, token.now, token.enrollmentId)
		.run();

interface InstallationRow {
	id: string;
	role: EnrollmentRole;
	label: string | null;
	enrollment_id: string;
	created_at: string;
	last_seen_at: string | null;
	revoked_at: string | null;
}

/** The workspace's enrolled installations (tokens made from a code), the most recently seen first. */
export async function listInstallations(db: D1Database, workspaceId: string): Promise<Installation[]> {
	const { results } = await db
		.prepare(
			`SELECT id, role, label, enrollment_id, created_at, last_seen_at, revoked_at FROM tokens
			WHERE workspace_id = ?1 AND enrollment_id IS NOT NULL
			ORDER BY revoked_at IS NOT NULL, last_seen_at DESC, id LIMIT 1000`,
		)
		.bind(workspaceId)
		.all<InstallationRow>();
	return results.map((row) => ({
		id: row.id,
		role: row.role,
		label: row.label,
		enrollmentId: row.enrollment_id,
		createdAt: row.created_at,
		lastSeenAt: row.last_seen_at,
		revokedAt: row.revoked_at,
	}));
}

/**
 * Counts a failure of a client in this minute and returns the count; the client's older minutes go as it goes. Used
 * for wrong enrollment codes and for tokens that are not valid, under keys of their own (services/client-limits.ts).
 * Only failures count, so a desk enrolling 200 browsers behind one address is never slowed down.
 */
export async function countFailedAttempt(db: D1Database, client: string, minute: number): Promise<number> {
	const [counted] = await db.batch([
		db
			.prepare(
				`INSERT INTO enrollment_attempts (client, minute, n) VALUES (?1, ?2, 1)
				ON CONFLICT (client, minute) DO UPDATE SET n = n + 1 RETURNING n`,
			)
			.bind(client, minute),
		db.prepare('DELETE FROM enrollment_attempts WHERE client = ?1 AND minute < ?2').bind(client, minute),
	]);
	return (counted?.results[0] as { n: number } | undefined)?.n ?? 1;
}

export async function failedAttempts(db: D1Database, client: string, minute: number): Promise<number> {
	const row = await db.prepare('SELECT n FROM enrollment_attempts WHERE client = ?1 AND minute = ?2').bind(client, minute).first<{ n: number }>();
	return row?.n ?? 0;
}

/**
 * Records that a token was used, at most once an hour: the condition makes every other request's update a no-op
 * read of one row by its primary key.
 */
export const touchToken = (db: D1Database, id: string, now: string, anHourAgo: string) =>
	db.prepare('UPDATE tokens SET last_seen_at = ?2 WHERE id = ?1 AND (last_seen_at IS NULL OR last_seen_at < ?3)').bind(id, now, anHourAgo).run();
