-- Enrollment (issue 18): a manager makes a code; each browser exchanges it for a token of its own, so reporters stop
-- sharing one token, each installation can be revoked alone, and the server knows which installation sent what.

CREATE TABLE enrollment_codes (
	id TEXT PRIMARY KEY,
	workspace_id TEXT NOT NULL REFERENCES workspaces(id),
	-- Codes make reporter or technician tokens only: a manager token stays a deliberate POST /v1/tokens.
	role TEXT NOT NULL CHECK (role IN ('reporter', 'technician')),
	label TEXT,
	-- SHA-256 of the normalised code, hex: the code is shown once, like a token.
	hash TEXT NOT NULL UNIQUE,
	max_uses INTEGER NOT NULL CHECK (max_uses >= 1),
	uses INTEGER NOT NULL DEFAULT 0,
	expires_at TEXT NOT NULL,
	created_at TEXT NOT NULL,
	revoked_at TEXT
);
CREATE INDEX enrollment_codes_workspace ON enrollment_codes (workspace_id, created_at);

-- The code a token was enrolled with (NULL for tokens made by hand), and when it was last used (updated at most
-- once an hour, so that reading it costs a write an hour per token, not one per request).
ALTER TABLE tokens ADD COLUMN enrollment_id TEXT REFERENCES enrollment_codes(id);
ALTER TABLE tokens ADD COLUMN last_seen_at TEXT;
CREATE INDEX tokens_enrollment ON tokens (workspace_id, enrollment_id);

-- Failed exchanges per client address and minute: guessing codes is slowed down before a code is even looked up.
CREATE TABLE enrollment_attempts (
	client TEXT NOT NULL,
	minute INTEGER NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (client, minute)
);
