import { Hono } from 'hono';
import { REPORTER_KINDS, SignalBatchSchema } from '../../shared/schemas/signal';
import { ingestSignals } from '../db/ingest';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { requireRole, tokenCaller } from '../middleware/auth';
import { validate } from '../middleware/validate';

export const signals = new Hono<AppEnv>().post('/', requireRole('reporter'), validate('json', SignalBatchSchema), async (c) => {
	const caller = tokenCaller(c.var.caller);
	const sent = c.req.valid('json').signals;
	// An enrolled token is one installation: its id is the reporter, whatever the body says, so one token cannot pose
	// as a crowd of reporters. Shared tokens made by hand keep the installation id the extension sends.
	const batch = caller.enrolled ? sent.map((signal) => ({ ...signal, reporter: caller.tokenId })) : sent;
	if (caller.role === 'reporter') {
		const index = batch.findIndex((signal) => !REPORTER_KINDS.includes(signal.kind));
		if (index >= 0) throw new ApiError('forbidden', `signals.${index}: a reporter token cannot send ${batch[index]?.kind} signals.`);
	}
	const result = await ingestSignals(c.env.DB, caller.workspaceId, caller.tokenId, batch, new Date());
	return c.json(result, 200);
});
