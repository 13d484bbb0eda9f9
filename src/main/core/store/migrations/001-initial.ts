/** Version 1: the cached customer picture, the catalogus cache and the outbox. */
export const sql = /* sql */ `
CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  source_url TEXT NOT NULL UNIQUE,
  soort TEXT NOT NULL CHECK (soort IN ('persoon', 'organisatie')),
  naam TEXT NOT NULL,
  bsn TEXT,
  kvk_nummer TEXT,
  vestigingsnummer TEXT,
  adres TEXT,
  telefoonnummers TEXT NOT NULL DEFAULT '[]',
  emailadressen TEXT NOT NULL DEFAULT '[]',
  geheimhouding INTEGER NOT NULL DEFAULT 0,
  fetched_at TEXT NOT NULL,
  dossier_refreshed_at TEXT,
  last_used_at TEXT
) STRICT;
CREATE INDEX customers_bsn ON customers (bsn) WHERE bsn IS NOT NULL;
CREATE INDEX customers_kvk ON customers (kvk_nummer) WHERE kvk_nummer IS NOT NULL;

-- Name and address search as you type; diacritics folded, prefixes indexed.
CREATE VIRTUAL TABLE customers_fts USING fts5 (
  naam, adres,
  content = 'customers', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
CREATE TRIGGER customers_fts_ai AFTER INSERT ON customers BEGIN
  INSERT INTO customers_fts (rowid, naam, adres) VALUES (new.rowid, new.naam, coalesce(new.adres, ''));
END;
CREATE TRIGGER customers_fts_ad AFTER DELETE ON customers BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, naam, adres) VALUES ('delete', old.rowid, old.naam, coalesce(old.adres, ''));
END;
CREATE TRIGGER customers_fts_au AFTER UPDATE OF naam, adres ON customers BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, naam, adres) VALUES ('delete', old.rowid, old.naam, coalesce(old.adres, ''));
  INSERT INTO customers_fts (rowid, naam, adres) VALUES (new.rowid, new.naam, coalesce(new.adres, ''));
END;

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  source_url TEXT UNIQUE,
  kanaal TEXT NOT NULL,
  onderwerp TEXT NOT NULL,
  inhoud TEXT NOT NULL,
  plaatsgevonden_op TEXT NOT NULL,
  gespreksresultaat TEXT,
  afdeling TEXT,
  medewerker TEXT,
  zaak_identificaties TEXT NOT NULL DEFAULT '[]',
  sync_state TEXT NOT NULL CHECK (sync_state IN ('sent', 'pending', 'failed')),
  sync_error TEXT,
  fetched_at TEXT
) STRICT;
CREATE INDEX contacts_customer_time ON contacts (customer_id, plaatsgevonden_op DESC);

CREATE TABLE zaken (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  source_url TEXT NOT NULL,
  identificatie TEXT NOT NULL,
  omschrijving TEXT NOT NULL,
  zaaktype TEXT NOT NULL,
  status TEXT,
  startdatum TEXT NOT NULL,
  einddatum_gepland TEXT,
  uiterlijke_einddatum_afdoening TEXT,
  einddatum TEXT,
  fetched_at TEXT NOT NULL,
  UNIQUE (customer_id, source_url)
) STRICT;
CREATE INDEX zaken_customer_start ON zaken (customer_id, startdatum DESC);

-- Catalogus objects (zaaktypen, statustypen) and actors by URL: they change rarely.
CREATE TABLE remote_cache (
  url TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  etag TEXT,
  fetched_at TEXT NOT NULL
) STRICT;

-- Every local write that must reach the zaaksysteem. \`steps\` holds each remote step's result,
-- so a retry resumes where it broke instead of creating twins.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  steps TEXT NOT NULL DEFAULT '{}',
  state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'parked')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  done_at TEXT
) STRICT;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
