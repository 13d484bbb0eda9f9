/**
 * The verwerkingenlog reaches the demo's Verwerkingenlogging API through the outbox: every
 * action exactly once, in the VNG shape, also when the response is lost after the log stored an
 * action and when the core is killed between send and acknowledgement (a new store and engine
 * on the same file resume the entry).
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../../src/demo';
import { VerwerkingenloggingClient } from '../../../src/main/core/adapters/verwerkingenlogging/client';
import { ApiClient } from '../../../src/main/core/adapters/zgw/http';
import { EventBus } from '../../../src/main/core/events';
import { VerwerkingenRecorder } from '../../../src/main/core/privacy/recorder';
import { Store } from '../../../src/main/core/store';
import { SyncEngine } from '../../../src/main/core/sync/engine';
import { enqueueVerwerkingsacties, useVerwerkingenlogging } from '../../../src/main/core/sync/kinds/verwerkingsacties';
import { person } from '../../support/records';
import { RIG_USER, startSyncRig, type SyncRig } from '../../support/sync-rig';

let rig: SyncRig;
let url: string;
beforeAll(async () => {
  rig = await startSyncRig({ timeoutMs: 1_000 });
  url = `${rig.server.url}/verwerkingenlogging/api/v1`;
  useVerwerkingenlogging(rig.store, new VerwerkingenloggingClient({ url, clientId: DEMO_CREDENTIALS.zgwClientId, secret: DEMO_CREDENTIALS.zgwSecret, timeoutMs: 1_000 }));
});
afterAll(async () => rig.close());
afterEach(() => rig.server.faults.clear());

/** Bert was opened `n` times: `n` verwerkingsacties in the local chain. */
function openBert(store: Store, n: number): string[] {
  const recorder = new VerwerkingenRecorder(store, { uitvoerder: '00000001002220647000', systeem: 'Klantbeeld test', activiteitenUrl: null });
  return Array.from({ length: n }, () => {
    recorder.begin('customers.open', { customerId: rig.bertId }, RIG_USER)!({});
    return store.verwerkingen.range(store.verwerkingen.lastSeq() - 1, store.verwerkingen.lastSeq(), 1)[0]!.actieId;
  });
}

/** How often the demo log holds each actieId. */
function atLog(actieIds: string[]): number[] {
  const count = rig.server.db.prepare('SELECT count(*) AS n FROM verwerkingsactie WHERE actie_id = ?');
  return actieIds.map((id) => (count.get(id) as { n: number }).n);
}

async function deliverAll(engine: SyncEngine, store: Store) {
  for (let i = 0; i < 10 && store.outbox.counts().pending > 0; i++) {
    store.db.prepare("UPDATE outbox SET next_attempt_at = '1970-01-01T00:00:00.000Z' WHERE state = 'pending'").run();
    await engine.flushOutbox();
  }
}

