-- Migration number: 0001 	 The v1 storage: workspaces, hashed tokens, signals, backlog items and their lookup keys.
-- Every table carries workspace_id and every query filters on it, so that splitting into one database per workspace
-- later is a routing change (README, Deploy).

CREATE TABLE workspaces (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	created_at TEXT NOT NULL,
	-- Opt-ins of the workspace: ticket text leaves browsers only when share_text = 1.
	share_text INTEGER NOT NULL DEFAULT 0,
	auto_friction INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tokens (
	id TEXT PRIMARY KEY,
	workspace_id TEXT NOT NULL REFERENCES workspaces(id),
	role TEXT NOT NULL CHECK (role IN ('reporter', 'technician', 'manager')),
	label TEXT,
	-- SHA-256 of the token, hex. The token itself is shown once and never stored.
	hash TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	revoked_at TEXT
);
CREATE INDEX tokens_workspace ON tokens (workspace_id);

CREATE TABLE items (
	id TEXT PRIMARY KEY,
	workspace_id TEXT NOT NULL REFERENCES workspaces(id),
	kind TEXT NOT NULL,
	title TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'new',
	owner TEXT,
	note TEXT,
	-- log2 of the decayed weight sum referred to a fixed epoch (worker/services/score.ts): ordering by it is ordering
	-- by score at any instant, so it is indexed and never recomputed per request.
	rank REAL NOT NULL,
	signal_count INTEGER NOT NULL DEFAULT 0,
	reporter_count INTEGER NOT NULL DEFAULT 0,
	first_seen TEXT NOT NULL,
	last_seen TEXT NOT NULL,
	route TEXT,
	page_kind TEXT,
	selector TEXT,
	tags TEXT NOT NULL DEFAULT '[]',
	-- MinHash of the first text (hex), compared with new texts that share an LSH band.
	signature TEXT,
	-- The item this one was merged into (always the final target: merges re-point earlier sources).
	merged_into TEXT,
	status_changed_at TEXT,
	triaged_at TEXT,
	do_at TEXT,
	glpi_itemtype TEXT,
	glpi_id INTEGER,
	glpi_url TEXT,
	-- Lower-cased title, route and tags, for the q filter.
	search_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX items_rank ON items (workspace_id, merged_into, rank DESC, id);
CREATE INDEX items_status_rank ON items (workspace_id, status, merged_into, rank DESC, id);
CREATE INDEX items_recent ON items (workspace_id, merged_into, last_seen DESC, id);

-- What lets a new signal find its item by index instead of reading items: friction keys (route, selector, tag),
-- text keys (LSH bands of the text's MinHash) and pattern keys (signature, ticket ids).
CREATE TABLE item_keys (
	workspace_id TEXT NOT NULL,
	key TEXT NOT NULL,
	item_id TEXT NOT NULL,
	PRIMARY KEY (workspace_id, key, item_id)
) WITHOUT ROWID;
CREATE INDEX item_keys_item ON item_keys (item_id);

CREATE TABLE item_reporters (
	item_id TEXT NOT NULL,
	reporter TEXT NOT NULL,
	PRIMARY KEY (item_id, reporter)
) WITHOUT ROWID;

CREATE TABLE signals (
	workspace_id TEXT NOT NULL,
	id TEXT NOT NULL,
	kind TEXT NOT NULL,
	created_at TEXT NOT NULL,
	received_at TEXT NOT NULL,
	reporter TEXT,
	route TEXT NOT NULL,
	page_kind TEXT NOT NULL,
	-- The whole signal as validated JSON: evidence is returned exactly as it was sent.
	body TEXT NOT NULL,
	item_id TEXT NOT NULL,
	-- The request that inserted the row: item counters move only when this request's insert is the one that landed,
	-- so a replay racing its original never counts twice.
	batch_id TEXT NOT NULL,
	PRIMARY KEY (workspace_id, id)
) WITHOUT ROWID;
CREATE INDEX signals_item ON signals (item_id, received_at DESC);
CREATE INDEX signals_workspace_received ON signals (workspace_id, received_at);

CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	workspace_id TEXT NOT NULL,
	item_id TEXT NOT NULL,
	at TEXT NOT NULL,
	actor TEXT NOT NULL,
	field TEXT NOT NULL,
	from_value TEXT,
	to_value TEXT
);
CREATE INDEX audit_item ON audit (item_id, id);
