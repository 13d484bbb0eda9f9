/**
 * Issue 3, identify and the one-window picture, measured in the core through the dispatcher on
 * the large local store: search as you type over every kind of key, the full customer picture
 * from cache (header, timeline page, open zaken, open callbacks — none yet, issue 5), and, side
 * by side, the same picture fetched live from the demo zaaksysteem the KISS way (one call after
 * another, 50 ms of network added per call) against our cached path.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_CREDENTIALS, DEMO_PATHS, startDemoServer } from '../../../src/demo';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import { ApiClient, collect } from '../../../src/main/core/adapters/zgw/http';
import type { ZgwConnection } from '../../../src/main/core/config/schema';
import { Dispatcher, type Handlers } from '../../../src/main/core/dispatcher';
import { EventBus } from '../../../src/main/core/events';
import { CustomerService, customerHandlers } from '../../../src/main/core/services/customers';
import { Store } from '../../../src/main/core/store';
import { SyncEngine } from '../../../src/main/core/sync/engine';
import { Prng } from '../../../src/demo/seed/prng';
import { personName, type LocalSize } from '../fixtures/local-store';
import { summarise, timeCalls, type BenchReport } from '../harness';

const NETWORK_MS = 50;
const USER = { id: 'bianca.de.vries', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl' };

function engine(store: Store, adapter: ZgwAdapter | null): SyncEngine {
  return new SyncEngine(store, adapter as never, new EventBus(), { prefetchPartijen: false, outboxIntervalMs: 3_600_000, partijenRefreshMs: 3_600_000, log: () => {} });
}

/** Every keystroke of a query from 2 characters on, as the renderer sends them (debounce aside). */
const keystrokes = (text: string) => Array.from({ length: Math.max(0, text.length - 1) }, (_, i) => text.slice(0, i + 2));

export async function identifySuite(report: BenchReport, storeFile: string, size: LocalSize, workDir: string, quick: boolean): Promise<void> {
  const dataset = size.label;
  const file = join(workDir, 'identify.sqlite');
  copyFileSync(storeFile, file);
  // A store built before migration 003 gets its identify keys once, at open (CustomerStore.backfillOnce).
  const store = Store.open(file);
  const sync = engine(store, null);
  const customers = new CustomerService(store, sync);
  const handlers = customerHandlers(customers) as Handlers;
  const dispatcher = new Dispatcher(handlers, () => ({ id: 'bench', naam: 'Bench', roles: ['kcc'] }), () => {});
  const searchFor = (query: string) => dispatcher.dispatch('customers.search', { query });

  // Real keys from the store, written the way clerks and callers write them.
  const sample = store.db.prepare(`SELECT c.bsn, c.naam, c.postcode, c.huisnummer,
      (SELECT waarde FROM customer_contact_points p WHERE p.customer_id = c.id AND p.soort = 'telefoon' LIMIT 1) AS telefoon
    FROM customers c WHERE c.bsn IS NOT NULL ORDER BY random() LIMIT 120`).all() as { bsn: string; naam: string; postcode: string | null; huisnummer: number | null; telefoon: string | null }[];
  const prng = new Prng(11);
  const phoneAsTyped = (e164: string) => {
    const national = `0${e164.slice(3)}`;
    return prng.pick([national, `${national.slice(0, 2)}-${national.slice(2)}`, `+31 ${e164.slice(3, 4)} ${e164.slice(4, 8)} ${e164.slice(8)}`, `0031${e164.slice(3)}`]);
  };
  const phones = sample.flatMap((s) => (s.telefoon ? [phoneAsTyped(s.telefoon)] : []));
  const postcodes = sample.flatMap((s) => (s.postcode ? [`${s.postcode.slice(0, 4)} ${s.postcode.slice(4)} ${s.huisnummer ?? ''}`.trim()] : []));

  report.add({ name: 'customers.search by phone number (any notation)', unit: 'ms', dataset, ...(await timeCalls(phones.length, (i) => searchFor(phones[i]!))) });
  report.add({ name: 'customers.search by postcode + huisnummer', unit: 'ms', dataset, ...(await timeCalls(postcodes.length, (i) => searchFor(postcodes[i]!))) });

  // As you type, every kind mixed: names, BSNs, phone numbers, postcodes, e-mail, one keystroke at a time.
  const typed: string[] = [];
  for (let i = 0; i < 40; i++) {
    const s = sample[i % sample.length]!;
    typed.push(...keystrokes(personName(prng).naam), ...keystrokes(s.bsn), ...keystrokes(phones[i % phones.length] ?? '0612345678'));
    if (postcodes.length > 0) typed.push(...keystrokes(postcodes[i % postcodes.length]!));
    typed.push(...keystrokes(`${s.naam.split(' ')[0]?.toLowerCase() ?? 'x'}@example.nl`));
  }
  const asYouType = await timeCalls(typed.length, (i) => searchFor(typed[i]!));
  report.add({ name: 'customers.search as you type, every kind (per keystroke)', unit: 'ms', dataset, ...asYouType, note: 'target p95 < 20 ms' });

  // The full picture from cache: header, timeline page, open zaken; open callbacks arrive with issue 5 (none to read yet).
  const ids = [
    ...(store.db.prepare('SELECT customer_id FROM contacts GROUP BY customer_id ORDER BY count(*) DESC LIMIT 50').pluck().all() as string[]),
    ...(store.db.prepare('SELECT id FROM customers ORDER BY random() LIMIT 250').pluck().all() as string[]),
  ];
  const picture = await timeCalls(ids.length, (i) => dispatcher.dispatch('customers.open', { customerId: ids[i], refresh: false }));
  report.add({ name: 'customer picture from cache (header, timeline, zaken, callbacks)', unit: 'ms', dataset, ...picture, note: 'target p95 < 30 ms' });
  await sync.stop();
  store.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

  await kissVersusCached(report, workDir, quick);
}

