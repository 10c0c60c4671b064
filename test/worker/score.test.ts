import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HALF_LIFE_DAYS, addRanks, addRanksSql, rankTerm, scoreAt, signalWeight } from '../../worker/services/score';
import { backlogOf, createWorkspace, daysAgo, send, signal } from './helpers';

const DAY = 86_400_000;
const now = Date.parse('2026-06-01T00:00:00Z');
const rankOf = (signals: { weight: number; at: number }[]) => signals.reduce<number | null>((rank, s) => addRanks(rank, rankTerm(s.weight, s.at)), null) ?? 0;
const w = (input: Partial<Parameters<typeof signalWeight>[0]> = {}) => signalWeight({ kind: 'idea', newReporter: false, ...input });

describe('score formula', () => {
	it('grows with signals, distinct reporters and severity; bugs weigh more than praise', () => {
		const one = scoreAt(rankOf([{ weight: w(), at: now }]), now);
		expect(scoreAt(rankOf([{ weight: w(), at: now }, { weight: w(), at: now }]), now)).toBeCloseTo(2 * one, 5);
		expect(w({ newReporter: true })).toBe(2 * w());
		expect(w({ severity: 5 })).toBeGreaterThan(w({ severity: 1 }));
		expect(w({ kind: 'bug' })).toBeGreaterThan(w({ kind: 'praise' }));
		expect(w({ kind: 'auto-friction', count: 15 })).toBeGreaterThan(w({ kind: 'auto-friction', count: 1 }));
	});

	it('halves every half-life and favours recent signals', () => {
		const rank = rankOf([{ weight: 1, at: now }]);
		expect(scoreAt(rank, now)).toBe(1);
		expect(scoreAt(rank, now + HALF_LIFE_DAYS * DAY)).toBe(0.5);
		expect(rankOf([{ weight: 1, at: now }])).toBeGreaterThan(rankOf([{ weight: 1, at: now - DAY }]));
	});

	it('keeps the order of two items whatever the time: sorting by rank is sorting by score', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 20 }), fc.array(fc.tuple(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 1000 }), (a, b, later) => {
				const rank = (list: [number, number][]) => rankOf(list.map(([weight, days]) => ({ weight, at: now - days * DAY })));
				const [ra, rb] = [rank(a), rank(b)];
				const direct = (list: [number, number][], at: number) => list.reduce((sum, [weight, days]) => sum + weight * 2 ** (-(at - (now - days * DAY)) / (HALF_LIFE_DAYS * DAY)), 0);
				expect(scoreAt(ra, now)).toBeCloseTo(Math.round(direct(a, now) * 100) / 100, 1);
				if (Math.abs(ra - rb) > 1e-9) expect(Math.sign(direct(a, now + later * DAY) - direct(b, now + later * DAY))).toBe(Math.sign(ra - rb));
			}),
			{ numRuns: 200 },
		);
	});

	it('adds ranks in SQL exactly as in JavaScript', async () => {
		for (const [a, b] of [[10, 10], [100, -3], [-1e9, 42.5], [1800, 1799.999]]) {
			const row = await env.DB.prepare(`SELECT ${addRanksSql('?1', '?2')} AS v`).bind(a, b).first<{ v: number }>();
			expect(row?.v).toBeCloseTo(addRanks(a ?? 0, b ?? 0), 9);
		}
	});
});

describe('score through the API', () => {
	it('ranks more reporters, more severity and more recent signals higher', async () => {
		const workspace = await createWorkspace();
		await send(workspace.tokens.reporter, [
			...['reporter-a1b2c3d4', 'reporter-e5f6g7h8', 'reporter-i9j0k1l2'].map((reporter) => signal({ text: 'Three people want a calendar view', reporter })),
			...Array.from({ length: 3 }, () => signal({ text: 'One person wants the kanban view', reporter: 'reporter-m3n4o5p6' })),
			signal({ kind: 'bug', text: 'Critical: mail collector stops', severity: 5 }),
			signal({ kind: 'bug', text: 'Minor: a tooltip is cut', severity: 1 }),
			signal({ text: 'Old idea about printing tickets', createdAt: daysAgo(60) }),
			signal({ text: 'New idea about exporting tickets' }),
		]);
		const items = await backlogOf(workspace);
		const score = (prefix: string) => items.find((item) => item.title.startsWith(prefix))?.score ?? Number.NaN;
		expect(score('Three people')).toBeGreaterThan(score('One person'));
		expect(score('Critical')).toBeGreaterThan(score('Minor'));
		expect(score('New idea')).toBeGreaterThan(score('Old idea'));
		expect(score('Old idea')).toBeCloseTo(score('New idea') * 2 ** (-60 / HALF_LIFE_DAYS), 1);
	});
});
