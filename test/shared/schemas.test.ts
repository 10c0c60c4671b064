import { describe, expect, it } from 'vitest';
import { MAX_SIGNALS_PER_BATCH, MAX_TEXT_LENGTH } from '../../shared/limits';
import { BacklogItemSchema, BacklogPatchSchema, BacklogQuerySchema } from '../../shared/schemas/backlog';
import { ErrorEnvelopeSchema } from '../../shared/schemas/errors';
import { SignalBatchSchema, SignalSchema } from '../../shared/schemas/signal';

const valid = {
	id: '0f6f7b4e-3c1a-4d2b-9a8e-5b6c7d8e9f01',
	kind: 'friction',
	createdAt: '2026-11-28T10:00:00.000Z',
	reporter: 'a1b2c3d4e5f6',
	page: { route: '/front/ticket.form.php', kind: 'ticket-form', itemtype: 'Ticket', itemId: 5, glpiVersion: '10.0.17', interface: 'central' },
	target: { selector: 'select[name="itilcategories_id"]', label: 'Category' },
	tags: ['confusing', 'too-many-steps'],
	text: 'The category list is too long to find VPN.',
	severity: 4,
};

const pattern = {
	...valid,
	id: '6d1c2b3a-4f5e-4a7b-8c9d-0e1f2a3b4c5d',
	kind: 'pattern',
	target: undefined,
	pattern: { type: 'duplicates', size: 6, signature: 'vpn disconnect', ticketIds: [1, 2, 3, 4, 5, 6], categoryId: 2 },
};

describe('SignalSchema', () => {
	it('accepts the examples of API.md', () => {
		expect(SignalSchema.parse(valid)).toEqual(valid);
		expect(SignalSchema.safeParse(pattern).success).toBe(true);
		expect(SignalSchema.safeParse({ id: valid.id, kind: 'idea', createdAt: valid.createdAt, page: { route: '/', kind: 'other' } }).success).toBe(true);
	});

	it.each([
		['an unknown field', { ...valid, colour: 'red' }, ''],
		['an unknown page field', { ...valid, page: { ...valid.page, title: 'x' } }, 'page'],
		['a non-uuid id', { ...valid, id: '42' }, 'id'],
		['an unknown kind', { ...valid, kind: 'complaint' }, 'kind'],
		['a route with a query string', { ...valid, page: { ...valid.page, route: '/front/ticket.form.php?id=5' } }, 'page.route'],
		['a date without offset', { ...valid, createdAt: '2026-11-28 10:00' }, 'createdAt'],
		['text over the limit', { ...valid, text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }, 'text'],
		['an upper-case tag', { ...valid, tags: ['Confusing'] }, 'tags.0'],
		['severity 6', { ...valid, severity: 6 }, 'severity'],
		['a pattern signal without its pattern', { ...pattern, pattern: undefined }, 'pattern'],
		['a pattern on an idea', { ...valid, kind: 'idea', pattern: pattern.pattern }, 'pattern'],
	])('rejects %s', (_name, input, path) => {
		const result = SignalSchema.safeParse(input);
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
	});

	it('takes batches of 1 to 100 signals', () => {
		expect(SignalBatchSchema.safeParse({ signals: [] }).success).toBe(false);
		expect(SignalBatchSchema.safeParse({ signals: Array(MAX_SIGNALS_PER_BATCH).fill(valid) }).success).toBe(true);
		expect(SignalBatchSchema.safeParse({ signals: Array(MAX_SIGNALS_PER_BATCH + 1).fill(valid) }).success).toBe(false);
	});
});

describe('BacklogItemSchema and its query', () => {
	const item = {
		id: 'abcdef123456',
		title: 'Category list too long',
		kind: 'friction',
		status: 'plan',
		score: 3.5,
		signalCount: 7,
		reporterCount: 4,
		firstSeen: '2026-11-01T08:00:00.000Z',
		lastSeen: '2026-11-28T10:00:00.000Z',
		route: '/front/ticket.form.php',
		tags: ['confusing'],
	};

	it('accepts an item and refuses a status outside PDCA', () => {
		expect(BacklogItemSchema.parse(item)).toEqual(item);
		expect(BacklogItemSchema.safeParse({ ...item, status: 'wontfix' }).success).toBe(false);
	});

	it('reads comma-separated filters and defaults', () => {
		expect(BacklogQuerySchema.parse({ status: 'new,plan', limit: '20' })).toMatchObject({ status: ['new', 'plan'], limit: 20, sort: 'score' });
		expect(BacklogQuerySchema.safeParse({ status: 'new,maybe' }).success).toBe(false);
		expect(BacklogQuerySchema.safeParse({ limit: '101' }).success).toBe(false);
		expect(BacklogQuerySchema.safeParse({ sort: 'random' }).success).toBe(false);
	});

	it('refuses an empty patch and unknown fields', () => {
		expect(BacklogPatchSchema.safeParse({}).success).toBe(false);
		expect(BacklogPatchSchema.safeParse({ status: 'do', score: 100 }).success).toBe(false);
		expect(BacklogPatchSchema.parse({ status: 'do', owner: null })).toEqual({ status: 'do', owner: null });
	});
});

describe('ErrorEnvelopeSchema', () => {
	it('holds the codes of API.md only', () => {
		expect(ErrorEnvelopeSchema.safeParse({ error: { code: 'rate_limited', message: 'slow down' } }).success).toBe(true);
		expect(ErrorEnvelopeSchema.safeParse({ error: { code: 'teapot', message: 'no' } }).success).toBe(false);
	});
});
