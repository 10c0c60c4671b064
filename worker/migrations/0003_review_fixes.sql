-- Migration number: 0003 	 Issue 15 (an independent review): which token sent each signal, bounded reporter
-- bursts per token, what other users may see of an item (manager-set title, triaged only), and the interface that
-- items and hints are meant for.

-- The token that sent the signal, recorded by the server from the request's bearer (never from the body).
ALTER TABLE signals ADD COLUMN token_id TEXT;
-- 1 when the signal would have brought a new reporter to its item but its token had already brought
-- REPORTER_BURST_LIMIT new reporters to that item within the burst window (shared/limits.ts): the reporter is
-- recorded as held back, not counted, and its signal's weight is not doubled.
ALTER TABLE signals ADD COLUMN held_reporter INTEGER NOT NULL DEFAULT 0;

-- Who brought the reporter to the item, and when; held = 1 for a reporter held back by the burst bound. A held
-- reporter that comes back after the burst is counted then (held becomes 0).
ALTER TABLE item_reporters ADD COLUMN token_id TEXT;
ALTER TABLE item_reporters ADD COLUMN added_at TEXT;
ALTER TABLE item_reporters ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
-- The bound counts the reporters one token brought to one item since the window's start.
CREATE INDEX item_reporters_token ON item_reporters (item_id, token_id, added_at) WHERE held = 0;
CREATE INDEX item_reporters_held ON item_reporters (item_id) WHERE held = 1;

-- Reporters of the item held back by the burst bound (BacklogItem.burstReporters).
ALTER TABLE items ADD COLUMN burst_reporters INTEGER NOT NULL DEFAULT 0;
-- The title a manager set (PATCH title): the only words of an item that other users see in a known-issue hint.
ALTER TABLE items ADD COLUMN public_title TEXT;
-- The GLPI interface of the item's first signal ('central' or 'helpdesk'), or NULL when it named none.
ALTER TABLE items ADD COLUMN interface TEXT;

-- The interface a manager-written hint is meant for; NULL: both.
ALTER TABLE hints ADD COLUMN interface TEXT;
