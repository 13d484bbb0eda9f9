/**
 * A person the BRP knows and Open Klant does not becomes a real customer (issue 12): found by
 * the search, created locally with its partij entry, the contact registered as usual; the
 * partij reaches Open Klant exactly once, before the klantcontact that points at it, also when
 * the response to POST /partijen is lost.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PATHS } from '../../../src/demo';
import { DEMO_GEMEENTECODE } from '../../../src/demo/api/brp';
import { BrpClient } from '../../../src/main/core/adapters/brp/client';
import { CustomerService } from '../../../src/main/core/services/customers';
import { RegisterSearch } from '../../../src/main/core/services/register-search';
import type { SyncEngine } from '../../../src/main/core/sync/engine';
import { RIG_USER, startSyncRig, type SyncRig } from '../../support/sync-rig';

let rig: SyncRig;
let customers: CustomerService;
beforeAll(async () => {
  rig = await startSyncRig({ timeoutMs: 1_000 });
  const brp = new BrpClient({ url: `${rig.server.url}${DEMO_PATHS.brp}`, apiKey: DEMO_CREDENTIALS.brpApiKey, gemeenteVanInschrijving: DEMO_GEMEENTECODE });
  // The test drives the engine: the service's kick (a flush on a timer) would race with it.
  const engine = Object.assign(Object.create(rig.engine) as SyncEngine, { kick: () => {} });
  customers = new CustomerService(rig.store, engine, rig.adapter, rig.events, new RegisterSearch(brp, undefined, () => {}));
});
afterAll(async () => rig.close());
afterEach(() => rig.server.faults.clear());

async function deliverAll(rounds = 10) {
  for (let i = 0; i < rounds && rig.store.outbox.counts().pending > 0; i++) {
    rig.makeDue();
    await rig.engine.flushOutbox();
  }
}

/** The demo's partijen with this BSN as identificator. */
function partijenAtServer(bsn: string): { id: number; uuid: string }[] {
  return rig.server.db
    .prepare(`SELECT p.id, p.uuid FROM partij p JOIN partij_identificator i ON i.partij_id = p.id WHERE i.code_soort_object_id = 'bsn' AND i.object_id = ?`)
    .all(bsn) as { id: number; uuid: string }[];
}

/** The partij the betrokkene of the klantcontact with this onderwerp points at. */
function betrokkenePartij(onderwerp: string): (number | null)[] {
  return (
    rig.server.db
      .prepare('SELECT b.partij_id FROM betrokkene b JOIN klantcontact k ON k.id = b.klantcontact_id WHERE k.onderwerp = ?')
      .all(onderwerp) as { partij_id: number | null }[]
  ).map((r) => r.partij_id);
}

/** Searches the BSN, creates the register-only person as a customer, registers a contact. */
async function createAndRegister(bsn: string, onderwerp: string) {
  const found = await customers.searchRemote(bsn, 20, RIG_USER.roles);
  expect(found.results).toEqual([]);
  const [hit] = found.registers;
  expect(hit).toMatchObject({ bron: 'brp', bsnMasked: `*****${bsn.slice(-4)}` });
  const { customerId } = await customers.fromRegister(hit!.sleutel, RIG_USER.roles);
  expect(rig.store.customers.get(customerId)).toMatchObject({ bsn, sourceUrl: `local:${customerId}` });
  // The next search finds the customer locally; no second register-only hit to create twice.
  expect((await customers.searchRemote(bsn, 20, RIG_USER.roles)).registers).toEqual([]);
  const contact = rig.contacts.register({ customerId, kanaal: 'telefoon', onderwerp, inhoud: 'Eerste contact' });
  return { customerId, contact };
}

