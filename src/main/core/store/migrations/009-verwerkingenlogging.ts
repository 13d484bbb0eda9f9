/**
 * Version 9: verwerkingenlogging and retention (issue 7).
 *
 * - `verwerkingsacties`: the hash-chained log of every processing of personal data, with the
 *   fields of the VNG Verwerkingenlogging API. `hash` = SHA-256 over the canonical JSON of the
 *   row including `prev_hash` (src/main/core/privacy/chain.ts). Append-only: UPDATE is refused
 *   once a row is sealed, DELETE is refused except for rows at or before the last
 *   `verwerkingsacties_anker` (local retention of the log: the anchor keeps the hash of the last
 *   removed row, so the remaining chain still verifies from there).
 * - `verwerkingsactie_objecten`: which persons each action is about (filled by trigger), so the
 *   beheerder can filter by BSN with an index; local retention removes its rows with the actions.
 * - The rows of the old `verwerkingen` table (migration 003: BSN reveals) are carried over
 *   unsealed; the store seals them once, in order, when it opens (SQL has no SHA-256).
 * - `customers.last_used_at` gets an index for the retention job; dossiers cached before this
 *   version count from their last refresh. Acknowledged outbox entries get an index by done_at.
 */
const UUID_V4 = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

export const sql = /* sql */ `
CREATE TABLE verwerkingsacties (
  seq INTEGER PRIMARY KEY,
  actie_id TEXT NOT NULL UNIQUE,
  actie_naam TEXT NOT NULL,
  handeling_naam TEXT NOT NULL,
  verwerking_naam TEXT NOT NULL,
  verwerking_id TEXT NOT NULL,
  verwerkingsactiviteit_id TEXT NOT NULL,
  verwerkingsactiviteit_url TEXT,
  vertrouwelijkheid TEXT NOT NULL CHECK (vertrouwelijkheid IN ('normaal', 'vertrouwelijk', 'opgeheven')),
  bewaartermijn TEXT NOT NULL,
  uitvoerder TEXT NOT NULL,
  systeem TEXT NOT NULL,
  gebruiker TEXT NOT NULL,
  gegevensbron TEXT NOT NULL,
  tijdstip TEXT NOT NULL,
  tijdstip_registratie TEXT NOT NULL,
  -- JSON [{objecttype, soortObjectId, objectId, betrokkenheid, verwerkteSoortenGegevens: [{soortGegeven}]}]
  verwerkte_objecten TEXT NOT NULL,
  prev_hash TEXT,
  hash TEXT
) STRICT;
-- Few indexes: every one is written on each logged call (the beheerder's filters scan the period).
CREATE INDEX verwerkingsacties_tijdstip ON verwerkingsacties (tijdstip);

CREATE TABLE verwerkingsactie_objecten (
  object_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  soort_object_id TEXT NOT NULL,
  PRIMARY KEY (object_id, seq, soort_object_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE verwerkingsacties_anker (
  seq INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;

CREATE TRIGGER verwerkingsacties_objecten_ai AFTER INSERT ON verwerkingsacties BEGIN
  INSERT OR IGNORE INTO verwerkingsactie_objecten (object_id, seq, soort_object_id)
    SELECT json_extract(o.value, '$.objectId'), new.seq, json_extract(o.value, '$.soortObjectId') FROM json_each(new.verwerkte_objecten) o;
END;

INSERT INTO verwerkingsacties (seq, actie_id, actie_naam, handeling_naam, verwerking_naam, verwerking_id, verwerkingsactiviteit_id,
  vertrouwelijkheid, bewaartermijn, uitvoerder, systeem, gebruiker, gegevensbron, tijdstip, tijdstip_registratie, verwerkte_objecten)
SELECT v.id, ${UUID_V4}, 'BSN getoond', 'Raadplegen', 'Klantcontact afhandelen', ${UUID_V4}, '7ec3525d-6d9e-4059-a371-261ceb51bd24',
  'vertrouwelijk', 'P10Y', '', 'Klantbeeld', v.user_id, 'Open Klant (cache in Klantbeeld)', v.at, v.at,
  json_array(json_object(
    'objecttype', 'persoon',
    'soortObjectId', CASE WHEN c.bsn IS NOT NULL THEN 'BSN' WHEN c.kvk_nummer IS NOT NULL THEN 'KVK' ELSE 'KLANTBEELD_KLANT' END,
    'objectId', coalesce(c.bsn, c.kvk_nummer, v.customer_id),
    'betrokkenheid', 'klant',
    'verwerkteSoortenGegevens', json_array(json_object('soortGegeven', 'BSN'))))
FROM verwerkingen v LEFT JOIN customers c ON c.id = v.customer_id ORDER BY v.id;
DROP TABLE verwerkingen;

-- From here on every row is written sealed; only the carried-over rows above are sealed later, once.
CREATE TRIGGER verwerkingsacties_sealed_insert BEFORE INSERT ON verwerkingsacties WHEN new.hash IS NULL OR new.prev_hash IS NULL BEGIN
  SELECT RAISE(ABORT, 'verwerkingsacties: a row must be sealed (prev_hash, hash)');
END;
CREATE TRIGGER verwerkingsacties_no_update BEFORE UPDATE ON verwerkingsacties WHEN old.hash IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'verwerkingsacties is append-only');
END;
CREATE TRIGGER verwerkingsacties_no_delete BEFORE DELETE ON verwerkingsacties
  WHEN old.seq > coalesce((SELECT max(seq) FROM verwerkingsacties_anker), 0) BEGIN
  SELECT RAISE(ABORT, 'verwerkingsacties is append-only (only rows before an anchor may be removed)');
END;
CREATE TRIGGER verwerkingsacties_anker_no_update BEFORE UPDATE ON verwerkingsacties_anker BEGIN
  SELECT RAISE(ABORT, 'verwerkingsacties_anker is append-only');
END;
CREATE TRIGGER verwerkingsacties_anker_no_delete BEFORE DELETE ON verwerkingsacties_anker BEGIN
  SELECT RAISE(ABORT, 'verwerkingsacties_anker is append-only');
END;

-- Retention counts from the last use; a dossier cached before this version counts from its last refresh.
UPDATE customers SET last_used_at = coalesce(dossier_refreshed_at, fetched_at)
  WHERE last_used_at IS NULL AND (dossier_refreshed_at IS NOT NULL
    OR EXISTS (SELECT 1 FROM contacts t WHERE t.customer_id = customers.id) OR EXISTS (SELECT 1 FROM zaken z WHERE z.customer_id = customers.id));
CREATE INDEX customers_last_used ON customers (last_used_at, id) WHERE last_used_at IS NOT NULL;
CREATE INDEX outbox_done ON outbox (done_at) WHERE state = 'done';
`;