/** Bert Burger's picture: KISS's way (sequential, live, 50 ms per call) against ours (cached, after one refresh). */
async function kissVersusCached(report: BenchReport, workDir: string, quick: boolean): Promise<void> {
  const server = await startDemoServer({ dbPath: join(workDir, 'demo-identify.sqlite'), size: 'demo', log: () => {} });
  const conn: ZgwConnection = {
    kind: 'zgw', label: 'Demo', zakenUrl: `${server.url}${DEMO_PATHS.zaken}`, catalogiUrl: `${server.url}${DEMO_PATHS.catalogi}`,
    klantinteractiesUrl: `${server.url}${DEMO_PATHS.klantinteracties}`, zgwClientId: DEMO_CREDENTIALS.zgwClientId, zgwSecret: DEMO_CREDENTIALS.zgwSecret,
    klantinteractiesToken: DEMO_CREDENTIALS.klantinteractiesToken, bronorganisatie: '002220647', timeoutMs: 30_000, pageSize: 100,
  };
  const original = globalThis.fetch;
  let calls = 0;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    calls++;
    await new Promise((resolve) => setTimeout(resolve, NETWORK_MS));
    return original(input, init);
  }) as typeof fetch;
  const dataset = `Bert Burger (demo zaaksysteem), ${NETWORK_MS} ms per request`;
  try {
    const runs = quick ? 3 : 5;
    const kiss: number[] = [];
    let kissCalls = 0;
    for (let i = 0; i < runs; i++) {
      calls = 0;
      kiss.push(await kissPicture(conn, '999993653'));
      kissCalls = calls;
    }
    const kissSummary = summarise(kiss);
    report.add({ name: 'customer picture live, the KISS way (sequential)', unit: 'ms', dataset, ...kissSummary, note: `${kissCalls} requests one after another` });

    // Ours: the cached picture (after one background refresh, which the clerk never waits for).
    const store = Store.open(join(workDir, 'identify-live.sqlite'));
    const adapter = new ZgwAdapter(conn, USER, store.remoteCache);
    const sync = engine(store, adapter);
    const [bert] = await adapter.searchCustomers({ kind: 'bsn', value: '999993653' });
    store.customers.upsert(bert!, new Date().toISOString());
    const id = store.customers.search('999993653', 1)[0]!.id;
    calls = 0;
    const refreshStart = performance.now();
    await sync.refreshCustomer(id);
    const refreshMs = performance.now() - refreshStart;
    report.add({ name: 'customer picture: background refresh (ours, parallel)', unit: 'ms', dataset, n: 1, p50: refreshMs, p95: refreshMs, note: `${calls} requests, at most 6 in flight; the view does not wait for it` });
    const dispatcher = new Dispatcher(customerHandlers(new CustomerService(store, sync)) as Handlers, () => ({ id: 'bench', naam: 'Bench', roles: ['kcc'] }), () => {});
    const cached = await timeCalls(200, () => dispatcher.dispatch('customers.open', { customerId: id, refresh: false }));
    report.add({ name: 'customer picture from cache (ours)', unit: 'ms', dataset, ...cached });
    report.add({ name: 'customer picture: KISS way / ours from cache (p50)', unit: 'ratio', dataset, n: runs, p50: kissSummary.p50 / cached.p50, p95: kissSummary.p95 / cached.p95 });
    await sync.stop();
    store.close();
  } finally {
    globalThis.fetch = original;
    await server.close();
  }
}

/**
 * As KISS builds a customer picture: find the partij, its digitale adressen, its klantcontacten,
 * per contact its actor, then the zaken and per zaak its zaaktype, status and statustype;
 * one request after another, nothing cached.
 */
async function kissPicture(conn: ZgwConnection, bsn: string): Promise<number> {
  const jwt = { kind: 'zgw-jwt', clientId: conn.zgwClientId, secret: conn.zgwSecret, userId: USER.id, userRepresentation: USER.naam } as const;
  const zaken = new ApiClient(conn.zakenUrl, jwt, 30_000, true);
  const catalogi = new ApiClient(conn.catalogiUrl, jwt, 30_000);
  const ki = new ApiClient(conn.klantinteractiesUrl, { kind: 'token', token: conn.klantinteractiesToken }, 30_000);
  const started = performance.now();
  const partijen = await collect(ki, ki.url(`/partijen?partijIdentificator__codeSoortObjectId=bsn&partijIdentificator__objectId=${bsn}`));
  const partij = partijen.items[0] as { uuid: string };
  await collect(ki, ki.url(`/digitaleadressen?verstrektDoorPartij__uuid=${partij.uuid}`));
  const contacts = await collect(ki, ki.url(`/klantcontacten?hadBetrokkene__wasPartij__uuid=${partij.uuid}&expand=gingOverOnderwerpobjecten`));
  for (const kc of contacts.items as { hadBetrokkenActoren?: { url?: string }[] }[]) {
    for (const actor of kc.hadBetrokkenActoren ?? []) if (actor.url) await ki.request(actor.url);
  }
  const list = await collect(zaken, zaken.url(`/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${bsn}`));
  for (const zaak of list.items as { status: string | null; zaaktype: string }[]) {
    await catalogi.request(zaak.zaaktype);
    if (zaak.status) {
      const status = (await zaken.request(zaak.status)).body as { statustype: string };
      await catalogi.request(status.statustype);
    }
  }
  return performance.now() - started;
}
