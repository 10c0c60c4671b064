import { MAX_METRICS_CHECKS } from '../../shared/limits';
import { ITEM_STATUSES, type ItemStatus } from '../../shared/schemas/backlog';
import type { Metrics, MetricsQuery } from '../../shared/schemas/metrics';
import { checkMetric, checkWindows, signalsPerDay } from '../services/metrics';
import { itemAndSources } from './items';

const DAY_MS = 86_400_000;

/**
 * GET /v1/metrics in two round trips. Signals per day and top pages read the daily counters (rows per day, route
 * and kind), never the signals; items per status, triage and checks read the items through their indexes; only the
 * before/after windows count signals, of at most MAX_METRICS_CHECKS items, through signals_item (item, time).
 */
export async function readMetrics(db: D1Database, workspaceId: string, query: MetricsQuery, nowMs: number): Promise<Metrics> {
	const { from, to } = query;
	const start = `${from}T00:00:00.000Z`;
	const end = new Date(Date.parse(to) + DAY_MS).toISOString();
	const [days, pages, statuses, triage, checks] = await db.batch([
		db
			.prepare('SELECT day, kind, SUM(n) AS n FROM daily_counts WHERE workspace_id = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY day, kind')
			.bind(workspaceId, from, to),
		db
			.prepare(
				`SELECT route, SUM(n) AS signals FROM daily_counts WHERE workspace_id = ?1 AND day BETWEEN ?2 AND ?3
				GROUP BY route ORDER BY signals DESC, route LIMIT 10`,
			)
			.bind(workspaceId, from, to),
		db.prepare('SELECT status, COUNT(*) AS n FROM items WHERE workspace_id = ?1 AND merged_into IS NULL GROUP BY status').bind(workspaceId),
		// The median in SQL: the middle one or two of the sorted durations.
		db
			.prepare(
				`WITH t AS (
					SELECT max(0, (julianday(triaged_at) - julianday(first_seen)) * 24) AS hours FROM items
					WHERE workspace_id = ?1 AND triaged_at >= ?2 AND triaged_at < ?3),
				c AS (SELECT COUNT(*) AS n FROM t)
				SELECT (SELECT n FROM c) AS n,
					(SELECT avg(hours) FROM (SELECT hours FROM t ORDER BY hours LIMIT 2 - (SELECT n FROM c) % 2 OFFSET ((SELECT n FROM c) - 1) / 2)) AS median`,
			)
			.bind(workspaceId, start, end),
		db
			.prepare(
				`SELECT id, title, status, do_at FROM items
				WHERE workspace_id = ?1 AND do_at >= ?2 AND do_at < ?3 AND status IN ('check', 'done') AND merged_into IS NULL
				ORDER BY do_at DESC LIMIT ?4`,
			)
			.bind(workspaceId, start, end, MAX_METRICS_CHECKS),
	]);
	const perStatus = Object.fromEntries(ITEM_STATUSES.map((status) => [status, 0])) as Record<ItemStatus, number>;
	for (const row of (statuses?.results ?? []) as { status: ItemStatus; n: number }[]) {
		if (row.status in perStatus) perStatus[row.status] = row.n;
	}
	const triageRow = triage?.results[0] as { n: number; median: number | null } | undefined;
	const checkItems = (checks?.results ?? []) as { id: string; title: string; status: ItemStatus; do_at: string }[];
	return {
		from,
		to,
		signalsPerDay: signalsPerDay(from, to, (days?.results ?? []) as { day: string; kind: string; n: number }[]),
		topPages: (pages?.results ?? []) as Metrics['topPages'],
		itemsPerStatus: perStatus,
		triage: { count: triageRow?.n ?? 0, medianHours: triageRow?.median == null ? null : Math.round(triageRow.median * 100) / 100 },
		checks: await readChecks(db, workspaceId, checkItems, nowMs),
	};
}

/**
 * Signals of each item (and of the items merged into it, both checked against the workspace by the items table) in its
 * two windows, counted on the (item_id, created_at) index alone.
 */
const windowCount = (low: string, high: string) => `(SELECT COUNT(*) FROM signals s
	WHERE s.item_id IN (${itemAndSources('?1', "j.value ->> '$.id'")})
		AND s.created_at >= j.value ->> '$.${low}' AND s.created_at < j.value ->> '$.${high}')`;
export const CHECK_COUNTS_SQL = `SELECT j.value ->> '$.id' AS id, ${windowCount('beforeStart', 'doAt')} AS before, ${windowCount('doAt', 'afterEnd')} AS after
	FROM json_each(?2) j`;

async function readChecks(db: D1Database, workspaceId: string, items: { id: string; title: string; status: ItemStatus; do_at: string }[], nowMs: number) {
	if (items.length === 0) return [];
	const windows = items.map((item) => ({ id: item.id, ...checkWindows(item.do_at, nowMs) }));
	const { results } = await db
		.prepare(CHECK_COUNTS_SQL)
		.bind(workspaceId, JSON.stringify(windows))
		.all<{ id: string; before: number; after: number }>();
	const counts = new Map(results.map((row) => [row.id, row]));
	return items.map((item, index) => checkMetric(item, counts.get(item.id) ?? { before: 0, after: 0 }, windows[index]?.length ?? 0));
}
