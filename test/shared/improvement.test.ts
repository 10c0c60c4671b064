import { describe, expect, it } from 'vitest';
import { checkObjective, isReviewOverdue, lowerIsBetter, type Objective } from '../../shared/improvement/check';
import { SERVICE_MEASURES, histogramMedian, measureOver, weekStart } from '../../shared/improvement/measures';
import { PLAN_MEASURES } from '../../shared/vocabulary';
import { SOLVE_BUCKETS, bucketOf, knownFrom, weeklyFigures, type KnownFigures } from '../../shared/improvement/weekly-figures';
import { parseGlpiCsv } from '../../shared/patterns/glpi-csv';
import { HOUR_MS, type Ticket } from '../../shared/patterns/ticket';

const ALL_KNOWN: KnownFigures = { solved: true, deadline: true, reopen: true, satisfaction: true };
/** 2026-11-02 is a Monday, the first day of ISO week 2026-W45. */
const day = (n: number, hour = 9) => Date.UTC(2026, 10, 2 + n, hour);

describe('ISO weeks', () => {
	it('turns a label back into its Monday, across a year whose week 1 starts in December', () => {
		expect(new Date(weekStart('2026-W45')).toISOString()).toBe('2026-11-02T00:00:00.000Z');
		expect(new Date(weekStart('2026-W01')).toISOString()).toBe('2025-12-29T00:00:00.000Z');
		expect(new Date(weekStart('2020-W53')).toISOString()).toBe('2020-12-28T00:00:00.000Z');
		expect(() => weekStart('2026-47')).toThrow(RangeError);
	});
});

describe('weeklyFigures', () => {
	const tickets: Ticket[] = [
		// Opened on Sunday 1 November (week 44, seen in part): its week is left out, its solve in week 45 counts.
		{ id: 1, title: 'x', category: 'Hardware > Printer', openedAt: day(-1), solvedAt: day(0, 12) },
		// Week 45: three printer tickets, one solved late; one mouse ticket with a refused solution and 4 stars.
		{ id: 2, title: 'x', category: 'Hardware > Printer', openedAt: day(0), solvedAt: day(0, 10), timeToResolve: day(0, 11) },
		{ id: 3, title: 'x', category: 'Hardware > Printer', openedAt: day(1), solvedAt: day(3), timeToResolve: day(2), satisfaction: 2 },
		{ id: 4, title: 'x', category: 'Hardware > Printer', openedAt: day(2) },
		{ id: 5, title: 'x', category: 'Hardware > Mouse', openedAt: day(3), solvedAt: day(4), solutionRefused: true, satisfaction: 4 },
		// Week 46: nothing. Week 47: one ticket without a category.
		{ id: 6, title: 'x', openedAt: day(15), updatedAt: day(20, 23) },
	];
	// "Now" is Sunday 22 November, the last day of week 47: weeks 45 to 47 are whole.
	const reading = weeklyFigures(tickets, ALL_KNOWN, day(20, 23));

	it('covers the whole weeks only, and writes a cell per category and week that had tickets', () => {
		expect([reading.from, reading.to]).toEqual(['2026-W45', '2026-W47']);
		expect(reading.cells.map((cell) => `${cell.week} ${cell.category} ${cell.opened}/${cell.solved}`)).toEqual([
			'2026-W45 Hardware > Mouse 1/1',
			'2026-W45 Hardware > Printer 3/3',
			'2026-W47 (no category) 1/0',
		]);
	});

	it('counts lateness, refused solutions and satisfaction in the week of the solve', () => {
		const printer = reading.cells.find((cell) => cell.category === 'Hardware > Printer');
		expect(printer).toMatchObject({ withDeadline: 2, late: 1, reopened: 0, satisfactionSum: 2, satisfactionCount: 1 });
		// Solved in 27 h, 1 h and 48 h: buckets (24, 48], (0, 1] and (24, 48].
		expect(printer?.solveHours?.[bucketOf(27)]).toBe(2);
		expect(printer?.solveHours?.[0]).toBe(1);
		const mouse = reading.cells.find((cell) => cell.category === 'Hardware > Mouse');
		expect(mouse).toMatchObject({ reopened: 1, satisfactionSum: 4, satisfactionCount: 1 });
	});

	it('leaves the figures an export cannot give null, never 0', () => {
		const bare = weeklyFigures(tickets, { solved: false, deadline: false, reopen: false, satisfaction: false }, day(20, 23));
		expect(bare.cells.every((cell) => cell.solved === null && cell.solveHours === null && cell.late === null)).toBe(true);
		// Tickets 2 to 6 were opened in the whole weeks 45 to 47.
		expect(bare.cells.reduce((sum, cell) => sum + cell.opened, 0)).toBe(5);
	});

	it('writes no cell when the export covers no whole week', () => {
		expect(weeklyFigures(tickets.slice(1, 3), ALL_KNOWN, day(3))).toEqual({ from: null, to: null, known: ALL_KNOWN, cells: [] });
	});
});

