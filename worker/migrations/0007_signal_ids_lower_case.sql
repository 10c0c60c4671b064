-- Migration number: 0007 	 Signal ids are compared in lower case since issue 15 (worker/db/ingest.ts lower-cases every id it receives): a UUID
-- sent as 0A1B… and as 0a1b… is one signal. Ids stored before that kept the case they came in, so one of them sent
-- again in any case was not found and was stored, and counted, a second time. They take the lower case here. Where
-- both cases of one id are already stored (a duplicate from before), the upper-case row is left as it is: OR IGNORE
-- keeps the update from failing on the unique key, and that signal was counted then.
UPDATE OR IGNORE signals SET id = lower(id) WHERE id <> lower(id);
