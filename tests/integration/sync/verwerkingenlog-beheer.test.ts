/**
 * The verwerkingenlog's batches in the outbox are the beheerder's, not the clerk's: left out of
 * her sync status and her wachtrij (she cannot discard them either), while the beheerder sees in
 * verwerkingen.verify that shipping is stuck (how many actions unacknowledged, the last error)
 * and can resend the held-back batch from his wachtrij.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../../src/demo';
import { VerwerkingenloggingClient } from '../../../src/main/core/adapters/verwerkingenlogging/client';
import { VerwerkingenRecorder } from '../../../src/main/core/privacy/recorder';
import { OutboxService } from '../../../src/main/core/services/outbox';
import { privacyHandlers } from '../../../src/main/core/services/privacy';
import { enqueueVerwerkingsacties, useVerwerkingenlogging } from '../../../src/main/core/sync/kinds/verwerkingsacties';
import { RIG_USER, startSyncRig, type SyncRig } from '../../support/sync-rig';

const BEHEER = { id: 'beheer', naam: 'Functioneel beheer', email: 'beheer@turfbrug.nl', roles: ['beheerder' as const] };

let rig: SyncRig;
let wachtrij: OutboxService;
beforeAll(async () => {
  rig = await startSyncRig({ timeoutMs: 1_000 });
  const url = `${rig.server.url}/verwerkingenlogging/api/v1`;
  useVerwerkingenlogging(rig.store, new VerwerkingenloggingClient({ url, clientId: DEMO_CREDENTIALS.zgwClientId, secret: DEMO_CREDENTIALS.zgwSecret, timeoutMs: 1_000 }));
  wachtrij = new OutboxService(rig.store, () => {});
});
afterAll(async () => rig.close());

const verify = async () => (await privacyHandlers(rig.store)['verwerkingen.verify']({}, { user: BEHEER })).verzending;

it('a stuck log batch is not in the clerk’s status or wachtrij; the beheerder sees it, and why', async () => {
  const recorder = new VerwerkingenRecorder(rig.store, { uitvoerder: '00000001002220647000', systeem: 'Klantbeeld test', activiteitenUrl: null });
  for (let i = 0; i < 3; i++) recorder.begin('customers.open', { customerId: rig.bertId }, RIG_USER)!({});
  expect(await verify()).toEqual({ onbevestigd: 3, wachtend: 0, tegengehouden: 0, laatsteFout: null });

  enqueueVerwerkingsacties(rig.store, 10, new Date().toISOString());
  const refusal = rig.server.faults.add({ method: 'POST', path: /\/verwerkingsacties$/, fault: { kind: 'status', status: 400 }, times: 1 });
  await rig.engine.flushOutbox();
  refusal.remove();
  // The clerk's own contact waits; the log batch is held back.
  rig.contacts.register({ customerId: rig.bertId, kanaal: 'telefoon', onderwerp: 'Eigen werk', inhoud: '' });

  expect(rig.engine.status()).toMatchObject({ pending: 1, failed: 0 });
  expect(wachtrij.list(RIG_USER).items.map((i) => i.kind)).toEqual(['klantcontact']);
  const logBatch = wachtrij.list(BEHEER).items.find((i) => i.kind === 'verwerkingsacties');
  expect(logBatch).toMatchObject({ state: 'parked', summary: 'Verwerkingenlog: acties 1–3' });
  expect(() => wachtrij.discard(logBatch!.id, RIG_USER)).toThrow(/niet \(meer\) in de wachtrij/);
  expect(() => wachtrij.resend(logBatch!.id, undefined, RIG_USER)).toThrow(/niet \(meer\) in de wachtrij/);

  const stuck = await verify();
  expect(stuck).toMatchObject({ onbevestigd: 3, wachtend: 0, tegengehouden: 1 });
  expect(stuck.laatsteFout).toMatch(/400/);

  // The beheerder sends it again from his wachtrij: shipping is no longer stuck.
  wachtrij.resend(logBatch!.id, undefined, BEHEER);
  await rig.engine.flushOutbox();
  expect(await verify()).toEqual({ onbevestigd: 0, wachtend: 0, tegengehouden: 0, laatsteFout: null });
});
