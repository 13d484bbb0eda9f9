/**
 * The kill test: clerks register contacts while the core process is SIGKILLed at random
 * moments and restarted, over and over. Afterwards the zaaksysteem holds every contact exactly
 * once, each with all its parts (betrokkene, actor link). No twins, no orphans, nothing lost.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PATHS, startDemoServer, type DemoServer } from '../../../src/demo';
import { startHostProcess, type HostProcess } from '../../support/host-process';
import { tempDir } from '../../support/tmp';
import { checkSpecTraffic } from '../../support/spec-traffic';

const CONTACTS = Number(process.env.KILLTEST_CONTACTS ?? 300);
const CALLBACKS = Number(process.env.KILLTEST_CALLBACKS ?? 50);
const KILLS = Number(process.env.KILLTEST_KILLS ?? 30);

let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let host: HostProcess;
let env: Record<string, string>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  env = {
    KLANTBEELD_ADAPTER: 'zgw',
    KLANTBEELD_ZAKEN_URL: `${server.url}${DEMO_PATHS.zaken}`,
    KLANTBEELD_CATALOGI_URL: `${server.url}${DEMO_PATHS.catalogi}`,
    KLANTBEELD_KLANTINTERACTIES_URL: `${server.url}${DEMO_PATHS.klantinteracties}`,
    KLANTBEELD_ZGW_CLIENT_ID: DEMO_CREDENTIALS.zgwClientId,
    KLANTBEELD_ZGW_SECRET: DEMO_CREDENTIALS.zgwSecret,
    KLANTBEELD_KLANTINTERACTIES_TOKEN: DEMO_CREDENTIALS.klantinteractiesToken,
  };
});
afterAll(async () => {
  await host?.kill();
  await server.close();
  dir.remove();
});
// Every request the demo receives (the adapter's and the tests' own) is checked against the specs.
checkSpecTraffic(() => server);

const dataDir = () => join(dir.path, 'client');

async function bertId(h: HostProcess): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const found = await h.call<{ results: { id: string }[] }>('customers.search', { query: '999993653' });
    if (found.ok && found.value.results[0]) return found.value.results[0].id;
    await sleep(100); // the partijen prefetch is still filling the cache
  }
  throw new Error('Bert Burger never appeared in the cache');
}

it(`delivers ${CONTACTS} contacts and ${CALLBACKS} callbacks exactly once while the core is killed ${KILLS} times`, async () => {
  const run = Date.now().toString(36);
  // Counts the look-ups a resumed delivery makes (a zero-delay "fault" only counts requests).
  const lookups = server.faults.add({ method: 'GET', path: /plaatsgevondenOp=|hadKlantcontact__uuid=|actorklantcontacten\?klantcontact__uuid=/, fault: { kind: 'delay', ms: 0 } });
  host = await startHostProcess(dataDir(), env);
  const customerId = await bertId(host);
  let restarting: Promise<void> = Promise.resolve();
  let kills = 0;

  // Kills at random moments, restarting at once on the same data dir.
  const killer = (async () => {
    while (kills < KILLS) {
      await sleep(100 + Math.random() * 400);
      let release!: () => void;
      restarting = new Promise((resolve) => (release = resolve));
      await host.kill('SIGKILL');
      kills += 1;
      host = await startHostProcess(dataDir(), env);
      release();
    }
  })();

  // A clerk registering contacts and callbacks; after a dropped request she checks whether it was saved.
  const onderwerpen: string[] = [];
  const vragen: string[] = [];
  const every = Math.max(1, Math.floor(CONTACTS / Math.max(1, CALLBACKS)));
  const register = async (operation: string, input: Record<string, unknown>, onderwerp: string) => {
    for (;;) {
      try {
        const result = await host.call(operation, input);
        if (result.ok) return;
        throw new Error(result.error.message);
      } catch {
        await restarting;
        await sleep(20);
        const picture = await host.call<{ contacts: { onderwerp: string }[] }>('customers.open', { customerId, refresh: false }).catch(() => null);
        if (picture?.ok && picture.value.contacts.some((c) => c.onderwerp === onderwerp)) return;
      }
    }
  };
  const driver = (async () => {
    for (let i = 0; i < CONTACTS; i++) {
      const onderwerp = `Killtest ${run} #${i}`;
      onderwerpen.push(onderwerp);
      await register('contacts.register', { customerId, kanaal: 'telefoon', onderwerp, inhoud: `Notitie ${i}` }, onderwerp);
      if (i % every === 0 && vragen.length < CALLBACKS) {
        const vraag = `Killtest ${run} terugbellen #${vragen.length}`;
        vragen.push(vraag);
        await register(
          'callbacks.create',
          { customerId, kanaal: 'telefoon', onderwerp: `${vraag} (contact)`, vraag, toegewezenAan: [{ soort: 'groep', code: 'KCC' }], telefoonnummers: ['0612345678'] },
          `${vraag} (contact)`,
        );
      }
      await sleep(15 + Math.random() * 20); // a clerk's pace, so kills land among deliveries
    }
  })();

  await Promise.all([killer, driver]);
  expect(kills).toBeGreaterThanOrEqual(KILLS);

  // Let the last core deliver what is left.
  for (let i = 0; i < 1800; i++) {
    const status = await host.call<{ pending: number; failed: number }>('sync.status', {});
    if (status.ok && status.value.pending === 0) break;
    await sleep(100);
  }
  const status = await host.call<{ pending: number; failed: number }>('sync.status', {});
  expect(status).toMatchObject({ ok: true, value: { pending: 0, failed: 0 } });

  const rows = server.db
    .prepare(
      `SELECT k.onderwerp,
              (SELECT count(*) FROM betrokkene b WHERE b.klantcontact_id = k.id) AS betrokkenen,
              (SELECT count(*) FROM actorklantcontact a WHERE a.klantcontact_id = k.id) AS actoren
       FROM klantcontact k WHERE k.onderwerp LIKE ?`,
    )
    .all(`Killtest ${run} #%`) as { onderwerp: string; betrokkenen: number; actoren: number }[];
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.onderwerp, (counts.get(row.onderwerp) ?? 0) + 1);
  const missing = onderwerpen.filter((o) => !counts.has(o));
  const doubled = [...counts].filter(([, n]) => n > 1);
  const incomplete = rows.filter((r) => r.betrokkenen !== 1 || r.actoren !== 1);
  expect({ missing, doubled, incomplete }).toEqual({ missing: [], doubled: [], incomplete: [] });
  expect(rows).toHaveLength(CONTACTS);

  const taken = server.db
    .prepare(
      `SELECT t.gevraagde_handeling AS vraag,
              (SELECT count(*) FROM internetaak_actor ia WHERE ia.internetaak_id = t.id) AS actoren,
              (SELECT count(*) FROM betrokkene b WHERE b.klantcontact_id = t.klantcontact_id) AS betrokkenen,
              (SELECT count(*) FROM digitaal_adres d JOIN betrokkene b ON b.id = d.betrokkene_id WHERE b.klantcontact_id = t.klantcontact_id) AS adressen,
              (SELECT count(*) FROM klantcontact k WHERE k.onderwerp = t.gevraagde_handeling || ' (contact)') AS klantcontacten
       FROM internetaak t WHERE t.gevraagde_handeling LIKE ?`,
    )
    .all(`Killtest ${run} terugbellen #%`) as { vraag: string; actoren: number; betrokkenen: number; adressen: number; klantcontacten: number }[];
  const takenPerVraag = new Map<string, number>();
  for (const t of taken) takenPerVraag.set(t.vraag, (takenPerVraag.get(t.vraag) ?? 0) + 1);
  expect({
    missing: vragen.filter((v) => !takenPerVraag.has(v)),
    doubled: [...takenPerVraag].filter(([, n]) => n > 1),
    incomplete: taken.filter((t) => t.actoren !== 1 || t.betrokkenen !== 1 || t.adressen !== 1 || t.klantcontacten !== 1),
  }).toEqual({ missing: [], doubled: [], incomplete: [] });
  expect(taken).toHaveLength(vragen.length);
  // Evidence that kills landed mid-delivery and the resumed entries looked up instead of re-creating.
  process.stdout.write(`kill test: ${kills} kills, ${lookups.hits()} look-ups by resumed deliveries\n`);
  expect(lookups.hits()).toBeGreaterThan(0);
}, 600_000);
