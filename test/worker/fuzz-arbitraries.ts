import fc from 'fast-check';
import { PAGE_KINDS, PATTERN_TYPES } from '../../shared/schemas/signal';

/** Hostile and near-valid inputs for the property tests of every route (fuzz.test.ts). */

const printable = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength });

/** Any JSON value, valid signals with one field replaced, and shapes that break naive code. */
export const jsonBody = fc.oneof(
	fc.jsonValue(),
	fc.dictionary(fc.constantFrom('signals', 'name', 'role', 'label', 'status', 'owner', 'note', 'title', 'glpi', 'into', 'route', 'text', 'link', 'selector', 'shareText', '__proto__', 'constructor'), fc.jsonValue()),
	fc.record({ signals: fc.array(fc.jsonValue(), { maxLength: 5 }) }),
);

export const validSignal = fc.record(
	{
		id: fc.uuid({ version: 4 }),
		kind: fc.constantFrom('idea', 'friction', 'bug', 'praise', 'auto-friction'),
		createdAt: fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2031-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
		reporter: fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/),
		page: fc.record({ route: fc.stringMatching(/^\/[a-z./_-]{0,30}$/), kind: fc.constantFrom(...PAGE_KINDS) }),
		target: fc.record({ selector: fc.string({ minLength: 1, maxLength: 40 }), label: fc.string({ minLength: 1, maxLength: 20 }) }, { requiredKeys: ['selector'] }),
		tags: fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/), { maxLength: 4 }),
		text: fc.string({ maxLength: 200, unit: 'grapheme' }),
		severity: fc.integer({ min: 1, max: 5 }),
		count: fc.integer({ min: 1, max: 100 }),
	},
	{ requiredKeys: ['id', 'kind', 'createdAt', 'page'] },
);

export const patternSignal = fc.record({
	id: fc.uuid({ version: 4 }),
	kind: fc.constant('pattern'),
	createdAt: fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
	page: fc.constant({ route: '/front/ticket.php', kind: 'ticket-list' }),
	pattern: fc.record({
		type: fc.constantFrom(...PATTERN_TYPES),
		size: fc.integer({ min: 1, max: 50 }),
		signature: fc.string({ minLength: 1, maxLength: 30 }),
		ticketIds: fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 8 }),
	}),
});

/** A valid signal, or one with a field replaced by anything. */
export const nearValidSignal = fc.oneof(
	{ weight: 3, arbitrary: validSignal },
	{ weight: 1, arbitrary: patternSignal },
	{
		weight: 3,
		arbitrary: fc
			.tuple(validSignal, fc.constantFrom('id', 'kind', 'createdAt', 'reporter', 'page', 'target', 'tags', 'text', 'severity', 'count', 'pattern', 'extra'), fc.jsonValue())
			.map(([signal, key, value]) => ({ ...signal, [key]: value })),
	},
);

/** Raw bodies: invalid UTF-8, deep nesting, long strings, JSON with junk after it. */
export const rawBody = fc.oneof(
	fc.uint8Array({ maxLength: 300 }),
	fc.integer({ min: 1, max: 200_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
	fc.integer({ min: 1, max: 100_000 }).map((depth) => `{"signals":${'['.repeat(depth)}`),
	fc.integer({ min: 1, max: 60_000 }).map((depth) => `{"signals":[{"page":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}]}`),
	fc.integer({ min: 1000, max: 400_000 }).map((length) => `{"name":"${'é'.repeat(length)}"}`),
	fc.string({ maxLength: 200 }).map((text) => `{"signals": []} ${text}`),
	fc.constantFrom('', 'null', 'true', '0', '""', '{}', '[]', '{"signals":null}', '\uFEFF{"signals":[]}', '{"a":1,"a":2}', '1e999'),
);

export const contentType = fc.constantFrom(
	'application/json',
	'application/json; charset=utf-8',
	'application/json; charset=latin1',
	'application/vnd.api+json',
	'text/plain',
	'multipart/form-data; boundary=x',
	'application/x-www-form-urlencoded',
	'',
	'application/json;;;',
);

/** Authorization values: garbage, other schemes, several values, huge ones. */
export const authorization = (tokens: string[]) =>
	fc.oneof(
		fc.constantFrom(...tokens.map((token) => `Bearer ${token}`)),
		fc.constantFrom(...tokens).map((token) => `bearer\t${token}  `),
		printable(300),
		printable(100).map((value) => `Bearer ${value}`),
		fc.constantFrom(...tokens).chain((token) => fc.constantFrom(`Bearer ${token}, Bearer ${token}`, `Bearer ${token},Bearer x`, `Basic ${btoa(token)}`, `Bearer  ${token}x`)),
		fc.integer({ min: 200, max: 8000 }).map((length) => `Bearer ${'a'.repeat(length)}`),
	);

/** Query strings written by hand: repeated keys, huge values, broken percent escapes, unicode. */
const queryKey = fc.oneof(fc.constantFrom('status', 'kind', 'route', 'q', 'sort', 'limit', 'cursor', 'from', 'to', '__proto__', 'status[]'), printable(12));
const queryValue = fc.oneof(
	fc.constantFrom('new', 'plan,do', 'idea,bug', 'score', 'recent', '50', '0', '-1', '1e2', '101', 'NaN', '/front/ticket.php', '2026-01-01', '2026-02-30', '0000-01-01', '9999-12-31', '2026-1-1', '%', '%ZZ', '%E0%A4%A', '%00', '%C0%AF', ''),
	printable(40).map(encodeURIComponent),
	fc.string({ maxLength: 30, unit: 'grapheme' }).map(encodeURIComponent),
	fc.integer({ min: 200, max: 20_000 }).map((length) => 'x'.repeat(length)),
);
export const queryString = fc.array(fc.tuple(queryKey, queryValue), { maxLength: 6 }).map((pairs) => pairs.map(([key, value]) => `${encodeURIComponent(key)}=${value}`).join('&'));

/** A path id: real ones are mixed in by the test; these are the hostile ones. */
export const pathId = fc.oneof(
	fc.constantFrom('abcdefghijkl', '..', '%2e%2e', '%ZZ', '%00', 'a%2Fb', 'x'.repeat(65), 'é', '-', '__proto__', 'constructor'),
	printable(80).map(encodeURIComponent),
);
