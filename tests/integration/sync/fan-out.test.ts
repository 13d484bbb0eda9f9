/**
 * Two zaaksystemen: a customer's zaken are read from both in parallel; when one fails it is
 * reported and the other's zaken still show, and nothing of the failing one is thrown away.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PATHS, startDemoServer, type DemoServer } from '../../../src/demo';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import { EventBus } from '../../../src/main/core/events';
import { Store } from '../../../src/main/core/store';
import { SyncEngine } from '../../../src/main/core/sync/engine';
import { demoConnection, RIG_USER } from '../../support/sync-rig';
import { tempDir } from '../../support/tmp';
import { checkSpecTraffic } from '../../support/spec-traffic';

let dir: ReturnType<typeof tempDir>;
let main: DemoServer;
let other: DemoServer;
let store: Store;
let engine: SyncEngine;
const refreshed: { ok: boolean; message: string | null }[] = [];

beforeAll(async () => {
  dir = tempDir();
  main = await startDemoServer({ dbPath: join(dir.path, 'main.sqlite'), size: 'demo', log: () => {} });
  // A second zaaksysteem with its own zaken (another seed; Bert Burger is in both).
  other = await startDemoServer({ dbPath: join(dir.path, 'other.sqlite'), size: 'demo', seed: 7, log: () => {} });
  store = Store.open(join(dir.path, 'kb.sqlite'));
  const connection = demoConnection(main, {
    label: 'Open Zaak',
    extraZaaksystemen: [
      { label: 'Zaaksysteem Sociaal Domein', zakenUrl: `${other.url}${DEMO_PATHS.zaken}`, catalogiUrl: `${other.url}${DEMO_PATHS.catalogi}`, zgwClientId: DEMO_CREDENTIALS.zgwClientId, zgwSecret: DEMO_CREDENTIALS.zgwSecret },
    ],
  });
  const events = new EventBus();
  events.on((name, payload) => {
    if (name === 'customer.refreshed') refreshed.push(payload as { ok: boolean; message: string | null });
  });
  engine = new SyncEngine(store, new ZgwAdapter(connection, RIG_USER, store.remoteCache), events, { prefetchPartijen: false, outboxIntervalMs: 3_600_000, partijenRefreshMs: 3_600_000, log: () => {} });
  await engine.prefetchCustomers();
});
afterAll(async () => {
  await engine.stop();
  store.close();
  await main.close();
  await other.close();
  dir.remove();
});
// Every request either demo receives is checked against the specs.
checkSpecTraffic(() => main);
checkSpecTraffic(() => other);

const zakenFrom = (server: DemoServer, id: string) =>
  store.db.prepare('SELECT count(*) AS n FROM zaken WHERE customer_id = ? AND source_url LIKE ?').pluck().get(id, `${server.url}/%`) as number;

it('shows the zaken of both zaaksystemen, and keeps showing one when the other fails', async () => {
  const bert = store.customers.search('999993653', 1)[0]!.id;
  await engine.refreshCustomer(bert);
  expect(refreshed.at(-1)).toEqual(expect.objectContaining({ ok: true, message: null }));
  const fromMain = zakenFrom(main, bert);
  const fromOther = zakenFrom(other, bert);
  expect(fromMain).toBeGreaterThan(0);
  expect(fromOther).toBeGreaterThan(0);

  other.faults.add({ path: /./, fault: { kind: 'status', status: 503 } });
  await engine.refreshCustomer(bert);
  expect(refreshed.at(-1)).toEqual(expect.objectContaining({ ok: true, message: expect.stringMatching(/Zaaksysteem Sociaal Domein: .*HTTP 503/) }));
  expect(zakenFrom(main, bert)).toBe(fromMain);
  expect(zakenFrom(other, bert)).toBe(fromOther); // not thrown away: that list was not read

  main.faults.add({ path: /\/zaken\//, fault: { kind: 'status', status: 503 } });
  await engine.refreshCustomer(bert);
  expect(refreshed.at(-1)).toEqual(expect.objectContaining({ ok: false }));
  expect(zakenFrom(main, bert)).toBe(fromMain);
});
