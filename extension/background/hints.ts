import { z } from 'zod';
import { TagSchema } from '../../shared/schemas/common';
import { apiClient, failureOf } from '../core/api-client';
import type { HintView, Result } from '../core/messaging';
import { meTooStorage, settingsStorage, tokenStorage } from '../core/storage';

/**
 * GET /v1/hints?route= (reporter and up): manager-written hints and one known-issue hint per open backlog item on the
 * page. Parsed loosely here: the overlay needs only the kind, the element, the words and the count, and the route's
 * final schema (shared/schemas/hint.ts, on the backend branch) may add fields. `tags` is read when the server sends
 * it, so a "me too" can join the item's friction key (route, selector, tag).
 */
const WireHintSchema = z.looseObject({
	kind: z.enum(['manager', 'known-issue']),
	selector: z.string().min(1).max(500).optional(),
	text: z.looseObject({ en: z.string().optional(), fr: z.string().optional() }),
	signalCount: z.int().nonnegative().optional(),
	tags: z.array(TagSchema).optional(),
});
const WireHintsSchema = z.looseObject({ hints: z.array(z.unknown()) });

/** The part of the typed client for /v1/hints, until the backend branch's AppType (with that route) is merged. */
interface HintsClient {
	v1: { hints: { $get(input: { query: { route: string } }): Promise<Response> } };
}

const TTL_MS = 5 * 60_000;
const cache = new Map<string, { at: number; hints: z.infer<typeof WireHintSchema>[] }>();

/** Forgets a route's hints, so the next page load shows a "me too" that was just given. */
export const forgetHints = (route: string) => cache.delete(route);

async function fetchHints(route: string): Promise<Result<z.infer<typeof WireHintSchema>[]>> {
	const cached = cache.get(route);
	if (cached && Date.now() - cached.at < TTL_MS) return { ok: true, value: cached.hints };
	const [{ backendUrl }, token] = await Promise.all([settingsStorage.getValue(), tokenStorage.getValue()]);
	if (!backendUrl || !token) return { ok: true, value: [] };
	try {
		const client = apiClient(backendUrl, token) as unknown as HintsClient;
		const response = await client.v1.hints.$get({ query: { route } });
		if (!response.ok) {
			const failure = await failureOf(response);
			return { ok: false, error: failure.message, status: failure.status };
		}
		const body = WireHintsSchema.parse(await response.json());
		// A hint the overlay cannot read is skipped, not a reason to show none.
		const hints = body.hints.flatMap((hint) => {
			const parsed = WireHintSchema.safeParse(hint);
			return parsed.success ? [parsed.data] : [];
		});
		cache.set(route, { at: Date.now(), hints });
		return { ok: true, value: hints };
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error), status: 0 };
	}
}

export const meTooKey = (route: string, selector: string) => `${route}|${selector}`;

/** The hints of a route as the overlay shows them, in the user's language, with the user's own "me too" marked. */
export async function hintsFor(route: string, language: 'en' | 'fr'): Promise<Result<HintView[]>> {
	const fetched = await fetchHints(route);
	if (!fetched.ok) return fetched;
	const mine = await meTooStorage.getValue();
	const other = language === 'en' ? 'fr' : 'en';
	return {
		ok: true,
		value: fetched.value.map((hint) => {
			const key = meTooKey(route, hint.selector ?? '');
			const view: HintView = {
				key,
				kind: hint.kind,
				text: hint.text[language] ?? hint.text[other] ?? '',
				signalCount: hint.signalCount ?? 0,
				tags: hint.tags ?? [],
				mine: key in mine,
			};
			if (hint.selector) view.selector = hint.selector;
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
