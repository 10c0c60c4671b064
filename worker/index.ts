import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { MAX_BODY_BYTES } from '../shared/limits';
import type { ErrorCode } from '../shared/schemas/errors';
import type { AppEnv } from './env';
import { ApiError, envelope } from './errors';
import { extensionCors } from './middleware/cors';
import { backlog } from './routes/backlog';
import { backlogCsv } from './routes/backlog-csv';
import { enroll, enrollments } from './routes/enrollment';
import { hints } from './routes/hints';
import { metrics } from './routes/metrics';
import { plans } from './routes/plans';
import { serviceFigures } from './routes/service-figures';
import { workspace } from './routes/workspace';
import { health } from './routes/health';
import { me } from './routes/me';
import { signals } from './routes/signals';
import { tokens } from './routes/tokens';
import { workspaces } from './routes/workspaces';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
	400: 'invalid_request',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	405: 'not_found',
	409: 'conflict',
	413: 'payload_too_large',
	429: 'rate_limited',
};

const app = new Hono<AppEnv>()
	.use(extensionCors)
	.use(
		bodyLimit({
			maxSize: MAX_BODY_BYTES,
			onError: () => {
				throw new ApiError('payload_too_large', `The body is over ${MAX_BODY_BYTES / 1024} KiB.`);
			},
		}),
	);

const routes = app
	.route('/v1/health', health)
	.route('/v1/workspaces', workspaces)
	.route('/v1/tokens', tokens)
	.route('/v1/me', me)
	.route('/v1/signals', signals)
	.route('/v1/backlog', backlog)
	.route('/v1/backlog.csv', backlogCsv)
	.route('/v1/hints', hints)
	.route('/v1/metrics', metrics)
	.route('/v1/service-figures', serviceFigures)
	.route('/v1/plans', plans)
	.route('/v1/workspace', workspace)
	.route('/v1/enrollments', enrollments)
	.route('/v1/enroll', enroll);

app.notFound((c) => c.json(envelope('not_found', 'No such route.'), 404));

// One place shapes every error (API.md, Errors). Unexpected errors are logged without the request, which may hold
// a token or a user's words, and answered with a generic message: no stack, no SQL.
app.onError((error, c) => {
	if (error instanceof ApiError) {
		for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
		return c.json(envelope(error.code, error.message, error.issues), error.status);
	}
	if (error instanceof HTTPException && error.status < 500) {
		const code = STATUS_CODES[error.status] ?? 'invalid_request';
		return c.json(envelope(code, error.message || 'The request is not valid.'), error.status as ContentfulStatusCode);
	}
	console.error('internal error', { name: error.name, message: error.message.slice(0, 200), path: new URL(c.req.url).pathname });
	return c.json(envelope('internal', 'Something went wrong on our side; the request can be retried.'), 500);
});

export type AppType = typeof routes;
export default app;