describe('a person only the BRP knows becomes a customer', () => {
  it('creates the partij with its BSN once, before the klantcontact that points at it', async () => {
    const bsn = '999990019';
    expect(partijenAtServer(bsn)).toEqual([]);
    const { customerId, contact } = await createAndRegister(bsn, `Nieuwe klant ${Date.now()}`);
    await deliverAll();
    const partijen = partijenAtServer(bsn);
    expect(partijen).toHaveLength(1);
    expect(rig.server.db.prepare('SELECT soort_partij, voornaam, achternaam, indicatie_geheimhouding FROM partij WHERE id = ?').get(partijen[0]!.id)).toEqual({
      soort_partij: 'persoon',
      voornaam: 'Anouk',
      achternaam: 'Veenstra',
      indicatie_geheimhouding: 0,
    });
    expect(rig.store.customers.get(customerId)?.sourceUrl).toMatch(new RegExp(`/partijen/${partijen[0]!.uuid}$`));
    expect(rig.store.contacts.get(contact.id)?.syncState).toBe('sent');
    expect(betrokkenePartij(contact.onderwerp)).toEqual([partijen[0]!.id]);
    expect(rig.store.outbox.counts()).toMatchObject({ pending: 0, parked: 0 });
  });

  it('makes no twin when the response to POST /partijen is lost after the commit', async () => {
    const bsn = '999990032';
    const { customerId, contact } = await createAndRegister(bsn, `Verloren antwoord ${Date.now()}`);
    const rule = rig.server.faults.add({ method: 'POST', path: /\/partijen$/, fault: { kind: 'drop-after-commit' }, times: 1 });
    await rig.engine.flushOutbox();
    expect(rule.hits()).toBe(1);
    // The partij is at the server, the acknowledgement is not: the contact waits behind it.
    expect(partijenAtServer(bsn)).toHaveLength(1);
    expect(rig.store.customers.get(customerId)?.sourceUrl).toBe(`local:${customerId}`);
    expect(betrokkenePartij(contact.onderwerp)).toEqual([]);
    // A search by BSN meanwhile caches the partij as Open Klant holds it: a second row, for now.
    await customers.searchRemote(bsn, 20, RIG_USER.roles);
    expect(rig.store.db.prepare('SELECT count(*) FROM customers WHERE bsn = ?').pluck().get(bsn)).toBe(2);
    await deliverAll();
    // The acknowledgement leaves one customer: the one the clerk works with, with the partij's URL.
    expect(rig.store.db.prepare('SELECT id FROM customers WHERE bsn = ?').pluck().all(bsn)).toEqual([customerId]);
    const partijen = partijenAtServer(bsn);
    expect(partijen).toHaveLength(1);
    expect(rig.store.contacts.get(contact.id)?.syncState).toBe('sent');
    expect(betrokkenePartij(contact.onderwerp)).toEqual([partijen[0]!.id]);
    expect(rig.store.outbox.counts()).toMatchObject({ pending: 0, parked: 0 });
  });
});

describe('when Open Klant refuses the partij', () => {
  it('the contact waits while the partij is parked, and parks with the reason once the partij is discarded', async () => {
    const bsn = '999990020';
    const { customerId, contact } = await createAndRegister(bsn, `Geweigerd ${Date.now()}`);
    rig.server.faults.add({ method: 'POST', path: /\/partijen$/, fault: { kind: 'status', status: 400, title: 'Ongeldige partij' } });
    await deliverAll();
    const partijEntry = rig.store.db.prepare("SELECT id, state FROM outbox WHERE kind = 'partij' AND entity_id = ?").get(customerId) as { id: number; state: string };
    expect(partijEntry.state).toBe('parked');
    expect(rig.store.contacts.get(contact.id)?.syncState).toBe('pending');
    expect(partijenAtServer(bsn)).toEqual([]);
    rig.store.outbox.discard(partijEntry.id, 'test', new Date().toISOString());
    await deliverAll();
    expect(rig.store.contacts.get(contact.id)).toMatchObject({ syncState: 'failed', syncError: 'De klant is niet in Open Klant aangemaakt (het aanmaken is afgebroken).' });
  });
});
