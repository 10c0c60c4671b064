import { createMiddleware } from 'hono/factory';
import type { Role } from '../../shared/schemas/workspace';
import { countFailedAttempt, touchToken } from '../db/enrollment';
import { findActiveTokenByHash, findTokenAndCount, type TokenRow } from '../db/tokens';
import type { AppEnv, Bindings, Caller } from '../env';
import { ApiError } from '../errors';
import { clientOf, perMinute, retryAfterSeconds } from '../services/client-limits';
import { countRead } from '../services/read-limiter';
import { sha256Hex, timingSafeEqualText } from '../services/tokens';

const ROLE_RANK: Record<Role, number> = { reporter: 1, technician: 2, manager: 3 };
const DEFAULT_LIMITS = { w: 120, r: 600 };
const DEFAULT_AUTH_FAILURES = 30;

function bearerOf(header: string | undefined): string | undefined {
	const match = /^Bearer[ \t]+([\x21-\x7e]{1,200})[ \t]*$/i.exec(header ?? '');
	return match?.[1];
}

/** Requests a token may make per minute in a bucket; 0 turns the limit off. Set in wrangler.toml [vars]. */
const limitOf = (env: Bindings, bucket: 'r' | 'w') =>
	perMinute(bucket === 'w' ? env.RATE_LIMIT_PER_MINUTE : env.RATE_LIMIT_READS_PER_MINUTE, DEFAULT_LIMITS[bucket]);

/**
 * Refuses a token that names no active token (issue 15, item 17): 401, or 429 once the client's address has sent more
 * than AUTH_FAILURES_PER_MINUTE of them this minute, counted in D1 like wrong enrollment codes (their table, another
 * key). Unknown and revoked tokens get the same answer. Only refusals are counted and only they are refused, so the
 * valid tokens of a desk behind one address keep working while one broken browser gets 429.
 */
async function refuseToken(env: Bindings, address: string | undefined): Promise<never> {
	const limit = perMinute(env.AUTH_FAILURES_PER_MINUTE, DEFAULT_AUTH_FAILURES);
	if (limit > 0) {
		const now = Date.now();
		const minute = Math.floor(now / 60_000);
		if ((await countFailedAttempt(env.DB, clientOf('auth', address), minute)) > limit) {
			const retryAfter = retryAfterSeconds(now, minute);
			throw new ApiError('rate_limited', `Over ${limit} unknown or revoked tokens a minute from this address; retry in ${retryAfter} s.`, {
				headers: { 'retry-after': String(retryAfter) },
			});
		}
	}
	throw new ApiError('unauthorized', 'Unknown or revoked token.');
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
	return refuseToken(c.env, c.req.header('cf-connecting-ip'));
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
 * in the same round trip as the token lookup). Order of answers: 401 (no such token; 429 past the failures of its
 * address), 429 (too many), 403 (role).
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
			return refuseToken(c.env, c.req.header('cf-connecting-ip'));
		}
		const limit = limitOf(c.env, bucket);
		if (limit > 0 && count > limit) {
			const retryAfter = retryAfterSeconds(now, minute);
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
