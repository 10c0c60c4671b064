import fc from 'fast-check';
import { MAX_BODY_BYTES } from '../../shared/limits';
import { PAGE_KINDS, PATTERN_TYPES } from '../../shared/schemas/signal';

/** Hostile and near-valid inputs for the property tests of every route (fuzz.test.ts). */

const printable = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength });

/** Any JSON value, valid signals with one field replaced, and shapes that break naive code. */
export const jsonBody = fc.oneof(
	fc.jsonValue(),
	fc.dictionary(
		fc.constantFrom('signals', 'name', 'role', 'label', 'status', 'owner', 'note', 'title', 'glpi', 'into', 'route', 'text', 'link', 'selector', 'shareText', 'code', 'maxUses', 'expiresInHours', '__proto__', 'constructor'),
		fc.jsonValue(),
	),
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
		// 'binary' strings hold lone surrogates (valid JSON escapes, not valid Unicode): stored, never a 500.
		text: fc.oneof(fc.string({ maxLength: 200, unit: 'grapheme' }), fc.string({ maxLength: 60, unit: 'binary' })),
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
	// Either side of the 512 KiB limit, to the byte: at most the limit is parsed (and refused as invalid), over is 413.
	fc.integer({ min: MAX_BODY_BYTES - 40, max: MAX_BODY_BYTES + 40 }).map((bytes) => `{"signals":[],"pad":"${'x'.repeat(bytes - 24)}"}`),
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

/**
 * Byte sequences that are not UTF-8: stray continuation bytes, overlong forms, surrogates encoded as UTF-8 (CESU-8),
 * code points past U+10FFFF, 5-byte forms, truncated sequences, bytes never used (FE, FF); and JSON escapes of lone
 * surrogates, which are valid JSON but not valid Unicode.
 */
const INVALID_UTF8: readonly (readonly number[])[] = [
	[0x80],
	[0xbf, 0x80],
	[0xc0, 0xaf],
	[0xc1, 0xbf],
	[0xc3, 0x28],
	[0xe0, 0x80, 0xaf],
	[0xe2, 0x28, 0xa1],
	[0xe2, 0x82],
	[0xed, 0xa0, 0x80],
	[0xed, 0xbf, 0xbf],
	[0xf0, 0x28, 0x8c, 0xbc],
	[0xf4, 0x90, 0x80, 0x80],
	[0xf8, 0x88, 0x80, 0x80, 0x80],
	[0xfe],
	[0xff],
];
const LONE_SURROGATES = ['\\ud800', '\\udfff', '\\udc00x', 'a\\ud83d'].map((escape) => [...new TextEncoder().encode(escape)]);

/**
 * A valid body for each write route with `@@` where hostile bytes go: every string field a route stores (texts, route,
 * selector, title, names, labels), so that bad bytes reach validation, aggregation, D1 and the CSV, not just the parser.
 */
const TEMPLATES: Record<string, (id: string) => unknown> = {
	'/v1/signals': (id) => ({
		signals: [
			{ id, kind: 'idea', createdAt: '2026-01-05T10:00:00.000Z', page: { route: '/front/@@.php', kind: 'other', category: '@@' }, text: 'Idea @@ about @@' },
			{ id: id.replace(/^./, 'f'), kind: 'friction', createdAt: '2026-01-05T10:00:00.000Z', page: { route: '/front/x.php', kind: 'other' }, target: { selector: '#a@@', label: '@@' }, tags: ['slow'] },
		],
	}),
	'/v1/workspaces': () => ({ name: 'Desk @@' }),
	'/v1/tokens': () => ({ role: 'reporter', label: '@@' }),
	'/v1/backlog/:id': () => ({ title: 'Title @@', owner: '@@', note: 'Note @@' }),
	'/v1/backlog/:id/merge': () => ({ into: '@@' }),
	'/v1/hints': () => ({ route: '/front/@@', selector: '#@@', text: { en: '@@', fr: 'Astuce @@' } }),
	'/v1/hints/:id': () => ({ text: { en: '@@' }, selector: '@@' }),
	'/v1/workspace': () => ({ shareText: true }),
	'/v1/enrollments': () => ({ role: 'reporter', maxUses: 1, expiresInHours: 1, label: 'Floor @@' }),
	// The code is read without regard to case, spaces and dashes: bad bytes go in it and in the label.
	'/v1/enroll': () => ({ code: 'GXE-0000-@@0000-0000-0000', label: 'PC @@' }),
};

/** A body for `template` (a route path with :id) as raw bytes, hostile sequences spliced into its strings. */
export const invalidUtf8Body = (template: string) =>
	fc
		.tuple(fc.uuid({ version: 4 }), fc.array(fc.array(fc.constantFrom(...INVALID_UTF8, ...LONE_SURROGATES), { minLength: 0, maxLength: 3 }), { minLength: 8, maxLength: 8 }))
		.map(([id, inserts]) => {
			const parts = JSON.stringify((TEMPLATES[template] ?? (() => ({ name: '@@' })))(id)).split('@@');
			const bytes: number[] = [];
			parts.forEach((part, index) => {
				bytes.push(...new TextEncoder().encode(part));
				if (index < parts.length - 1) for (const insert of inserts[index % inserts.length] ?? []) bytes.push(...insert);
			});
			return new Uint8Array(bytes);
		});

/**
 * Header values of any ASCII byte fetch lets through (every one but NUL, CR and LF: control characters, DEL, quotes),
 * under the names the worker reads and a few it should ignore. Bytes 0x80-0xFF are left out: workerd sends a JS
 * string's code points over 0x7F as UTF-8 (with a warning per request), so they would not reach the worker as sent.
 */
const headerByte = fc.integer({ min: 1, max: 0x7f }).filter((code) => code !== 0x0a && code !== 0x0d).map((code) => String.fromCharCode(code));
export const oddHeaders = fc.array(
	fc.tuple(
		fc.constantFrom('authorization', 'content-type', 'origin', 'accept', 'accept-encoding', 'access-control-request-method', 'x-forwarded-for', 'cookie', 'if-none-match', 'range', 'x-http-method-override'),
		fc.oneof(fc.string({ unit: headerByte, maxLength: 120 }), fc.string({ unit: headerByte, maxLength: 40 }).map((value) => `Bearer ${value}`)),
	),
	{ maxLength: 5 },
);

/** Methods fetch can send (CONNECT, TRACE and TRACK are refused by fetch itself), the worker's and others. */
export const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'get', 'Patch');

