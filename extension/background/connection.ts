import { type WhoAmI, WhoAmISchema } from '../../shared/schemas/workspace';
import { apiClient, failureOf } from '../core/api-client';
import type { Result } from '../core/messaging';
import { backlogCacheStorage, settingsStorage, tokenStorage, whoAmIStorage } from '../core/storage';

const errorOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Checks a token with GET /v1/me and remembers who it is (role, workspace, the workspace's opt-ins). Called when
 * the options save a token and when the browser starts, so a workspace's change of opt-in reaches the overlay.
 */
export async function checkConnection(backendUrl: string, token: string): Promise<Result<WhoAmI>> {
	try {
		const response = await apiClient(backendUrl, token).v1.me.$get();
		if (!response.ok) {
			const failure = await failureOf(response);
			// A refused token forgets who it was; a server error keeps the last answer.
			if (failure.status === 401 || failure.status === 403) await whoAmIStorage.setValue(null);
			return { ok: false, error: failure.message, status: failure.status };
		}
		const me = WhoAmISchema.parse(await response.json());
		await whoAmIStorage.setValue(me);
		return { ok: true, value: me };
	} catch (error) {
		return { ok: false, error: errorOf(error), status: 0 };
	}
}

export async function saveConnection(input: { backendUrl: string; token: string }): Promise<Result<WhoAmI>> {
	const backendUrl = input.backendUrl.trim().replace(/\/+$/, '');
	const token = input.token.trim();
	await settingsStorage.setValue({ ...(await settingsStorage.getValue()), backendUrl });
	await tokenStorage.setValue(token);
	await backlogCacheStorage.setValue(null);
	const result = await checkConnection(backendUrl, token);
	if (!result.ok && result.status !== 0) await whoAmIStorage.setValue(null);
	return result;
}

export async function refreshWhoAmI(): Promise<void> {
	const [{ backendUrl }, token] = await Promise.all([settingsStorage.getValue(), tokenStorage.getValue()]);
	if (backendUrl && token) await checkConnection(backendUrl, token);
}
