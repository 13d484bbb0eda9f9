/**
 * Version 14 (issue 11, wrong input refused at the door):
 * - a callback's history gains `gecorrigeerd`: a parked callback whose assignees or numbers a
 *   person corrected in the wachtrij before sending it again (SQLite cannot widen a CHECK, so
 *   the table is copied);
 * - `report_skipped`: klantcontacten the reporting read could not count (a moment outside the
 *   werkdagen calendar, e.g. year 1 or 9999), kept by source URL so the team leader sees how
 *   many were left out, also after a restart.
 */
export const sql = /* sql */ `
CREATE TABLE callback_events_v14 (
  id INTEGER PRIMARY KEY,
  callback_id TEXT NOT NULL REFERENCES callbacks (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  soort TEXT NOT NULL CHECK (soort IN ('aangemaakt', 'opgepakt', 'vrijgegeven', 'poging', 'doorgestuurd', 'afgehandeld', 'heropend', 'gecorrigeerd')),
  door_naam TEXT NOT NULL,
  door_email TEXT,
  -- poging: bereikt | niet_bereikt | voicemail; afgehandeld: the resultaat.
  uitkomst TEXT,
  -- doorgestuurd: JSON {soort, code, naam} of the new assignee.
  naar TEXT,
  notitie TEXT NOT NULL DEFAULT '',
  sync_state TEXT NOT NULL DEFAULT 'sent' CHECK (sync_state IN ('sent', 'pending', 'failed')),
  -- The remote record this event is (an attempt's klantcontact), for de-duplication on pull.
  source_url TEXT UNIQUE
) STRICT;
INSERT INTO callback_events_v14 SELECT id, callback_id, at, soort, door_naam, door_email, uitkomst, naar, notitie, sync_state, source_url FROM callback_events;
DROP TABLE callback_events;
ALTER TABLE callback_events_v14 RENAME TO callback_events;
CREATE INDEX callback_events_callback ON callback_events (callback_id, at);

CREATE TABLE report_skipped (
  source_url TEXT PRIMARY KEY,
  plaatsgevonden_op TEXT NOT NULL,
  reden TEXT NOT NULL,
  skipped_at TEXT NOT NULL
) STRICT;
`;
