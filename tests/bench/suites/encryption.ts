/**
 * Issue 12, the cache encrypted at rest: the same data set, once in a plain SQLite file and
 * once encrypted (SQLCipher 4 through better-sqlite3-multiple-ciphers), measured side by side
 * through the dispatcher: search as you type, the customer picture, registering a contact;
 * plus opening the store and the one-time encryption of a plain cache. Each pair is reported
 * with the ratio encrypted / plain in its note.
 */
import { copyFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Prng } from '../../../src/demo/seed/prng';
import { Dispatcher, type Handlers } from '../../../src/main/core/dispatcher';
import { EventBus } from '../../../src/main/core/events';
import { ContactService, contactHandlers } from '../../../src/main/core/services/contacts';
import { CustomerService, customerHandlers } from '../../../src/main/core/services/customers';
import { Store } from '../../../src/main/core/store';
import { newCacheKey } from '../../../src/main/core/store/cache-key';
import type { OpenOptions } from '../../../src/main/core/store/database';
import { SyncEngine } from '../../../src/main/core/sync/engine';
import { ScriptedAdapter } from '../../support/fake-adapter';
import { personName, type LocalSize } from '../fixtures/local-store';
import { summarise, type BenchReport, type Measurement } from '../harness';

const user = { id: 'bench', naam: 'Bench', email: 'bench@turfbrug.nl', roles: ['kcc' as const] };
const NOTES = 'Belde over de bewonersvergunning voor een tweede auto. Uitgelegd dat dat niet kan; verwezen naar de website. '.repeat(4);
type Timed = { n: number; p50: number; p95: number };

const removeStore = (file: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
};

interface Rig {
  call(op: string, input: unknown): Promise<void>;
  close(): Promise<void>;
}

/** A store with the customer and contact operations behind the dispatcher, as the core has them. */
function rig(file: string, options: OpenOptions): Rig {
  const store = Store.open(file, options);
  const sync = new SyncEngine(store, new ScriptedAdapter(), new EventBus(), { prefetchPartijen: false, outboxIntervalMs: 3_600_000, partijenRefreshMs: 3_600_000, log: () => {} });
  const contactConfig = { kanalen: ['telefoon'], user, gespreksresultaten: ['zelfstandig_afgehandeld'], afdelingen: ['Parkeren'] };
  const handlers = { ...customerHandlers(new CustomerService(store, sync)), ...contactHandlers(new ContactService(store, contactConfig, () => {})) } as Handlers;
  const dispatcher = new Dispatcher(handlers, () => ({ id: user.id, naam: user.naam, roles: user.roles }), () => {});
  return {
    async call(op, input) {
      const result = await dispatcher.dispatch(op, input);
      if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
    },
    async close() {
      await sync.stop();
      store.close();
    },
  };
}

/**
 * The same call on both files, interleaved (plain and encrypted take turns going first), so a
 * busy machine slows both alike instead of whichever ran second.
 */
async function sideBySide(n: number, plain: (i: number) => Promise<void>, encrypted: (i: number) => Promise<void>): Promise<[Timed, Timed]> {
  for (let i = 0; i < Math.min(20, n); i++) {
    await plain(i);
    await encrypted(i);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const samples: [number[], number[]] = [[], []];
  const time = async (fn: (i: number) => Promise<void>, i: number, into: number[]) => {
    const start = performance.now();
    await fn(i);
    into.push(performance.now() - start);
  };
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      await time(plain, i, samples[0]);
      await time(encrypted, i, samples[1]);
    } else {
      await time(encrypted, i, samples[1]);
      await time(plain, i, samples[0]);
    }
  }
  return [summarise(samples[0]), summarise(samples[1])];
}

const ratio = (encrypted: Timed, plain: Timed) => `encrypted/plain: p50 ${(encrypted.p50 / plain.p50).toFixed(2)}×, p95 ${(encrypted.p95 / plain.p95).toFixed(2)}×`;

export async function encryptionSuite(report: BenchReport, storeFile: string, size: LocalSize, workDir: string): Promise<void> {
  const dataset = size.label;
  const plainFile = join(workDir, 'plain.sqlite');
  const encryptedFile = join(workDir, 'encrypted.sqlite');
  const key = newCacheKey();

  // The one-time encryption of a plain cache (an update from a version without encryption).
  copyFileSync(storeFile, encryptedFile);
  const start = performance.now();
  Store.open(encryptedFile, { key }).close();
  const encryptMs = performance.now() - start;
  const megabytes = statSync(storeFile).size / 2 ** 20;
  report.add({ name: 'cache encryption: plain cache encrypted once (first start after the update)', unit: 'ms', dataset, n: 1, p50: encryptMs, p95: encryptMs, note: `${megabytes.toFixed(0)} MB` });
  copyFileSync(storeFile, plainFile);

  const opens: Record<string, number[]> = { plain: [], encrypted: [] };
  for (let i = 0; i < 10; i++) {
    for (const [name, file, options] of [['plain', plainFile, {}], ['encrypted', encryptedFile, { key }]] as const) {
      const t = performance.now();
      Store.open(file, options).close();
      opens[name]!.push(performance.now() - t);
    }
  }

  // The same prefixes and customers for both files.
  const prng = new Prng(11);
  const typed: string[] = [];
  while (typed.length < 300) {
    const { naam } = personName(prng);
    for (let len = 3; len <= naam.length && typed.length < 300; len += 2) typed.push(naam.slice(0, len));
  }
  const probe = Store.open(plainFile);
  const ids = [
    ...(probe.db.prepare('SELECT customer_id FROM contacts GROUP BY customer_id ORDER BY count(*) DESC LIMIT 30').pluck().all() as string[]),
    ...(probe.db.prepare('SELECT id FROM customers ORDER BY random() LIMIT 170').pluck().all() as string[]),
  ];
  probe.close();

  const plain = rig(plainFile, {});
  const encrypted = rig(encryptedFile, { key });
  const search = await sideBySide(typed.length, (i) => plain.call('customers.search', { query: typed[i] }), (i) => encrypted.call('customers.search', { query: typed[i] }));
  const open = await sideBySide(ids.length, (i) => plain.call('customers.open', { customerId: ids[i], refresh: false }), (i) => encrypted.call('customers.open', { customerId: ids[i], refresh: false }));
  const contact = (i: number) => ({ customerId: ids[i], kanaal: 'telefoon', onderwerp: `Parkeervergunning ${i}`, inhoud: NOTES });
  const register = await sideBySide(ids.length, (i) => plain.call('contacts.register', contact(i)), (i) => encrypted.call('contacts.register', contact(i)));
  await plain.close();
  await encrypted.close();
  const pairs: [string, Timed, Timed][] = [
    ['store open (large)', summarise(opens.plain!), summarise(opens.encrypted!)],
    ['customers.search as you type (name prefixes)', ...search],
    ['customers.open from cache (header + timeline + zaken)', ...open],
    ['contacts.register (contact + outbox entry, one transaction)', ...register],
  ];
  for (const [name, p, e] of pairs) {
    const row = (variant: string, t: Timed, note?: string): Measurement => ({ name: `cache encryption: ${name}, ${variant}`, unit: 'ms', dataset, ...t, ...(note ? { note } : {}) });
    report.add(row('plain SQLite', p));
    report.add(row('encrypted', e, ratio(e, p)));
  }
  removeStore(plainFile);
  removeStore(encryptedFile);
}
