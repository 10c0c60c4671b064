import { z } from 'zod';

export const ERROR_CODES = {
	invalid_request: 400,
	unauthorized: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	payload_too_large: 413,
	rate_limited: 429,
	internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export const ErrorIssueSchema = z.strictObject({ path: z.string(), message: z.string() });

/** Every 4xx and 5xx body (API.md, Errors). */
export const ErrorEnvelopeSchema = z.strictObject({
	error: z.strictObject({
		code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
		message: z.string(),
		issues: z.array(ErrorIssueSchema).optional(),
	}),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
