import { describe, expect, it } from 'vitest';
import { detectLate, detectReopens, lateness } from '../../shared/patterns/reopen-late';
import { DAY_MS, HOUR_MS, type Ticket } from '../../shared/patterns/ticket';
import { SKIP_DATA, hasGitbugs, loadGitbugs } from './support/data';

const T0 = Date.UTC(2026, 9, 1);

describe('detectReopens', () => {
	it('finds reopened tickets and refused solutions, most reopened first', () => {
		const loops = detectReopens([
			{ id: 1, title: 'a', reopenCount: 1 },
			{ id: 2, title: 'b', solutionRefused: true, category: 'VPN' },
			{ id: 3, title: 'c', reopenCount: 3 },
			{ id: 4, title: 'd', reopenCount: 0, solutionRefused: false },
		]);
		expect(loops.map((loop) => [loop.ticketId, loop.reason, loop.count])).toEqual([
			[3, 'reopened', 3],
			[1, 'reopened', 1],
			[2, 'solution-refused', 1],
		]);
	});
});

describe('lateness (GLPI 10 rule)', () => {
	const due = T0 + 2 * DAY_MS;
	const asOf = T0 + 10 * DAY_MS;
	it.each<[string, Partial<Ticket>, boolean]>([
		['solved after the time to resolve', { solvedAt: due + HOUR_MS }, true],
		['solved before it', { solvedAt: due - HOUR_MS }, false],
		['still open past it', { status: 'assigned' }, true],
		['pending past it: the clock is stopped', { status: 'waiting' }, false],
		['closed without a resolution date, after it', { closedAt: due + DAY_MS }, true],
	])('%s', (_, fields, late) => {
		expect(lateness({ id: 1, title: 'x', openedAt: T0, timeToResolve: due, ...fields }, asOf) !== undefined).toBe(late);
	});

	it('says by how much, and trusts an explicit "Time to resolve exceeded"', () => {
		expect(lateness({ id: 1, title: 'x', timeToResolve: due, solvedAt: due + 5 * HOUR_MS }, asOf)?.overdueMs).toBe(5 * HOUR_MS);
		expect(lateness({ id: 2, title: 'x', late: true }, asOf)).toMatchObject({ ticketId: 2, open: true });
		expect(lateness({ id: 3, title: 'x' }, asOf)).toBeUndefined();
	});

	it('lists the late tickets, longest overdue first', () => {
		const late = detectLate(
			[
				{ id: 1, title: 'a', timeToResolve: due, solvedAt: due + HOUR_MS },
				{ id: 2, title: 'b', timeToResolve: due },
				{ id: 3, title: 'c', timeToResolve: due, solvedAt: due - HOUR_MS },
			],
			asOf,
		);
		expect(late.map((t) => [t.ticketId, t.open])).toEqual([
			[2, true],
			[1, false],
		]);
	});
});

describe.skipIf(!hasGitbugs)(`reopen loops in real data (${hasGitbugs ? 'gitbugs-hadoop' : SKIP_DATA})`, () => {
	it('finds the 15 Hadoop reports whose status is Reopened', () => {
		const { tickets } = loadGitbugs();
		const loops = detectReopens(tickets);
		expect(loops).toHaveLength(15);
		expect(new Set(loops.map((loop) => loop.reason))).toEqual(new Set(['reopened']));
	});
});
