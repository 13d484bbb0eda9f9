/**
 * Retention on a real SQLite file: the purge removes a dossier at the end of the next werkdag
 * after its last use and respects every rule (unsent writes, open callbacks, open drafts stay;
 * acknowledged outbox entries go), and "vergeet deze persoon" leaves no trace in any table.
 */
import { describe, expect, it } from 'vitest';
import { WerkdagenKalender } from '../../../src/main/core/calendar';
import { forgetCustomer } from '../../../src/main/core/privacy/forget';
import { Retention, retentionCutoff } from '../../../src/main/core/privacy/retention';
import { dropWholeSearchIndex, purgeWholeDossierTables } from '../../../src/main/core/privacy/whole-table';
import type { Store } from '../../../src/main/core/store';
import { enqueueVerwerkingsacties } from '../../../src/main/core/sync/kinds/verwerkingsacties';
import { person } from '../../support/records';
import { storePerTest } from '../../support/temp-store';

const kalender = new WerkdagenKalender({ vanJaar: 2026, totJaar: 2027 });
/** Friday 27 November 2026, 10:00 in Turfbrug: the clerk opened the customer. */
const USED = '2026-11-27T09:00:00.000Z';
/** Monday 30 November 18:00: the next werkdag is not over yet. */
const MONDAY_EVENING = new Date('2026-11-30T17:00:00.000Z');
/** Tuesday 1 December 00:30: it is. */
const TUESDAY_NIGHT = new Date('2026-11-30T23:30:00.000Z');

let store: Store;
storePerTest((opened) => (store = opened));

/** A cached customer with a dossier, last used at `USED`. */
function customer(naam = 'Bert Burger', bsn = '999993653'): string {
  const id = store.customers.upsert(person({ naam, bsn }), USED);
  store.db.prepare('UPDATE customers SET last_used_at = ?, dossier_refreshed_at = ? WHERE id = ?').run(USED, USED, id);
  return id;
}
const db = () => store.db;
function contact(customerId: string, id: string, syncState = 'sent'): void {
  db().prepare("INSERT INTO contacts (id, customer_id, kanaal, onderwerp, inhoud, plaatsgevonden_op, sync_state) VALUES (?, ?, 'telefoon', 'Paspoort', 'Notitie', ?, ?)").run(id, customerId, USED, syncState);
  db().prepare("INSERT INTO contact_articles (contact_id, article_id, titel) VALUES (?, 'a1', 'Paspoort aanvragen')").run(id);
}
function zaak(customerId: string, id: string, syncState = 'sent'): void {
  db().prepare("INSERT INTO zaken (id, customer_id, source_url, identificatie, omschrijving, zaaktype, startdatum, fetched_at, sync_state) VALUES (?, ?, ?, ?, 'Paspoort', 'Paspoort', '2026-01-01', ?, ?)").run(id, customerId, `http://zs/zaken/${id}`, `Z-${id}`, USED, syncState);
  db().prepare("INSERT INTO zaak_details (source_url, body, fetched_at) VALUES (?, '{\"initiator\":\"Bert Burger\"}', ?)").run(`http://zs/zaken/${id}`, USED);
}
function callback(customerId: string, id: string, status = 'verwerkt', syncState = 'sent', eventState = 'sent'): void {
  db().prepare("INSERT INTO callbacks (id, customer_id, klant_naam, vraag, status, aangemaakt_op, sync_state) VALUES (?, ?, 'Bert Burger', 'Terugbellen', ?, ?, ?)").run(id, customerId, status, USED, syncState);
  db().prepare("INSERT INTO callback_events (callback_id, at, soort, door_naam, sync_state) VALUES (?, ?, 'aangemaakt', 'Bianca', ?)").run(id, USED, eventState);
}
function outbox(entityId: string, customerId: string, state: string, doneAt: string | null = null): void {
  db().prepare("INSERT INTO outbox (idempotency_key, kind, entity_id, payload, state, next_attempt_at, created_at, done_at) VALUES (?, 'klantcontact', ?, ?, ?, ?, ?, ?)").run(`k-${entityId}-${state}`, entityId, JSON.stringify({ customerId, inhoud: 'Notitie over Bert Burger' }), state, USED, USED, doneAt);
}
function draft(customerId: string): void {
  db().prepare("INSERT INTO drafts (id, customer_id, data, created_at, updated_at) VALUES ('d1', ?, '{}', ?, ?)").run(customerId, USED, USED);
}
const ids = (table: string) => (db().prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: string | number }[]).map((r) => String(r.id));

