import { describe, expect, it } from 'vitest';
import { ALL_CATEGORIES, serviceIndicators } from '../../shared/patterns/indicators';
import { periodLabel, periodStart } from '../../shared/patterns/periods';
import { DAY_MS, HOUR_MS, type Ticket } from '../../shared/patterns/ticket';
import { SKIP_DATA, hasGitbugs, loadGitbugs } from './support/data';

const at = (month: number, day: number) => Date.UTC(2026, month - 1, day, 9);

describe('periods', () => {
	it('starts weeks on Monday and numbers them as ISO 8601 does', () => {
		const thursday = Date.UTC(2026, 0, 1);
		expect(new Date(periodStart(thursday, 'week')).toISOString()).toBe('2025-12-29T00:00:00.000Z');
		expect(periodLabel(periodStart(thursday, 'week'), 'week')).toBe('2026-W01');
		expect(periodLabel(periodStart(at(11, 28), 'month'), 'month')).toBe('2026-11');
	});
});

describe('serviceIndicators', () => {
	const tickets: Ticket[] = [
		// September: two VPN tickets solved in 10 and 30 hours, one late; satisfaction 4 and 2.
		{ id: 1, title: 'a', category: 'VPN', openedAt: at(9, 1), solvedAt: at(9, 1) + 10 * HOUR_MS, timeToResolve: at(9, 2), satisfaction: 4 },
		{ id: 2, title: 'b', category: 'VPN', openedAt: at(9, 3), solvedAt: at(9, 3) + 30 * HOUR_MS, timeToResolve: at(9, 4), satisfaction: 2 },
		// October: three VPN tickets, solved in 2, 4 and 100 hours, none late, one satisfaction 5.
		{ id: 3, title: 'c', category: 'VPN', openedAt: at(10, 1), solvedAt: at(10, 1) + 2 * HOUR_MS, timeToResolve: at(10, 3), satisfaction: 5 },
		{ id: 4, title: 'd', category: 'VPN', openedAt: at(10, 2), solvedAt: at(10, 2) + 4 * HOUR_MS, timeToResolve: at(10, 3) },
		{ id: 5, title: 'e', category: 'VPN', openedAt: at(10, 29), solvedAt: at(10, 29) + 100 * HOUR_MS, timeToResolve: at(11, 5) },
		// A printer ticket still open, and one without a category.
		{ id: 6, title: 'f', category: 'Printing', openedAt: at(10, 20) },
		{ id: 7, title: 'g', openedAt: at(11, 30) },
	];
	const result = serviceIndicators(tickets, { asOf: at(11, 30) });
	const vpn = result.find((entry) => entry.category === 'VPN');

	it('gives the whole export first, then each category, busiest first', () => {
		expect(result.map((entry) => entry.category)).toEqual([ALL_CATEGORIES, 'VPN', '(no category)', 'Printing']);
		expect(result[0]?.overall.volume).toBe(7);
	});

	it('measures volume, median time to solve, late share and satisfaction per month', () => {
		expect(vpn?.periods.map((p) => p.period)).toEqual(['2026-09', '2026-10', '2026-11']);
		const [september, october] = vpn?.periods ?? [];
		expect(september).toMatchObject({ volume: 2, solved: 2, medianHoursToSolve: 20, lateShare: 0.5, satisfaction: 3 });
		expect(october).toMatchObject({ volume: 3, solved: 2, medianHoursToSolve: 3, lateShare: 0, satisfaction: 5 });
		// Solved in November: the 100-hour ticket counts in the month it was solved.
		expect(vpn?.periods[2]).toMatchObject({ volume: 0, solved: 1, medianHoursToSolve: 100 });
	});

	it('says "unknown" (null), not 0, when the data cannot tell', () => {
		const printing = result.find((entry) => entry.category === 'Printing');
		expect(printing?.overall).toMatchObject({ medianHoursToSolve: null, lateShare: null, satisfaction: null });
	});

	it('marks the periods the export covers in part and draws trends from whole periods only', () => {
		expect(vpn?.periods.map((p) => p.partial)).toEqual([false, false, false]);
		const cut = serviceIndicators(tickets, { asOf: at(11, 15) });
		expect(cut[0]?.periods.at(-1)?.partial).toBe(true);
		// October to November, the last two whole months: fewer tickets opened, and slower.
		expect(vpn?.trend.volume).toEqual({ change: -3, direction: 'down' });
		expect(vpn?.trend.medianHoursToSolve).toEqual({ change: 97, direction: 'up' });
		const byWeek = serviceIndicators(tickets, { asOf: at(11, 30), period: 'week' });
		expect(byWeek[0]?.periods[0]?.period).toMatch(/^2026-W\d\d$/);
	});

	it('returns nothing for tickets without any date', () => {
		expect(serviceIndicators([{ id: 1, title: 'x' }])).toEqual([]);
	});
});

describe.skipIf(!hasGitbugs)(`indicators on real data (${hasGitbugs ? 'gitbugs-hadoop' : SKIP_DATA})`, () => {
	it('computes a median time to solve per month from the Hadoop created and resolved dates', () => {
		const { tickets } = loadGitbugs();
		const [all] = serviceIndicators(tickets);
		const solved = tickets.filter((t) => t.solvedAt !== undefined && t.openedAt !== undefined);
		expect(all?.overall.solved).toBe(tickets.filter((t) => t.solvedAt !== undefined || t.status === 'solved').length);
		expect(all?.periods.reduce((sum, p) => sum + p.volume, 0)).toBe(tickets.filter((t) => t.openedAt !== undefined).length);
		expect(all?.periods.reduce((sum, p) => sum + p.solved, 0)).toBe(solved.length);
		for (const p of all?.periods ?? []) if (p.medianHoursToSolve !== null) expect(p.medianHoursToSolve).toBeGreaterThanOrEqual(0);
		expect(all?.periods.length).toBeGreaterThan(12);
		expect(all?.overall.medianHoursToSolve).toBeGreaterThan(DAY_MS / HOUR_MS / 24);
	});
});
