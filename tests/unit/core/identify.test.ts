/**
 * Identify (issue 3): normalising what a clerk or a telephone system sends, classifying a
 * search, and the store's lookups by each key, each served by an index.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BSN_INVALID_MESSAGE, classifySearch, normaliseEmail, normalisePhone, normalisePostcode } from '../../../src/shared/identify';
import { Store } from '../../../src/main/core/store';
import { person } from '../../support/records';
import { plansOf } from '../../support/query-plans';
import { tempDir } from '../../support/tmp';

describe('normalisePhone', () => {
  it.each([
    ['06-12345678', '+31612345678'],
    ['06 1234 5678', '+31612345678'],
    ['0612345678', '+31612345678'],
    ['+31612345678', '+31612345678'],
    ['+31 6 1234 5678', '+31612345678'],
    ['+31 (0)6 1234 5678', '+31612345678'],
    ['0031612345678', '+31612345678'],
    ['0031 6-12 34 56 78', '+31612345678'],
    ['(06) 123 456 78', '+31612345678'],
    ['020-5551234', '+31205551234'],
    ['+32 2 555 12 34', '+3225551234'],
  ])('%s → %s', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it.each(['', 'abc', '12345', '6-12345678', '+31+6', '06123456789012'])('rejects %j', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });
});

describe('normaliseEmail and normalisePostcode', () => {
  it('lower-cases e-mail and rejects what is not one', () => {
    expect(normaliseEmail(' Bert.Burger@Example.NL ')).toBe('bert.burger@example.nl');
    expect(normaliseEmail('bert@')).toBeNull();
  });
  it('writes postcodes as 1234AB and refuses SA/SD/SS and a leading 0', () => {
    expect(normalisePostcode('8441 bb')).toBe('8441BB');
    expect(normalisePostcode('0441BB')).toBeNull();
    expect(normalisePostcode('8441SS')).toBeNull();
  });
});

describe('classifySearch', () => {
  it('tells every kind apart', () => {
    expect(classifySearch('999993653')).toEqual({ kind: 'bsn', bsn: '999993653' });
    expect(classifySearch('999 99 3653')).toEqual({ kind: 'bsn', bsn: '999993653' });
    expect(classifySearch('999993654')).toEqual({ kind: 'bsn-invalid', digits: '999993654' });
    expect(classifySearch('12345678')).toEqual({ kind: 'kvk', kvkNummer: '12345678' });
    expect(classifySearch('000012345678')).toEqual({ kind: 'vestigingsnummer', vestigingsnummer: '000012345678' });
    expect(classifySearch('003120555123')).toMatchObject({ kind: 'telefoon' });
    expect(classifySearch('123456789012')).toEqual({ kind: 'vestigingsnummer', vestigingsnummer: '123456789012' });
    expect(classifySearch('06-12345678')).toEqual({ kind: 'telefoon', nummer: '+31612345678' });
    expect(classifySearch('+31 6 12345678')).toEqual({ kind: 'telefoon', nummer: '+31612345678' });
    expect(classifySearch('bert.burger@example.nl')).toEqual({ kind: 'email', email: 'bert.burger@example.nl' });
    expect(classifySearch('8441 BB')).toEqual({ kind: 'postcode', postcode: '8441BB', huisnummer: null, toevoeging: null });
    expect(classifySearch('8441bb 12')).toEqual({ kind: 'postcode', postcode: '8441BB', huisnummer: 12, toevoeging: null });
    expect(classifySearch('8441 BB 12-a')).toEqual({ kind: 'postcode', postcode: '8441BB', huisnummer: 12, toevoeging: 'A' });
    expect(classifySearch('Burger')).toEqual({ kind: 'naam', text: 'Burger' });
    expect(classifySearch('0612')).toEqual({ kind: 'onvolledig', digits: '0612' });
    expect(classifySearch('99999')).toEqual({ kind: 'onvolledig', digits: '99999' });
    expect(classifySearch('Turfmarkt 12')).toEqual({ kind: 'naam', text: 'Turfmarkt 12' });
  });

  it('has a Dutch message for a failing elfproef', () => {
    expect(BSN_INVALID_MESSAGE).toMatch(/elfproef/);
  });
});

describe('the store finds customers by every key', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: Store;
  let bert: string;
  let bedrijf: string;
  beforeEach(() => {
    dir = tempDir();
    store = Store.open(join(dir.path, 'kb.sqlite'));
    const now = new Date().toISOString();
    bert = store.customers.upsert(
      person({ telefoonnummers: ['06-12345678', '+31 20 555 1234'], emailadressen: ['Bert.Burger@Example.nl'], postcode: '8441 BB', huisnummer: 12, huisnummertoevoeging: 'a' }),
      now,
    );
    store.customers.upsert(person({ naam: 'Bea Burger', bsn: '999990019', telefoonnummers: ['0031612345678'], emailadressen: [], postcode: '8441BB', huisnummer: 14 }), now);
    bedrijf = store.customers.upsert(
      person({ soort: 'organisatie', naam: 'Turfbrug Bouw B.V.', bsn: null, kvkNummer: '12345678', vestigingsnummer: '000012345678', telefoonnummers: [], emailadressen: ['info@turfbrugbouw.nl'] }),
      now,
    );
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });

  const names = (query: string) => store.customers.search(query, 10).map((c) => c.naam);

  it('by phone number in any notation, e-mail in any case, postcode with or without number and toevoeging', () => {
    expect(names('+31 6 1234 5678').sort()).toEqual(['Bea Burger', 'Bert Burger']);
    expect(names('020-5551234')).toEqual(['Bert Burger']);
    expect(names('BERT.burger@example.nl')).toEqual(['Bert Burger']);
    expect(names('info@turfbrugbouw.nl')).toEqual(['Turfbrug Bouw B.V.']);
    expect(names('8441 BB')).toEqual(['Bert Burger', 'Bea Burger']);
    expect(names('8441BB 14')).toEqual(['Bea Burger']);
    expect(names('8441BB 12 A')).toEqual(['Bert Burger']);
    expect(names('8441BB 12 B')).toEqual([]);
    // Still being typed: a partial postcode uses the postcode index; a partial number finds no one yet.
    expect(names('8441 b')).toEqual(['Bert Burger', 'Bea Burger']);
    expect(names('8441')).toEqual([]);
    expect(names('0612')).toEqual([]);
    expect(names('Bu').sort()).toEqual(['Bea Burger', 'Bert Burger']);
  });

  it('by BSN, KvK-nummer, vestigingsnummer and name; nothing for a BSN failing the elfproef', () => {
    expect(names('999993653')).toEqual(['Bert Burger']);
    expect(names('999993654')).toEqual([]);
    expect(store.customers.search('12345678', 5).map((c) => c.id)).toEqual([bedrijf]);
    expect(store.customers.search('000012345678', 5).map((c) => c.id)).toEqual([bedrijf]);
    expect(store.customers.search('123456789012', 5)).toEqual([]);
    expect(store.customers.search('Turfbrug Bouw', 5).map((c) => c.id)).toEqual([bedrijf]);
  });

  it('replaces the contact points of a customer on refresh', () => {
    store.customers.upsert(person({ sourceUrl: store.customers.get(bert)!.sourceUrl, telefoonnummers: ['0698765432'], emailadressen: [] }), new Date().toISOString());
    expect(names('0612345678')).toEqual(['Bea Burger']);
    expect(names('06 98 76 54 32')).toEqual(['Bert Burger']);
  });

  it('gives rows cached before migration 003 their keys once, at open', () => {
    store.db.prepare("INSERT INTO customers (id, source_url, soort, naam, adres, telefoonnummers, emailadressen, fetched_at) VALUES ('11111111-1111-4111-8111-111111111111', 'http://zs.test/partijen/oud', 'persoon', 'Olga Oud', 'Veenweg 3 b, 8442 CD Turfbrug', '[\"06-11122233\"]', '[\"Olga@Example.nl\"]', '2026-01-01T00:00:00.000Z')").run();
    store.db.prepare("DELETE FROM sync_state WHERE key = 'identify.backfilled'").run();
    store.close();
    store = Store.open(join(dir.path, 'kb.sqlite'));
    expect(names('0611122233')).toEqual(['Olga Oud']);
    expect(names('olga@example.nl')).toEqual(['Olga Oud']);
    expect(names('8442 CD 3 B')).toEqual(['Olga Oud']);
    // Once: a second open does not redo it.
    expect(store.db.prepare("SELECT count(*) FROM sync_state WHERE key = 'identify.backfilled'").pluck().get()).toBe(1);
  });

  it('uses an index for every lookup: the plans of the store’s own statements (EXPLAIN QUERY PLAN)', () => {
    /** The plan of the one statement on `table` the search ran. */
    const planOf = (table: RegExp, run: () => unknown) => {
      const reads = plansOf(store.db, run).filter((p) => table.test(p.sql));
      expect(reads, `statements on ${table}`).toHaveLength(1);
      return reads[0]!.plan;
    };
    const contact = planOf(/customer_contact_points/, () => store.customers.search('0612345678', 5));
    expect(contact).toMatch(/SEARCH p USING (PRIMARY KEY|COVERING INDEX)/);
    expect(contact).toMatch(/SEARCH c USING INDEX sqlite_autoindex_customers_1|SEARCH c USING INDEX .*\(id=\?\)/);
    expect(planOf(/customer_contact_points/, () => store.customers.search('bert.burger@example.nl', 5))).toMatch(/SEARCH p USING (PRIMARY KEY|COVERING INDEX)/);
    expect(planOf(/FROM customers/, () => store.customers.search('8441 BB', 5))).toMatch(/SEARCH c USING INDEX customers_postcode/);
    expect(planOf(/FROM customers/, () => store.customers.search('8441 BB 12', 5))).toMatch(/USING INDEX customers_postcode \(postcode=\? AND huisnummer=\?\)/);
    expect(planOf(/FROM customers/, () => store.customers.search('000012345678', 5))).toMatch(/USING INDEX customers_vestiging/);
    expect(planOf(/FROM customers/, () => store.customers.search('8441 B', 5))).toMatch(/SEARCH c USING INDEX customers_postcode \(postcode>\? AND postcode<\?\)/);
    expect(planOf(/DELETE FROM customer_contact_points/, () => store.customers.upsert(person({ sourceUrl: store.customers.get(bert)!.sourceUrl }), new Date().toISOString()))).toMatch(/customer_contact_points_customer/);
  });

});