describe('the retention cutoff', () => {
  it('is the end of the next werkdag after the day of last use (Amsterdam), across weekends and holidays', () => {
    // Used on Friday: kept all Monday, gone from Tuesday 00:00 (Amsterdam, 23:00 UTC).
    expect(retentionCutoff(kalender, MONDAY_EVENING, 1)).toBe('2026-11-26T23:00:00.000Z');
    // From Tuesday 00:00 every use before Monday has expired (a Saturday use too: its next werkdag was Monday).
    expect(retentionCutoff(kalender, TUESDAY_NIGHT, 1)).toBe('2026-11-29T23:00:00.000Z');
    // Used on Thursday 24 December: Christmas Friday and the weekend do not count, so it stays all Monday 28.
    expect(retentionCutoff(kalender, new Date('2026-12-28T20:00:00.000Z'), 1)).toBe('2026-12-23T23:00:00.000Z');
    expect(retentionCutoff(kalender, new Date('2026-12-28T23:30:00.000Z'), 1)).toBe('2026-12-27T23:00:00.000Z');
    // 0 werkdagen: gone at the end of the day of use.
    expect(retentionCutoff(kalender, new Date('2026-11-27T23:30:00.000Z'), 0)).toBe('2026-11-27T23:00:00.000Z');
  });
});

type Case = { name: string; seed: (c: string) => void; at: Date; keep: Partial<Record<'contacts' | 'zaken' | 'callbacks' | 'outbox' | 'zaak_details', string[]>>; reset: boolean };

const cases: Case[] = [
  { name: 'not yet expired: everything stays', at: MONDAY_EVENING, seed: (c) => (contact(c, 'k1'), zaak(c, 'z1')), keep: { contacts: ['k1'], zaken: ['z1'], zaak_details: ['http://zs/zaken/z1'] }, reset: false },
  { name: 'expired: sent contacts, zaken and their details go', at: TUESDAY_NIGHT, seed: (c) => (contact(c, 'k1'), zaak(c, 'z1')), keep: { contacts: [], zaken: [], zaak_details: [] }, reset: true },
  { name: 'a pending or failed contact stays (unsent write)', at: TUESDAY_NIGHT, seed: (c) => (contact(c, 'k1', 'pending'), contact(c, 'k2', 'failed'), contact(c, 'k3')), keep: { contacts: ['k1', 'k2'] }, reset: false },
  { name: 'a sent contact with an outbox entry not yet done stays', at: TUESDAY_NIGHT, seed: (c) => (contact(c, 'k1'), outbox('k1', c, 'pending')), keep: { contacts: ['k1'] }, reset: false },
  { name: 'a zaak started here and not yet acknowledged stays', at: TUESDAY_NIGHT, seed: (c) => (zaak(c, 'z1', 'pending'), zaak(c, 'z2')), keep: { zaken: ['z1'], zaak_details: ['http://zs/zaken/z1'] }, reset: false },
  { name: 'an open callback stays; a handled one goes', at: TUESDAY_NIGHT, seed: (c) => (callback(c, 'b1', 'te_verwerken'), callback(c, 'b2')), keep: { callbacks: ['b1'] }, reset: false },
  { name: 'a handled callback with an unsent event stays', at: TUESDAY_NIGHT, seed: (c) => callback(c, 'b1', 'verwerkt', 'sent', 'pending'), keep: { callbacks: ['b1'] }, reset: false },
  { name: 'a customer with an open draft keeps everything', at: TUESDAY_NIGHT, seed: (c) => (draft(c), contact(c, 'k1'), zaak(c, 'z1')), keep: { contacts: ['k1'], zaken: ['z1'] }, reset: false },
  { name: 'acknowledged outbox entries go; pending ones stay', at: TUESDAY_NIGHT, seed: (c) => (outbox('k8', c, 'done', USED), outbox('k9', c, 'pending')), keep: { outbox: ['2'] }, reset: true },
  { name: 'an outbox entry acknowledged after the cutoff stays until its own time', at: TUESDAY_NIGHT, seed: (c) => outbox('k8', c, 'done', '2026-11-30T12:00:00.000Z'), keep: { outbox: ['1'] }, reset: true },
];

