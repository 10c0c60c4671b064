import { hc } from 'hono/client';
import type { AppType } from '../../worker/index';

/** The typed client of the v1 API (types only come from the worker; no worker code is bundled). */
export const apiClient = (baseUrl: string, token: string) =>
	hc<AppType>(baseUrl.replace(/\/+$/, ''), { headers: { authorization: `Bearer ${token}` } });

export type ApiClient = ReturnType<typeof apiClient>;

/** The same client without a token, for the one route that takes none but health: POST /v1/enroll. */
export const publicApiClient = (baseUrl: string) => hc<AppType>(baseUrl.replace(/\/+$/, ''));

export interface ApiFailure {
	status: number;
	code: string;
	message: string;
	issues?: { path: string; message: string }[];
}

/** What the typed client's responses and fetch's have in common. */
export interface ResponseLike {
	ok: boolean;
	status: number;
	statusText: string;
	headers: Headers;
	json(): Promise<unknown>;
	text(): Promise<string>;
}

/** The error envelope of a failed response, or a made-up one when the body is not the envelope (a proxy's page). */
export async function failureOf(response: ResponseLike): Promise<ApiFailure> {
	try {
		const body = (await response.json()) as { error?: { code?: unknown; message?: unknown; issues?: unknown } };
		if (body.error && typeof body.error.code === 'string' && typeof body.error.message === 'string') {
			const failure: ApiFailure = { status: response.status, code: body.error.code, message: body.error.message };
			if (Array.isArray(body.error.issues)) failure.issues = body.error.issues as ApiFailure['issues'];
			return failure;
		}
	} catch {
		// Not JSON: described below.
	}
	return { status: response.status, code: 'http_error', message: `HTTP ${response.status} ${response.statusText}`.trim() };
}