describe('measureOver', () => {
	const tickets: Ticket[] = [];
	let id = 1;
	// Weeks 45 and 46: 4 printer tickets a week, each solved in 10 h; week 47: none; week 48: 2 solved in 100 h.
	for (const [week, count, hours] of [[0, 4, 10], [1, 4, 10], [3, 2, 100]] as const) {
		for (let n = 0; n < count; n++) {
			const openedAt = day(week * 7 + n);
			tickets.push({ id: id++, title: 'x', category: 'Hardware > Printer', openedAt, solvedAt: openedAt + hours * HOUR_MS });
		}
	}
	tickets.push({ id: id++, title: 'x', category: 'Network', openedAt: day(0), solvedAt: day(0, 10) });
	const reading = weeklyFigures(tickets, { solved: true, deadline: false, reopen: false, satisfaction: false }, day(27, 23));

	it('averages a volume over every week of the period, the empty ones included', () => {
		// 10 printer tickets over weeks 45-48 (4 weeks): 2.5 a week; the parent category rolls its children up.
		expect(measureOver(reading, 'Hardware > Printer', '2026-W45', '2026-W48', 'opened-per-week')).toEqual({ value: 2.5, sample: 4, weeks: 4 });
		expect(measureOver(reading, 'Hardware', '2026-W45', '2026-W48', 'opened-per-week').value).toBe(2.5);
		expect(measureOver(reading, null, '2026-W45', '2026-W48', 'opened-per-week').value).toBe(2.75);
		// A category whose name only starts like another's is not its child.
		expect(measureOver(reading, 'Hard', '2026-W45', '2026-W48', 'opened-per-week').value).toBe(0);
	});

	it('counts only the weeks the reading covers: a period past it is unknown, not empty', () => {
		expect(measureOver(reading, 'Hardware', '2026-W47', '2026-W52', 'opened-per-week')).toEqual({ value: 1, sample: 2, weeks: 2 });
		expect(measureOver(reading, 'Hardware', '2027-W02', '2027-W05', 'opened-per-week')).toMatchObject({ value: null, unknown: 'no-weeks' });
	});

	it('gives the median time to solve from the buckets, and says why a figure is unknown', () => {
		// 8 tickets in (8, 16] h: the middle (4th) is halfway through the bucket, 12 h.
		expect(measureOver(reading, 'Hardware', '2026-W45', '2026-W46', 'median-hours-to-solve')).toEqual({ value: 12, sample: 8, weeks: 2 });
		expect(measureOver(reading, 'Hardware', '2026-W47', '2026-W47', 'median-hours-to-solve')).toMatchObject({ value: null, unknown: 'no-tickets' });
		expect(measureOver(reading, 'Hardware', '2026-W45', '2026-W48', 'late-share')).toMatchObject({ value: null, unknown: 'no-deadline' });
		expect(measureOver(reading, 'Hardware', '2026-W45', '2026-W48', 'satisfaction')).toMatchObject({ value: null, unknown: 'no-satisfaction-column' });
	});

	it('follows a category renamed in GLPI when the scope names it both ways', () => {
		const moved = weeklyFigures(
			[
				...tickets.filter((ticket) => ticket.openedAt! < day(7)),
				...tickets.filter((ticket) => ticket.openedAt! >= day(7)).map((ticket) => ({ ...ticket, category: 'Devices > Printer' })),
			],
			reading.known,
			day(27, 23),
		);
		// Under its old name only week 45's 4 tickets: 1 a week over the 4 weeks.
		expect(measureOver(moved, 'Hardware > Printer', '2026-W45', '2026-W48', 'opened-per-week').value).toBe(1);
		expect(measureOver(moved, ['Hardware > Printer', 'Devices > Printer'], '2026-W45', '2026-W48', 'opened-per-week').value).toBe(2.5);
	});
});

