import { join } from 'node:path';
import { DEMO_BRONORGANISATIE, demoEndpoints, startDemoServer, type DemoServer } from '../../src/demo';
import { ZgwAdapter } from '../../src/main/core/adapters/zgw/adapter';
import type { ZgwConnection } from '../../src/main/core/config/schema';
import { EventBus } from '../../src/main/core/events';
import { ContactService } from '../../src/main/core/services/contacts';
import { Store } from '../../src/main/core/store';
import { SyncEngine, type SyncOptions } from '../../src/main/core/sync/engine';
import { describeViolations, watchSpecTraffic } from './spec-traffic';
import { tempDir } from './tmp';

export const RIG_USER = { id: 'bianca.de.vries', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl', roles: ['kcc' as const] };

export function demoConnection(server: Pick<DemoServer, 'url'>, overrides: Partial<ZgwConnection> = {}): ZgwConnection {
  return {
    kind: 'zgw',
    label: 'Demo',
    ...demoEndpoints(server.url),
    bronorganisatie: DEMO_BRONORGANISATIE,
    timeoutMs: 2_000,
    pageSize: 100,
    ...overrides,
  };
}

/**
 * The real sync path against the real demo zaaksysteem: store, ZGW adapter, engine and the
 * contact service, with the demo's fault injection at hand. No timers: tests drive the engine.
 * Every request the demo receives is checked against the specs (tests/support/spec-traffic.ts);
 * close() fails when one was outside them.
 */
export async function startSyncRig(overrides: Partial<ZgwConnection> = {}, engineOptions: Partial<SyncOptions> = {}) {
  const dir = tempDir();
  const server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  const traffic = watchSpecTraffic(server);
  const store = Store.open(join(dir.path, 'kb.sqlite'));
  const events = new EventBus();
  const adapter = new ZgwAdapter(demoConnection(server, overrides), RIG_USER, store.remoteCache);
  const engine = new SyncEngine(store, adapter, events, {
    prefetchPartijen: false,
    outboxIntervalMs: 3_600_000,
    partijenRefreshMs: 3_600_000,
    log: () => {},
    ...engineOptions,
  });
  const contacts = new ContactService(store, { kanalen: ['telefoon', 'balie'], user: RIG_USER }, () => {});
  await engine.prefetchCustomers();
  const bert = store.customers.search('999993653', 1)[0];
  if (!bert) throw new Error('Bert Burger is not in the cache after the prefetch');
  return {
    dir,
    server,
    store,
    events,
    engine,
    contacts,
    adapter,
    bertId: bert.id,
    traffic,
    /** Makes every outbox entry due now (skips the backoff wait). */
    makeDue: () => store.db.prepare("UPDATE outbox SET next_attempt_at = '1970-01-01T00:00:00.000Z' WHERE state = 'pending'").run(),
    async close() {
      traffic.stop();
      await engine.stop();
      store.close();
      await server.close();
      dir.remove();
      if (traffic.seen.length === 0) throw new Error('the sync rig saw no request to a spec’d API');
      const { violations } = traffic.check();
      if (violations.length > 0) throw new Error(`requests outside the specs:\n${describeViolations(violations)}`);
    },
  };
}
export type SyncRig = Awaited<ReturnType<typeof startSyncRig>>;
