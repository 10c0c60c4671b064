import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetHints, hintsFor, meTooKey, rememberMeToo } from '../../extension/background/hints';
import { DEFAULT_SETTINGS, settingsStorage, tokenStorage } from '../../extension/core/storage';

const route = '/front/ticket.form.php';
const selector = '#itil-form select[name="itilcategories_id"]';

/** GET /v1/hints as the backend answers it (shared/schemas/hint.ts): known-issue hints made from open items, and a manager's. */
const BODY = {
	hints: [
		{ kind: 'known-issue', itemId: 'it_123456', itemKind: 'friction', status: 'plan', title: 'Category: no VPN sub-category', signalCount: 7, tags: ['confusing', 'missing-option'], selector, text: { en: 'Known issue (being planned): category', fr: 'Problème connu (en cours de planification) : catégorie' } },
		{ kind: 'known-issue', itemId: 'it_654321', itemKind: 'friction', status: 'new', title: 'The status list is far too long', signalCount: 2, tags: [], selector: '#itil-form select[name="status"]', text: { en: 'Known issue (reported): status', fr: 'Problème connu (signalé) : statut' } },
		{ kind: 'manager', id: 'h_manager', route, text: { fr: 'Pensez à la catégorie' }, createdAt: '2026-11-28T10:00:00.000Z', updatedAt: '2026-11-28T10:00:00.000Z' },
	],
};

describe('hints for the "me too" markers', () => {
	let fetchMock: ReturnType<typeof vi.fn>;

	beforeEach(async () => {
		fakeBrowser.reset();
		forgetHints(route);
		await settingsStorage.setValue({ ...DEFAULT_SETTINGS, backendUrl: 'http://127.0.0.1:8787' });
		await tokenStorage.setValue('secret-token');
		fetchMock = vi.fn(async () => new Response(JSON.stringify(BODY), { status: 200, headers: { 'content-type': 'application/json' } }));
		vi.stubGlobal('fetch', fetchMock);
	});
	afterEach(() => vi.unstubAllGlobals());

	it('asks GET /v1/hints with the route and the token, and reads both shapes', async () => {
		const result = await hintsFor(route, 'en');
		expect(result.ok).toBe(true);
		const [request] = fetchMock.mock.calls[0] as [Request | string, RequestInit | undefined];
		const url = new URL(request instanceof Request ? request.url : String(request));
		expect(url.pathname).toBe('/v1/hints');
		expect(url.searchParams.get('route')).toBe(route);
		const headers = new Headers(request instanceof Request ? request.headers : (fetchMock.mock.calls[0]?.[1] as RequestInit | undefined)?.headers);
		expect(headers.get('authorization')).toBe('Bearer secret-token');
		if (!result.ok) return;
		expect(result.value).toEqual([
			// The item's tags, as the server sends them, so the "me too" joins the same item.
			{ key: meTooKey(route, selector, 'it_123456'), kind: 'known-issue', selector, text: 'Known issue (being planned): category', signalCount: 7, tags: ['confusing', 'missing-option'], mine: false, id: expect.stringMatching(/^item:/), dismissed: false },
			// An item without tags: the "me too" is tagged as such.
			{ key: meTooKey(route, '#itil-form select[name="status"]', 'it_654321'), kind: 'known-issue', selector: '#itil-form select[name="status"]', text: 'Known issue (reported): status', signalCount: 2, tags: ['me-too'], mine: false, id: expect.stringMatching(/^item:/), dismissed: false },
			// In the user's language, else the other one.
			{ key: meTooKey(route, ''), kind: 'manager', text: 'Pensez à la catégorie', signalCount: 0, tags: ['me-too'], mine: false, id: expect.not.stringMatching(/^item:/), dismissed: false },
		]);
	});

	it('marks the elements the user already said "me too" on, and keeps the answer a few minutes', async () => {
		await rememberMeToo(meTooKey(route, selector));
		const result = await hintsFor(route, 'fr');
		expect(result.ok && result.value[0]).toMatchObject({ mine: true, text: 'Problème connu (en cours de planification) : catégorie' });
		await hintsFor(route, 'fr');
		expect(fetchMock).toHaveBeenCalledTimes(1);
		forgetHints(route);
		await hintsFor(route, 'fr');
		expect(fetchMock).toHaveBeenCalledTimes(2);
	});

	it('asks once when two features of a page ask at once, and asks again after a failure', async () => {
		const [first, second] = await Promise.all([hintsFor(route, 'en'), hintsFor(route, 'fr')]);
		expect(fetchMock).toHaveBeenCalledTimes(1);
		expect(first.ok && second.ok && [first.value[2]?.text, second.value[2]?.text]).toEqual(['Pensez à la catégorie', 'Pensez à la catégorie']);
		forgetHints(route);
		fetchMock.mockImplementationOnce(async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(await hintsFor(route, 'en')).toMatchObject({ ok: false, status: 0 });
		expect(await hintsFor(route, 'en')).toMatchObject({ ok: true });
		expect(fetchMock).toHaveBeenCalledTimes(3);
	});

	it('is empty without a backend, and an error in words when the backend fails', async () => {
		await tokenStorage.setValue('');
		expect(await hintsFor(route, 'en')).toEqual({ ok: true, value: [] });
		await tokenStorage.setValue('secret-token');
		fetchMock.mockImplementation(async () => new Response(JSON.stringify({ error: { code: 'not_found', message: 'No such route.' } }), { status: 404 }));
		expect(await hintsFor(route, 'en')).toEqual({ ok: false, error: 'No such route.', status: 404 });
		fetchMock.mockImplementation(async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(await hintsFor(route, 'en')).toMatchObject({ ok: false, status: 0 });
		// An answer that is not the contract's shows no markers rather than wrong ones.
		fetchMock.mockImplementation(async () => new Response(JSON.stringify({ hints: [{ kind: 'something-new' }] }), { status: 200, headers: { 'content-type': 'application/json' } }));
		expect(await hintsFor(route, 'en')).toMatchObject({ ok: false, status: 0 });
	});

	it('tells apart two items of one element (issue 14, item 9): each its own key, a "me too" marks its own item only', async () => {
		const other = { ...BODY.hints[0], itemId: 'it_777777', title: 'Category: too slow', signalCount: 3, tags: ['slow'] };
		fetchMock.mockImplementation(async () => new Response(JSON.stringify({ hints: [BODY.hints[0], other] }), { status: 200, headers: { 'content-type': 'application/json' } }));
		const first = await hintsFor(route, 'en');
		const [planned, slow] = first.ok ? first.value : [];
		expect(planned?.key).not.toBe(slow?.key);
		expect([planned?.tags, slow?.tags]).toEqual([['confusing', 'missing-option'], ['slow']]);
		await rememberMeToo(slow?.key ?? '');
		forgetHints(route);
		const second = await hintsFor(route, 'en');
		expect(second.ok && second.value.map((hint) => hint.mine)).toEqual([false, true]);
		// A "me too" remembered before items were told apart (by route and selector only) still counts for the element.
		await rememberMeToo(meTooKey(route, selector));
		forgetHints(route);
		const third = await hintsFor(route, 'en');
		expect(third.ok && third.value.map((hint) => hint.mine)).toEqual([true, true]);
	});

	it('forgets "me too" older than 90 days', async () => {
		await rememberMeToo('old', new Date('2026-01-01T00:00:00Z'));
		await rememberMeToo('new', new Date('2026-06-01T00:00:00Z'));
		const { meTooStorage } = await import('../../extension/core/storage');
		expect(Object.keys(await meTooStorage.getValue())).toEqual(['new']);
	});
});
