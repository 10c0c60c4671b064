import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { ApiError, issuesOf } from '../errors';

/**
 * zValidator that throws instead of answering, so that the one onError shapes every error the same way
 * (the pattern of @hono/zod-validator's README).
 */
export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) =>
	zValidator(target, schema, (result) => {
		if (!result.success) {
			throw new ApiError('invalid_request', `The ${target === 'json' ? 'body' : target} is not valid.`, {
				issues: issuesOf(result.error as never),
			});
		}
	});
