/**
 * Version 7: the life of a callback (issue 5). Open Klant 2's interne taak holds the status and
 * the assigned actors; what the standard lacks (deadline in werkdagen, call attempts, the
 * history of pick-up, forward and reopen) is kept here, beside the working copy.
 */
export const sql = /* sql */ `
-- The team (groep or afdeling code) whose servicenorm applies and whose queue it is in.
ALTER TABLE callbacks ADD COLUMN team TEXT;
-- The medewerker (e-mail) it is assigned to or picked up by; NULL: the team's.
ALTER TABLE callbacks ADD COLUMN medewerker TEXT;
ALTER TABLE callbacks ADD COLUMN norm_werkdagen INTEGER;
-- YYYY-MM-DD: the last werkdag on which it is handled within the servicenorm.
ALTER TABLE callbacks ADD COLUMN deadline TEXT;
ALTER TABLE callbacks ADD COLUMN resultaat TEXT;
ALTER TABLE callbacks ADD COLUMN pogingen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE callbacks ADD COLUMN laatste_poging_op TEXT;
ALTER TABLE callbacks ADD COLUMN telefoonnummers TEXT NOT NULL DEFAULT '[]';
ALTER TABLE callbacks ADD COLUMN emailadressen TEXT NOT NULL DEFAULT '[]';
ALTER TABLE callbacks ADD COLUMN voorkeur_moment TEXT;
-- Answers to the afdeling's question set: JSON [{vraag, antwoord}].
ALTER TABLE callbacks ADD COLUMN antwoorden TEXT NOT NULL DEFAULT '[]';
CREATE INDEX callbacks_deadline ON callbacks (status, deadline);
CREATE INDEX callbacks_team ON callbacks (team, status);
CREATE INDEX callbacks_medewerker ON callbacks (medewerker, status);
CREATE INDEX callbacks_afgehandeld ON callbacks (afgehandeld_op) WHERE afgehandeld_op IS NOT NULL;
CREATE INDEX callbacks_aangemaakt ON callbacks (aangemaakt_op);
-- When its attempts were last read from the zaaksysteem (polls read a few per round, oldest first).
ALTER TABLE callbacks ADD COLUMN pogingen_gelezen_op TEXT;
-- Changes to one callback go out in order, and a poll never overwrites a change still unsent.
CREATE INDEX outbox_entity ON outbox (entity_id, state);

-- Every change in a callback's life, in order: the visible history.
CREATE TABLE callback_events (
  id INTEGER PRIMARY KEY,
  callback_id TEXT NOT NULL REFERENCES callbacks (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  soort TEXT NOT NULL CHECK (soort IN ('aangemaakt', 'opgepakt', 'vrijgegeven', 'poging', 'doorgestuurd', 'afgehandeld', 'heropend')),
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
CREATE INDEX callback_events_callback ON callback_events (callback_id, at);
`;
