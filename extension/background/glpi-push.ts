import type { PushOutcome } from '../core/manager-messaging';
import { categoryIdOf, glpiContentOf, ticketIdsOf } from '../core/glpi-push-content';
import { glpiApiStorage, settingsStorage } from '../core/storage';
import { type Language, setLanguage } from '../i18n';
import { GlpiApiError, type GlpiItemtype, pushToGlpi } from './glpi-api';
import { getItem, patchItem } from './manager-api';

/**
 * "Create a GLPI Problem (or Change)" from a backlog item: read the item and its evidence from the backend, create the
 * object through GLPI's REST API with the user's own API token, link the pattern's tickets, then record the GLPI id
 * and link on the item. Each step that fails says so, and what already exists is named.
 */
export async function pushItemToGlpi(itemId: string, itemtype: GlpiItemtype, language: Language): Promise<PushOutcome> {
	const [api, settings] = await Promise.all([glpiApiStorage.getValue(), settingsStorage.getValue()]);
	const glpiUrl = api.glpiUrl || settings.glpiUrls[0] || '';
	if (!glpiUrl || !api.userToken) return { ok: false, reason: 'not-configured', detail: '' };
	const detail = await getItem(itemId);
	if (!detail.ok) return { ok: false, reason: 'unexpected', detail: detail.error };
	setLanguage(language);
	const { name, content } = glpiContentOf(detail.value);
	const categoryId = categoryIdOf(detail.value);
	try {
		const pushed = await pushToGlpi(
			api.appToken ? { glpiUrl, userToken: api.userToken, appToken: api.appToken } : { glpiUrl, userToken: api.userToken },
			{ itemtype, name, content, ticketIds: ticketIdsOf(detail.value), ...(categoryId ? { categoryId } : {}) },
		);
		const saved = await patchItem(itemId, { glpi: { itemtype, id: pushed.id, url: pushed.url } });
		return saved.ok ? { ok: true, itemtype, ...pushed } : { ok: true, itemtype, ...pushed, saveError: saved.error };
	} catch (error) {
		if (error instanceof GlpiApiError) return { ok: false, reason: error.reason, detail: error.detail };
		return { ok: false, reason: 'unexpected', detail: error instanceof Error ? error.message : String(error) };
	}
}
