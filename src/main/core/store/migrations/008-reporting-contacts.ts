/**
 * Version 8: every klantcontact of the municipality, for the team leader's figures (issue 5),
 * and the indexes the team leader's counts over callbacks need.
 * The `contacts` table only holds the customers a clerk opened; a team leader needs them all.
 * Deliberately without personal data: no inhoud, no partij, no names of citizens. Only what
 * the figures count (kanaal, onderwerp, afdeling, gespreksresultaat) and who handled it.
 */
export const sql = /* sql */ `
CREATE TABLE report_contacts (
  id INTEGER PRIMARY KEY,
  source_url TEXT NOT NULL UNIQUE,
  plaatsgevonden_op TEXT NOT NULL,
  -- The date in Europe/Amsterdam (YYYY-MM-DD): the day it counts for.
  dag TEXT NOT NULL,
  kanaal TEXT NOT NULL,
  onderwerp TEXT NOT NULL,
  afdeling TEXT,
  gespreksresultaat TEXT,
  medewerker TEXT,
  fetched_at TEXT NOT NULL
) STRICT;
-- The poller's high-water mark (newest contact read).
CREATE INDEX report_contacts_time ON report_contacts (plaatsgevonden_op);

-- Counts per day and dimension, kept exact by the triggers below: a period of a year is a
-- few thousand rows here instead of a million contacts. '' stands for "not recorded".
CREATE TABLE report_contact_days (
  dimensie TEXT NOT NULL CHECK (dimensie IN ('kanaal', 'onderwerp', 'afdeling', 'gespreksresultaat')),
  dag TEXT NOT NULL,
  waarde TEXT NOT NULL,
  aantal INTEGER NOT NULL,
  PRIMARY KEY (dimensie, dag, waarde)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER report_contacts_counted AFTER INSERT ON report_contacts BEGIN
  INSERT INTO report_contact_days VALUES ('kanaal', NEW.dag, NEW.kanaal, 1) ON CONFLICT DO UPDATE SET aantal = aantal + 1;
  INSERT INTO report_contact_days VALUES ('onderwerp', NEW.dag, NEW.onderwerp, 1) ON CONFLICT DO UPDATE SET aantal = aantal + 1;
  INSERT INTO report_contact_days VALUES ('afdeling', NEW.dag, coalesce(NEW.afdeling, ''), 1) ON CONFLICT DO UPDATE SET aantal = aantal + 1;
  INSERT INTO report_contact_days VALUES ('gespreksresultaat', NEW.dag, coalesce(NEW.gespreksresultaat, ''), 1) ON CONFLICT DO UPDATE SET aantal = aantal + 1;
END;

CREATE TRIGGER report_contacts_uncounted AFTER DELETE ON report_contacts BEGIN
  UPDATE report_contact_days SET aantal = aantal - 1 WHERE dimensie = 'kanaal' AND dag = OLD.dag AND waarde = OLD.kanaal;
  UPDATE report_contact_days SET aantal = aantal - 1 WHERE dimensie = 'onderwerp' AND dag = OLD.dag AND waarde = OLD.onderwerp;
  UPDATE report_contact_days SET aantal = aantal - 1 WHERE dimensie = 'afdeling' AND dag = OLD.dag AND waarde = coalesce(OLD.afdeling, '');
  UPDATE report_contact_days SET aantal = aantal - 1 WHERE dimensie = 'gespreksresultaat' AND dag = OLD.dag AND waarde = coalesce(OLD.gespreksresultaat, '');
  DELETE FROM report_contact_days WHERE aantal = 0 AND dag = OLD.dag;
END;

CREATE TRIGGER report_contacts_recounted AFTER UPDATE OF dag, kanaal, onderwerp, afdeling, gespreksresultaat ON report_contacts BEGIN
  UPDATE report_contact_days SET aantal = aantal - 1 WHERE dimensie = 'kanaal' AND dag = OLD.dag AND waarde = OLD.kanaal;
  UPDATE report_contact_days SET aantal = aantal - 1 WHERE dimensie = 'onderwerp' AND dag = OLD.dag AND waarde = OLD.onderwerp;
  UPDATE report_contact_days SET aantal = aantal - 1 WHERE dimensie = 'afdeling' AND dag = OLD.dag AND waarde = coalesce(OLD.afdeling, '');
  UPDATE report_contact_days SET aantal = aantal - 1 WHERE dimensie = 'gespreksresultaat' AND dag = OLD.dag AND waarde = coalesce(OLD.gespreksresultaat, '');
  DELETE FROM report_contact_days WHERE aantal = 0 AND dag = OLD.dag;
  INSERT INTO report_contact_days VALUES ('kanaal', NEW.dag, NEW.kanaal, 1) ON CONFLICT DO UPDATE SET aantal = aantal + 1;
  INSERT INTO report_contact_days VALUES ('onderwerp', NEW.dag, NEW.onderwerp, 1) ON CONFLICT DO UPDATE SET aantal = aantal + 1;
  INSERT INTO report_contact_days VALUES ('afdeling', NEW.dag, coalesce(NEW.afdeling, ''), 1) ON CONFLICT DO UPDATE SET aantal = aantal + 1;
  INSERT INTO report_contact_days VALUES ('gespreksresultaat', NEW.dag, coalesce(NEW.gespreksresultaat, ''), 1) ON CONFLICT DO UPDATE SET aantal = aantal + 1;
END;

-- The team leader's counts over callbacks, each answered from one covering index range
-- (no table lookups): handled per period, created per period, open per team and medewerker;
-- and the oldest deadlines first without sorting every open callback.
CREATE INDEX callbacks_report_handled ON callbacks (afgehandeld_op, team, deadline, aangemaakt_op) WHERE status = 'verwerkt';
CREATE INDEX callbacks_report_created ON callbacks (aangemaakt_op, team);
CREATE INDEX callbacks_report_open ON callbacks (team, medewerker, deadline) WHERE status = 'te_verwerken';
CREATE INDEX callbacks_report_achterstand ON callbacks (deadline, aangemaakt_op) WHERE status = 'te_verwerken';

-- Where the reading of all klantcontacten is: the first full read resumes at backfill_page
-- (the list is newest first, so new contacts only shift it: re-read, never skipped).
CREATE TABLE report_sync (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  backfill_page INTEGER,
  backfill_done_at TEXT,
  last_read_at TEXT
) STRICT;
INSERT INTO report_sync (id, backfill_page) VALUES (1, 1);
`;
