import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

/** True when `origin` matches one of the comma-separated patterns; a trailing `*` matches any extension id. */
export function originAllowed(origin: string, patterns: string): boolean {
	return patterns
		.split(',')
		.map((pattern) => pattern.trim())
		.filter(Boolean)
		.some((pattern) => (pattern.endsWith('*') ? origin.startsWith(pattern.slice(0, -1)) && origin.length > pattern.length - 1 : origin === pattern));
}

/**
 * CORS for the extension's origins only. Tokens travel in the Authorization header, never in cookies, so CORS is not
 * what keeps data safe; it keeps web pages from driving the API with a token they should not have.
 */
export const extensionCors = createMiddleware<AppEnv>((c, next) =>
	cors({
		origin: (origin) => (origin && originAllowed(origin, c.env.ALLOWED_ORIGINS ?? '') ? origin : null),
		// PUT for /v1/plans/:itemId, content-encoding for a gzipped reading of GLPI's figures (issue 17).
		allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
		allowHeaders: ['authorization', 'content-type', 'content-encoding'],
		exposeHeaders: ['retry-after', 'content-disposition'],
		maxAge: 600,
	})(c, next),
);