/** Paths near the real ones: double and trailing slashes, case, dot segments, escapes, extra segments, suffixes. */
export const oddPath = fc.oneof(
	fc.constantFrom(
		'/',
		'//v1/backlog',
		'/v1//backlog',
		'/v1/backlog/',
		'/V1/backlog',
		'/v1/BACKLOG',
		'/v1/backlog/../tokens',
		'/v1/./me',
		'/v1/%62acklog',
		'/v1/backlog%2Ecsv',
		'/v1/backlog.csv/x',
		'/v1/backlog;x=1',
		'/v1/health/..',
		'/v1/backlog/abcdefghijkl/merge/extra',
		'/v1/backlog//merge',
		'/v1/hints/%2F',
		'/v1/tokens/%00',
		'/v1/me.json',
		'/v1/signals/',
		'/v2/signals',
		'/v1/workspaces/x',
		'/v1/enrollments/installations/x',
		'/v1/enrollments//',
		'/v1/enroll/',
	),
	fc.array(fc.oneof(fc.constantFrom('v1', 'backlog', 'hints', 'tokens', 'me', 'signals', 'merge', 'metrics', 'workspace', 'health', 'enrollments', 'installations', 'enroll', '..', '.', '', '%00', '%ZZ', '%2F'), printable(12).map(encodeURIComponent)), { minLength: 1, maxLength: 5 }).map(
		(segments) => `/${segments.join('/')}`,
	),
);

/** One key repeated with several values (status=new&status=plan...), which the schemas must refuse or read one way. */
export const repeatedQuery = fc
	.tuple(fc.constantFrom('status', 'kind', 'route', 'q', 'sort', 'limit', 'cursor', 'from', 'to'), fc.array(queryValue, { minLength: 2, maxLength: 5 }))
	.map(([key, values]) => values.map((value) => `${key}=${value}`).join('&'));

/**
 * The largest batches the schemas allow (issue 15: 90 pattern signals of 500 ticket ids were a 500): up to 100
 * signals with every field near its maximum (2,000-character texts of 1- to 4-byte characters, 10 tags of 32
 * characters, 500-character selectors, 200-character routes, 500 ticket ids of any size), UUIDs in either case and
 * dates with any offset. Built by repetition, so that fast-check spends its time on shapes, not on characters.
 */
const CHARACTERS = ['a', 'é', '€', '😀', ' ', '\u0301'];
const long = (length: number) => fc.tuple(fc.constantFrom(...CHARACTERS), fc.integer({ min: 1, max: length })).map(([unit, n]) => unit.repeat(n).slice(0, length));
const offsetDate = fc
	.tuple(fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2031-01-01T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }))
	.map(([date, minutes]) => {
		const local = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 19);
		const sign = minutes < 0 ? '-' : '+';
		const abs = Math.abs(minutes);
		return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
	});
const largeSignal = fc.record({
	id: fc.tuple(fc.uuid({ version: 4 }), fc.boolean()).map(([id, upper]) => (upper ? id.toUpperCase() : id)),
	kind: fc.constantFrom('idea', 'friction', 'bug', 'auto-friction', 'pattern'),
	createdAt: offsetDate,
	reporter: fc.stringMatching(/^[A-Za-z0-9_-]{64}$/),
	route: fc.integer({ min: 1, max: 199 }).map((n) => `/${'r'.repeat(n)}`),
	selector: long(500),
	label: long(200),
	tags: fc.array(fc.integer({ min: 0, max: 99 }).map((n) => `t${n}-${'x'.repeat(28)}`.slice(0, 32)), { minLength: 10, maxLength: 10 }),
	text: long(2000),
	ticketIds: fc.tuple(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 0, max: 500 })).map(([start, n]) => Array.from({ length: n }, (_, i) => start + i)),
	signature: long(200),
});
const bodyBytes = (signals: unknown[]) => new TextEncoder().encode(JSON.stringify({ signals })).length;
/** Signals are dropped from the end until the body fits MAX_BODY_BYTES: the batch is as large as a body can be. */
export const largeBatch = fc.array(largeSignal, { minLength: 1, maxLength: 100 }).map((generated) => {
	const signals = generated.map(({ id, kind, createdAt, reporter, route, selector, label, tags, text, ticketIds, signature }) => {
		const page = { route, kind: 'other', category: label };
		if (kind === 'pattern') {
			return { id, kind, createdAt, reporter, page, pattern: { type: 'duplicates', size: 100_000, signature, ticketIds } };
		}
		return { id, kind, createdAt, reporter, page, target: { selector, label }, tags, text, severity: 5, count: 100_000 };
	});
	while (signals.length > 1 && bodyBytes(signals) > MAX_BODY_BYTES) signals.pop();
	return signals;
});
