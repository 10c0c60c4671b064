import { z } from 'zod';
import { MAX_FIGURE_WEEKS } from '../limits';
import { periodLabel } from '../patterns/periods';
import { DAY_MS } from '../patterns/ticket';
import { weekStart } from './measures';
import { SOLVE_BUCKETS, type WeekCell, type WeeklyReading } from './weekly-figures';

/**
 * A weekly reading as it travels: each category's name once, then its cells in week order, each a short row of
 * counts, with the zeros at its end left out. Two years of 200 categories is some 12,000 cells: as objects with
 * named fields that is 2.4 MB of JSON (125 KB gzipped); packed, under 50 KB gzipped (test/shared/improvement.test.ts).
 *
 * A row: [weeks since the previous row of its category (the first counts from `from`), opened, solved, withDeadline,
 * late, reopened, satisfactionCount, satisfactionSum], then, when anything was solved, the solve-time histogram as
 * [bucket, count, bucket, count, ...] for its non-empty buckets. A figure the reading does not know is absent from
 * every row (its `known` switch is off), never written as 0.
 */
const WEEK_MS = 7 * DAY_MS;
/** Weeks are counted from Monday 5 January 1970, the first Monday of Unix time. */
const FIRST_MONDAY = Date.UTC(1970, 0, 5);
const weekIndex = (label: string) => Math.round((weekStart(label) - FIRST_MONDAY) / WEEK_MS);
const labelOf = (index: number) => periodLabel(FIRST_MONDAY + index * WEEK_MS, 'week');

/** Every ISO week from `from` to `to`, both included. */
export function weekLabels(from: string, to: string): string[] {
	const labels: string[] = [];
	for (let index = weekIndex(from); index <= weekIndex(to); index++) labels.push(labelOf(index));
	return labels;
}

// Counts, and satisfaction sums (GLPI's answers are whole stars, but nothing here needs them to be).
const Count = z.number().min(0).max(5_000_000);
const Row = z.union([z.array(Count).min(1).max(8), z.tuple([z.array(Count).min(1).max(8), z.array(Count).max(2 * SOLVE_BUCKETS)])]);
/** "2026-W47", and only a week that exists: 2026 has no week 53. */
export function isWeekLabel(label: string): boolean {
	return /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(label) && labelOf(weekIndex(label)) === label;
}
const Week = z.string().refine(isWeekLabel, 'An ISO week such as 2026-W47.');

export const PackedReadingSchema = z.strictObject({
	from: Week,
	to: Week,
	missing: z.array(Week).max(MAX_FIGURE_WEEKS).optional(),
	known: z.strictObject({ solved: z.boolean(), deadline: z.boolean(), reopen: z.boolean(), satisfaction: z.boolean() }),
	categories: z.array(z.string().min(1).max(500)).max(2000),
	rows: z.array(z.array(Row).max(MAX_FIGURE_WEEKS)).max(2000),
});
export type PackedReading = z.infer<typeof PackedReadingSchema>;


function trimZeros(values: readonly number[]): number[] {
	let end = values.length;
	while (end > 1 && values[end - 1] === 0) end--;
	return values.slice(0, end);
}

export function packReading(reading: WeeklyReading): PackedReading | null {
	if (!reading.from || !reading.to) return null;
	const byCategory = new Map<string, WeekCell[]>();
	for (const cell of reading.cells) {
		const list = byCategory.get(cell.category);
		if (list) list.push(cell);
		else byCategory.set(cell.category, [cell]);
	}
	const from = weekIndex(reading.from);
	const rows = [...byCategory.values()].map((cells) => {
		let previous = from;
		return cells.map((cell) => {
			const index = weekIndex(cell.week);
			const counts = [index - previous, cell.opened, cell.solved, cell.withDeadline, cell.late, cell.reopened, cell.satisfactionCount, cell.satisfactionSum];
			previous = index;
			const fixed = trimZeros(counts.map((value) => value ?? 0));
			const histogram = (cell.solveHours ?? []).flatMap((count, bucket) => (count ? [bucket, count] : []));
			return histogram.length ? ([fixed, histogram] as [number[], number[]]) : fixed;
		});
	});
	const missing = reading.missing?.length ? { missing: reading.missing } : {};
	return { from: reading.from, to: reading.to, ...missing, known: reading.known, categories: [...byCategory.keys()], rows };
}

/** The reading back, with the same cells as before packing; throws on rows that point outside its weeks. */
export function unpackReading(packed: PackedReading): WeeklyReading {
	const { known } = packed;
	const from = weekIndex(packed.from);
	const to = weekIndex(packed.to);
	if (to < from) throw new RangeError('the reading ends before it starts');
	if (packed.rows.length !== packed.categories.length) throw new RangeError('one list of rows per category is needed');
	const cells: WeekCell[] = [];
	packed.rows.forEach((rows, position) => {
		const category = packed.categories[position] as string;
		// One before the first week: the first row's delta counts from `from` itself.
		let index = from - 1;
		for (const row of rows) {
			const [fixed, histogram] = typeof row[0] === 'number' ? [row as number[], []] : (row as [number[], number[]]);
			const at = (slot: number) => fixed[slot] ?? 0;
			// Every figure but the satisfaction sum (slot 7) counts tickets, and a category's weeks go forward.
			if (fixed.some((value, slot) => slot < 7 && !Number.isInteger(value))) throw new RangeError(`a count of ${category} is not a whole number`);
			if (index !== from - 1 && at(0) === 0) throw new RangeError(`two rows of ${category} fall in one week`);
			index = index === from - 1 ? from + at(0) : index + at(0);
			if (index > to) throw new RangeError(`a row of ${category} lies past the reading's last week`);
			const solved = known.solved;
			const solveHours = solved ? new Array<number>(SOLVE_BUCKETS).fill(0) : null;
			for (let pair = 0; solveHours && pair + 1 < histogram.length; pair += 2) {
				const bucket = histogram[pair] as number;
				const count = histogram[pair + 1] as number;
				if (!Number.isInteger(bucket) || bucket >= SOLVE_BUCKETS || !Number.isInteger(count)) throw new RangeError(`no solve-time bucket ${bucket}`);
				solveHours[bucket] = count;
			}
			cells.push({
				week: labelOf(index),
				category,
				opened: at(1),
				solved: solved ? at(2) : null,
				solveHours,
				withDeadline: solved && known.deadline ? at(3) : null,
				late: solved && known.deadline ? at(4) : null,
				reopened: solved && known.reopen ? at(5) : null,
				satisfactionCount: solved && known.satisfaction ? at(6) : null,
				satisfactionSum: solved && known.satisfaction ? at(7) : null,
			});
		}
	});
	cells.sort((a, b) => a.week.localeCompare(b.week) || a.category.localeCompare(b.category));
	const missing = packed.missing?.length ? { missing: packed.missing } : {};
	return { from: packed.from, to: packed.to, ...missing, known, cells };
}
