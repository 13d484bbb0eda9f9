/**
 * Issue 5, the work queues as a clerk opens them: `callbacks.list` through the dispatcher (role
 * check, input parse, the store's list, each row with urgency and age from the calendar, output
 * validation) on 50,000 callbacks (quick: 5,000), written with the team leader bench's generator.
 * - "mijn terugbelverzoeken" (target p95 < 20 ms);
 * - "mijn groepen" (every open callback of the KCC);
 * - "alle" for the team leader, first 500 by deadline, with the counts.
 */
import { join } from 'node:path';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import { kalenderBron } from '../../../src/main/core/calendar';
import { KlantbeeldConfig } from '../../../src/main/core/config/schema';
import { Dispatcher, type Handlers } from '../../../src/main/core/dispatcher';
import { CallbackService, callbackHandlers } from '../../../src/main/core/services/callbacks';
import { Store } from '../../../src/main/core/store';
import { MEDEWERKERS, seedCallbacks } from '../../support/teamleider-rows';
import { timeCalls, type BenchReport } from '../harness';

const NOW = new Date('2026-11-25T09:30:00Z');

export async function callbacksSuite(report: BenchReport, workDir: string, quick: boolean): Promise<void> {
  const count = quick ? 5_000 : 50_000;
  const dataset = `${count / 1000}k callbacks`;
  const config = KlantbeeldConfig.parse({});
  const kalender = kalenderBron(config, () => config);
  const store = Store.open(join(workDir, 'callbacks.sqlite'));
  try {
    seedCallbacks(store, kalender.get(), { count, days: 730, now: NOW, seed: 20261128 });
    // Never called: the list reads the store only.
    const adapter = new ZgwAdapter(
      { kind: 'zgw', label: 'bench', zakenUrl: 'http://127.0.0.1:9/z', catalogiUrl: 'http://127.0.0.1:9/c', klantinteractiesUrl: 'http://127.0.0.1:9/k', zgwClientId: 'b', zgwSecret: 'b', klantinteractiesToken: 'b', bronorganisatie: '002220647', timeoutMs: 500, pageSize: 100 },
      { id: 'bench', naam: 'Bench', email: 'bench@turfbrug.nl' },
      store.remoteCache,
    );
    const sync = { kick: () => {}, workQueuesRefreshedAt: () => null };
    const dispatcherFor = (user: { id: string; naam: string; email: string; roles: ('kcc' | 'teamleider')[]; groepen: string[] }) => {
      const service = new CallbackService(store, { kanalen: config.kanalen, terugbelTeams: config.terugbelTeams, terugbellen: config.terugbellen, user }, sync, kalender, adapter, null, () => NOW);
      const dispatcher = new Dispatcher(callbackHandlers(service) as Handlers, () => ({ id: user.id, naam: user.naam, roles: user.roles }), () => {});
      return async (input: unknown) => {
        const result = await dispatcher.dispatch('callbacks.list', input);
        if (!result.ok) throw new Error(`callbacks.list: ${result.error.message}`);
        return result.value as { items: unknown[] };
      };
    };
    const clerks = MEDEWERKERS.map((m) => dispatcherFor({ id: m.email, naam: m.naam, email: m.email, roles: ['kcc'], groepen: [m.team] }));
    const mine = await timeCalls(400, (i) => clerks[i % clerks.length]!({ queue: 'mine' }));
    report.add({ name: 'callbacks.list mine (dispatcher, with urgency and age per row, counts)', unit: 'ms', dataset, ...mine, note: 'target p95 < 20 ms' });
    const groups = await timeCalls(200, (i) => clerks[i % clerks.length]!({ queue: 'groups', sort: i % 2 ? 'klant' : 'deadline' }));
    report.add({ name: 'callbacks.list groups (a team\'s open callbacks)', unit: 'ms', dataset, ...groups });
    const leader = dispatcherFor({ id: 'marloes.kuipers', naam: 'Marloes Kuipers', email: 'marloes.kuipers@turfbrug.nl', roles: ['teamleider'], groepen: ['KCC'] });
    const all = await timeCalls(100, (i) => leader({ queue: 'all', ...(i % 2 ? { urgentie: 'te_laat' } : {}) }));
    report.add({ name: 'callbacks.list all (teamleider, first 500 by deadline)', unit: 'ms', dataset, ...all });
  } finally {
    store.close();
  }
}
