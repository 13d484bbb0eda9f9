/**
 * Issue 12, identification at municipal scale: a model of a municipality with 1M partijen and
 * 200 workstations over a working day, before (every workstation copies the whole register
 * hourly) and after (a bounded local index plus the registers).
 *
 * How: the real code paths (ZgwAdapter.listCustomers, CustomerService.searchRemote with the BRP
 * and KvK clients, partijenByUrl for the sign-in re-read, the work-queue poll) run against the
 * demo (Open Klant, BRP, KvK in one server) at a small size; a wrapper around fetch counts
 * requests and response bytes per register. Per-request costs do not depend on the register's
 * size (a look-up by key is one request whatever the size), so they are multiplied by the day's
 * model below; the full copy grows with the register and is extrapolated linearly per partij
 * (pages of 100). Latency: the same searches with 50 ms added to every request.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { demoEndpoints, startDemoServer } from '../../../src/demo';
import { DEMO_GEMEENTECODE } from '../../../src/demo/api/brp';
import { DEMO_KVK_API_KEY, KVK_API } from '../../../src/demo/api/kvk';
import { BrpClient } from '../../../src/main/core/adapters/brp/client';
import { KvkClient } from '../../../src/main/core/adapters/kvk/client';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import { ZgwApi } from '../../../src/main/core/adapters/zgw/api';
import { partijenByUrl } from '../../../src/main/core/adapters/zgw/partijen-by-url';
import type { ZgwConnection } from '../../../src/main/core/config/schema';
import { EventBus } from '../../../src/main/core/events';
import { CustomerService } from '../../../src/main/core/services/customers';
import { RegisterSearch } from '../../../src/main/core/services/register-search';
import { Store } from '../../../src/main/core/store';
import { SyncEngine } from '../../../src/main/core/sync/engine';
import { summarise, type BenchReport } from '../harness';

/** The day the model describes (assumptions, stated in docs/benchmarks.md). */
const MODEL = {
  partijen: 1_000_000,
  workstations: 200,
  /** Identifications per clerk per hour (a KCC call of ~6 minutes). */
  identificationsPerHour: 10,
  hoursPerDay: 8,
  /** Shift changes (sign-out + sign-in) per workstation per day. */
  signInsPerDay: 2,
  /** Werkdagen of the working set (sync.lokaleIndexWerkdagen). */
  werkdagen: 5,
  /** How a clerk identifies: phone (screen-pop or typed), name, BSN, postcode + huisnummer, organisation name. */
  mix: { telefoon: 0.4, naam: 0.25, bsn: 0.15, postcode: 0.1, organisatie: 0.1 },
  /** Remote searches per identification: a name is typed, so a few pauses reach the registers; a key is sent once. */
  searchesPerIdentification: { telefoon: 1, naam: 3, bsn: 1, postcode: 1, organisatie: 3 },
  workQueuePollsPerHour: 60,
  pageSize: 100,
  networkMs: 50,
} as const;

type Register = 'openklant' | 'brp' | 'kvk' | 'other';
type Kind = keyof typeof MODEL.mix;
interface Cost { requests: Record<Register, number>; bytes: Record<Register, number> }

const zero = (): Cost => ({ requests: { openklant: 0, brp: 0, kvk: 0, other: 0 }, bytes: { openklant: 0, brp: 0, kvk: 0, other: 0 } });
const registerOf = (url: string): Register => (url.includes('/klantinteracties/') ? 'openklant' : url.includes('/haalcentraal/') ? 'brp' : url.includes(KVK_API.prefix) ? 'kvk' : 'other');

