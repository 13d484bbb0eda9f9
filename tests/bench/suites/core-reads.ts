/**
 * Issue 2's baseline: opening the store, customer search as you type, and the full customer
 * read (header + timeline + zaken), measured in the core through the dispatcher.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Prng } from '../../../src/demo/seed/prng';
import { Dispatcher, type Handlers } from '../../../src/main/core/dispatcher';
import { EventBus } from '../../../src/main/core/events';
import { CustomerService, customerHandlers } from '../../../src/main/core/services/customers';
import { Store } from '../../../src/main/core/store';
import { SyncEngine } from '../../../src/main/core/sync/engine';
import { ScriptedAdapter } from '../../support/fake-adapter';
import { personName, type LocalSize } from '../fixtures/local-store';
import { summarise, timeCalls, type BenchReport } from '../harness';

export async function coreReads(report: BenchReport, storeFile: string, size: LocalSize, workDir: string): Promise<void> {
  const dataset = size.label;

  // Open + migrate: a new, empty database, and the large one (already at the latest version).
  const emptySamples: number[] = [];
  for (let i = 0; i < 20; i++) {
    const file = join(workDir, `empty-${i}.sqlite`);
    const start = performance.now();
    Store.open(file).close();
    emptySamples.push(performance.now() - start);
    rmSync(file, { force: true });
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
  }
  report.add({ name: 'store open + migrate (empty)', unit: 'ms', dataset: 'empty', ...summarise(emptySamples) });

  const file = join(workDir, 'large.sqlite');
  copyFileSync(storeFile, file);
  const largeSamples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    Store.open(file).close();
    largeSamples.push(performance.now() - start);
  }
  report.add({ name: 'store open + migrate (large)', unit: 'ms', dataset, ...summarise(largeSamples) });

  const store = Store.open(file);
  const sync = new SyncEngine(store, new ScriptedAdapter(), new EventBus(), {
    prefetchPartijen: false,
    outboxIntervalMs: 3_600_000,
    partijenRefreshMs: 3_600_000,
    log: () => {},
  });
  const customers = new CustomerService(store, sync);
  // Only the customer operations are measured; the others are never called here.
  const handlers = customerHandlers(customers) as Handlers;
  const dispatcher = new Dispatcher(handlers, () => ({ id: 'bench', naam: 'Bench', roles: ['kcc'] }), () => {});

  // Typing a name: every prefix of "<voornaam> <achternaam>" from 3 characters on, as the renderer sends them.
  const prng = new Prng(7);
  const typed: string[] = [];
  while (typed.length < 400) {
    const { naam } = personName(prng);
    for (let len = 3; len <= naam.length && typed.length < 400; len += 2) typed.push(naam.slice(0, len));
  }
  let hits = 0;
  const search = await timeCalls(typed.length, async (i) => {
    const result = await dispatcher.dispatch('customers.search', { query: typed[i] });
    if (result.ok) hits += (result.value as { results: unknown[] }).results.length;
  });
  report.add({ name: 'customers.search as you type (name prefixes)', unit: 'ms', dataset, ...search, note: `${hits} results in all` });

  const bsns = store.db.prepare('SELECT bsn FROM customers WHERE bsn IS NOT NULL ORDER BY random() LIMIT 200').pluck().all() as string[];
  report.add({
    name: 'customers.search by BSN',
    unit: 'ms',
    dataset,
    ...(await timeCalls(bsns.length, (i) => dispatcher.dispatch('customers.search', { query: bsns[i] }))),
  });

  // Customers with the fullest dossiers are the slow case: sample them with the average ones.
  const ids = [
    ...(store.db.prepare('SELECT customer_id FROM contacts GROUP BY customer_id ORDER BY count(*) DESC LIMIT 50').pluck().all() as string[]),
    ...(store.db.prepare('SELECT id FROM customers ORDER BY random() LIMIT 250').pluck().all() as string[]),
  ];
  const open = await timeCalls(ids.length, (i) => dispatcher.dispatch('customers.open', { customerId: ids[i], refresh: false }));
  report.add({ name: 'customers.open from cache (header + timeline + zaken)', unit: 'ms', dataset, ...open });

  await sync.stop();
  store.close();
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
}
