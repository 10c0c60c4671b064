import { type Hint, HintListSchema } from '../../shared/schemas/hint';
import { apiClient, failureOf } from '../core/api-client';
import type { HintView, Result } from '../core/messaging';
import { hintDismissalsStorage, meTooStorage, settingsStorage, tokenStorage } from '../core/storage';

/** The GLPI interface of the page asking; the server gives a page that names none the self-service view. */
type GlpiInterface = 'central' | 'helpdesk' | undefined;

/**
 * GET /v1/hints?route=&interface= (reporter and up), through the typed client: manager-written hints and one
 * known-issue hint per triaged open backlog item on the page, for the page's interface, checked with the shared
 * schema. Kept a minute per route and interface, so going from ticket to ticket does not cost a request each time;
 * forgotten when this browser sends a signal about the route.
 */
const TTL_MS = 60_000;
// Holds the request itself, not only its answer: two features of one page (hints and "me too" markers) ask at once.
const cache = new Map<string, { at: number; hints: Promise<Result<Hint[]>> }>();

const cacheKey = (route: string, ui: GlpiInterface) => `${ui ?? ''}|${route}`;

/** Forgets a route's hints (of every interface), so the next page load shows a "me too" that was just given. */
export const forgetHints = (route: string) => {
	for (const ui of ['central', 'helpdesk', undefined] as const) cache.delete(cacheKey(route, ui));
};
/** Forgets every route's hints: a manager changed an item or a hint, so pages must show the new state at once. */
export const forgetAllHints = () => cache.clear();

/** A short, stable hash of a text (FNV-1a), so that a dismissal is tied to what the hint said. */
function textHash(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return (hash >>> 0).toString(36);
}

/** The id a dismissal is remembered by: the manager hint's id or the known issue's item, and what it says. */
export const hintIdOf = (hint: Hint) => `${hint.kind === 'manager' ? hint.id : `item:${hint.itemId}`}:${textHash(JSON.stringify(hint.text))}`;

function fetchHints(route: string, ui: GlpiInterface): Promise<Result<Hint[]>> {
	const key = cacheKey(route, ui);
	const cached = cache.get(key);
	if (cached && Date.now() - cached.at < TTL_MS) return cached.hints;
	const entry = {
		at: Date.now(),
		hints: requestHints(route, ui).then((result) => {
			// Only the backend's answers are kept: a failure, or no backend yet, is asked again on the next page load.
			if ((!result || !result.ok) && cache.get(key) === entry) cache.delete(key);
			return result ?? { ok: true as const, value: [] };
		}),
	};
	cache.set(key, entry);
	return entry.hints;
}

/** The route's hints from the backend; undefined when no backend or token is set. */
async function requestHints(route: string, ui: GlpiInterface): Promise<Result<Hint[]> | undefined> {
	const [{ backendUrl }, token] = await Promise.all([settingsStorage.getValue(), tokenStorage.getValue()]);
	if (!backendUrl || !token) return undefined;
	try {
		const response = await apiClient(backendUrl, token).v1.hints.$get({ query: ui ? { route, interface: ui } : { route } });
		if (!response.ok) {
			const failure = await failureOf(response);
			return { ok: false, error: failure.message, status: failure.status };
		}
		const { hints } = HintListSchema.parse(await response.json());
		return { ok: true, value: hints };
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error), status: 0 };
	}
}

/**
 * The tags a "me too" carries, so that it joins the item's friction key (route, element, tag; API.md, Aggregation):
 * the known issue's own tags, sent by the server. A manager hint has none: "me-too".
 */
export function meTooTags(hint: Hint): string[] {
	return hint.kind === 'known-issue' && hint.tags.length > 0 ? hint.tags.slice(0, 10) : ['me-too'];
}

/**
 * What a "me too" is remembered by: the route, the element's selector and the backlog item. Two items can share an
 * element (friction groups by route, element and tag), and each is joined on its own (issue 14, item 9). A key
 * without the item was written before they were told apart: it still counts for every item of its element.
 */
export const meTooKey = (route: string, selector: string, itemId?: string) => (itemId ? `${route}|${selector}|${itemId}` : `${route}|${selector}`);

/** The hints of a route as the overlay shows them, in the user's language, with the user's own "me too" marked. */
export async function hintsFor(route: string, language: 'en' | 'fr', ui?: GlpiInterface): Promise<Result<HintView[]>> {
	const fetched = await fetchHints(route, ui);
	if (!fetched.ok) return fetched;
	const [mine, dismissed] = await Promise.all([meTooStorage.getValue(), hintDismissalsStorage.getValue()]);
	const other = language === 'en' ? 'fr' : 'en';
	return {
		ok: true,
		value: fetched.value.map((hint) => {
			const key = meTooKey(route, hint.selector ?? '', hint.kind === 'known-issue' ? hint.itemId : undefined);
			const view: HintView = {
				key,
				kind: hint.kind,
				text: hint.text[language] ?? hint.text[other] ?? '',
				signalCount: hint.kind === 'known-issue' ? hint.signalCount : 0,
				tags: meTooTags(hint),
				mine: key in mine || meTooKey(route, hint.selector ?? '') in mine,
				id: hintIdOf(hint),
				dismissed: hintIdOf(hint) in dismissed,
			};
			if (hint.selector) view.selector = hint.selector;
			if (hint.kind === 'manager' && hint.link && /^https?:\/\//i.test(hint.link)) view.link = hint.link;
			return view;
		}),
	};
}

/** Remembers a "me too" (one per element and user), forgetting those older than 90 days. */
export async function rememberMeToo(key: string, now = new Date()): Promise<void> {
	const cutoff = now.getTime() - 90 * 24 * 60 * 60_000;
	const kept = Object.entries(await meTooStorage.getValue()).filter(([, at]) => Date.parse(at) >= cutoff);
	await meTooStorage.setValue({ ...Object.fromEntries(kept), [key]: now.toISOString() });
}

/** Remembers that the user closed a hint, forgetting dismissals older than a year. */
export async function dismissHint(id: string, now = new Date()): Promise<void> {
	const cutoff = now.getTime() - 365 * 24 * 60 * 60_000;
	const kept = Object.entries(await hintDismissalsStorage.getValue()).filter(([, at]) => Date.parse(at) >= cutoff);
	await hintDismissalsStorage.setValue({ ...Object.fromEntries(kept), [id]: now.toISOString() });
}