describe('the purge', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const id = customer();
      c.seed(id);
      const retention = new Retention(store, kalender, { bewaarWerkdagen: 1, keepSearchIndex: true, chunk: 2 });
      await retention.purgeExpired(c.at);
      for (const [table, expected] of Object.entries(c.keep)) {
        const actual = table === 'zaak_details' ? (db().prepare('SELECT source_url AS id FROM zaak_details ORDER BY 1').all() as { id: string }[]).map((r) => r.id) : ids(table);
        expect(actual, table).toEqual(expected);
      }
      // The search index keeps the partij; the clock stops only when nothing of the dossier is left.
      const row = db().prepare('SELECT last_used_at, naam FROM customers WHERE id = ?').get(id) as { last_used_at: string | null; naam: string };
      expect(row.naam).toBe('Bert Burger');
      expect(row.last_used_at === null, 'clock reset').toBe(c.reset);
    });
  }

  it('drops the partij rows too when the prefetch is off, but not one an unsent write needs', async () => {
    const gone = customer('Anna Aal', '999990019');
    const needed = customer();
    contact(needed, 'k1', 'pending');
    outbox('k1', needed, 'pending');
    await new Retention(store, kalender, { bewaarWerkdagen: 1, keepSearchIndex: false }).purgeExpired(TUESDAY_NIGHT);
    expect(ids('customers')).toEqual([needed]);
    expect(store.customers.search('Anna', 5)).toEqual([]);
    expect(gone).not.toBe(needed);
  });

  it('purges in chunks across many customers and leaves the used ones', async () => {
    const old = Array.from({ length: 25 }, (_, i) => customer(`Persoon ${i}`, null as unknown as string));
    for (const [i, c] of old.entries()) contact(c, `k${i}`);
    const fresh = customer('Vers Gebruikt', '999990019');
    db().prepare('UPDATE customers SET last_used_at = ? WHERE id = ?').run('2026-11-30T22:00:00.000Z', fresh);
    contact(fresh, 'kfresh');
    const result = await new Retention(store, kalender, { bewaarWerkdagen: 1, keepSearchIndex: true, chunk: 4 }).purgeExpired(TUESDAY_NIGHT);
    expect(result).toMatchObject({ customers: 25, contacts: 25 });
    expect(ids('contacts')).toEqual(['kfresh']);
  });

  it('on sign-out removes everything personal except unsent writes', async () => {
    const bert = customer();
    contact(bert, 'k1');
    contact(bert, 'k2', 'pending');
    outbox('k2', bert, 'pending');
    customer('Anna Aal', '999990019');
    db().prepare("UPDATE customers SET last_used_at = '2026-11-30T22:00:00.000Z'").run(); // just used: still gone on sign-out
    await new Retention(store, kalender, { bewaarWerkdagen: 1, keepSearchIndex: true }).purgeAll(TUESDAY_NIGHT);
    expect(ids('contacts')).toEqual(['k2']);
    expect(ids('customers')).toEqual([bert]);
  });

  // Every dossier expired: contacts and zaken go as whole tables (foreign keys off for the delete only).
  it('with every dossier expired removes whole tables, articles and details included, and turns foreign keys back on', async () => {
    const customers = Array.from({ length: 6 }, (_, i) => customer(`Persoon ${i}`, null as unknown as string));
    for (const [i, c] of customers.entries()) {
      contact(c, `k${i}`);
      contact(c, `l${i}`);
      zaak(c, `z${i}`);
    }
    const result = await new Retention(store, kalender, { bewaarWerkdagen: 1, keepSearchIndex: true, chunk: 2 }).purgeExpired(TUESDAY_NIGHT);
    expect(result).toMatchObject({ customers: 6, contacts: 12, zaken: 6, zaakDetails: 6 });
    for (const table of ['contacts', 'contact_articles', 'zaken', 'zaak_details']) expect(db().prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    expect(db().prepare('SELECT count(*) FROM customers WHERE last_used_at IS NULL').pluck().get()).toBe(6);
    expect(db().pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('with one dossier still in use removes the expired ones row by row and leaves that one whole', async () => {
    const old = customer('Anna Aal', '999990019');
    contact(old, 'k1');
    zaak(old, 'z1');
    const fresh = customer();
    db().prepare('UPDATE customers SET last_used_at = ? WHERE id = ?').run('2026-11-30T22:00:00.000Z', fresh);
    contact(fresh, 'k2');
    zaak(fresh, 'z2');
    const result = await new Retention(store, kalender, { bewaarWerkdagen: 1, keepSearchIndex: true }).purgeExpired(TUESDAY_NIGHT);
    expect(result).toMatchObject({ customers: 1, contacts: 1, zaken: 1, zaakDetails: 1 });
    expect(ids('contacts')).toEqual(['k2']);
    expect(ids('zaken')).toEqual(['z2']);
    expect(db().prepare('SELECT contact_id FROM contact_articles').pluck().all()).toEqual(['k2']);
    expect(db().prepare('SELECT source_url FROM zaak_details').pluck().all()).toEqual(['http://zs/zaken/z2']);
  });

  it('on sign-out with nothing unsent empties the search index at once, and its FTS delete trigger works afterwards', async () => {
    const bert = customer();
    contact(bert, 'k1');
    customer('Anna Aal', '999990019');
    const result = await new Retention(store, kalender, { bewaarWerkdagen: 1, keepSearchIndex: true }).purgeAll(TUESDAY_NIGHT);
    expect(result).toMatchObject({ contacts: 1, searchIndex: 2 });
    expect(ids('customers')).toEqual([]);
    expect(db().prepare('SELECT count(*) FROM customer_contact_points').pluck().get()).toBe(0);
    expect(store.customers.search('Anna', 5)).toEqual([]);
    expect(db().pragma('foreign_keys', { simple: true })).toBe(1);
    // The trigger is back: a partij cached again and then forgotten leaves no FTS match.
    const again = customer('Anna Aal', '999990019');
    expect(store.customers.search('Anna', 5)).toHaveLength(1);
    forgetCustomer(store, again);
    expect(store.customers.search('Anna', 5)).toEqual([]);
    expect(db().prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'customers_fts_ad'").pluck().get()).toBe(1);
  });

  it('takes the whole-table way only when no row of the table stays', async () => {
    const bert = customer();
    contact(bert, 'k1');
    contact(bert, 'k2', 'failed'); // no outbox entry: only its sync_state keeps it
    zaak(bert, 'z1');
    const cutoff = retentionCutoff(kalender, TUESDAY_NIGHT, 1);
    const yieldNow = () => Promise.resolve();
    expect(await purgeWholeDossierTables(db(), cutoff, yieldNow)).toEqual({ contacts: 0, zaken: 1, zaakDetails: 1 });
    expect(ids('contacts')).toEqual(['k1', 'k2']);
    draft(bert);
    expect(dropWholeSearchIndex(db())).toBeNull();
    db().prepare("DELETE FROM contacts WHERE id = 'k2'").run();
    expect(await purgeWholeDossierTables(db(), retentionCutoff(kalender, MONDAY_EVENING, 1), yieldNow)).toEqual({ contacts: 0, zaken: 0, zaakDetails: 0 });
    // The draft keeps Bert's dossier whole, whatever the cutoff.
    expect(await purgeWholeDossierTables(db(), cutoff, yieldNow)).toEqual({ contacts: 0, zaken: 0, zaakDetails: 0 });
    db().prepare('DELETE FROM drafts').run();
    expect(await purgeWholeDossierTables(db(), cutoff, yieldNow)).toEqual({ contacts: 1, zaken: 0, zaakDetails: 0 });
    expect(dropWholeSearchIndex(db())).toBe(1);
    // Whole, the FTS index is emptied, not tombstoned.
    expect(db().prepare('SELECT count(*) FROM customers_fts_docsize').pluck().get()).toBe(0);
  });
});

/** Every table and text column that holds `needle`, except the verwerkingenlog (the accountability record). */
function traces(needles: string[]): string[] {
  const tables = (db().prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name NOT LIKE 'verwerkingsactie%' AND name NOT LIKE 'kennis_%'").all() as { name: string }[]).map((t) => t.name);
  const found: string[] = [];
  for (const table of tables) {
    const columns = (db().prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
    for (const column of columns) {
      for (const needle of needles) {
        const hit = db().prepare(`SELECT count(*) AS n FROM "${table}" WHERE CAST("${column}" AS TEXT) LIKE ?`).get(`%${needle}%`) as { n: number };
        if (hit.n > 0) found.push(`${table}.${column}: ${needle}`);
      }
    }
  }
  return found;
}

describe('vergeet deze persoon', () => {
  function dossier(bert: string): void {
    contact(bert, 'k1');
    zaak(bert, 'z1');
    callback(bert, 'b1', 'te_verwerken');
    db().prepare("INSERT INTO callback_queues (queue, callback_id) VALUES ('groep:KCC', 'b1')").run();
    outbox('k1', bert, 'done', USED);
  }

  it('removes every local trace of the customer: id, BSN and name, in every table', () => {
    const bert = customer();
    dossier(bert);
    const anna = customer('Anna Aal', '999990019');
    contact(anna, 'ka');
    expect(traces([bert, '999993653', 'Bert Burger']).length).toBeGreaterThan(5);
    expect(forgetCustomer(store, bert)).toEqual({ onverzonden: 0 });
    expect(traces([bert, '999993653', 'Bert Burger'])).toEqual([]);
    expect(store.customers.search('999993653', 5)).toEqual([]);
    expect(ids('contacts')).toEqual(['ka']);
  });

  it('keeps unsent writes (and the customer row they need for sending) and counts them for the clerk', () => {
    const bert = customer();
    dossier(bert);
    contact(bert, 'k2', 'pending');
    outbox('k2', bert, 'pending');
    draft(bert);
    // The pending contact (with its outbox entry) and the open draft.
    expect(forgetCustomer(store, bert)).toEqual({ onverzonden: 2 });
    expect(ids('contacts')).toEqual(['k2']);
    expect(ids('zaken')).toEqual([]);
    expect(ids('callbacks')).toEqual([]);
    expect(ids('drafts')).toEqual(['d1']);
    expect((db().prepare("SELECT count(*) AS n FROM outbox WHERE state = 'done'").get() as { n: number }).n).toBe(0);
    expect(ids('customers')).toEqual([bert]);
  });
});

describe('local retention of the verwerkingenlog', () => {
  const logActie = (n: number) => ({
    actieId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, actieNaam: 'Klantbeeld geopend', handelingNaam: 'Raadplegen', verwerkingNaam: 'Klantcontact afhandelen',
    verwerkingId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`, verwerkingsactiviteitId: '7ec3525d-6d9e-4059-a371-261ceb51bd24', verwerkingsactiviteitUrl: null,
    vertrouwelijkheid: 'normaal' as const, bewaartermijn: 'P10Y', uitvoerder: '00000001002220647000', systeem: 'test', gebruiker: 'bianca', gegevensbron: 'test',
    tijdstip: '2026-01-05T09:00:00.000Z', tijdstipRegistratie: '2026-01-05T09:00:00.000Z',
    verwerkteObjecten: [{ objecttype: 'persoon' as const, soortObjectId: 'BSN', objectId: '999993653', betrokkenheid: 'klant', verwerkteSoortenGegevens: [{ soortGegeven: 'naam' }] }],
  });

  it('removes old actions the central log acknowledged, never one still waiting or discarded, and the chain still verifies', async () => {
    for (let i = 1; i <= 6; i++) store.verwerkingen.append(logActie(i));
    enqueueVerwerkingsacties(store, 2, USED); // three batches: 1-2, 3-4, 5-6
    db().prepare("UPDATE outbox SET state = 'done', done_at = ? WHERE json_extract(payload, '$.vanSeq') = 1").run(USED);
    db().prepare("UPDATE outbox SET state = 'done', done_at = ?, discarded_at = ?, discarded_by = 'beheer' WHERE json_extract(payload, '$.vanSeq') = 3").run(USED, USED);
    const retention = new Retention(store, kalender, { bewaarWerkdagen: 1, keepSearchIndex: true, logBewaarDagen: 90 });
    expect(await retention.purgeExpired(TUESDAY_NIGHT)).toMatchObject({ logRows: 2 });
    expect(store.verwerkingen.range(0, 100, 100).map((a) => a.seq)).toEqual([3, 4, 5, 6]);
    expect(store.verwerkingen.verify()).toMatchObject({ ok: true, checked: 4 });
    // The discarded batch outlives the outbox clean-up, so a later run still knows 3-4 never left.
    expect(db().prepare("SELECT json_extract(payload, '$.vanSeq') FROM outbox ORDER BY 1").pluck().all()).toEqual([3, 5]);
    expect(await retention.purgeExpired(TUESDAY_NIGHT)).toMatchObject({ logRows: 0 });
  });
});
