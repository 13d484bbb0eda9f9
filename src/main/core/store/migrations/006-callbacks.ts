/**
 * Version 6: callbacks (terugbelverzoeken). Open Klant 2 stores them as an interne taak on a
 * klantcontact; this is the local working copy, with the work queues it was seen in.
 */
export const sql = /* sql */ `
CREATE TABLE callbacks (
  id TEXT PRIMARY KEY,
  source_url TEXT UNIQUE,
  customer_id TEXT REFERENCES customers (id) ON DELETE SET NULL,
  contact_id TEXT,
  klantcontact_url TEXT,
  klant_naam TEXT,
  onderwerp TEXT,
  vraag TEXT NOT NULL,
  toelichting TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('te_verwerken', 'verwerkt')),
  toegewezen_aan TEXT NOT NULL DEFAULT '[]',
  toegewezen_op TEXT,
  afgehandeld_op TEXT,
  aangemaakt_op TEXT NOT NULL,
  sync_state TEXT NOT NULL CHECK (sync_state IN ('sent', 'pending', 'failed')),
  sync_error TEXT,
  fetched_at TEXT
) STRICT;
CREATE INDEX callbacks_open ON callbacks (status, toegewezen_op);
CREATE INDEX callbacks_customer ON callbacks (customer_id, status);

-- Which work queue (an actor: groep, afdeling or medewerker) a callback was last seen in.
CREATE TABLE callback_queues (
  queue TEXT NOT NULL,
  callback_id TEXT NOT NULL REFERENCES callbacks (id) ON DELETE CASCADE,
  PRIMARY KEY (queue, callback_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX callback_queues_callback ON callback_queues (callback_id);
`;
