import { Hono } from 'hono';
import { MAX_HINTS } from '../../shared/limits';
import { HintIdParamSchema, HintInputSchema, HintPatchSchema, HintsQuerySchema, type Hint } from '../../shared/schemas/hint';
import { type HintRow, type KnownIssueRow, deleteHint, hintsStatement, insertHint, knownIssuesStatement, toManagerHint, updateHint } from '../db/hints';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../errors';
import { requireRole, tokenCaller } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { knownIssueHint } from '../services/hint-text';
import { newId } from '../services/tokens';

/**
 * Hints: anyone with a token reads them (the overlay shows them on the page); managers write them. GET with a route
 * also returns one known-issue hint per triaged open item on that route and interface, made from the backlog, never
 * stored.
 */
export const hints = new Hono<AppEnv>()
	.get('/', requireRole('reporter'), validate('query', HintsQuerySchema), async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		const query = c.req.valid('query');
		const { route } = query;
		// A page that does not say its interface gets the self-service view, the narrower one (HintsQuerySchema).
		const ui = query.interface ?? 'helpdesk';
		const db = c.env.DB;
		const [written, known] = await db.batch(
			route === undefined
				? [hintsStatement(db, workspaceId, route, ui)]
				: [hintsStatement(db, workspaceId, route, ui), knownIssuesStatement(db, workspaceId, route, ui)],
		);
		const list: Hint[] = [
			...((written?.results ?? []) as HintRow[]).map(toManagerHint),
			...((known?.results ?? []) as KnownIssueRow[]).map(knownIssueHint),
		];
		return c.json({ hints: list }, 200);
	})
	.post('/', requireRole('manager'), validate('json', HintInputSchema), async (c) => {
		const caller = tokenCaller(c.var.caller);
		const row = await insertHint(c.env.DB, caller.workspaceId, newId(), c.req.valid('json'), caller.tokenId, new Date().toISOString());
		if (!row) throw new ApiError('conflict', `The workspace already has ${MAX_HINTS} hints; delete some first.`);
		return c.json({ hint: toManagerHint(row) }, 201);
	})
	.patch('/:id', requireRole('manager'), validate('param', HintIdParamSchema), validate('json', HintPatchSchema), async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		const row = await updateHint(c.env.DB, workspaceId, c.req.valid('param').id, c.req.valid('json'), new Date().toISOString());
		if (!row) throw notFound('hint');
		return c.json({ hint: toManagerHint(row) }, 200);
	})
	.delete('/:id', requireRole('manager'), validate('param', HintIdParamSchema), async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		if (!(await deleteHint(c.env.DB, workspaceId, c.req.valid('param').id))) throw notFound('hint');
		return c.body(null, 204);
	});
