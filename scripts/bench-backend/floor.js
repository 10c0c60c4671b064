// The raw-SQLite floor of the ingest: the very rows the worker wrote (read back from wrangler's local D1 file), written
// again with better-sqlite3 into the same schema, in the same batches of 100, one transaction each. It measures what
// storing the ingest costs without HTTP, validation, MinHash, lookups or D1's transport: the floor the worker is
// compared with.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The largest .sqlite under wrangler's persist folder: the D1 database (the others are metadata). */
export function findD1File(persistDir) {
	const dir = join(persistDir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
	const files = readdirSync(dir).filter((name) => name.endsWith('.sqlite')).map((name) => join(dir, name));
	return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

/** Reads back, in memory, what the worker stored for the given workspace. */
export function readWorkerRows(file, workspaceId) {
	const db = new Database(file, { readonly: true });
	const signals = new Map(db.prepare('SELECT * FROM signals WHERE workspace_id = ?').all(workspaceId).map((row) => [row.id, row]));
	const items = new Map(db.prepare('SELECT * FROM items WHERE workspace_id = ?').all(workspaceId).map((row) => [row.id, row]));
	const keys = new Map();
	for (const row of db.prepare('SELECT key, item_id FROM item_keys WHERE workspace_id = ?').all(workspaceId)) {
		const list = keys.get(row.item_id) ?? [];
		list.push(row.key);
		keys.set(row.item_id, list);
	}
	const workspace = db.prepare('SELECT * FROM workspaces WHERE id = ?').get(workspaceId);
	db.close();
	return { signals, items, keys, workspace };
}

const weekOf = (iso) => Math.floor((Math.floor(Date.parse(iso) / 86_400_000) + 3) / 7);

/**
 * Writes the rows again, batch by batch, and returns the time of each batch in ms. `synchronous` is SQLite's
 * durability setting (NORMAL or FULL, both in WAL mode).
 */
export function runFloor({ file, migrationsDir, rows, batches, synchronous }) {
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma(`synchronous = ${synchronous}`);
	for (const name of readdirSync(migrationsDir).filter((name) => name.endsWith('.sql')).sort()) db.exec(readFileSync(join(migrationsDir, name), 'utf8'));
	const w = rows.workspace;
	db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)').run(w.id, w.name, w.created_at);

	const insertSignal = db.prepare(`INSERT INTO signals (workspace_id, id, kind, created_at, received_at, reporter, route, page_kind, body, item_id, batch_id, term, new_reporter)
		VALUES (@workspace_id, @id, @kind, @created_at, @received_at, @reporter, @route, @page_kind, @body, @item_id, @batch_id, @term, @new_reporter)`);
	const insertItem = db.prepare(`INSERT INTO items (id, workspace_id, kind, title, rank, first_seen, last_seen, route, page_kind, selector, signature, search_text, signal_count, reporter_count, tags)
		VALUES (@id, @workspace_id, @kind, @title, @rank, @first_seen, @last_seen, @route, @page_kind, @selector, @signature, @search_text, @n, @reporters, @tags)`);
	const updateItem = db.prepare(`UPDATE items SET signal_count = signal_count + @n, reporter_count = reporter_count + @reporters, rank = @rank,
		last_seen = max(last_seen, @last_seen), first_seen = min(first_seen, @first_seen) WHERE id = @id`);
	const insertKey = db.prepare('INSERT OR IGNORE INTO item_keys (workspace_id, key, item_id) VALUES (?, ?, ?)');
	const insertReporter = db.prepare('INSERT OR IGNORE INTO item_reporters (item_id, reporter) VALUES (?, ?)');
	const upsertWeek = db.prepare('INSERT INTO item_weeks (item_id, week, n) VALUES (?, ?, ?) ON CONFLICT (item_id, week) DO UPDATE SET n = n + excluded.n');
	const upsertDay = db.prepare(`INSERT INTO daily_counts (workspace_id, day, route, kind, n) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (workspace_id, day, route, kind) DO UPDATE SET n = n + excluded.n`);

	const created = new Set();
	const writeBatch = db.transaction((ids) => {
		const touched = new Map();
		const weeks = new Map();
		const days = new Map();
		for (const id of ids) {
			const signal = rows.signals.get(id);
			if (!signal) continue;
			insertSignal.run(signal);
			if (signal.new_reporter) insertReporter.run(signal.item_id, signal.reporter);
			const item = touched.get(signal.item_id) ?? { n: 0, reporters: 0, first: signal.created_at, last: signal.created_at };
			item.n++;
			item.reporters += signal.new_reporter;
			if (signal.created_at < item.first) item.first = signal.created_at;
			if (signal.created_at > item.last) item.last = signal.created_at;
			touched.set(signal.item_id, item);
			const week = `${signal.item_id}|${weekOf(signal.created_at)}`;
			weeks.set(week, (weeks.get(week) ?? 0) + 1);
			const day = `${signal.created_at.slice(0, 10)}|${signal.route}|${signal.kind}`;
			days.set(day, (days.get(day) ?? 0) + 1);
		}
		for (const [id, counts] of touched) {
			const item = rows.items.get(id);
			if (!item) continue;
			if (created.has(id)) {
				updateItem.run({ id, n: counts.n, reporters: counts.reporters, rank: item.rank, first_seen: counts.first, last_seen: counts.last });
			} else {
				created.add(id);
				insertItem.run({ ...item, n: counts.n, reporters: counts.reporters, first_seen: counts.first, last_seen: counts.last });
				for (const key of rows.keys.get(id) ?? []) insertKey.run(w.id, key, id);
			}
		}
		for (const [key, n] of weeks) {
			const [itemId, week] = key.split('|');
			upsertWeek.run(itemId, Number(week), n);
		}
		for (const [key, n] of days) {
			const [day, route, kind] = key.split('|');
			upsertDay.run(w.id, day, route, kind, n);
		}
	});

	const times = [];
	for (const ids of batches) {
		const start = performance.now();
		writeBatch(ids);
		times.push(performance.now() - start);
	}
	db.close();
	return times;
}
