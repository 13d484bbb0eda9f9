/**
 * Version 3: identify a customer by every key a clerk has at hand (issue 3), and the first
 * verwerkingen log.
 * - Postcode + huisnummer (+ toevoeging) as columns beside the formatted address.
 * - Phone numbers and e-mail addresses normalised into their own table (`+31612345678`,
 *   lower-case e-mail), so a screen-pop or a typed number is one index lookup.
 * - Vestigingsnummer gets the index BSN and KvK already have.
 * - `verwerkingen`: append-only (who, when, which action, which customer; never the BSN
 *   itself). Issue 7 grows it into full verwerkingenlogging.
 * - `zaak_details`: the last live zaak detail (statussen, rollen, documents) per zaak URL.
 * Existing rows get their postcode and contact points at the next partijen refresh.
 */
export const sql = /* sql */ `
ALTER TABLE customers ADD COLUMN postcode TEXT;
ALTER TABLE customers ADD COLUMN huisnummer INTEGER;
ALTER TABLE customers ADD COLUMN huisnummertoevoeging TEXT;
CREATE INDEX customers_postcode ON customers (postcode, huisnummer) WHERE postcode IS NOT NULL;
CREATE INDEX customers_vestiging ON customers (vestigingsnummer) WHERE vestigingsnummer IS NOT NULL;

CREATE TABLE customer_contact_points (
  soort TEXT NOT NULL CHECK (soort IN ('telefoon', 'email')),
  waarde TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  PRIMARY KEY (soort, waarde, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_contact_points_customer ON customer_contact_points (customer_id);

CREATE TABLE verwerkingen (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT NOT NULL,
  actie TEXT NOT NULL,
  customer_id TEXT NOT NULL
) STRICT;
CREATE INDEX verwerkingen_customer ON verwerkingen (customer_id, at);
CREATE TRIGGER verwerkingen_no_update BEFORE UPDATE ON verwerkingen BEGIN
  SELECT RAISE(ABORT, 'verwerkingen is append-only');
END;
CREATE TRIGGER verwerkingen_no_delete BEFORE DELETE ON verwerkingen BEGIN
  SELECT RAISE(ABORT, 'verwerkingen is append-only');
END;

CREATE TABLE zaak_details (
  source_url TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  fetched_at TEXT NOT NULL
) STRICT;
`;
