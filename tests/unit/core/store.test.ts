import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { NewerDatabaseError, openDatabase, schemaVersion } from '../../../src/main/core/store/database';
import { LATEST_VERSION } from '../../../src/main/core/store/migrations';
import { Store } from '../../../src/main/core/store';
import { nameQuery } from '../../../src/main/core/store/customers';
import { person } from '../../support/records';
import { plansOf } from '../../support/query-plans';
import { storePerTest } from '../../support/temp-store';

let dir: string;
let store: Store;
storePerTest((opened, folder) => {
  store = opened;
  dir = folder;
});

describe('opening the store', () => {
  it('uses WAL, synchronous NORMAL, foreign keys and the latest schema version', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
  });

  it('makes every table STRICT', () => {
    const tables = store.db
      .prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")
      .all();
    expect(tables.length).toBeGreaterThan(4);
    for (const table of tables) expect(table, table.name).toMatchObject({ strict: 1 });
  });

  it('reopens an existing database without migrating twice', () => {
    store.customers.upsert(person(), new Date().toISOString());
    store.close();
    const reopened = Store.open(join(dir, 'kb.sqlite'));
    expect(reopened.customers.search('Burger', 5)).toHaveLength(1);
    reopened.close();
  });

  it('refuses a database from a newer app version, with a clear message, and leaves it untouched', () => {
    const file = join(dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/nieuwere versie van Klantbeeld/);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    again.close();
  });
});

describe('customer search', () => {
  beforeEach(() => {
    const now = new Date().toISOString();
    store.customers.upsertMany(
      [
        person(),
        person({ naam: 'Anna Burgers', bsn: '999990019', adres: 'Veenweg 3, 9999 AB Turfbrug' }),
        person({ naam: 'Jeroen van der Coördinator', bsn: '999990020' }),
        person({ soort: 'organisatie', naam: 'Bakkerij De Turf B.V.', bsn: null, kvkNummer: '12345678' }),
      ],
      now,
    );
  });

  it('finds by name prefix as you type, best match first', () => {
    expect(store.customers.search('Bur', 10).map((c) => c.naam)).toEqual(expect.arrayContaining(['Bert Burger', 'Anna Burgers']));
    expect(store.customers.search('bert bur', 10).map((c) => c.naam)).toEqual(['Bert Burger']);
  });

  it('folds diacritics', () => {
    expect(store.customers.search('coordinator', 10).map((c) => c.naam)).toEqual(['Jeroen van der Coördinator']);
  });

  it('finds by exact BSN and by KvK-nummer, and masks the BSN in results', () => {
    const [bert] = store.customers.search('999993653', 10);
    expect(bert?.naam).toBe('Bert Burger');
    expect(bert?.bsnMasked).toBe('*****3653');
    expect(JSON.stringify(bert)).not.toContain('999993653');
    expect(store.customers.search('1234 5678', 10).map((c) => c.naam)).toEqual(['Bakkerij De Turf B.V.']);
  });

  it('treats FTS syntax and quotes as plain words', () => {
    for (const hostile of ['"', 'AND', 'NEAR(a b)', 'bur*', '-bert', "o'brien", '()', '😀', 'a OR b']) {
      expect(() => store.customers.search(hostile, 10)).not.toThrow();
    }
    expect(nameQuery('"bert" OR (burger)')).toBe('"bert"* "OR"* "burger"*');
    expect(nameQuery('  ')).toBeNull();
  });

  it('keeps the local id stable when a customer is refreshed', () => {
    const record = person({ sourceUrl: 'http://zs.test/partijen/stable' });
    const first = store.customers.upsert(record, new Date().toISOString());
    const second = store.customers.upsert({ ...record, naam: 'Bert Burger-de Vries' }, new Date().toISOString());
    expect(second).toBe(first);
    expect(store.customers.search('de vries', 10).map((c) => c.id)).toEqual([first]);
  });
});

describe('query plans of the hot queries use an index (the store’s own statements, tests/support/query-plans.ts)', () => {
  /** The plan of the one statement the call ran that reads `table`. */
  const planOf = (table: RegExp, run: () => unknown) => {
    const reads = plansOf(store.db, run).filter((p) => table.test(p.sql));
    expect(reads, `statements on ${table}`).toHaveLength(1);
    return reads[0]!.plan;
  };

  it('customer by BSN', () => {
    expect(planOf(/FROM customers/, () => store.customers.search('999993653', 5))).toMatch(/USING INDEX customers_bsn/);
  });
  it('customer by KvK', () => {
    expect(planOf(/FROM customers/, () => store.customers.search('12345678', 5))).toMatch(/USING INDEX customers_kvk/);
  });
  it('customer by name (FTS)', () => {
    expect(planOf(/customers_fts/, () => store.customers.search('Burger', 5))).toMatch(/VIRTUAL TABLE INDEX/);
  });
  it('timeline of a customer', () => {
    const detail = planOf(/FROM contacts/, () => store.contacts.list('x', 200));
    expect(detail).toMatch(/USING INDEX contacts_customer_time/);
    // The timeline's own order comes from the index; the one temp B-tree sorts a contact's few linked kennisartikelen (its subquery).
    const [timeline, ...subquery] = detail.split(' | CORRELATED SCALAR SUBQUERY');
    expect(timeline).not.toMatch(/TEMP B-TREE/);
    expect(subquery.join('')).toMatch(/SEARCH ca USING INDEX sqlite_autoindex_contact_articles_1 \(contact_id=\?\)/);
  });
  it('zaken of a customer', () => {
    const detail = planOf(/FROM zaken/, () => store.zaken.list('x', 200));
    expect(detail).toMatch(/USING INDEX zaken_customer_start/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
  it('due outbox entries', () => {
    expect(planOf(/FROM outbox/, () => store.outbox.due(new Date().toISOString(), 20))).toMatch(/USING INDEX outbox_due/);
  });
});
