import { createMiddleware } from 'hono/factory';
import type { Role } from '../../shared/schemas/workspace';
import { touchToken } from '../db/enrollment';
import { findActiveTokenByHash, findTokenAndCount, type TokenRow } from '../db/tokens';
import type { AppEnv, Bindings, Caller } from '../env';
import { ApiError } from '../errors';
import { countRead } from '../services/read-limiter';
import { sha256Hex, timingSafeEqualText } from '../services/tokens';

const ROLE_RANK: Record<Role, number> = { reporter: 1, technician: 2, manager: 3 };
const DEFAULT_LIMITS = { w: 120, r: 600 };

function bearerOf(header: string | undefined): string | undefined {
	const match = /^Bearer[ \t]+([\x21-\x7e]{1,200})[ \t]*$/i.exec(header ?? '');
	return match?.[1];
}

/** Requests a token may make per minute in a bucket; 0 turns the limit off. Set in wrangler.toml [vars]. */
function limitOf(env: Bindings, bucket: 'r' | 'w'): number {
	const text = bucket === 'w' ? env.RATE_LIMIT_PER_MINUTE : env.RATE_LIMIT_READS_PER_MINUTE;
	const value = Number(text);
	return text !== undefined && text !== '' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_LIMITS[bucket];
}

const isAdmin = async (env: Bindings, hash: string) => Boolean(env.ADMIN_TOKEN) && timingSafeEqualText(hash, await sha256Hex(env.ADMIN_TOKEN ?? ''));

// Only hashes are stored, so tokens are looked up by hash; the stored hash is then compared in constant time, and the
// admin token is compared through its hash too.

/** Lets in the admin token only (POST /v1/workspaces). */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
	const token = bearerOf(c.req.header('authorization'));
	if (!token) throw new ApiError('unauthorized', 'A bearer token is required.');
	const hash = await sha256Hex(token);
	if (await isAdmin(c.env, hash)) {
		c.set('caller', { kind: 'admin' });
		return next();
	}
	// A workspace token is known but is not the admin token: that is a role too low, not an unknown token.
	if (await findActiveTokenByHash(c.env.DB, hash)) throw new ApiError('forbidden', 'Only the admin token may do this.');
	throw new ApiError('unauthorized', 'Unknown or revoked token.');
});

async function findReader(db: D1Database, hash: string, minute: number) {
	const row = await findActiveTokenByHash(db, hash);
	return { row, count: row ? countRead(row.id, minute) : 0 };
}

const HOUR_MS = 3_600_000;

/** An enrolled token's `last seen`, written at most once an hour (the manager's list of installations needs no more). */
async function noteSeen(db: D1Database, row: TokenRow, now: number) {
	if (!row.enrollment_id) return;
	const anHourAgo = new Date(now - HOUR_MS).toISOString();
	if (row.last_seen_at !== null && row.last_seen_at >= anHourAgo) return;
	await touchToken(db, row.id, new Date(now).toISOString(), anHourAgo);
}

/**
 * Lets in workspace tokens whose role is at least `role`, within the token's rate limit: a fixed one-minute window
 * per token, one for reads (GET, counted in the isolate: services/read-limiter.ts) and one for writes (counted in D1
 * in the same round trip as the token lookup). Order of answers: 401 (no such token), 429 (too many), 403 (role).
 */
export const requireRole = (role: Role) =>
	createMiddleware<AppEnv>(async (c, next) => {
		const token = bearerOf(c.req.header('authorization'));
		if (!token) throw new ApiError('unauthorized', 'A bearer token is required.');
		const hash = await sha256Hex(token);
		const bucket = c.req.method === 'GET' || c.req.method === 'HEAD' ? 'r' : 'w';
		const now = Date.now();
		const minute = Math.floor(now / 60_000);
		const { row, count } = bucket === 'w' ? await findTokenAndCount(c.env.DB, hash, minute) : await findReader(c.env.DB, hash, minute);
		if (!row || !timingSafeEqualText(row.hash, hash)) {
			if (await isAdmin(c.env, hash)) throw new ApiError('forbidden', 'The admin token only creates workspaces.');
			throw new ApiError('unauthorized', 'Unknown or revoked token.');
		}
		const limit = limitOf(c.env, bucket);
		if (limit > 0 && count > limit) {
			const retryAfter = Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000));
			throw new ApiError('rate_limited', `Over ${limit} ${bucket === 'r' ? 'reads' : 'writes'} a minute for this token; retry in ${retryAfter} s.`, {
				headers: { 'retry-after': String(retryAfter) },
			});
		}
		if (ROLE_RANK[row.role] < ROLE_RANK[role]) {
			throw new ApiError('forbidden', `This needs the ${role} role; the token is ${row.role}.`);
		}
		await noteSeen(c.env.DB, row, now);
		c.set('caller', { kind: 'token', tokenId: row.id, workspaceId: row.workspace_id, role: row.role, label: row.label, enrolled: row.enrollment_id !== null });
		return next();
	});

/** The calling token; only valid behind requireRole. */
export function tokenCaller(caller: Caller): Extract<Caller, { kind: 'token' }> {
	if (caller.kind !== 'token') throw new ApiError('forbidden', 'A workspace token is required.');
	return caller;
}
