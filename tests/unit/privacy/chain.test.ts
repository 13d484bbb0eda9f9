/**
 * The hash chain of the verwerkingenlog on a real SQLite file: append-only through the app,
 * and `verify` finds the first broken link when the file is edited behind the app's back (with
 * the triggers dropped, as someone with the file would). The rows of the old `verwerkingen`
 * table are carried over and sealed; local retention through an anchor keeps the chain verifiable.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/store/database';
import { migrations } from '../../../src/main/core/store/migrations';
import { Store } from '../../../src/main/core/store';
import type { NewVerwerkingsactie } from '../../../src/main/core/store/verwerkingen';
import { canonicalJson, hashActie } from '../../../src/main/core/privacy/chain';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let file: string;
let store: Store;

beforeEach(() => {
  dir = tempDir();
  file = join(dir.path, 'kb.sqlite');
  store = Store.open(file);
});
afterEach(() => {
  store.close();
  dir.remove();
});

function actie(n: number, bsn = '999993653'): NewVerwerkingsactie {
  return {
    actieId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    actieNaam: 'Klantbeeld geopend',
    handelingNaam: 'Raadplegen',
    verwerkingNaam: 'Klantcontact afhandelen',
    verwerkingId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    verwerkingsactiviteitId: '7ec3525d-6d9e-4059-a371-261ceb51bd24',
    verwerkingsactiviteitUrl: null,
    vertrouwelijkheid: 'normaal',
    bewaartermijn: 'P10Y',
    uitvoerder: '00000001002220647000',
    systeem: 'Klantbeeld test',
    gebruiker: 'bianca',
    gegevensbron: 'test',
    tijdstip: new Date(Date.UTC(2026, 10, 28, 9, 0, n)).toISOString(),
    tijdstipRegistratie: new Date(Date.UTC(2026, 10, 28, 9, 0, n)).toISOString(),
    verwerkteObjecten: [{ objecttype: 'persoon', soortObjectId: 'BSN', objectId: bsn, betrokkenheid: 'klant', verwerkteSoortenGegevens: [{ soortGegeven: 'naam' }] }],
  };
}

/** Someone with the file: another connection, triggers dropped. */
function tamper(sql: string): void {
  store.close();
  const db = new Database(file);
  db.exec('DROP TRIGGER verwerkingsacties_no_update; DROP TRIGGER verwerkingsacties_no_delete; DROP TRIGGER verwerkingsacties_sealed_insert;');
  db.exec(sql);
  db.close();
  store = Store.open(file);
}

