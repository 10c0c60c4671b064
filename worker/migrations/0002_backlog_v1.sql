-- Migration number: 0002 	 The rest of the v1 API: exact incremental ranks, sparkline and daily counters, hints,
-- rate limits and the audit's token id. Every new table is reached through workspace_id or through an item id that a
-- workspace-scoped query has already checked.

-- signals becomes an ordinary rowid table. Its rows (about 550 bytes, the body included) are far over the size where
-- WITHOUT ROWID pays, and its key is a random UUID: clustered on that key, every insert landed on a random page of the
-- whole table, and the ingest slowed down as the table outgrew SQLite's page cache. Now rows are appended in rowid
-- order and only the small UNIQUE (workspace_id, id) index takes random inserts.
-- New columns: term, the signal's share of its item's rank (log2 of its weight, referred to the epoch;
-- worker/services/score.ts): the ingest adds the terms of the rows it really inserted to the item's rank in SQL, so two
-- requests that touch the same item at once both count and a replay never does. new_reporter, 1 when the signal brought
-- its reporter to its item for the first time: its term counts double (+1 in log2) and the item's reporter_count moves
-- by these flags, without recounting the item's reporters.
CREATE TABLE signals_v2 (
	workspace_id TEXT NOT NULL,
	id TEXT NOT NULL,
	kind TEXT NOT NULL,
	created_at TEXT NOT NULL,
	received_at TEXT NOT NULL,
	reporter TEXT,
	route TEXT NOT NULL,
	page_kind TEXT NOT NULL,
	body TEXT NOT NULL,
	item_id TEXT NOT NULL,
	batch_id TEXT NOT NULL,
	term REAL NOT NULL DEFAULT 0,
	new_reporter INTEGER NOT NULL DEFAULT 0,
	-- The idempotency key: a second signal with a known id is a duplicate, never a second row.
	UNIQUE (workspace_id, id)
);
INSERT INTO signals_v2 (workspace_id, id, kind, created_at, received_at, reporter, route, page_kind, body, item_id, batch_id)
	SELECT workspace_id, id, kind, created_at, received_at, reporter, route, page_kind, body, item_id, batch_id FROM signals;
-- The old receive-time index served nothing and goes with the old table; its upkeep was one b-tree write per signal.
DROP TABLE signals;
ALTER TABLE signals_v2 RENAME TO signals;
-- Evidence (newest first) and the before/after windows of the metrics read an item's signals by their time.
CREATE INDEX signals_item ON signals (item_id, created_at);

-- The backlog orders by (rank, id) and (last_seen, id), both descending: the indexes end in id DESC too, so a page is
-- read straight from the index with no sort of ties.
DROP INDEX items_rank;
DROP INDEX items_status_rank;
DROP INDEX items_recent;
CREATE INDEX items_rank ON items (workspace_id, merged_into, rank DESC, id DESC);
CREATE INDEX items_status_rank ON items (workspace_id, status, merged_into, rank DESC, id DESC);
CREATE INDEX items_recent ON items (workspace_id, merged_into, last_seen DESC, id DESC);
-- Known-issue hints and the backlog's route filter: the open items of one page, highest rank first.
CREATE INDEX items_route ON items (workspace_id, route, merged_into, rank DESC, id DESC);
-- Metrics: items triaged in a range, items that entered `do` in a range.
CREATE INDEX items_triaged ON items (workspace_id, triaged_at) WHERE triaged_at IS NOT NULL;
CREATE INDEX items_do ON items (workspace_id, do_at) WHERE do_at IS NOT NULL;

-- Signals per ISO week and item, for the popup's sparkline (BacklogItem.weekly). week = Monday-based weeks since
-- 1970-01-05 (worker/services/weeks.ts). A merge adds the source's rows to the target's.
CREATE TABLE item_weeks (
	item_id TEXT NOT NULL,
	week INTEGER NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (item_id, week)
) WITHOUT ROWID;

-- Signals per UTC day, route and kind: the metrics read these counters, never the signals.
CREATE TABLE daily_counts (
	workspace_id TEXT NOT NULL,
	day TEXT NOT NULL,
	route TEXT NOT NULL,
	kind TEXT NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (workspace_id, day, route, kind)
) WITHOUT ROWID;

-- Hints written by managers, shown on the pages (route, optional element) they concern.
CREATE TABLE hints (
	id TEXT PRIMARY KEY,
	workspace_id TEXT NOT NULL REFERENCES workspaces(id),
	route TEXT NOT NULL,
	selector TEXT,
	text_en TEXT,
	text_fr TEXT,
	link TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	author_token_id TEXT NOT NULL
);
CREATE INDEX hints_route ON hints (workspace_id, route);

-- Fixed one-minute windows per token for writes (bucket 'w'; reads are counted in the isolate, worker/services/
-- read-limiter.ts); a token's old windows are deleted as it comes back.
CREATE TABLE rate_limits (
	token_id TEXT NOT NULL,
	bucket TEXT NOT NULL,
	minute INTEGER NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (token_id, bucket, minute)
) WITHOUT ROWID;

ALTER TABLE audit ADD COLUMN actor_token_id TEXT;
