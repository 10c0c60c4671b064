import { Hono } from 'hono';
import { BacklogCsvQuerySchema } from '../../shared/schemas/backlog';
import { exportItems } from '../db/backlog-list';
import { toBacklogItem } from '../db/items';
import type { AppEnv } from '../env';
import { requireRole, tokenCaller } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { csvDocument } from '../services/csv';

const HEADER = [
	'id',
	'title',
	'kind',
	'status',
	'score',
	'signalCount',
	'reporterCount',
	'firstSeen',
	'lastSeen',
	'route',
	'selector',
	'tags',
	'owner',
	'note',
	'statusChangedAt',
	'glpiItemtype',
	'glpiId',
	'glpiUrl',
];

/**
 * GET /v1/backlog.csv: the rows of /v1/backlog with the same filters and sort, every page at once (at most
 * MAX_CSV_ROWS), for a spreadsheet. Mounted at its own path: "backlog.csv" is one path segment, so it never meets
 * /v1/backlog/:id.
 */
export const backlogCsv = new Hono<AppEnv>().get('/', requireRole('manager'), validate('query', BacklogCsvQuerySchema), async (c) => {
	const { workspaceId } = tokenCaller(c.var.caller);
	const query = c.req.valid('query');
	const now = Date.now();
	const rows = await exportItems(c.env.DB, workspaceId, query, query.limit, now);
	const records = rows.map((row) => {
		const item = toBacklogItem(row, now);
		return [
			item.id,
			item.title,
			item.kind,
			item.status,
			item.score,
			item.signalCount,
			item.reporterCount,
			item.firstSeen,
			item.lastSeen,
			item.route,
			item.selector,
			item.tags.join(' '),
			item.owner,
			item.note,
			item.statusChangedAt,
			item.glpi?.itemtype,
			item.glpi?.id,
			item.glpi?.url,
		];
	});
	const day = new Date(now).toISOString().slice(0, 10);
	return c.body(csvDocument(HEADER, records), 200, {
		'content-type': 'text/csv; charset=utf-8',
		'content-disposition': `attachment; filename="backlog-${day}.csv"`,
		'cache-control': 'no-store',
	});
});
