/**
 * The lines that could carry a BSN are the failure lines: a refused sign-in, an OpenID provider
 * that fails, a dossier refresh that fails, a contact parked by the zaaksysteem, a search by BSN
 * or in the BRP that fails. This
 * test makes a real host process (out/main/host.js, its output teed to test-results/logs by
 * tests/support/process-log.ts) produce each of them with Bert Burger's BSN in play, the servers'
 * error texts echoing it, proves the lines are there, and finds no BSN in them. It also writes
 * what the desktop app's own log module (src/main/electron/log.ts, stderr only: the desktop app
 * writes no log files) prints for such a line. tests/scan/bsn-scan.test.ts scans both files
 * again at the end of the run with everything else. (In the e2e project, not integration: it
 * needs the built host, and on a 2-core machine vitest runs the integration project after the
 * scan.)
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DEMO_PATHS, demoEndpoints, startDemoServer, type DemoServer } from '../../src/demo';
import { DEMO_ACCOUNTS } from '../../src/main/core/auth/demo-accounts';
import { createLog } from '../../src/main/electron/log';
import { findBsns } from '../support/bsn-scan';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { LOG_DIR } from '../support/process-log';
import { tempDir } from '../support/tmp';

const BSN = '999993653'; // Bert Burger
let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let host: HostProcess;

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  const dataDir = join(dir.path, 'client');
  mkdirSync(dataDir, { recursive: true });
  const { brpUrl, brpApiKey, documentenUrl: _d, verwerkingenloggingUrl: _v, ...zgw } = demoEndpoints(server.url);
  writeFileSync(
    join(dataDir, 'klantbeeld.config.json'),
    JSON.stringify({
      adapter: { kind: 'zgw', label: 'Demo', ...zgw, bronorganisatie: '002756419', timeoutMs: 2_000 },
      brp: { url: brpUrl, apiKey: brpApiKey },
      // Local accounts plus an OpenID provider that is not there: its failure is logged too.
      auth: { mode: 'oidc', accounts: DEMO_ACCOUNTS, oidc: { issuer: `${server.url}/geen-oidc`, clientId: 'klantbeeld', roleMapping: {} } },
      sync: { outboxIntervalSeconds: 0.2, prefetchPartijen: true },
    }),
  );
  host = await startHostProcess(dataDir, { KLANTBEELD_AUTH: 'oidc' });
}, 120_000);
afterAll(async () => {
  await host?.kill('SIGTERM');
  await server?.close();
  dir?.remove();
});

const hostLog = () => readFileSync(join(LOG_DIR, `host-${host.child.pid}.log`), 'utf8');

it('a refused sign-in, a failed OpenID provider, a failed refresh, a parked contact and failed searches with a BSN in play: logged, without the BSN', async () => {
  // A refused sign-in with a BSN typed as the account name; a sign-in through an OpenID provider that is down.
  expect(await host.call('auth.signIn', { account: BSN, wachtwoord: 'fout' })).toMatchObject({ ok: false });
  expect(await host.call('auth.startOidc', {})).toMatchObject({ ok: false });
  expect(await host.call('auth.signIn', { account: 'bianca', wachtwoord: 'turfbrug-bianca' })).toMatchObject({ ok: true });
  const customerId = await vi.waitFor(async () => {
    const found = await host.call<{ results: { id: string }[] }>('customers.search', { query: BSN, limit: 1 });
    if (!found.ok || !found.value.results[0]) throw new Error('Bert is not in the cache yet');
    return found.value.results[0].id;
  }, { timeout: 60_000, interval: 100 });

  // From now on the zaaksysteem and the BRP fail every request that carries or concerns a BSN.
  // Their error titles echo the BSN, as a server may echo what it was sent.
  server.faults.add({ method: 'GET', path: new RegExp(`^${DEMO_PATHS.zaken}/zaken\\?`), fault: { kind: 'status', status: 500, title: `Zoeken op inpBsn=${BSN} mislukt.` } });
  server.faults.add({ method: 'GET', path: /objectId=|partijIdentificator/, fault: { kind: 'drop' } });
  server.faults.add({ method: 'POST', path: /\/(maak-klantcontact|klantcontacten)$/, fault: { kind: 'status', status: 400, title: `Ongeldige invoer: ${BSN}.` } });
  server.faults.add({ method: 'POST', path: /\/personen$/, fault: { kind: 'status', status: 500, title: `Persoon ${BSN} niet leverbaar.` } });

  expect(await host.call('customers.open', { customerId, refresh: true })).toMatchObject({ ok: true });
  expect(await host.call('contacts.register', { customerId, kanaal: 'telefoon', onderwerp: `Vraag over BSN ${BSN}`, inhoud: `Klant noemde ${BSN}` })).toMatchObject({ ok: true });
  await host.call('customers.searchRemote', { query: BSN, limit: 5 });
  await host.call('customers.searchRemote', { query: 'Burger 12-03-1968', limit: 5 });

  // The proof the failure lines were produced in this scanned process: wait for each.
  // (A refused sign-in and a failed remote search are answered to the clerk and not logged.)
  const expected = [/OpenID discovery at .* failed/, /verversen failed/, /parked/];
  await vi.waitFor(() => {
    const log = hostLog();
    for (const line of expected) expect(log).toMatch(line);
  }, { timeout: 60_000, interval: 100 });
  const log = hostLog();
  process.stdout.write(`failure logs: ${log.split('\n').length} lines from the host, e.g.\n${log.split('\n').filter((l) => /fail|parked|mislukt|geweigerd/i.test(l)).slice(0, 8).join('\n')}\n`);
  expect(findBsns(log).map((f) => `line ${f.line}`)).toEqual([]);
}, 120_000);

it('the desktop app’s log module masks a BSN quoted in a line; its output joins the scanned logs', () => {
  const printed: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  try {
    createLog('core')(`core failed to start: Configuratie ongeldig bij klant ${BSN}`);
  } finally {
    spy.mockRestore();
  }
  mkdirSync(LOG_DIR, { recursive: true });
  appendFileSync(join(LOG_DIR, `electron-main-${process.pid}.log`), `${printed.join('\n')}\n`);
  expect(printed).toEqual(['[klantbeeld:core] core failed to start: Configuratie ongeldig bij klant *****3653']);
});
