-- Migration number: 0005 	 GLPI's service figures per ISO week (issue 17): counts only, read in users' browsers from
-- GLPI's export and synced packed (shared/improvement/packed-reading.ts). One row per workspace and week holds that
-- week's cells for every category, as the packed rows of that one week: a reading replaces a week only when it counts
-- at least as many tickets as the stored one (`total`), so a later, fuller reading wins and two users' readings of
-- the same week never add up.
CREATE TABLE service_weeks (
	workspace_id TEXT NOT NULL,
	week TEXT NOT NULL,
	-- Monday 00:00 UTC of the week, for range scans in week order across years.
	starts_at TEXT NOT NULL,
	total INTEGER NOT NULL,
	-- Which figures the reading could give ({"solved":true,...}), and the week's cells: [[category, counts, histogram?], ...].
	known TEXT NOT NULL,
	cells TEXT NOT NULL,
	read_at TEXT NOT NULL,
	token_id TEXT NOT NULL,
	PRIMARY KEY (workspace_id, week)
) WITHOUT ROWID;
CREATE INDEX service_weeks_time ON service_weeks (workspace_id, starts_at);
