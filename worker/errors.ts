import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { ERROR_CODES, type ErrorCode, type ErrorEnvelope } from '../shared/schemas/errors';

/** An expected failure: its code and message reach the client in the error envelope of API.md. */
export class ApiError extends HTTPException {
	readonly code: ErrorCode;
	readonly issues: { path: string; message: string }[] | undefined;
	readonly headers: Record<string, string>;

	constructor(
		code: ErrorCode,
		message: string,
		options: { issues?: { path: string; message: string }[]; headers?: Record<string, string> } = {},
	) {
		super(ERROR_CODES[code] as ContentfulStatusCode, { message });
		this.code = code;
		this.issues = options.issues;
		this.headers = options.headers ?? {};
	}
}

export const notFound = (what = 'item') => new ApiError('not_found', `No such ${what}.`);

export function issuesOf(error: ZodError): { path: string; message: string }[] {
	return error.issues.slice(0, 20).map((issue) => ({
		path: issue.path.map(String).join('.') || '(root)',
		message: issue.message,
	}));
}

export function envelope(code: ErrorCode, message: string, issues?: ErrorEnvelope['error']['issues']): ErrorEnvelope {
	return { error: issues ? { code, message, issues } : { code, message } };
}
