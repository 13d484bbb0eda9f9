/**
 * The reporting poller against the real demo zaaksysteem: every klantcontact ends up in the
 * reporting table without personal data; a first full read that breaks off resumes at the page
 * it stopped at; later reads only fetch the top of the list.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startDemoServer, type DemoServer } from '../../../src/demo';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import { REPORT_PAGE_SIZE as PAGE } from '../../../src/main/core/adapters/zgw/reporting-reads';
import { kalenderFromConfig } from '../../../src/main/core/calendar';
import { KlantbeeldConfig } from '../../../src/main/core/config/schema';
import { Store } from '../../../src/main/core/store';
import { ReportingPoller } from '../../../src/main/core/sync/reporting';
import type { SyncStatus } from '../../../src/shared/contract';
import { demoConnection, RIG_USER } from '../../support/sync-rig';
import { tempDir } from '../../support/tmp';
import { checkSpecTraffic } from '../../support/spec-traffic';

let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let store: Store;
let poller: ReportingPoller;
const progress: SyncStatus['progress'][] = [];
const logged: string[] = [];
const kalender = kalenderFromConfig(KlantbeeldConfig.parse({}));

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  store = Store.open(join(dir.path, 'kb.sqlite'));
  const adapter = new ZgwAdapter(demoConnection(server), RIG_USER, store.remoteCache);
  poller = new ReportingPoller(store, adapter, { get: () => kalender }, { intervalMs: 3_600_000, log: (l) => logged.push(l), progress: (p) => progress.push(p) });
});

afterAll(async () => {
  await poller.stop();
  store.close();
  await server.close();
  dir.remove();
});
// Every request the demo receives (the adapter's and the tests' own) is checked against the specs.
checkSpecTraffic(() => server);

const demoCount = () => (server.db.prepare('SELECT count(*) FROM klantcontact').pluck().get() as number);
it('a first full read that breaks off resumes at the page where it stopped', async () => {
  const total = demoCount();
  expect(total).toBeGreaterThan(PAGE * 4);
  const broken = server.faults.add({ method: 'GET', path: /\/klantcontacten\?page=4&/, fault: { kind: 'status', status: 503 }, times: 1 });
  await poller.read();
  expect(broken.hits()).toBe(1);
  expect(logged.at(-1)).toMatch(/klantcontacten lezen mislukt/);
  expect(store.reporting.syncState()).toMatchObject({ backfillPage: 4, backfillDoneAt: null, lastReadAt: null });
  expect(store.reporting.count()).toBe(3 * PAGE);

  const first = server.faults.add({ method: 'GET', path: /\/klantcontacten\?page=1&/, fault: { kind: 'delay', ms: 0 } });
  const fourth = server.faults.add({ method: 'GET', path: /\/klantcontacten\?page=4&/, fault: { kind: 'delay', ms: 0 } });
  await poller.read();
  expect(first.hits()).toBe(0);
  expect(fourth.hits()).toBe(1);
  first.remove();
  fourth.remove();
  expect(store.reporting.count()).toBe(total);
  expect(store.reporting.syncState().backfillPage).toBeNull();
  expect(store.reporting.syncState().lastReadAt).not.toBeNull();
  // Progress like the partijen prefetch: how far, of how many; cleared at the end.
  expect(progress.some((p) => p !== null && p.total === total && p.done > 0)).toBe(true);
  expect(progress.at(-1)).toBeNull();
});

it('keeps what the figures need and nothing personal', () => {
  const columns = (store.db.prepare("SELECT name FROM pragma_table_info('report_contacts')").pluck().all() as string[]).sort();
  expect(columns).toEqual(['afdeling', 'dag', 'fetched_at', 'gespreksresultaat', 'id', 'kanaal', 'medewerker', 'onderwerp', 'plaatsgevonden_op', 'source_url']);
  const demo = server.db
    .prepare("SELECT uuid, kanaal, onderwerp, plaatsgevonden_op, metadata FROM klantcontact WHERE metadata LIKE '%afdeling%' ORDER BY id LIMIT 50")
    .all() as { uuid: string; kanaal: string; onderwerp: string; plaatsgevonden_op: string; metadata: string }[];
  expect(demo.length).toBe(50);
  for (const kc of demo) {
    const row = store.db.prepare('SELECT * FROM report_contacts WHERE source_url LIKE ?').get(`%/klantcontacten/${kc.uuid}`) as Record<string, string | null>;
    const meta = JSON.parse(kc.metadata) as { afdeling?: string; gespreksresultaat?: string };
    expect(row).toMatchObject({ kanaal: kc.kanaal, onderwerp: kc.onderwerp, afdeling: meta.afdeling ?? null, gespreksresultaat: meta.gespreksresultaat ?? null });
    expect(Date.parse(row.plaatsgevonden_op as string)).toBe(Date.parse(kc.plaatsgevonden_op));
    expect(row.dag).toBe(kalender.lokaleDatum(row.plaatsgevonden_op as string));
    expect(row.medewerker).toMatch(/\S/);
  }
});

it('a later read fetches only the top of the list and picks up a new contact', async () => {
  const before = store.reporting.count();
  const response = await fetch(`${server.url}/klantinteracties/api/v1/klantcontacten`, {
    method: 'POST',
    headers: { Authorization: `Token ${DEMO_CREDENTIALS.klantinteractiesToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      kanaal: 'telefoon',
      onderwerp: 'Nieuw voor de rapportage',
      inhoud: 'Geheime inhoud die niet in de rapportage hoort',
      taal: 'nld',
      vertrouwelijk: false,
      plaatsgevondenOp: new Date().toISOString(),
      metadata: { afdeling: 'Burgerzaken', gespreksresultaat: 'zelfstandig_afgehandeld' },
    }),
  });
  expect(response.status).toBe(201);
  const second = server.faults.add({ method: 'GET', path: /\/klantcontacten\?page=2&/, fault: { kind: 'delay', ms: 0 } });
  await poller.read();
  expect(second.hits()).toBe(0);
  second.remove();
  expect(store.reporting.count()).toBe(before + 1);
  const added = store.db.prepare("SELECT * FROM report_contacts WHERE onderwerp = 'Nieuw voor de rapportage'").get() as Record<string, unknown>;
  expect(added).toMatchObject({ kanaal: 'telefoon', afdeling: 'Burgerzaken', gespreksresultaat: 'zelfstandig_afgehandeld' });
  expect(JSON.stringify(store.db.prepare('SELECT * FROM report_contacts').all())).not.toContain('Geheime inhoud');
});
