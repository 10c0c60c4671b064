import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureOver } from '../../shared/improvement/measures';
import { type PackedReading, packReading, unpackReading } from '../../shared/improvement/packed-reading';
import { type WeeklyReading, weeklyFigures } from '../../shared/improvement/weekly-figures';
import { HOUR_MS, type Ticket } from '../../shared/patterns/ticket';
import { call, callWith, createWorkspace, expectError, json } from './helpers';
import { isoWeekOf } from './support-weeks';

const ALL_KNOWN = { solved: true, deadline: true, reopen: true, satisfaction: true };
/** Monday 2 March 2026, the first day of ISO week 2026-W10: long over on any clock that runs these tests. */
const day = (n: number, hour = 9) => Date.UTC(2026, 2, 2 + n, hour);

/** Tickets of weeks 10 to 12 (2026): `perWeek` printer tickets a week, each solved in 5 h, one in three with 4 stars. */
function ticketsOf(perWeek: number): Ticket[] {
	const tickets: Ticket[] = [];
	for (let week = 0; week < 3; week++) {
		for (let n = 0; n < perWeek; n++) {
			const openedAt = day(week * 7 + (n % 5));
			tickets.push({
				id: tickets.length + 1,
				title: 'x',
				category: 'Hardware > Printer',
				openedAt,
				solvedAt: openedAt + 5 * HOUR_MS,
				timeToResolve: openedAt + 8 * HOUR_MS,
				...(n % 3 === 0 ? { satisfaction: 4 } : {}),
			});
		}
	}
	// Something on the Sunday before week 10 and the Monday after week 12, so that both edges are whole weeks.
	tickets.push({ id: 9000, title: 'x', category: 'Network', openedAt: day(-1) }, { id: 9001, title: 'x', category: 'Network', openedAt: day(21) });
	return tickets;
}

const readingOf = (perWeek: number, known = ALL_KNOWN) => weeklyFigures(ticketsOf(perWeek), known, day(20, 23)) as WeeklyReading;
const packed = (reading: WeeklyReading) => packReading(reading) as PackedReading;

async function figuresOf(token: string, from = '2026-W01', to = '2026-W52') {
	const body = await json<{ reading: PackedReading | null; weeks: { week: string; readAt: string }[] }>(call(`/v1/service-figures?from=${from}&to=${to}`, { token }));
	return { ...body, unpacked: body.reading ? unpackReading(body.reading) : null };
}

