import { Hono } from 'hono';
import { EnrollmentIdParamSchema, EnrollmentInputSchema, EnrollRequestSchema, type Enrolled } from '../../shared/schemas/enrollment';
import {
	countFailedAttempt,
	failedAttempts,
	insertEnrolledToken,
	insertEnrollment,
	listEnrollments,
	listInstallations,
	revokeEnrollment,
	takeEnrollmentUse,
} from '../db/enrollment';
import { getWorkspace } from '../db/workspaces';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../errors';
import { requireRole, tokenCaller } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { clientOf, perMinute, retryAfterSeconds } from '../services/client-limits';
import { newEnrollmentCode } from '../services/enrollment-codes';
import { newId, newToken, sha256Hex } from '../services/tokens';

const HOUR_MS = 3_600_000;
const DEFAULT_FAILURES_PER_MINUTE = 10;

function tooMany(now: number, minute: number, limit: number): ApiError {
	const retryAfter = retryAfterSeconds(now, minute);
	return new ApiError('rate_limited', `Over ${limit} wrong enrollment codes a minute from this address; retry in ${retryAfter} s.`, {
		headers: { 'retry-after': String(retryAfter) },
	});
}

/** Managers make, list and revoke codes, and see the installations enrolled with them (revoked by DELETE /v1/tokens/:id). */
export const enrollments = new Hono<AppEnv>()
	.use(requireRole('manager'))
	.get('/', async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		return c.json({ enrollments: await listEnrollments(c.env.DB, workspaceId) }, 200);
	})
	.get('/installations', async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		return c.json({ installations: await listInstallations(c.env.DB, workspaceId) }, 200);
	})
	.post('/', validate('json', EnrollmentInputSchema), async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		const input = c.req.valid('json');
		const { code, normalised } = newEnrollmentCode();
		const now = Date.now();
		const enrollment = await insertEnrollment(c.env.DB, {
			id: newId(),
			workspaceId,
			role: input.role,
			label: input.label ?? null,
			hash: await sha256Hex(normalised),
			maxUses: input.maxUses,
			expiresAt: new Date(now + input.expiresInHours * HOUR_MS).toISOString(),
			now: new Date(now).toISOString(),
		});
		return c.json({ enrollment, code }, 201);
	})
	.delete('/:id', validate('param', EnrollmentIdParamSchema), async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		if (!(await revokeEnrollment(c.env.DB, workspaceId, c.req.valid('param').id, new Date().toISOString()))) throw notFound('enrollment code');
		return c.body(null, 204);
	});

/**
 * POST /v1/enroll, without a token: a code and a label become this browser's own token. Wrong codes are counted per
 * client address; past the limit every exchange from it waits for the next minute, a right code included, so that
 * guessing gets nothing faster. The answer names the workspace and the new token only, never another token.
 */
export const enroll = new Hono<AppEnv>().post('/', validate('json', EnrollRequestSchema), async (c) => {
	const now = Date.now();
	const minute = Math.floor(now / 60_000);
	const client = clientOf('enroll', c.req.header('cf-connecting-ip'));
	// Failed exchanges a client address may make per minute; "0" turns the limit off.
	const limit = perMinute(c.env.ENROLL_FAILURES_PER_MINUTE, DEFAULT_FAILURES_PER_MINUTE);
	if (limit > 0 && (await failedAttempts(c.env.DB, client, minute)) >= limit) throw tooMany(now, minute, limit);
	const { code, label } = c.req.valid('json');
	const nowText = new Date(now).toISOString();
	const taken = await takeEnrollmentUse(c.env.DB, await sha256Hex(code), nowText);
	if (!taken) {
		await countFailedAttempt(c.env.DB, client, minute);
		throw notFound('enrollment code (or it expired, was revoked or used up)');
	}
	const workspace = await getWorkspace(c.env.DB, taken.workspace_id);
	if (!workspace) throw notFound('enrollment code');
	const id = newId();
	const token = newToken();
	await insertEnrolledToken(c.env.DB, { id, workspaceId: taken.workspace_id, role: taken.role, label, hash: await sha256Hex(token), enrollmentId: taken.id, now: nowText });
	const body: Enrolled = { id, role: taken.role, token, workspace: { id: workspace.id, name: workspace.name } };
	return c.json(body, 201);
});
