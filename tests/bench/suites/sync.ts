/**
 * Issue 6: the sync path against the demo zaaksysteem on loopback. Outbox flush throughput,
 * customer lookups while a large pull runs, and a cold customer open with 50 ms of network
 * per request: our parallel fetch against the sequential pattern (one call after another).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startDemoServer } from '../../../src/demo';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import { ApiClient, collect } from '../../../src/main/core/adapters/zgw/http';
import { EventBus } from '../../../src/main/core/events';
import { ContactService } from '../../../src/main/core/services/contacts';
import { Store } from '../../../src/main/core/store';
import { SyncEngine } from '../../../src/main/core/sync/engine';
import { demoConnection, RIG_USER } from '../../support/sync-rig';
import { summarise, type BenchReport } from '../harness';

const NETWORK_MS = 50;

function engineFor(store: Store, adapter: ZgwAdapter) {
  return new SyncEngine(store, adapter, new EventBus(), { prefetchPartijen: false, outboxIntervalMs: 3_600_000, partijenRefreshMs: 3_600_000, log: () => {} });
}

/** Adds a fixed delay to every request, standing for a municipal network. */
function withNetworkDelay<T>(ms: number, run: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return original(input, init);
  }) as typeof fetch;
  return run().finally(() => {
    globalThis.fetch = original;
  });
}

export async function syncSuite(report: BenchReport, workDir: string, quick: boolean): Promise<void> {
  const persons = quick ? 2_000 : 5_000;
  const server = await startDemoServer({
    dbPath: join(workDir, 'demo-sync.sqlite'),
    size: { persons, organisations: 100, klantcontacten: persons * 4, zaken: persons },
    log: () => {},
  });
  try {
    // 1. Outbox flush throughput: N contacts registered, then delivered (4 requests each).
    {
      const store = Store.open(join(workDir, 'flush.sqlite'));
      const adapter = new ZgwAdapter(demoConnection(server), RIG_USER, store.remoteCache);
      const engine = engineFor(store, adapter);
      await engine.prefetchCustomers();
      const ids = store.db.prepare("SELECT id FROM customers WHERE soort = 'persoon' LIMIT 50").pluck().all() as string[];
      const contacts = new ContactService(store, { kanalen: ['telefoon'], user: RIG_USER }, () => {});
      const n = quick ? 200 : 500;
      for (let i = 0; i < n; i++) contacts.register({ customerId: ids[i % ids.length]!, kanaal: 'telefoon', onderwerp: `Doorvoer ${i}`, inhoud: '' });
      const started = performance.now();
      await engine.flushOutbox();
      const seconds = (performance.now() - started) / 1000;
      const perSecond = n / seconds;
      report.add({ name: 'outbox flush to the demo zaaksysteem (loopback)', unit: 'ops/s', n, p50: perSecond, p95: perSecond, dataset: `${n} klantcontacten, 4 requests each`, note: `${seconds.toFixed(1)} s in all` });
      await engine.stop();
      store.close();
    }

    // 2. Customer lookups while a pull of every partij runs in the same core.
    {
      const store = Store.open(join(workDir, 'pull.sqlite'));
      const adapter = new ZgwAdapter(demoConnection(server), RIG_USER, store.remoteCache);
      const engine = engineFor(store, adapter);
      // Something to find from the start: the first page.
      await adapter.listCustomers((records) => store.customers.upsertMany(records.slice(0, 200), new Date().toISOString())).catch(() => undefined);
      const samples: number[] = [];
      const pull = engine.prefetchCustomers();
      let done = false;
      void pull.then(() => (done = true));
      const words = ['Jan', 'de Vries', 'Bak', 'van', 'Turf', 'Burger', 'Ann', 'Pie'];
      let i = 0;
      while (!done) {
        const started = performance.now();
        store.customers.search(words[i++ % words.length]!, 20);
        samples.push(performance.now() - started);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await pull;
      // What the clerk feels is the wait for the event loop plus the query: measure that too.
      const loopSamples: number[] = [];
      const pull2 = engine.prefetchCustomers();
      let done2 = false;
      void pull2.then(() => (done2 = true));
      while (!done2) {
        const asked = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 0));
        store.customers.search(words[i++ % words.length]!, 20);
        loopSamples.push(performance.now() - asked);
      }
      const count = store.db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
      report.add({ name: `customer lookup while pulling ${count} partijen (query)`, unit: 'ms', dataset: `${count} partijen pulled`, ...summarise(samples) });
      report.add({ name: `customer lookup while pulling ${count} partijen (wait + query)`, unit: 'ms', dataset: `${count} partijen pulled`, ...summarise(loopSamples) });
      await engine.stop();
      store.close();
    }

    // 3. Cold open: nothing cached; 50 ms added per request. Parallel (ours) vs one call after another.
    {
      const probe = Store.open(join(workDir, 'probe.sqlite'));
      const probeEngine = engineFor(probe, new ZgwAdapter(demoConnection(server), RIG_USER, probe.remoteCache));
      await probeEngine.prefetchCustomers();
      // The customers who call most: the ones with the fullest dossiers (three zaken or more).
      const frequent = server.db
        .prepare("SELECT inp_bsn FROM rol WHERE inp_bsn IS NOT NULL GROUP BY inp_bsn HAVING count(*) >= 3 ORDER BY count(*) DESC LIMIT ?")
        .pluck()
        .all(quick ? 5 : 10) as string[];
      const customers = frequent
        .map((bsn) => probe.db.prepare('SELECT source_url, bsn FROM customers WHERE bsn = ?').get(bsn) as { source_url: string; bsn: string } | undefined)
        .filter((c): c is { source_url: string; bsn: string } => c !== undefined);
      await probeEngine.stop();
      probe.close();

      const ours: number[] = [];
      const sequential: number[] = [];
      const requests = { ours: 0, sequential: 0 };
      for (const [k, c] of customers.entries()) {
        const store = Store.open(join(workDir, `cold-${k}.sqlite`));
        const adapter = new ZgwAdapter(demoConnection(server), RIG_USER, store.remoteCache);
        await withNetworkDelay(NETWORK_MS, async () => {
          const original = globalThis.fetch;
          globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
            requests.ours += 1;
            return original(...args);
          }) as typeof fetch;
          const started = performance.now();
          await adapter.fetchDossier({ sourceUrl: c.source_url, bsn: c.bsn, kvkNummer: null });
          ours.push(performance.now() - started);
          globalThis.fetch = original;
        });
        store.close();
        const t = await withNetworkDelay(NETWORK_MS, () => sequentialDossier(server.url, c.source_url, c.bsn, () => (requests.sequential += 1)));
        sequential.push(t);
      }
      const a = summarise(ours);
      const b = summarise(sequential);
      const dataset = `${customers.length} customers with 3+ zaken, cold cache, ${NETWORK_MS} ms per request`;
      report.add({ name: 'cold customer open: parallel fetch (ours)', unit: 'ms', dataset, ...a, note: `${requests.ours} requests` });
      report.add({ name: 'cold customer open: sequential fetch (one call after another)', unit: 'ms', dataset, ...b, note: `${requests.sequential} requests` });
      report.add({ name: 'cold customer open: sequential / parallel (p50)', unit: 'ratio', dataset, n: customers.length, p50: b.p50 / a.p50, p95: b.p95 / a.p95 });
    }
  } finally {
    await server.close();
  }
}