describe('POST /v1/service-figures', () => {
	it('stores a technician\'s reading, and the manager reads back the same weekly figures', async () => {
		const workspace = await createWorkspace();
		const reading = readingOf(4);
		expect([reading.from, reading.to]).toEqual(['2026-W10', '2026-W12']);
		const receipt = await json<{ stored: string[]; kept: string[] }>(call('/v1/service-figures', { token: workspace.tokens.technician, body: packed(reading) }));
		expect(receipt).toEqual({ stored: ['2026-W10', '2026-W11', '2026-W12'], kept: [] });
		const { unpacked, weeks } = await figuresOf(workspace.tokens.manager);
		expect(unpacked).toEqual(reading);
		expect(weeks.map((entry) => entry.week)).toEqual(['2026-W10', '2026-W11', '2026-W12']);
		expect(measureOver(unpacked!, 'Hardware', '2026-W10', '2026-W12', 'opened-per-week').value).toBe(4);
	});

	it('never counts a week twice: the same reading again, or a partial one, leaves the figures as they were', async () => {
		const workspace = await createWorkspace();
		const full = readingOf(6);
		await json(call('/v1/service-figures', { token: workspace.tokens.technician, body: packed(full) }));
		const again = await json<{ stored: string[]; kept: string[] }>(call('/v1/service-figures', { token: workspace.tokens.manager, body: packed(full) }));
		expect(again.stored).toHaveLength(3);
		// A technician who sees only part of the tickets reads fewer: the fuller stored weeks are kept.
		const partial = await json<{ stored: string[]; kept: string[] }>(call('/v1/service-figures', { token: workspace.tokens.technician, body: packed(readingOf(2)) }));
		expect(partial).toEqual({ stored: [], kept: ['2026-W10', '2026-W11', '2026-W12'] });
		const { unpacked } = await figuresOf(workspace.tokens.manager);
		expect(measureOver(unpacked!, 'Hardware', '2026-W10', '2026-W12', 'opened-per-week').value).toBe(6);
		// A fuller reading replaces them.
		await json(call('/v1/service-figures', { token: workspace.tokens.technician, body: packed(readingOf(9)) }));
		expect(measureOver((await figuresOf(workspace.tokens.manager)).unpacked!, 'Hardware', '2026-W10', '2026-W12', 'opened-per-week').value).toBe(9);
	});

	it('holds when two readings of the same weeks arrive at once: one wins each week, nothing adds up', async () => {
		const workspace = await createWorkspace();
		await Promise.all([5, 7, 5, 7].map((perWeek) => json(call('/v1/service-figures', { token: workspace.tokens.technician, body: packed(readingOf(perWeek)) }))));
		const { unpacked } = await figuresOf(workspace.tokens.manager);
		expect(measureOver(unpacked!, 'Hardware', '2026-W10', '2026-W12', 'opened-per-week').value).toBe(7);
	});

	it('says which weeks no reading covered, and knows a figure only where every week knew it', async () => {
		const workspace = await createWorkspace();
		await json(call('/v1/service-figures', { token: workspace.tokens.technician, body: packed(readingOf(3)) }));
		const later = weeklyFigures(
			ticketsOf(3).map((ticket) => ({ ...ticket, openedAt: ticket.openedAt! + 28 * 86_400_000, solvedAt: undefined, satisfaction: undefined })),
			{ solved: true, deadline: true, reopen: true, satisfaction: false },
			day(48, 23),
		);
		expect([later.from, later.to]).toEqual(['2026-W14', '2026-W16']);
		await json(call('/v1/service-figures', { token: workspace.tokens.technician, body: packed(later) }));
		const { unpacked } = await figuresOf(workspace.tokens.manager);
		expect(unpacked?.missing).toEqual(['2026-W13']);
		expect(unpacked?.known.satisfaction).toBe(false);
		expect(measureOver(unpacked!, 'Hardware', '2026-W10', '2026-W16', 'opened-per-week')).toMatchObject({ value: 3, weeks: 6 });
		expect(measureOver(unpacked!, 'Hardware', '2026-W10', '2026-W16', 'satisfaction')).toMatchObject({ value: null, unknown: 'no-satisfaction-column' });
	});

	it('accepts a gzipped body, and refuses a zip bomb and broken gzip with a clear error', async () => {
		const workspace = await createWorkspace();
		const gzip = async (text: string) => new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
		const headers = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
		const body = JSON.stringify(packed(readingOf(4)));
		const receipt = await json<{ stored: string[] }>(call('/v1/service-figures', { token: workspace.tokens.technician, rawBody: await gzip(body), headers }));
		expect(receipt.stored).toHaveLength(3);
		await expectError(call('/v1/service-figures', { token: workspace.tokens.technician, rawBody: await gzip(' '.repeat(5 * 1024 * 1024)), headers }), 413, 'payload_too_large');
		await expectError(call('/v1/service-figures', { token: workspace.tokens.technician, rawBody: 'not gzip at all', headers }), 400, 'invalid_request');
		await expectError(call('/v1/service-figures', { token: workspace.tokens.technician, rawBody: body, headers: { ...headers, 'content-encoding': 'br' } }), 400, 'invalid_request');
	});

	it('refuses readings that do not hold together, a week still running, and reporters', async () => {
		const workspace = await createWorkspace();
		const good = packed(readingOf(4));
		const post = (body: unknown, token = workspace.tokens.technician) => call('/v1/service-figures', { token, body });
		await expectError(post(good, workspace.tokens.reporter), 403, 'forbidden');
		await expectError(post({ ...good, rows: [] }), 400, 'invalid_request');
		await expectError(post({ ...good, to: '2026-W53' }), 400, 'invalid_request');
		await expectError(post({ ...good, from: '2020-W01' }), 400, 'invalid_request');
		await expectError(post({ ...good, categories: ['Same', 'Same'], rows: [good.rows[0], good.rows[0]] }), 400, 'invalid_request');
		// Two rows of one category in one week, a fractional count, a bucket that does not exist.
		await expectError(post({ ...good, categories: ['A'], rows: [[[0, 1], [0, 2]]] }), 400, 'invalid_request');
		await expectError(post({ ...good, categories: ['A'], rows: [[[0, 1.5]]] }), 400, 'invalid_request');
		await expectError(post({ ...good, categories: ['A'], rows: [[[[0, 1, 1], [40, 1]]]] }), 400, 'invalid_request');
		await expectError(post({ ...good, categories: ['A'], rows: [[[[0, 1, 1], [1.5, 1]]]] }), 400, 'invalid_request');
		await expectError(post({ ...good, to: isoWeekOf(new Date()) }), 400, 'invalid_request');
		await expectError(call('/v1/service-figures', { token: workspace.tokens.technician, rawBody: '{', headers: { 'content-type': 'application/json' } }), 400, 'invalid_request');
		const { results } = await env.DB.prepare('SELECT COUNT(*) AS n FROM service_weeks WHERE workspace_id = ?1').bind(workspace.id).all<{ n: number }>();
		expect(results[0]?.n).toBe(0);
	});

	it('keeps each workspace\'s figures to itself', async () => {
		const [one, other] = [await createWorkspace(), await createWorkspace()];
		await json(call('/v1/service-figures', { token: one.tokens.technician, body: packed(readingOf(4)) }));
		expect((await figuresOf(other.tokens.manager)).reading).toBeNull();
		await expectError(call('/v1/service-figures?from=2026-W01&to=2026-W52', { token: one.tokens.technician }), 403, 'forbidden');
		await expectError(call('/v1/service-figures?from=2026-W10&to=2020-W01', { token: one.tokens.manager }), 400, 'invalid_request');
	});

	it('never answers 500 to near-valid readings: stored whole, or refused with nothing written', { timeout: 120_000 }, async () => {
		const workspace = await createWorkspace();
		const count = fc.oneof(fc.nat(40), fc.constantFrom(-1, 0.5, 5_000_001, Number.MAX_SAFE_INTEGER));
		const row = fc.oneof(fc.array(count, { minLength: 0, maxLength: 9 }), fc.tuple(fc.array(count, { minLength: 1, maxLength: 8 }), fc.array(count, { maxLength: 30 })));
		const week = fc.constantFrom('2025-W01', '2025-W52', '2026-W01', '2026-W10', '2026-W53', '2020-W53', '1970-W01', '2026-W00', 'x');
		const known = fc.record({ solved: fc.boolean(), deadline: fc.boolean(), reopen: fc.boolean(), satisfaction: fc.boolean() });
		const categories = fc.array(fc.oneof(fc.constantFrom('Network', 'Hardware > Printer', ''), fc.string({ maxLength: 8 })), { maxLength: 4 });
		const reading = fc.record({ from: week, to: week, known, categories, rows: fc.array(fc.array(row, { maxLength: 4 }), { maxLength: 4 }) });
		await fc.assert(
			fc.asyncProperty(reading, async (body) => {
				const before = await env.DB.prepare('SELECT group_concat(week || total, \',\') AS state FROM service_weeks WHERE workspace_id = ?1').bind(workspace.id).first<{ state: string | null }>();
				// The write limit off, so that every case reaches the route.
				const answer = await callWith({ RATE_LIMIT_PER_MINUTE: '0' }, '/v1/service-figures', { token: workspace.tokens.technician, body });
				expect([200, 400]).toContain(answer.status);
				if (answer.status === 400) {
					const after = await env.DB.prepare('SELECT group_concat(week || total, \',\') AS state FROM service_weeks WHERE workspace_id = ?1').bind(workspace.id).first<{ state: string | null }>();
					expect(after?.state).toBe(before?.state);
				}
			}),
			{ numRuns: 150 },
		);
	});
});