describe('shipping the verwerkingenlog', () => {
  it('hands the actions to the outbox in batches and the demo log holds each once, in the VNG shape', async () => {
    const actieIds = openBert(rig.store, 7);
    expect(enqueueVerwerkingsacties(rig.store, 3, new Date().toISOString())).toBe(3);
    expect(enqueueVerwerkingsacties(rig.store, 3, new Date().toISOString())).toBe(0);
    await deliverAll(rig.engine, rig.store);
    expect(rig.store.outbox.counts()).toMatchObject({ pending: 0, parked: 0 });
    expect(atLog(actieIds)).toEqual([1, 1, 1, 1, 1, 1, 1]);

    // The standard's read side: filter by person (BSN) and date.
    const api = new ApiClient(url, { kind: 'zgw-jwt', clientId: DEMO_CREDENTIALS.zgwClientId, secret: DEMO_CREDENTIALS.zgwSecret, userId: 'test', userRepresentation: 'test' }, 2_000);
    const page = (await api.request(`${url}/verwerkingsacties?objecttype=persoon&soortObjectId=BSN&objectId=999993653&beginDatum=2000-01-01`)).body as { count: number; results: Record<string, unknown>[] };
    expect(page.count).toBeGreaterThanOrEqual(7);
    expect(page.results[0]).toMatchObject({
      url: expect.stringMatching(/\/verwerkingsacties\/[0-9a-f-]{36}$/),
      actieNaam: 'Klantbeeld geopend',
      handelingNaam: 'Raadplegen',
      verwerkingNaam: 'Klantcontact afhandelen',
      vertrouwelijkheid: 'normaal',
      bewaartermijn: 'P10Y',
      uitvoerder: '00000001002220647000',
      gebruiker: 'bianca.de.vries',
      verwerkteObjecten: [expect.objectContaining({ objecttype: 'persoon', soortObjectId: 'BSN', objectId: '999993653', verwerktObjectId: expect.any(String) })],
    });
    expect(page.results[0]).not.toHaveProperty('prevHash');
  });

  it('a response lost after the log stored the action: the retry does not make a twin', async () => {
    const actieIds = openBert(rig.store, 4);
    enqueueVerwerkingsacties(rig.store, 10, new Date().toISOString());
    const rule = rig.server.faults.add({ method: 'POST', path: /\/verwerkingsacties$/, fault: { kind: 'drop-after-commit' }, skip: 1, times: 1 });
    await deliverAll(rig.engine, rig.store);
    expect(rule.hits()).toBe(1);
    expect(atLog(actieIds)).toEqual([1, 1, 1, 1]);
  });

  it('killed between send and acknowledgement: a new core on the same file resumes and every action is there once', async () => {
    const file = join(rig.dir.path, 'kill.sqlite');
    let store = Store.open(file);
    store.customers.upsert(person(), new Date().toISOString());
    const recorder = new VerwerkingenRecorder(store, { uitvoerder: '00000001002220647000', systeem: 'Klantbeeld test', activiteitenUrl: null });
    const bert = store.customers.search('999993653', 1)[0]!.id;
    for (let i = 0; i < 5; i++) recorder.begin('customers.open', { customerId: bert }, RIG_USER)!({});
    const actieIds = store.verwerkingen.range(0, 100, 100).map((a) => a.actieId);
    enqueueVerwerkingsacties(store, 10, new Date().toISOString());

    // First life: the third POST is stored by the log, then the core dies before it hears back.
    const client = new VerwerkingenloggingClient({ url, clientId: DEMO_CREDENTIALS.zgwClientId, secret: DEMO_CREDENTIALS.zgwSecret, timeoutMs: 1_000 });
    useVerwerkingenlogging(store, client);
    let engine = new SyncEngine(store, rig.adapter, new EventBus(), { prefetchPartijen: false, outboxIntervalMs: 3_600_000, partijenRefreshMs: 3_600_000, log: () => {} });
    rig.server.faults.add({ method: 'POST', path: /\/verwerkingsacties$/, fault: { kind: 'drop-after-commit' }, skip: 2, times: 1 });
    await engine.flushOutbox();
    await engine.stop();
    const steps = JSON.parse((store.db.prepare("SELECT steps FROM outbox WHERE kind = 'verwerkingsacties'").get() as { steps: string }).steps) as Record<string, unknown>;
    expect(Object.keys(steps)).toEqual(actieIds.slice(0, 2));
    expect(atLog(actieIds)).toEqual([1, 1, 1, 0, 0]);
    store.close();

    // Second life on the same file.
    store = Store.open(file);
    useVerwerkingenlogging(store, client);
    engine = new SyncEngine(store, rig.adapter, new EventBus(), { prefetchPartijen: false, outboxIntervalMs: 3_600_000, partijenRefreshMs: 3_600_000, log: () => {} });
    await deliverAll(engine, store);
    await engine.stop();
    expect(store.outbox.counts()).toMatchObject({ pending: 0, parked: 0 });
    expect(atLog(actieIds)).toEqual([1, 1, 1, 1, 1]);
    expect(store.verwerkingen.verify().ok).toBe(true);
    store.close();
  });
});