describe('the verwerkingenlog chain', () => {
  it('serialises canonically: key order does not matter, content does', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 'x', x: null }] })).toBe('{"a":[{"x":null,"y":"x"}],"b":1}');
    expect(canonicalJson({ a: 1, b: 1 })).toBe(canonicalJson({ b: 1, a: 1 }));
  });

  it('links each action to the one before it and verifies the whole chain', () => {
    for (let i = 1; i <= 5; i++) store.verwerkingen.append(actie(i));
    const rows = store.db.prepare('SELECT seq, prev_hash, hash FROM verwerkingsacties ORDER BY seq').all() as { seq: number; prev_hash: string; hash: string }[];
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(store.verwerkingen.verify()).toEqual({ ok: true, checked: 5, lastSeq: 5, broken: null });
  });

  it('refuses UPDATE and DELETE through the app connection', () => {
    store.verwerkingen.append(actie(1));
    expect(() => store.db.prepare("UPDATE verwerkingsacties SET gebruiker = 'x'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM verwerkingsacties').run()).toThrow(/append-only/);
    expect(() => store.db.prepare("INSERT INTO verwerkingsacties (seq, actie_id, actie_naam, handeling_naam, verwerking_naam, verwerking_id, verwerkingsactiviteit_id, vertrouwelijkheid, bewaartermijn, uitvoerder, systeem, gebruiker, gegevensbron, tijdstip, tijdstip_registratie, verwerkte_objecten) VALUES (9, 'x', 'a', 'b', 'c', 'd', 'e', 'normaal', 'P1Y', '', '', 'u', 'g', 't', 't', '[]')").run()).toThrow(/sealed/);
  });

  const cases: { name: string; sql: string; broken: { seq: number; reden: string } }[] = [
    { name: 'a changed field', sql: "UPDATE verwerkingsacties SET gebruiker = 'mallory' WHERE seq = 3", broken: { seq: 3, reden: 'gewijzigd' } },
    { name: 'a changed person', sql: `UPDATE verwerkingsacties SET verwerkte_objecten = replace(verwerkte_objecten, '999993653', '111222333') WHERE seq = 4`, broken: { seq: 4, reden: 'gewijzigd' } },
    { name: 'a removed row', sql: 'DELETE FROM verwerkingsacties WHERE seq = 2', broken: { seq: 2, reden: 'ontbrekend' } },
    { name: 'a removed first row', sql: 'DELETE FROM verwerkingsacties WHERE seq = 1', broken: { seq: 1, reden: 'ontbrekend' } },
    { name: 'a row replaced with a consistent hash of its own', sql: "UPDATE verwerkingsacties SET prev_hash = hash WHERE seq = 5", broken: { seq: 5, reden: 'gewijzigd' } },
    { name: 'an unsealed row', sql: 'UPDATE verwerkingsacties SET hash = NULL WHERE seq = 3', broken: { seq: 3, reden: 'niet_verzegeld' } },
  ];
  for (const c of cases) {
    it(`finds the first broken link after ${c.name} behind the app's back`, () => {
      for (let i = 1; i <= 6; i++) store.verwerkingen.append(actie(i));
      tamper(c.sql);
      expect(store.verwerkingen.verify()).toMatchObject({ ok: false, broken: c.broken });
    });
  }

  it('detects a re-hashed edit: the next row no longer points to it', () => {
    for (let i = 1; i <= 4; i++) store.verwerkingen.append(actie(i));
    // Change row 2 and recompute its hash the way the app would: row 3 still holds the old one.
    const row2 = store.verwerkingen.get(2)!;
    const forged = hashActie({ ...row2, gebruiker: 'mallory' });
    tamper(`UPDATE verwerkingsacties SET gebruiker = 'mallory', hash = '${forged}' WHERE seq = 2`);
    expect(store.verwerkingen.verify()).toMatchObject({ ok: false, broken: { seq: 3, reden: 'verbroken' } });
  });

  it('detects a removed tail once it was handed to the outbox', () => {
    for (let i = 1; i <= 4; i++) store.verwerkingen.append(actie(i));
    store.verwerkingen.markEnqueued(4);
    tamper('DELETE FROM verwerkingsacties WHERE seq >= 3');
    expect(store.verwerkingen.verify()).toMatchObject({ ok: false, broken: { seq: 3, reden: 'ontbrekend' } });
  });

  it('prunes shipped rows through an anchor; the rest still verifies and nothing beyond the anchor can go', () => {
    for (let i = 1; i <= 6; i++) store.verwerkingen.append(actie(i));
    expect(store.verwerkingen.pruneUpTo(3, new Date().toISOString())).toBe(3);
    expect(store.verwerkingen.verify()).toEqual({ ok: true, checked: 3, lastSeq: 6, broken: null });
    expect(() => store.db.prepare('DELETE FROM verwerkingsacties WHERE seq = 4').run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM verwerkingsacties_anker').run()).toThrow(/append-only/);
    store.verwerkingen.append(actie(7));
    expect(store.verwerkingen.verify()).toMatchObject({ ok: true, checked: 4, lastSeq: 7 });
    expect(store.db.prepare('SELECT count(*) AS n FROM verwerkingsactie_objecten').get()).toEqual({ n: 4 });
  });

  it('finds actions by BSN through the objects index, newest first', () => {
    store.verwerkingen.append(actie(1, '999993653'));
    store.verwerkingen.append(actie(2, '999990019'));
    store.verwerkingen.append(actie(3, '999993653'));
    const found = store.verwerkingen.list({ van: '2026-01-01T00:00:00.000Z', tot: '2027-01-01T00:00:00.000Z', objectId: '999993653' }, 10, 0);
    expect(found.total).toBe(2);
    expect(found.items.map((a) => a.seq)).toEqual([3, 1]);
  });
});

describe('migration 9 carries over the old verwerkingen', () => {
  it('moves every BSN reveal into the chain, sealed in order, with the person by BSN', () => {
    store.close();
    const old = join(dir.path, 'old.sqlite');
    const db = new Database(old);
    db.transaction(() => {
      for (const m of migrations.filter((x) => x.version <= 8)) db.exec(m.sql);
      db.pragma('user_version = 8');
    })();
    db.prepare("INSERT INTO customers (id, source_url, soort, naam, bsn, fetched_at) VALUES ('c1', 'http://x/partijen/1', 'persoon', 'Bert Burger', '999993653', '2026-01-01T00:00:00Z')").run();
    const insert = db.prepare("INSERT INTO verwerkingen (at, user_id, actie, customer_id) VALUES (?, 'bianca.de.vries', 'bsn.onthuld', ?)");
    insert.run('2026-11-01T10:00:00.000Z', 'c1');
    insert.run('2026-11-02T10:00:00.000Z', 'gone');
    migrate(db);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'verwerkingen'").get()).toBeUndefined();
    db.close();
    store = Store.open(old);
    const rows = store.verwerkingen.range(0, 10, 10);
    expect(rows.map((r) => [r.seq, r.actieNaam, r.gebruiker, r.verwerkteObjecten[0]!.soortObjectId, r.verwerkteObjecten[0]!.objectId])).toEqual([
      [1, 'BSN getoond', 'bianca.de.vries', 'BSN', '999993653'],
      [2, 'BSN getoond', 'bianca.de.vries', 'KLANTBEELD_KLANT', 'gone'],
    ]);
    expect(store.verwerkingen.verify()).toEqual({ ok: true, checked: 2, lastSeq: 2, broken: null });
    store.verwerkingen.append(actie(3));
    expect(store.verwerkingen.verify()).toMatchObject({ ok: true, checked: 3 });
  });
});
