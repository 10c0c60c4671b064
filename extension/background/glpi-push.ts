import type { PushOutcome } from '../core/manager-messaging';
import { categoryIdOf, glpiContentOf, ticketIdsOf } from '../core/glpi-push-content';
import { glpiApiStorage, settingsStorage } from '../core/storage';
import { type Language, setLanguage } from '../i18n';
import { type GlpiApiConfig, GlpiApiError, type GlpiItemtype, checkGlpiApi, pushToGlpi } from './glpi-api';
import { getItem, patchItem } from './manager-api';

/**
 * "Create a GLPI Problem (or Change)" from a backlog item: read the item and its evidence from the backend, create the
 * object through GLPI's REST API with the user's own API token, link the pattern's tickets, then record the GLPI id
 * and link on the item. Each step that fails says so, and what already exists is named.
 */
/** The saved GLPI API settings, the GLPI address falling back to the first GLPI address of the options. */
async function apiConfig(): Promise<GlpiApiConfig | undefined> {
	const [api, settings] = await Promise.all([glpiApiStorage.getValue(), settingsStorage.getValue()]);
	const glpiUrl = api.glpiUrl || settings.glpiUrls[0] || '';
	if (!glpiUrl || !api.userToken) return undefined;
	return api.appToken ? { glpiUrl, userToken: api.userToken, appToken: api.appToken } : { glpiUrl, userToken: api.userToken };
}

const failure = (error: unknown) =>
	error instanceof GlpiApiError
		? { ok: false as const, reason: error.reason, detail: error.detail }
		: { ok: false as const, reason: 'unexpected' as const, detail: error instanceof Error ? error.message : String(error) };

export async function checkGlpiConnection() {
	const config = await apiConfig();
	if (!config) return { ok: false as const, reason: 'not-configured' as const, detail: '' };
	try {
		await checkGlpiApi(config);
		return { ok: true as const };
	} catch (error) {
		return failure(error);
	}
}

export async function pushItemToGlpi(itemId: string, itemtype: GlpiItemtype, language: Language): Promise<PushOutcome> {
	const config = await apiConfig();
	if (!config) return { ok: false, reason: 'not-configured', detail: '' };
	const detail = await getItem(itemId);
	if (!detail.ok) return { ok: false, reason: 'unexpected', detail: detail.error };
	setLanguage(language);
	const { name, content } = glpiContentOf(detail.value);
	const categoryId = categoryIdOf(detail.value);
	try {
		const pushed = await pushToGlpi(config, { itemtype, name, content, ticketIds: ticketIdsOf(detail.value), ...(categoryId ? { categoryId } : {}) });
		const saved = await patchItem(itemId, { glpi: { itemtype, id: pushed.id, url: pushed.url } });
		return saved.ok ? { ok: true, itemtype, ...pushed } : { ok: true, itemtype, ...pushed, saveError: saved.error };
	} catch (error) {
		return failure(error);
	}
}
