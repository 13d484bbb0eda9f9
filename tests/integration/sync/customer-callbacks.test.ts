/**
 * A customer's callbacks come from the zaaksysteem (issue 13): opening a customer reads every
 * interne taak of that partij, whoever it is for, not only the queues this workstation polls.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import type { CallbackService } from '../../../src/main/core/services/callbacks';
import { Store } from '../../../src/main/core/store';
import { callbackServiceFor } from '../../support/callbacks';
import { memoryLog } from '../../support/step-log';
import { demoConnection, RIG_USER, startSyncRig, type SyncRig } from '../../support/sync-rig';

let rig: SyncRig;
let callbacks: CallbackService;
/** A KCC agent whose workstation polls no queue that holds the callback. */
const agent = { ...RIG_USER, groepen: [] };
const colleague = { id: 'vera.vergunning', naam: 'Vera Vergunning', email: 'vera@turfbrug.nl' };

beforeAll(async () => {
  rig = await startSyncRig({}, { workQueues: [{ soort: 'medewerker', code: agent.email }] });
  callbacks = callbackServiceFor(rig, agent);
});
afterAll(async () => rig.close());

describe('the callbacks on a customer picture', () => {
  it('shows a callback another workstation created for Team Vergunningen once the customer is refreshed', async () => {
    // The other workstation: its own cache, its own adapter, the same zaaksysteem.
    const otherStore = Store.open(join(rig.dir.path, 'other.sqlite'));
    const other = new ZgwAdapter(demoConnection(rig.server), colleague, otherStore.remoteCache);
    const bert = rig.store.customers.get(rig.bertId)!;
    const vraag = 'Dhr. Burger terugbellen over de bezwaartermijn';
    const { sourceUrl } = await other.pushCallback(
      {
        contact: {
          idempotencyKey: 'c0000000-0000-4000-8000-000000000013',
          customer: { sourceUrl: bert.sourceUrl, bsn: bert.bsn, kvkNummer: null },
          kanaal: 'balie',
          onderwerp: 'Bezwaar dakkapel',
          inhoud: 'Vraagt wanneer de bezwaartermijn afloopt.',
          plaatsgevondenOp: new Date().toISOString(),
          medewerker: colleague,
          gespreksresultaat: 'terugbelverzoek',
        },
        vraag,
        toelichting: '',
        toegewezenAan: [{ soort: 'groep', code: 'VERG' }],
        telefoonnummers: ['0612345678'],
        emailadressen: [],
      },
      memoryLog(),
    );

    await rig.engine.pollWorkQueues();
    expect(callbacks.forCustomer(rig.bertId).items.map((c) => c.vraag)).not.toContain(vraag);

    await rig.engine.refreshCustomer(rig.bertId);
    const item = callbacks.forCustomer(rig.bertId).items.find((c) => c.vraag === vraag);
    expect(item).toMatchObject({ status: 'te_verwerken', klantNaam: 'Bert Burger', customerId: rig.bertId });
    expect(item?.toegewezenAan.map((a) => a.naam)).toEqual(['Team Vergunningen']);
    // Every open taak of Bert's the zaaksysteem holds is on his picture.
    const open = rig.server.db
      .prepare(
        `SELECT count(DISTINCT t.id) FROM internetaak t JOIN betrokkene b ON b.klantcontact_id = t.klantcontact_id JOIN partij p ON p.id = b.partij_id
          WHERE t.status = 'te_verwerken' AND p.uuid = ?`,
      )
      .pluck()
      .get(bert.sourceUrl.split('/').pop()) as number;
    expect(callbacks.forCustomer(rig.bertId).items.filter((c) => c.syncState === 'sent')).toHaveLength(open);

    // Handled on the other workstation: gone from Bert's open callbacks at the next refresh.
    await other.patchTaak({ taakUrl: sourceUrl, status: 'verwerkt' }, memoryLog());
    otherStore.close();
    await rig.engine.refreshCustomer(rig.bertId);
    expect(callbacks.forCustomer(rig.bertId).items.map((c) => c.vraag)).not.toContain(vraag);
    expect(rig.store.callbacks.knows(sourceUrl)).toBe(true);
  });
});
