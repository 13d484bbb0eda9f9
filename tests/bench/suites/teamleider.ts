/**
 * Issue 5, the team leader's view: 50,000 callbacks and 1,000,000 klantcontacten (quick: 5k /
 * 50k), two years, written straight into a store file cached under .cache/bench (the same
 * generator as the brute-force unit tests). Measured through the dispatcher:
 * - the whole overview (every query of the view together) for 12 weeks and for a year;
 * - one CSV export;
 * - the "mijn terugbelverzoeken" list (the callbacks store's list, as callbacks.list asks it).
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { kalenderFromConfig } from '../../../src/main/core/calendar';
import { KlantbeeldConfig } from '../../../src/main/core/config/schema';
import { Dispatcher, type Handlers } from '../../../src/main/core/dispatcher';
import { TeamleiderService, teamleiderHandlers } from '../../../src/main/core/services/teamleider';
import { plusDagen } from '../../../src/main/core/services/teamleider-periode';
import { Store } from '../../../src/main/core/store';
import { MEDEWERKERS, seedCallbacks, seedContacts } from '../../support/teamleider-rows';
import { timeCalls, type BenchReport } from '../harness';

export const TEAMLEIDER_SIZES = {
  quick: { label: '5k callbacks / 50k klantcontacten', callbacks: 5_000, contacts: 50_000 },
  full: { label: '50k callbacks / 1M klantcontacten', callbacks: 50_000, contacts: 1_000_000 },
} as const;
type Size = (typeof TEAMLEIDER_SIZES)[keyof typeof TEAMLEIDER_SIZES];

/** The bench's "now": the data reach two years back from here. */
const NOW = new Date('2026-11-25T09:30:00Z');
const config = KlantbeeldConfig.parse({});
const kalender = kalenderFromConfig(config);

function teamleiderStore(cacheDir: string, size: Size, log: (line: string) => void): string {
  const file = join(cacheDir, `teamleider-${size.callbacks}-${size.contacts}.sqlite`);
  if (existsSync(file)) return file;
  mkdirSync(cacheDir, { recursive: true });
  const building = `${file}.building`;
  rmSync(building, { force: true });
  const started = Date.now();
  log(`  building the team leader bench store (${size.label}), once…`);
  const store = Store.open(building);
  seedCallbacks(store, kalender, { count: size.callbacks, days: 730, now: NOW, seed: 20261128 });
  seedContacts(store, kalender, { count: size.contacts, days: 730, now: NOW, seed: 20261128, chunk: 10_000, keep: false });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  // No ANALYZE: the app never runs it, and with sqlite_stat4 present SQLite re-prepares every
  // statement with a range on a bound parameter at each call (about 0.1 ms each here).
  store.close();
  renameSync(building, file);
  rmSync(`${building}-wal`, { force: true });
  rmSync(`${building}-shm`, { force: true });
  log(`  built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

export async function teamleiderSuite(report: BenchReport, cacheDir: string, workDir: string, quick: boolean, log: (line: string) => void): Promise<void> {
  const size = quick ? TEAMLEIDER_SIZES.quick : TEAMLEIDER_SIZES.full;
  const dataset = size.label;
  const file = join(workDir, 'teamleider.sqlite');
  copyFileSync(teamleiderStore(cacheDir, size, log), file);
  const store = Store.open(file);
  try {
    const service = new TeamleiderService(store, { get: () => kalender }, config, () => NOW);
    const dispatcher = new Dispatcher(teamleiderHandlers(service) as Handlers, () => ({ id: 'marloes.kuipers', naam: 'Marloes Kuipers', roles: ['teamleider'] }), () => {});
    const call = async (op: string, input: unknown) => {
      const result = await dispatcher.dispatch(op, input);
      if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
    };
    const today = kalender.lokaleDatum(NOW);
    // Periods ending on different days, so no two calls ask exactly the same.
    const periode = (i: number, days: number) => ({ van: plusDagen(today, -days - (i % 7)), tot: plusDagen(today, -(i % 7)) });

    const twelveWeeks = await timeCalls(200, (i) => call('teamleider.overzicht', periode(i, 83)));
    report.add({ name: 'teamleider.overzicht, whole view (tiles, groepen, medewerkers, weeks, achterstand, contacts), 12 weeks', unit: 'ms', dataset, ...twelveWeeks, note: 'target p95 < 100 ms' });
    const year = await timeCalls(100, (i) => call('teamleider.overzicht', periode(i, 364)));
    report.add({ name: 'teamleider.overzicht, whole view, one year', unit: 'ms', dataset, ...year });
    const teams = await timeCalls(100, (i) => call('teamleider.overzicht', { ...periode(i, 83), teams: ['VERG', 'WMO'] }));
    report.add({ name: 'teamleider.overzicht, whole view, 12 weeks, two teams', unit: 'ms', dataset, ...teams });
    const exportCsv = await timeCalls(100, (i) => call('teamleider.export', { tabel: 'onderwerpen', ...periode(i, 83) }));
    report.add({ name: 'teamleider.export CSV (onderwerpen, 12 weeks)', unit: 'ms', dataset, ...exportCsv });

    // "Mijn terugbelverzoeken": the callbacks store's list as callbacks.list asks it for one medewerker.
    const mine = await timeCalls(400, (i) => {
      const medewerker = MEDEWERKERS[i % MEDEWERKERS.length]!;
      store.callbacks.list({ status: 'open', queues: [`medewerker:${medewerker.email}`], today, sort: 'deadline', richting: 'op', limit: 200 });
    });
    report.add({ name: 'mijn terugbelverzoeken: open list of one medewerker (store list, sorted by deadline)', unit: 'ms', dataset, ...mine, note: 'target p95 < 20 ms' });
  } finally {
    store.close();
    rmSync(file, { force: true });
  }
}
