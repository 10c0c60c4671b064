import { type Enrolled, EnrolledSchema } from '../../shared/schemas/enrollment';
import type { WhoAmI } from '../../shared/schemas/workspace';
import { failureOf, publicApiClient } from '../core/api-client';
import type { Result } from '../core/messaging';
import { saveConnection } from './connection';

const errorOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Exchanges an enrollment code for this browser's own token (POST /v1/enroll), then saves it as the options save a
 * pasted token: stored for the background only, checked with GET /v1/me. The code is not kept: it was for one use.
 */
export async function enrollWithCode(input: { backendUrl: string; code: string; label: string }): Promise<Result<WhoAmI>> {
	const backendUrl = input.backendUrl.trim().replace(/\/+$/, '');
	let enrolled: Enrolled;
	try {
		const response = await publicApiClient(backendUrl).v1.enroll.$post({ json: { code: input.code, label: input.label.trim() } });
		if (!response.ok) {
			const failure = await failureOf(response);
			return { ok: false, error: failure.message, status: failure.status };
		}
		enrolled = EnrolledSchema.parse(await response.json());
	} catch (error) {
		return { ok: false, error: errorOf(error), status: 0 };
	}
	return saveConnection({ backendUrl, token: enrolled.token });
}
