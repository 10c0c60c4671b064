import { weekStart } from '../../shared/improvement/measures';
import { packReading, weekLabels } from '../../shared/improvement/packed-reading';
import type { KnownFigures, WeekCell, WeeklyReading } from '../../shared/improvement/weekly-figures';
import type { ServiceFigures, ServiceFiguresReceipt } from '../../shared/schemas/service-figures';

/** One category's figures of one week as stored: [category, counts, solve-time buckets]. */
type StoredCell = [string, (number | null)[], number[] | null];

const COUNT_FIELDS = ['opened', 'solved', 'withDeadline', 'late', 'reopened', 'satisfactionCount', 'satisfactionSum'] as const;

const storedOf = (cell: WeekCell): StoredCell => [cell.category, COUNT_FIELDS.map((field) => cell[field]), cell.solveHours];

function cellOf(week: string, [category, counts, solveHours]: StoredCell): WeekCell {
	const count = (field: (typeof COUNT_FIELDS)[number]) => counts[COUNT_FIELDS.indexOf(field)] ?? null;
	return {
		week,
		category,
		opened: count('opened') ?? 0,
		solved: count('solved'),
		solveHours,
		withDeadline: count('withDeadline'),
		late: count('late'),
		reopened: count('reopened'),
		satisfactionCount: count('satisfactionCount'),
		satisfactionSum: count('satisfactionSum'),
	};
}

/**
 * Stores a reading week by week. A week already stored is replaced only by a reading that counts at least as many
 * tickets in it (opened plus solved, all categories): a later, fuller reading wins, a partial one (a technician who
 * sees only their group's tickets) does not erase it, and the same week read twice never counts twice. The
 * condition is in the upsert itself, so two readings sent at once cannot interleave.
 */
export async function storeReading(db: D1Database, workspaceId: string, tokenId: string, reading: WeeklyReading, readAt: string): Promise<ServiceFiguresReceipt> {
	if (!reading.from || !reading.to) return { stored: [], kept: [] };
	const byWeek = new Map<string, WeekCell[]>();
	for (const cell of reading.cells) {
		const list = byWeek.get(cell.week);
		if (list) list.push(cell);
		else byWeek.set(cell.week, [cell]);
	}
	const weeks = weekLabels(reading.from, reading.to);
	const known = JSON.stringify(reading.known);
	const statements = weeks.map((week) => {
		const cells = byWeek.get(week) ?? [];
		const total = cells.reduce((sum, cell) => sum + cell.opened + (cell.solved ?? 0), 0);
		return db
			.prepare(
				`INSERT INTO service_weeks (workspace_id, week, starts_at, total, known, cells, read_at, token_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
				ON CONFLICT (workspace_id, week) DO UPDATE SET starts_at = excluded.starts_at, total = excluded.total, known = excluded.known,
					cells = excluded.cells, read_at = excluded.read_at, token_id = excluded.token_id
				WHERE excluded.total >= service_weeks.total
				RETURNING week`,
			)
			.bind(workspaceId, week, new Date(weekStart(week)).toISOString(), total, known, JSON.stringify(cells.map(storedOf)), readAt, tokenId);
	});
	const results = await db.batch<{ week: string }>(statements);
	const stored = new Set(results.flatMap((result) => result.results.map((row) => row.week)));
	return { stored: weeks.filter((week) => stored.has(week)), kept: weeks.filter((week) => !stored.has(week)) };
}

interface WeekRow {
	week: string;
	known: string;
	cells: string;
	read_at: string;
}

/**
 * The stored weeks of a period put together as one reading: from its first stored week to its last, the weeks no
 * reading covered listed as missing, and a figure known only where every stored week knew it.
 */
export async function readFigures(db: D1Database, workspaceId: string, from: string, to: string): Promise<ServiceFigures> {
	const { results } = await db
		.prepare('SELECT week, known, cells, read_at FROM service_weeks WHERE workspace_id = ?1 AND starts_at >= ?2 AND starts_at <= ?3 ORDER BY starts_at')
		.bind(workspaceId, new Date(weekStart(from)).toISOString(), new Date(weekStart(to)).toISOString())
		.all<WeekRow>();
	const first = results[0];
	const last = results[results.length - 1];
	if (!first || !last) return { reading: null, weeks: [] };
	const known: KnownFigures = { solved: true, deadline: true, reopen: true, satisfaction: true };
	const cells: WeekCell[] = [];
	for (const row of results) {
		const weekKnown = JSON.parse(row.known) as KnownFigures;
		for (const key of Object.keys(known) as (keyof KnownFigures)[]) known[key] &&= weekKnown[key];
		for (const stored of JSON.parse(row.cells) as StoredCell[]) cells.push(cellOf(row.week, stored));
	}
	const present = new Set(results.map((row) => row.week));
	const missing = weekLabels(first.week, last.week).filter((week) => !present.has(week));
	// A figure that one week does not know is dropped from every week, so that no measure mixes known and unknown.
	const reading: WeeklyReading = {
		from: first.week,
		to: last.week,
		...(missing.length ? { missing } : {}),
		known,
		cells: cells.map((cell) => ({
			...cell,
			solved: known.solved ? cell.solved : null,
			solveHours: known.solved ? cell.solveHours : null,
			withDeadline: known.solved && known.deadline ? cell.withDeadline : null,
			late: known.solved && known.deadline ? cell.late : null,
			reopened: known.solved && known.reopen ? cell.reopened : null,
			satisfactionCount: known.solved && known.satisfaction ? cell.satisfactionCount : null,
			satisfactionSum: known.solved && known.satisfaction ? cell.satisfactionSum : null,
		})),
	};
	return { reading: packReading(reading), weeks: results.map((row) => ({ week: row.week, readAt: row.read_at })) };
}
