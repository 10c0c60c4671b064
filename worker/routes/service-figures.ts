import { Hono } from 'hono';
import { weekStart } from '../../shared/improvement/measures';
import { unpackReading } from '../../shared/improvement/packed-reading';
import { MAX_INFLATED_BYTES } from '../../shared/limits';
import { ServiceFiguresInputSchema, ServiceFiguresQuerySchema } from '../../shared/schemas/service-figures';
import { readFigures, storeReading } from '../db/service-figures';
import type { AppEnv } from '../env';
import { ApiError, issuesOf } from '../errors';
import { requireRole, tokenCaller } from '../middleware/auth';
import { validate } from '../middleware/validate';

const WEEK_MS = 7 * 86_400_000;

/** The body as text, inflated when the extension sent it gzipped (a reading of two years is about 300 KB, 50 KB gzipped). */
async function bodyText(request: Request): Promise<string> {
	const encoding = request.headers.get('content-encoding')?.trim().toLowerCase();
	if (!encoding || encoding === 'identity') return request.text();
	if (encoding !== 'gzip') throw new ApiError('invalid_request', `The body's encoding ${JSON.stringify(encoding.slice(0, 20))} is not gzip.`);
	if (!request.body) return '';
	const reader = request.body.pipeThrough(new DecompressionStream('gzip')).getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			// A small gzip can inflate to gigabytes: stop reading at the bound instead of holding it all.
			if (size > MAX_INFLATED_BYTES) {
				await reader.cancel();
				throw new ApiError('payload_too_large', `The body is over ${MAX_INFLATED_BYTES / 1024 / 1024} MiB once inflated.`);
			}
			chunks.push(value);
		}
	} catch (error) {
		if (error instanceof ApiError) throw error;
		throw new ApiError('invalid_request', 'The body is not valid gzip.');
	}
	const joined = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		joined.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return new TextDecoder().decode(joined);
}

/**
 * GLPI's service figures (issue 17; docs/IMPROVEMENT-PLAN.md): technicians' and managers' browsers send what they read
 * of GLPI's export as weekly counts per category; managers read them back for a period. Reporters may not send them:
 * a self-service user sees only their own tickets, and could only drag the figures down.
 */
export const serviceFigures = new Hono<AppEnv>()
	.post('/', requireRole('technician'), async (c) => {
		const caller = tokenCaller(c.var.caller);
		let body: unknown;
		try {
			body = JSON.parse(await bodyText(c.req.raw));
		} catch (error) {
			if (error instanceof ApiError) throw error;
			throw new ApiError('invalid_request', 'The body is not JSON.');
		}
		const parsed = ServiceFiguresInputSchema.safeParse(body);
		if (!parsed.success) throw new ApiError('invalid_request', 'The body is not valid.', { issues: issuesOf(parsed.error) });
		// A week counts only once it is over, on the server's clock: the client's is not trusted.
		if (weekStart(parsed.data.to) + WEEK_MS > Date.now()) {
			throw new ApiError('invalid_request', `The week ${parsed.data.to} is not over yet; send whole weeks only.`, { issues: [{ path: 'to', message: 'A week still running.' }] });
		}
		let reading;
		try {
			reading = unpackReading(parsed.data);
		} catch (error) {
			throw new ApiError('invalid_request', error instanceof RangeError ? `The reading does not hold together: ${error.message}.` : 'The reading does not hold together.');
		}
		return c.json(await storeReading(c.env.DB, caller.workspaceId, caller.tokenId, reading, new Date().toISOString()), 200);
	})
	.get('/', requireRole('manager'), validate('query', ServiceFiguresQuerySchema), async (c) => {
		const { workspaceId } = tokenCaller(c.var.caller);
		const { from, to } = c.req.valid('query');
		return c.json(await readFigures(c.env.DB, workspaceId, from, to), 200);
	});
