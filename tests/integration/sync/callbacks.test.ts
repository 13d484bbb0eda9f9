/**
 * Terugbelverzoeken through the sync engine: stored the way Open Klant 2 stores them
 * (klantcontact, betrokkene, digitale adressen, actoren, interne taak), exactly once under
 * faults, and read back into the work queues.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackService } from '../../../src/main/core/services/callbacks';
import { queueKey } from '../../../src/main/core/sync/engine';
import { callbackServiceFor, openQueue } from '../../support/callbacks';
import { RIG_USER, startSyncRig, type SyncRig } from '../../support/sync-rig';

let rig: SyncRig;
let callbacks: CallbackService;
const user = { ...RIG_USER, groepen: ['VERG'] };

beforeAll(async () => {
  rig = await startSyncRig({}, { workQueues: [{ soort: 'medewerker', code: user.email }, { soort: 'groep', code: 'VERG' }] });
  callbacks = callbackServiceFor(rig, user);
});
afterAll(async () => rig.close());
afterEach(() => rig.server.faults.clear());

const taakAtServer = (vraag: string) =>
  rig.server.db
    .prepare(
      `SELECT t.status, t.toelichting,
              (SELECT group_concat(a.naam) FROM internetaak_actor ia JOIN actor a ON a.id = ia.actor_id WHERE ia.internetaak_id = t.id) AS actoren,
              (SELECT count(*) FROM betrokkene b WHERE b.klantcontact_id = t.klantcontact_id) AS betrokkenen,
              (SELECT count(*) FROM digitaal_adres d JOIN betrokkene b ON b.id = d.betrokkene_id WHERE b.klantcontact_id = t.klantcontact_id) AS adressen,
              k.metadata
       FROM internetaak t JOIN klantcontact k ON k.id = t.klantcontact_id WHERE t.gevraagde_handeling = ?`,
    )
    .all(vraag) as { status: string; toelichting: string; actoren: string; betrokkenen: number; adressen: number; metadata: string }[];

async function deliverAll() {
  for (let i = 0; i < 10 && rig.store.outbox.counts().pending > 0; i++) {
    rig.makeDue();
    await rig.engine.flushOutbox();
  }
}

describe('terugbelverzoeken', () => {
  it('registers one for a groep the way Open Klant 2 stores it', async () => {
    const created = callbacks.create({
      customerId: rig.bertId,
      kanaal: 'telefoon',
      onderwerp: 'Dakkapel: welstandsadvies',
      inhoud: 'Wil weten wat welstand precies bezwaarlijk vindt.',
      vraag: 'Bel dhr. Burger terug over het welstandsadvies',
      toelichting: 'Dossier ZAAK-2026-0000278; klant is geïrriteerd.',
      toegewezenAan: [{ soort: 'groep', code: 'VERG' }],
      telefoonnummers: ['06-12345678'],
      emailadressen: [],
    });
    expect(created).toMatchObject({ syncState: 'pending', status: 'te_verwerken', klantNaam: 'Bert Burger' });
    await deliverAll();
    expect(rig.store.callbacks.get(created.id)?.sync_state).toBe('sent');
    expect(callbacks.forCustomer(rig.bertId).items.map((c) => c.vraag)).toContain('Bel dhr. Burger terug over het welstandsadvies');
    const [taak] = taakAtServer('Bel dhr. Burger terug over het welstandsadvies');
    expect(taak).toMatchObject({ status: 'te_verwerken', toelichting: 'Dossier ZAAK-2026-0000278; klant is geïrriteerd.', actoren: 'Team Vergunningen', betrokkenen: 1, adressen: 1 });
    expect(JSON.parse(taak!.metadata)).toMatchObject({ gespreksresultaat: 'terugbelverzoek' });
  });

  it('sends an unknown caller without creating a partij, and refuses one without name or number', async () => {
    expect(() =>
      callbacks.create({ customerId: null, kanaal: 'telefoon', onderwerp: 'Vraag', inhoud: '', vraag: 'Terugbellen', toelichting: '', toegewezenAan: [{ soort: 'groep', code: 'VERG' }], telefoonnummers: [], emailadressen: [] }),
    ).toThrow(/naam en telefoonnummer/);
    const partijen = rig.server.db.prepare('SELECT count(*) FROM partij').pluck().get();
    callbacks.create({ customerId: null, bellerNaam: 'Mevr. Jansen', kanaal: 'telefoon', onderwerp: 'Vraag over kapvergunning', inhoud: '', vraag: 'Mevr. Jansen terugbellen over de kapvergunning', toelichting: '', toegewezenAan: [{ soort: 'medewerker', code: 'bianca.de.vries@turfbrug.nl' }], telefoonnummers: ['0612345670'], emailadressen: [] });
    await deliverAll();
    expect(taakAtServer('Mevr. Jansen terugbellen over de kapvergunning')).toEqual([expect.objectContaining({ betrokkenen: 1, adressen: 1, actoren: 'Bianca de Vries' })]);
    expect(rig.server.db.prepare('SELECT count(*) FROM partij').pluck().get()).toBe(partijen);
  });

  it('creates the interne taak exactly once when its response is lost', async () => {
    rig.server.faults.add({ method: 'POST', path: /\/internetaken$/, fault: { kind: 'drop-after-commit' }, times: 1 });
    rig.server.faults.add({ method: 'POST', path: /\/digitaleadressen$/, fault: { kind: 'drop-after-commit' }, times: 1 });
    callbacks.create({ customerId: rig.bertId, kanaal: 'telefoon', onderwerp: 'Parkeervergunning', inhoud: '', vraag: 'Terugbellen over de wachtlijst parkeervergunning', toelichting: '', toegewezenAan: [{ soort: 'groep', code: 'VERG' }], telefoonnummers: ['0612345678'], emailadressen: ['bert.burger@example.nl'] });
    await deliverAll();
    expect(taakAtServer('Terugbellen over de wachtlijst parkeervergunning')).toEqual([expect.objectContaining({ adressen: 2 })]);
  });

  it('refuses a callback for an actor the configuration does not know, before anything is written', () => {
    const entries = rig.store.outbox.counts();
    expect(() =>
      callbacks.create({ customerId: rig.bertId, kanaal: 'telefoon', onderwerp: 'x', inhoud: '', vraag: 'Naar een onbestaande groep', toelichting: '', toegewezenAan: [{ soort: 'groep', code: 'BESTAATNIET' }], telefoonnummers: ['0612345678'], emailadressen: [] }),
    ).toThrow(/Onbekende groep "BESTAATNIET"/);
    expect(rig.store.outbox.counts()).toEqual(entries);
  });

  it('reads the work queues: my groep and my own, with customer names, matching the zaaksysteem', async () => {
    await rig.engine.pollWorkQueues();
    const groep = callbacks.list(openQueue('groups')).items.filter((c) => c.syncState === 'sent');
    const expected = rig.server.db
      .prepare(
        `SELECT count(*) FROM internetaak t WHERE t.status = 'te_verwerken' AND t.id IN (
           SELECT ia.internetaak_id FROM internetaak_actor ia JOIN actor a ON a.id = ia.actor_id WHERE a.naam = 'Team Vergunningen')`,
      )
      .pluck()
      .get() as number;
    expect(groep).toHaveLength(expected);
    expect(groep.some((c) => c.vraag === 'Bel dhr. Burger terug over het welstandsadvies' && c.klantNaam === 'Bert Burger' && c.customerId === rig.bertId)).toBe(true);
    expect(groep.every((c) => c.toegewezenAan.some((a) => a.naam === 'Team Vergunningen'))).toBe(true);
    const mine = callbacks.list(openQueue('mine')).items.filter((c) => c.syncState === 'sent');
    expect(mine.some((c) => c.vraag === 'Mevr. Jansen terugbellen over de kapvergunning')).toBe(true);
    expect(rig.store.db.prepare('SELECT count(*) FROM callback_queues WHERE queue = ?').pluck().get(queueKey({ soort: 'groep', code: 'VERG' }))).toBe(expected);
  });
});
