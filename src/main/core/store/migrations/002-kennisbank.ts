/**
 * Version 2: the kennisbank (issue 4). Articles and VAC's with their sanitised HTML, one FTS5
 * index (diacritics folded, prefixes indexed, a `delen` column with compound-word suffixes), a
 * vocabulary view for typo correction, an editable synonym table, colleagues' usage counts,
 * feedback for the kennisredacteur, news/werkinstructies with per-user read marks, sync state,
 * and the articles consulted per contact.
 */
export const sql = /* sql */ `
CREATE TABLE kennis_artikel (
  id TEXT PRIMARY KEY,
  soort TEXT NOT NULL CHECK (soort IN ('artikel', 'vac')),
  source_url TEXT NOT NULL UNIQUE,
  fingerprint TEXT NOT NULL,
  titel TEXT NOT NULL,
  samenvatting TEXT NOT NULL,
  afdeling TEXT,
  upl TEXT,
  trefwoorden TEXT NOT NULL DEFAULT '[]',
  synoniemen TEXT NOT NULL DEFAULT '[]',
  secties TEXT NOT NULL DEFAULT '[]',
  kanaal_antwoorden TEXT NOT NULL DEFAULT '{}',
  laatst_beoordeeld TEXT,
  fetched_at TEXT NOT NULL
) STRICT;

-- rowid = kennis_artikel.rowid; maintained by the kennis store (no triggers: the text is derived).
CREATE VIRTUAL TABLE kennis_fts USING fts5 (
  titel, trefwoorden, samenvatting, tekst, delen,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
CREATE VIRTUAL TABLE kennis_vocab USING fts5vocab (kennis_fts, 'row');

CREATE TABLE kennis_synoniem (
  groep INTEGER NOT NULL,
  term TEXT NOT NULL,
  PRIMARY KEY (groep, term)
) STRICT;
CREATE INDEX kennis_synoniem_term ON kennis_synoniem (term);
INSERT INTO kennis_synoniem (groep, term) VALUES
  (1, 'id kaart'), (1, 'identiteitskaart'), (1, 'idkaart'),
  (2, 'verhuizen'), (2, 'adreswijziging'), (2, 'verhuizing'), (2, 'verhuismelding'),
  (3, 'afvalpas'), (3, 'milieupas'),
  (4, 'bijstand'), (4, 'uitkering'), (4, 'bijstandsuitkering'),
  (5, 'rijbewijs'), (5, 'rijbrevet'),
  (6, 'huwelijk'), (6, 'trouwen'),
  (7, 'geregistreerd partnerschap'), (7, 'samenwonen'),
  (8, 'grofvuil'), (8, 'grof afval'), (8, 'grofafval'),
  (9, 'ozb'), (9, 'onroerendezaakbelasting'), (9, 'onroerende zaakbelasting'),
  (10, 'kapvergunning'), (10, 'boom kappen'), (10, 'omgevingsvergunning kappen'),
  (11, 'wmo'), (11, 'maatschappelijke ondersteuning'),
  (12, 'uittreksel'), (12, 'brp uittreksel'), (12, 'bewijs van inschrijving'),
  (13, 'overlijden'), (13, 'doodgaan'), (13, 'aangifte overlijden'),
  (14, 'kwijtschelding'), (14, 'niet kunnen betalen'),
  (15, 'container'), (15, 'kliko'), (15, 'minicontainer');

CREATE TABLE kennis_usage (
  article_id TEXT PRIMARY KEY,
  count INTEGER NOT NULL DEFAULT 0,
  last_used_at TEXT NOT NULL
) STRICT;

CREATE TABLE kennis_feedback (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  titel TEXT NOT NULL,
  soort TEXT NOT NULL CHECK (soort IN ('fout', 'verouderd', 'ontbreekt')),
  toelichting TEXT NOT NULL,
  medewerker TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX kennis_feedback_created ON kennis_feedback (created_at);

CREATE TABLE kennis_nieuws (
  id TEXT PRIMARY KEY,
  source_url TEXT NOT NULL UNIQUE,
  fingerprint TEXT NOT NULL,
  soort TEXT NOT NULL CHECK (soort IN ('nieuws', 'werkinstructie')),
  titel TEXT NOT NULL,
  html TEXT NOT NULL,
  belangrijk INTEGER NOT NULL DEFAULT 0,
  publicatie_start TEXT NOT NULL,
  publicatie_eind TEXT,
  fetched_at TEXT NOT NULL
) STRICT;

CREATE TABLE kennis_gelezen (
  user_id TEXT NOT NULL,
  nieuws_id TEXT NOT NULL,
  gelezen_op TEXT NOT NULL,
  PRIMARY KEY (user_id, nieuws_id)
) STRICT;

CREATE TABLE kennis_sync (
  objecttype TEXT PRIMARY KEY,
  last_sync_at TEXT NOT NULL,
  count INTEGER NOT NULL,
  error TEXT
) STRICT;

CREATE TABLE contact_articles (
  contact_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  titel TEXT NOT NULL,
  PRIMARY KEY (contact_id, article_id)
) STRICT;
ALTER TABLE contacts ADD COLUMN antwoord_gevonden INTEGER;
`;