/**
 * The same dossier fetched the way a naive client does it: contacts, then zaken, then per zaak
 * its status, statustype and zaaktype, then the actors, one request after another, no cache.
 */
async function sequentialDossier(base: string, partijUrl: string, bsn: string, count: () => void): Promise<number> {
  const conn = demoConnection({ url: base });
  const jwt = { kind: 'zgw-jwt', clientId: conn.zgwClientId, secret: conn.zgwSecret, userId: RIG_USER.id, userRepresentation: RIG_USER.naam } as const;
  const zaken = new ApiClient(conn.zakenUrl, jwt, 30_000, true);
  const catalogi = new ApiClient(conn.catalogiUrl, jwt, 30_000);
  const ki = new ApiClient(conn.klantinteractiesUrl, { kind: 'token', token: conn.klantinteractiesToken }, 30_000);
  const original = globalThis.fetch;
  globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
    count();
    return original(...args);
  }) as typeof fetch;
  const started = performance.now();
  try {
    const uuid = partijUrl.split('/').at(-1);
    await collect(ki, ki.url(`/klantcontacten?hadBetrokkene__wasPartij__uuid=${uuid}&expand=gingOverOnderwerpobjecten`));
    const list = await collect(zaken, zaken.url(`/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${bsn}`));
    for (const zaak of list.items as { status: string | null; zaaktype: string }[]) {
      if (zaak.status) {
        const status = (await zaken.request(zaak.status)).body as { statustype: string };
        await catalogi.request(status.statustype);
      }
      await catalogi.request(zaak.zaaktype);
    }
    await collect(ki, ki.url('/actoren'));
    return performance.now() - started;
  } finally {
    globalThis.fetch = original;
  }
}