describe('histogramMedian', () => {
	it('interpolates inside the middle bucket, and gives the last bound as a floor past it', () => {
		const counts = new Array<number>(SOLVE_BUCKETS).fill(0);
		expect(histogramMedian(counts)).toBeNull();
		counts[0] = 1; // (0, 1] h
		counts[2] = 3; // (2, 4] h
		// 4 tickets, middle at 2: one below, so halfway... (2 - 1) / 3 of the way from 2 to 4 h.
		expect(histogramMedian(counts)).toBeCloseTo(2 + 2 / 3, 10);
		const slow = new Array<number>(SOLVE_BUCKETS).fill(0);
		slow[SOLVE_BUCKETS - 1] = 5;
		expect(histogramMedian(slow)).toBe(720);
	});
});

describe('checkObjective', () => {
	const objective: Objective = { measure: 'median-hours-to-solve', baseline: 30, target: 20, reviewOn: '2027-01-15' };
	const after = Date.UTC(2027, 0, 20);

	it('is too early before the review date, or on too few tickets', () => {
		expect(checkObjective(objective, { value: 10, sample: 40, weeks: 4 }, Date.UTC(2027, 0, 14))).toMatchObject({ verdict: 'too-early', reason: 'before-review' });
		expect(checkObjective(objective, { value: 10, sample: 4, weeks: 4 }, after)).toMatchObject({ verdict: 'too-early', reason: 'not-enough-data' });
		expect(checkObjective(objective, { value: null, sample: 0, weeks: 0, unknown: 'no-weeks' }, after)).toMatchObject({ verdict: 'too-early' });
	});

	it('is met at or past the target, in the direction the target sets', () => {
		expect(checkObjective(objective, { value: 20, sample: 40, weeks: 4 }, after)).toEqual({ verdict: 'met', current: 20 });
		expect(checkObjective(objective, { value: 25, sample: 40, weeks: 4 }, after)).toEqual({ verdict: 'not-met', current: 25 });
		const satisfaction: Objective = { measure: 'satisfaction', baseline: 3.1, target: 4, reviewOn: '2027-01-15' };
		expect(checkObjective(satisfaction, { value: 4.2, sample: 12, weeks: 4 }, after).verdict).toBe('met');
		expect(checkObjective(satisfaction, { value: 3.5, sample: 12, weeks: 4 }, after).verdict).toBe('not-met');
		expect(lowerIsBetter({ measure: 'satisfaction', baseline: 4, target: 4 })).toBe(false);
		expect(lowerIsBetter({ measure: 'late-share', baseline: 0.2, target: 0.2 })).toBe(true);
	});

	it('is unknown, with the reason, when the export lacks the column', () => {
		expect(checkObjective(objective, { value: null, sample: 0, weeks: 4, unknown: 'no-solve-date' }, after)).toEqual({ verdict: 'unknown', reason: 'no-solve-date' });
	});

	it('flags an item whose review date passed without a Check', () => {
		expect(isReviewOverdue(objective, null, after)).toBe(true);
		expect(isReviewOverdue(objective, '2027-01-16', after)).toBe(false);
		expect(isReviewOverdue(objective, '2026-12-01', after)).toBe(true);
		expect(isReviewOverdue(objective, null, Date.UTC(2027, 0, 15))).toBe(false);
	});
});

