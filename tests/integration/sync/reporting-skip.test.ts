/**
 * A klantcontact with a moment the werkdagen calendar cannot place (year 1 or 9999, typed on a
 * machine with a wrong clock before issue 11 refused it at the door) is skipped by the reporting
 * read, counted and logged once, and shown to the team leader, instead of stopping every read.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../src/demo';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import { kalenderFromConfig } from '../../../src/main/core/calendar';
import { KlantbeeldConfig } from '../../../src/main/core/config/schema';
import { TeamleiderService } from '../../../src/main/core/services/teamleider';
import { Store } from '../../../src/main/core/store';
import { ReportingPoller } from '../../../src/main/core/sync/reporting';
import { demoConnection, RIG_USER } from '../../support/sync-rig';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let store: Store;
let poller: ReportingPoller;
const logged: string[] = [];
const config = KlantbeeldConfig.parse({});
const kalender = kalenderFromConfig(config);

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  store = Store.open(join(dir.path, 'kb.sqlite'));
  const adapter = new ZgwAdapter(demoConnection(server), RIG_USER, store.remoteCache);
  poller = new ReportingPoller(store, adapter, { get: () => kalender }, { intervalMs: 3_600_000, log: (l) => logged.push(l), progress: () => {} });
});

afterAll(async () => {
  await poller.stop();
  store.close();
  await server.close();
  dir.remove();
});

it('skips contacts outside the calendar, counts them once and shows the team leader how many', async () => {
  const ids = server.db.prepare('SELECT id FROM klantcontact ORDER BY id LIMIT 2').pluck().all() as number[];
  const setMoment = server.db.prepare('UPDATE klantcontact SET plaatsgevonden_op = ? WHERE id = ?');
  setMoment.run('9999-06-01T10:00:00Z', ids[0]);
  setMoment.run('0001-06-01T10:00:00Z', ids[1]);
  const total = server.db.prepare('SELECT count(*) FROM klantcontact').pluck().get() as number;

  await poller.read();
  expect(logged.filter((l) => /mislukt/.test(l))).toEqual([]);
  expect(store.reporting.syncState().backfillPage).toBeNull();
  expect(store.reporting.count()).toBe(total - 2);
  expect(store.reporting.skippedCount()).toBe(2);
  const linesAfterFirstRead = logged.filter((l) => /overgeslagen/.test(l)).length;
  expect(linesAfterFirstRead).toBeGreaterThan(0);

  // Read again from the top: nothing stops, nothing is counted or logged twice.
  await poller.read();
  expect(store.reporting.skippedCount()).toBe(2);
  expect(logged.filter((l) => /overgeslagen/.test(l))).toHaveLength(linesAfterFirstRead);
  expect(logged.filter((l) => /mislukt/.test(l))).toEqual([]);

  const vandaag = kalender.lokaleDatum(new Date());
  const overzicht = new TeamleiderService(store, { get: () => kalender }, config).overzicht({ van: `${vandaag.slice(0, 4)}-01-01`, tot: vandaag });
  expect(overzicht.contacten.overgeslagen).toBe(2);
});

it('a handled callback created at a moment outside the calendar leaves the median, not the whole view', () => {
  const id = store.callbacks.addLocal({
    customerId: null, contactId: crypto.randomUUID(), klantNaam: null, onderwerp: 'Klok verkeerd', vraag: 'Terugbellen', toelichting: '',
    toegewezenAan: [{ soort: 'groep', code: 'KCC', naam: 'Klantcontactcentrum' }], aangemaaktOp: '0001-06-01T10:00:00Z', team: 'KCC', medewerker: null,
    normWerkdagen: 3, deadline: null, telefoonnummers: [], emailadressen: [], voorkeurMoment: null, antwoorden: [], queues: [], meldingen: [], door: { naam: 'Test', email: null },
  });
  store.callbacks.applyChange(id, { status: 'verwerkt', afgehandeldOp: new Date(Date.now() - 3_600_000).toISOString() });
  const vandaag = kalender.lokaleDatum(new Date());
  const overzicht = new TeamleiderService(store, { get: () => kalender }, config).overzicht({ van: `${vandaag.slice(0, 8)}01`, tot: vandaag });
  expect(overzicht.tegels.mediaanWerkdagen).toBeNull();
});
