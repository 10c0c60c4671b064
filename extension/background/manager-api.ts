import { BacklogDetailSchema, BacklogItemResultSchema, BacklogPageSchema, type BacklogPatch } from '../../shared/schemas/backlog';
import { type HintInput, HintListSchema, type HintPatch, HintResultSchema } from '../../shared/schemas/hint';
import { MetricsSchema } from '../../shared/schemas/metrics';
import { type ApiClient, type ResponseLike, apiClient, failureOf } from '../core/api-client';
import { type BacklogFilters, isDefaultView } from '../core/manager-messaging';
import type { Result } from '../core/messaging';
import { backlogCacheStorage, settingsStorage, tokenStorage } from '../core/storage';

const errorOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A call to the backend with the stored token. Answers are checked with the shared schemas before the popup sees
 * them; every failure comes back as words and a status, never a throw.
 */
export async function call<T>(work: (client: ApiClient) => Promise<ResponseLike>, read: (response: ResponseLike) => Promise<T>): Promise<Result<T>> {
	const [{ backendUrl }, token] = await Promise.all([settingsStorage.getValue(), tokenStorage.getValue()]);
	if (!backendUrl || !token) return { ok: false, error: 'not-configured', status: 0 };
	try {
		const response = await work(apiClient(backendUrl, token));
		if (!response.ok) {
			const failure = await failureOf(response);
			return { ok: false, error: failure.message, status: failure.status };
		}
		return { ok: true, value: await read(response) };
	} catch (error) {
		return { ok: false, error: errorOf(error), status: 0 };
	}
}

function filterQuery(filters: BacklogFilters): Record<string, string> {
	const query: Record<string, string> = { sort: filters.sort };
	if (filters.status?.length) query.status = filters.status.join(',');
	if (filters.kind?.length) query.kind = filters.kind.join(',');
	if (filters.route) query.route = filters.route;
	if (filters.q) query.q = filters.q;
	return query;
}

export async function listBacklog(filters: BacklogFilters, cursor?: string, limit = 50) {
	const result = await call(
		(client) => client.v1.backlog.$get({ query: { ...filterQuery(filters), limit: String(limit), ...(cursor ? { cursor } : {}) } }),
		async (response) => BacklogPageSchema.parse(await response.json()),
	);
	// The first page of the default view is cached, so the popup opens at once next time.
	if (result.ok && !cursor && isDefaultView(filters)) await backlogCacheStorage.setValue({ items: result.value.items, at: new Date().toISOString() });
	return result;
}

export const getItem = (id: string) =>
	call((client) => client.v1.backlog[':id'].$get({ param: { id } }), async (response) => BacklogDetailSchema.parse(await response.json()));

export const patchItem = (id: string, patch: BacklogPatch) =>
	call((client) => client.v1.backlog[':id'].$patch({ param: { id }, json: patch }), async (response) => BacklogItemResultSchema.parse(await response.json()).item);

export const mergeItem = (id: string, into: string) =>
	call((client) => client.v1.backlog[':id'].merge.$post({ param: { id }, json: { into } }), async (response) => BacklogItemResultSchema.parse(await response.json()).item);

export const getMetrics = (from?: string, to?: string) =>
	call(
		(client) => client.v1.metrics.$get({ query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } }),
		async (response) => MetricsSchema.parse(await response.json()),
	);

export const exportCsv = (filters: BacklogFilters) => call((client) => client.v1['backlog.csv'].$get({ query: filterQuery(filters) }), (response) => response.text());

export const listHints = (route?: string) =>
	call((client) => client.v1.hints.$get({ query: route ? { route } : {} }), async (response) => HintListSchema.parse(await response.json()).hints);

export const createHint = (input: HintInput) =>
	call((client) => client.v1.hints.$post({ json: input }), async (response) => HintResultSchema.parse(await response.json()).hint);

export const updateHint = (id: string, patch: HintPatch) =>
	call((client) => client.v1.hints[':id'].$patch({ param: { id }, json: patch }), async (response) => HintResultSchema.parse(await response.json()).hint);

export const deleteHint = (id: string) => call((client) => client.v1.hints[':id'].$delete({ param: { id } }), async () => true as const);