describe('knownFrom', () => {
	it('knows a figure only when its column is in the export', () => {
		const csv = 'ID;Title;Category;Opening date\n1;VPN;Network;2026-11-02 09:00\n';
		expect(knownFrom(parseGlpiCsv(csv).columns)).toEqual({ solved: false, deadline: false, reopen: false, satisfaction: false });
		const full = 'ID;Title;Opening date;Resolution date;Time to resolve;Satisfaction;Last solution status\n';
		expect(knownFrom(parseGlpiCsv(`${full}1;VPN;2026-11-02 09:00;;;;\n`).columns)).toEqual({ solved: true, deadline: true, reopen: true, satisfaction: true });
	});
});

describe('packed readings', () => {
	/** A seeded desk: `perWeek` tickets a week for two years, over 200 categories of Zipf-like sizes (a few busy ones). */
	function syntheticDesk(perWeek: number): { tickets: Ticket[]; asOf: number } {
		let seed = 42;
		const random = () => {
			// mulberry32: small, seeded, good enough to spread tickets.
			seed = (seed + 0x6d2b79f5) | 0;
			let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
			t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
		const categories = Array.from({ length: 200 }, (_, index) => `Parent ${index % 12} > Child ${index}`);
		const weights = categories.map((_, index) => 1 / (index + 1));
		const total = weights.reduce((sum, weight) => sum + weight, 0);
		const pick = () => {
			let left = random() * total;
			for (let index = 0; index < categories.length; index++) if ((left -= weights[index] as number) <= 0) return categories[index] as string;
			return categories[0] as string;
		};
		const start = Date.UTC(2024, 11, 2);
		const span = 104 * 7 * 86_400_000;
		const tickets: Ticket[] = Array.from({ length: perWeek * 104 }, (_, index) => {
			const openedAt = start + random() * span;
			const satisfaction = random() < 0.2 ? Math.round(random() * 5) : undefined;
			return {
				id: index + 1,
				title: 'x',
				category: pick(),
				openedAt,
				solvedAt: openedAt + Math.exp(random() * 7) * HOUR_MS,
				timeToResolve: openedAt + 48 * HOUR_MS,
				solutionRefused: random() < 0.05,
				...(satisfaction === undefined ? {} : { satisfaction }),
			};
		});
		return { tickets, asOf: start + span + 6 * 86_400_000 };
	}

	it('comes back as the same cells, and the weekly figures of two years and 200 categories fit in 50 KB', async () => {
		const { gzipSync } = await import('node:zlib');
		const { PackedReadingSchema, packReading, unpackReading } = await import('../../shared/improvement/packed-reading');
		const { tickets, asOf } = syntheticDesk(300);
		const reading = weeklyFigures(tickets, ALL_KNOWN, asOf);
		expect(reading.cells.length).toBeGreaterThan(10_000);
		const packed = PackedReadingSchema.parse(JSON.parse(JSON.stringify(packReading(reading))));
		expect(unpackReading(packed)).toEqual(reading);
		expect(gzipSync(JSON.stringify(packed)).length).toBeLessThan(50_000);
		// Some 30,000 tickets built, read, packed and checked: seconds on two cores shared with other test runs.
	}, 60_000);

	it('keeps unknown figures unknown through packing, and refuses rows past the last week', async () => {
		const { packReading, unpackReading } = await import('../../shared/improvement/packed-reading');
		const { tickets, asOf } = syntheticDesk(20);
		const known = { solved: true, deadline: false, reopen: false, satisfaction: false };
		const reading = weeklyFigures(tickets, known, asOf);
		const packed = packReading(reading);
		expect(packed && unpackReading(packed)).toEqual(reading);
		expect(() => unpackReading({ ...packed!, to: packed!.from })).toThrow(RangeError);
		expect(packReading(weeklyFigures([], known, asOf))).toBeNull();
	});
});

describe('the plan measures the popup offers', () => {
	it("are the item's signal rate, then GLPI's service measures in their order (the popup reads them without zod)", () => {
		expect(PLAN_MEASURES).toEqual(['signal-rate', ...SERVICE_MEASURES]);
	});
});