/** Counts every request and its response bytes per register; optionally adds network latency. */
function meter() {
  const original = globalThis.fetch;
  let cost = zero();
  let delayMs = 0;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const response = await original(input, init);
    const body = Buffer.from(await response.arrayBuffer());
    const register = registerOf(url);
    cost.requests[register] += 1;
    cost.bytes[register] += body.length;
    return new Response(response.status === 204 || response.status === 304 ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return {
    /** The cost of `work`, alone. */
    async measure<T>(work: () => Promise<T>): Promise<{ value: T; cost: Cost }> {
      cost = zero();
      const value = await work();
      return { value, cost };
    },
    latency(ms: number) {
      delayMs = ms;
    },
    restore() {
      globalThis.fetch = original;
    },
  };
}

const scale = (cost: Cost, factor: number): Cost => {
  const out = zero();
  for (const r of Object.keys(out.requests) as Register[]) {
    out.requests[r] = cost.requests[r] * factor;
    out.bytes[r] = cost.bytes[r] * factor;
  }
  return out;
};
const add = (...costs: Cost[]): Cost => {
  const out = zero();
  for (const c of costs) for (const r of Object.keys(out.requests) as Register[]) {
    out.requests[r] += c.requests[r];
    out.bytes[r] += c.bytes[r];
  }
  return out;
};
const mb = (bytes: number) => bytes / 1024 / 1024;

export async function scaleSuite(report: BenchReport, workDir: string, quick: boolean, log: (line: string) => void): Promise<void> {
  const size = quick ? { persons: 5_000, organisations: 250, klantcontacten: 2_000, zaken: 200 } : { persons: 20_000, organisations: 1_000, klantcontacten: 5_000, zaken: 500 };
  const dataset = `model: ${MODEL.partijen.toLocaleString('en')} partijen, ${MODEL.workstations} workstations (measured on the demo at ${(size.persons + size.organisations).toLocaleString('en')} partijen)`;
  const server = await startDemoServer({ dbPath: join(workDir, 'demo-scale.sqlite'), size, log: () => {} });
  const { brpUrl, brpApiKey, verwerkingenloggingUrl: _v, ...endpoints } = demoEndpoints(server.url);
  const conn: ZgwConnection = { kind: 'zgw', label: 'Demo', ...endpoints, bronorganisatie: '002220647', timeoutMs: 30_000, pageSize: MODEL.pageSize };
  const user = { id: 'bench', naam: 'Bench', email: 'bench@turfbrug.nl' };
  const m = meter();
  try {
    // Before: one full copy of the register.
    const beforeStore = Store.open(join(workDir, 'scale-before.sqlite'));
    const adapter = new ZgwAdapter(conn, user, beforeStore.remoteCache);
    const engine = new SyncEngine(beforeStore, adapter, new EventBus(), { prefetchPartijen: true, outboxIntervalMs: 3_600_000, partijenRefreshMs: 3_600_000, log: () => {} });
    const full = await m.measure(() => engine.prefetchCustomers());
    const partijen = (beforeStore.db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
    beforeStore.close();
    const beforeFileBytes = statSync(join(workDir, 'scale-before.sqlite')).size;
    const perPartijBytes = full.cost.bytes.openklant / partijen;
    const fullCopyAtScale: Cost = { ...zero(), requests: { openklant: Math.ceil(MODEL.partijen / MODEL.pageSize), brp: 0, kvk: 0, other: 0 }, bytes: { openklant: perPartijBytes * MODEL.partijen, brp: 0, kvk: 0, other: 0 } };

    // The work-queue poll: the same before and after.
    const poll = await m.measure(() => adapter.listWorkQueue([{ soort: 'groep', code: 'KCC' }]));

    // After: every search kind on an empty local index (the worst case: nothing answers locally).
    const keys = sampleKeys(server.db, 12);
    const searchCost: Record<Kind, Cost> = { telefoon: zero(), naam: zero(), bsn: zero(), postcode: zero(), organisatie: zero() };
    const latency: Record<Kind, number[]> = { telefoon: [], naam: [], bsn: [], postcode: [], organisatie: [] };
    const registers = new RegisterSearch(
      new BrpClient({ url: brpUrl, apiKey: brpApiKey, gemeenteVanInschrijving: DEMO_GEMEENTECODE }),
      new KvkClient({ url: `${server.url}${KVK_API.prefix}`, apiKey: DEMO_KVK_API_KEY }),
      () => {},
    );
    /** A workstation's core on its own store file. */
    const workstation = (file: string) => {
      const store = Store.open(join(workDir, file));
      const zgw = new ZgwAdapter(conn, user, store.remoteCache);
      const sync = new SyncEngine(store, zgw, new EventBus(), { prefetchPartijen: false, outboxIntervalMs: 3_600_000, partijenRefreshMs: 3_600_000, log: () => {} });
      return { store, service: new CustomerService(store, sync, zgw, new EventBus(), registers) };
    };
    // Each kind on its own empty store: what one identification costs when nothing is cached yet.
    for (const kind of Object.keys(keys) as Kind[]) {
      const { store, service: fresh } = workstation(`scale-cost-${kind}.sqlite`);
      for (const query of keys[kind]) {
        const { cost } = await m.measure(() => fresh.searchRemote(query, 20));
        searchCost[kind] = add(searchCost[kind], scale(cost, 1 / keys[kind].length));
      }
      store.close();
    }
    // Search latency with 50 ms per request, again on empty stores.
    m.latency(MODEL.networkMs);
    for (const kind of Object.keys(keys) as Kind[]) {
      const { store, service: fresh } = workstation(`scale-latency-${kind}.sqlite`);
      for (const query of keys[kind]) {
        const started = performance.now();
        await fresh.searchRemote(query, 20);
        latency[kind].push(performance.now() - started);
      }
      store.close();
    }
    m.latency(0);
    const afterFile = join(workDir, 'scale-after.sqlite');
    const { store: afterStore, service } = workstation('scale-after.sqlite');
    for (const kind of Object.keys(keys) as Kind[]) for (const query of keys[kind]) await service.searchRemote(query, 20);
    // Local search latency on the bounded index the searches filled.
    const localLatency: number[] = [];
    for (const kind of Object.keys(keys) as Kind[]) {
      for (const query of keys[kind]) {
        const started = performance.now();
        service.search(query, 20);
        localLatency.push(performance.now() - started);
      }
    }

    // The sign-in re-read: a working set of the partijen opened here in the last werkdagen.
    const workingSetSize = MODEL.identificationsPerHour * MODEL.hoursPerDay * MODEL.werkdagen;
    const urls = (server.db.prepare('SELECT uuid FROM partij ORDER BY id LIMIT ?').all(workingSetSize) as { uuid: string }[]).map((r) => `${conn.klantinteractiesUrl}/partijen/${r.uuid}`);
    const api = new ZgwApi(conn, user, afterStore.remoteCache);
    const reread = await m.measure(() => partijenByUrl(api, urls));
    afterStore.customers.upsertMany(reread.value, new Date().toISOString());
    afterStore.close();
    const afterFileBytes = statSync(afterFile).size;

    // Per workstation per hour.
    const perHourSearch = (withRegisters: boolean) =>
      add(
        ...(Object.keys(MODEL.mix) as Kind[]).map((kind) => {
          const searches = MODEL.identificationsPerHour * MODEL.mix[kind] * MODEL.searchesPerIdentification[kind];
          const cost = withRegisters ? searchCost[kind] : { ...searchCost[kind], requests: { ...searchCost[kind].requests, brp: 0, kvk: 0 }, bytes: { ...searchCost[kind].bytes, brp: 0, kvk: 0 } };
          // Before, names and postcodes were answered from the full copy only (Open Klant has no name filter).
          const beforeLocalOnly = !withRegisters && (kind === 'naam' || kind === 'postcode' || kind === 'organisatie');
          return beforeLocalOnly ? zero() : scale(cost, searches);
        }),
      );
    const before = add(fullCopyAtScale, scale(poll.cost, MODEL.workQueuePollsPerHour), perHourSearch(false));
    const after = add(scale(reread.cost, MODEL.signInsPerDay / MODEL.hoursPerDay), scale(poll.cost, MODEL.workQueuePollsPerHour), perHourSearch(true));
    const cacheBefore = (beforeFileBytes / partijen) * MODEL.partijen;
    const cacheAfter = afterFileBytes;

    const rows: string[] = ['| per workstation per hour | before: full copy hourly | after: bounded index + registers |', '|---|---|---|'];
    for (const [label, r] of [['Open Klant', 'openklant'], ['BRP', 'brp'], ['KvK', 'kvk']] as const) {
      rows.push(`| ${label}: requests | ${Math.round(before.requests[r]).toLocaleString('en')} | ${Math.round(after.requests[r]).toLocaleString('en')} |`);
      rows.push(`| ${label}: MB | ${mb(before.bytes[r]).toFixed(1)} | ${mb(after.bytes[r]).toFixed(2)} |`);
    }
    rows.push(`| all ${MODEL.workstations} workstations: Open Klant GB/hour | ${((before.bytes.openklant * MODEL.workstations) / 1024 ** 3).toFixed(1)} | ${((after.bytes.openklant * MODEL.workstations) / 1024 ** 3).toFixed(3)} |`);
    rows.push(`| local cache per workstation (SQLite file) | ${mb(cacheBefore).toFixed(0)} MB (${MODEL.partijen.toLocaleString('en')} partijen) | ${mb(cacheAfter).toFixed(1)} MB (working set of ${workingSetSize} + the searches) |`);
    log(`\nScale model (issue 12), ${dataset}\n${rows.join('\n')}\n`);
    log(`measured: full copy of ${partijen} partijen = ${full.cost.requests.openklant} requests, ${mb(full.cost.bytes.openklant).toFixed(1)} MB (${(perPartijBytes / 1024).toFixed(2)} KB per partij); sign-in re-read of ${urls.length} partijen = ${reread.cost.requests.openklant} requests, ${mb(reread.cost.bytes.openklant).toFixed(2)} MB; one work-queue poll = ${poll.cost.requests.openklant} requests`);
    for (const kind of Object.keys(keys) as Kind[]) {
      const c = searchCost[kind];
      log(`  search ${kind}: Open Klant ${c.requests.openklant.toFixed(1)} req / ${(c.bytes.openklant / 1024).toFixed(1)} KB, BRP ${c.requests.brp.toFixed(1)} / ${(c.bytes.brp / 1024).toFixed(1)} KB, KvK ${c.requests.kvk.toFixed(1)} / ${(c.bytes.kvk / 1024).toFixed(1)} KB`);
    }

    const note = 'per workstation per hour; see docs/benchmarks.md (scale model)';
    report.add({ name: 'scale: Open Klant MB/hour per workstation, before (full copy hourly)', unit: 'MB', dataset, n: 1, p50: mb(before.bytes.openklant), p95: mb(before.bytes.openklant), note });
    report.add({ name: 'scale: Open Klant MB/hour per workstation, after (bounded + registers)', unit: 'MB', dataset, n: 1, p50: mb(after.bytes.openklant), p95: mb(after.bytes.openklant), note });
    report.add({ name: 'scale: local cache per workstation, before', unit: 'MB', dataset, n: 1, p50: mb(cacheBefore), p95: mb(cacheBefore) });
    report.add({ name: 'scale: local cache per workstation, after', unit: 'MB', dataset, n: 1, p50: mb(cacheAfter), p95: mb(cacheAfter) });
    report.add({ name: 'scale: local search (bounded index)', unit: 'ms', dataset, ...summarise(localLatency) });
    for (const kind of Object.keys(latency) as Kind[]) {
      report.add({ name: `scale: remote search by ${kind} (${MODEL.networkMs} ms per request)`, unit: 'ms', dataset, ...summarise(latency[kind]) });
    }
  } finally {
    m.restore();
    await server.close();
  }
}

/** Real keys from the demo, as clerks type them. */
function sampleKeys(db: import('../../../src/demo/db/open').Db, n: number): Record<Kind, string[]> {
  const persons = db
    .prepare(`SELECT p.voornaam, p.achternaam, p.voorvoegsel_achternaam AS vv, p.bezoekadres AS adres, i.object_id AS bsn,
        (SELECT adres FROM digitaal_adres d WHERE d.partij_id = p.id AND d.soort_digitaal_adres = 'telefoonnummer' LIMIT 1) AS telefoon
      FROM partij p JOIN partij_identificator i ON i.partij_id = p.id AND i.code_soort_object_id = 'bsn'
      WHERE p.soort_partij = 'persoon' ORDER BY p.id LIMIT ?`)
    .all(n * 4) as { voornaam: string; achternaam: string; vv: string | null; adres: string | null; bsn: string; telefoon: string | null }[];
  const orgs = db.prepare(`SELECT naam FROM partij WHERE soort_partij = 'organisatie' ORDER BY id LIMIT ?`).all(n) as { naam: string }[];
  const adres = (a: string | null) => {
    try {
      const parsed = a ? (JSON.parse(a) as { postcode?: string; huisnummer?: number }) : {};
      return parsed.postcode && parsed.huisnummer ? `${parsed.postcode} ${parsed.huisnummer}` : null;
    } catch {
      return null;
    }
  };
  return {
    telefoon: persons.flatMap((p) => (p.telefoon ? [p.telefoon] : [])).slice(0, n),
    naam: persons.map((p) => [p.voornaam, p.vv, p.achternaam].filter(Boolean).join(' ')).slice(0, n),
    bsn: persons.map((p) => p.bsn).slice(0, n),
    postcode: persons.flatMap((p) => (adres(p.adres) ? [adres(p.adres)!] : [])).slice(0, n),
    organisatie: orgs.map((o) => o.naam),
  };
}
