import { createMiddleware } from 'hono/factory';
import type { Role } from '../../shared/schemas/workspace';
import { findActiveTokenByHash } from '../db/tokens';
import type { AppEnv, Caller } from '../env';
import { ApiError } from '../errors';
import { sha256Hex, timingSafeEqualText } from '../services/tokens';

const ROLE_RANK: Record<Role, number> = { reporter: 1, technician: 2, manager: 3 };

function bearerOf(header: string | undefined): string | undefined {
	const match = /^Bearer[ \t]+([\x21-\x7e]{1,200})[ \t]*$/i.exec(header ?? '');
	return match?.[1];
}

// Only hashes are stored, so tokens are looked up by hash; the stored hash is then compared in constant time, and the
// admin token is compared through its hash too.

/** Lets in the admin token only (POST /v1/workspaces). */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
	const token = bearerOf(c.req.header('authorization'));
	const admin = c.env.ADMIN_TOKEN;
	if (!token) throw new ApiError('unauthorized', 'A bearer token is required.');
	const hash = await sha256Hex(token);
	if (admin && timingSafeEqualText(hash, await sha256Hex(admin))) {
		c.set('caller', { kind: 'admin' });
		return next();
	}
	// A workspace token is known but is not the admin token: that is a role too low, not an unknown token.
	if (await findActiveTokenByHash(c.env.DB, hash)) throw new ApiError('forbidden', 'Only the admin token may do this.');
	throw new ApiError('unauthorized', 'Unknown or revoked token.');
});

/** Lets in workspace tokens whose role is at least `role`. */
export const requireRole = (role: Role) =>
	createMiddleware<AppEnv>(async (c, next) => {
		const token = bearerOf(c.req.header('authorization'));
		if (!token) throw new ApiError('unauthorized', 'A bearer token is required.');
		const hash = await sha256Hex(token);
		const row = await findActiveTokenByHash(c.env.DB, hash);
		if (!row || !timingSafeEqualText(row.hash, hash)) {
			const admin = c.env.ADMIN_TOKEN;
			if (admin && timingSafeEqualText(hash, await sha256Hex(admin))) {
				throw new ApiError('forbidden', 'The admin token only creates workspaces.');
			}
			throw new ApiError('unauthorized', 'Unknown or revoked token.');
		}
		if (ROLE_RANK[row.role] < ROLE_RANK[role]) {
			throw new ApiError('forbidden', `This needs the ${role} role; the token is ${row.role}.`);
		}
		c.set('caller', { kind: 'token', tokenId: row.id, workspaceId: row.workspace_id, role: row.role, label: row.label });
		return next();
	});

/** The calling token; only valid behind requireRole. */
export function tokenCaller(caller: Caller): Extract<Caller, { kind: 'token' }> {
	if (caller.kind !== 'token') throw new ApiError('forbidden', 'A workspace token is required.');
	return caller;
}
