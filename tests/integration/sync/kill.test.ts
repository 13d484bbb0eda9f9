/**
 * The kill test: clerks register contacts while the core process is SIGKILLed at random
 * moments and restarted, over and over. Afterwards the zaaksysteem holds every contact exactly
 * once, each with all its parts (betrokkene of the right partij, actor link). No twins, no
 * orphans, nothing lost. First, one kill that is certain to land between send and acknowledge
 * (the demo commits and holds its answer back), so the look-up on resume is always exercised.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PATHS, startDemoServer, type DemoServer } from '../../../src/demo';
import { startHostProcess, type HostProcess } from '../../support/host-process';
import { tempDir } from '../../support/tmp';
import { checkSpecTraffic } from '../../support/spec-traffic';
import { openCacheReadonly } from '../../support/cache-file';

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
    // A small municipality's full copy: the clients find their customers by name and BSN locally.
    KLANTBEELD_PREFETCH_PARTIJEN: 'true',
    KLANTBEELD_ZAKEN_URL: `${server.url}${DEMO_PATHS.zaken}`,
    KLANTBEELD_CATALOGI_URL: `${server.url}${DEMO_PATHS.catalogi}`,
    KLANTBEELD_KLANTINTERACTIES_URL: `${server.url}${DEMO_PATHS.klantinteracties}`,
    KLANTBEELD_ZGW_CLIENT_ID: DEMO_CREDENTIALS.zgwClientId,
    KLANTBEELD_ZGW_SECRET: DEMO_CREDENTIALS.zgwSecret,
    KLANTBEELD_KLANTINTERACTIES_TOKEN: DEMO_CREDENTIALS.klantinteractiesToken,
    KLANTBEELD_BRONORGANISATIE: '002756419',
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

/** Conditions are waited for; only the soak test's own timeout limits them. */
const UNTIL = { timeout: 500_000, interval: 100 };

async function bertId(h: HostProcess): Promise<string> {
  // The partijen prefetch fills the cache after start.
  return vi.waitFor(async () => {
    const found = await h.call<{ results: { id: string }[] }>('customers.search', { query: '999993653' });
    if (!found.ok || !found.value.results[0]) throw new Error('Bert Burger is not in the cache yet');
    return found.value.results[0].id;
  }, UNTIL);
}

/** Whether the client's own database holds a row (read beside the running core: SQLite WAL allows a reader). */
function savedLocally(sql: string, value: string): boolean {
  const db = openCacheReadonly(dataDir());
  try {
    return db.prepare(sql).get(value) !== undefined;
  } finally {
    db.close();
  }
}
const contactSaved = (onderwerp: string) => savedLocally('SELECT 1 FROM contacts WHERE onderwerp = ?', onderwerp);
const callbackSaved = (vraag: string) => savedLocally('SELECT 1 FROM callbacks WHERE vraag = ?', vraag);

/** The demo's klantcontacten with this onderwerp pattern, with their parts and whether each betrokkene is Bert's partij. */
function atServer(pattern: string) {
  return server.db
    .prepare(
      `SELECT k.onderwerp,
              (SELECT count(*) FROM betrokkene b WHERE b.klantcontact_id = k.id) AS betrokkenen,
              (SELECT count(*) FROM betrokkene b WHERE b.klantcontact_id = k.id AND b.partij_id IS NOT (
                 SELECT pi.partij_id FROM partij_identificator pi WHERE pi.code_soort_object_id = 'bsn' AND pi.object_id = '999993653')) AS anderePartij,
              (SELECT count(*) FROM actorklantcontact a WHERE a.klantcontact_id = k.id) AS actoren
       FROM klantcontact k WHERE k.onderwerp LIKE ?`,
    )
    .all(pattern) as { onderwerp: string; betrokkenen: number; anderePartij: number; actoren: number }[];
}

async function drained(h: HostProcess): Promise<void> {
  await vi.waitFor(async () => expect(await h.call('sync.status', {})).toMatchObject({ ok: true, value: { pending: 0 } }), UNTIL);
  expect(await h.call('sync.status', {})).toMatchObject({ ok: true, value: { pending: 0, failed: 0 } });
}

it(`delivers ${CONTACTS} contacts and ${CALLBACKS} callbacks exactly once while the core is killed ${KILLS} times`, async () => {
  const run = Date.now().toString(36);
  // Counts the look-ups a resumed delivery makes (a zero-delay "fault" only counts requests).
  const lookups = server.faults.add({ method: 'GET', path: /plaatsgevondenOp=|hadKlantcontact__uuid=|actorklantcontacten\?klantcontact__uuid=/, fault: { kind: 'delay', ms: 0 } });
  host = await startHostProcess(dataDir(), env);
  const customerId = await bertId(host);

  // 1. Certain: a kill between send and acknowledge. The demo commits the first contact and holds
  // its answer back; the core is killed once the row is there, and the restarted core must look
  // it up (and find it: a look-up that finds nothing would send it again, a twin).
  const held = `Killtest ${run} vastgehouden`;
  server.faults.add({ method: 'POST', path: /\/(maak-klantcontact|klantcontacten)$/, fault: { kind: 'delay-after-commit', ms: 20_000 }, times: 1 });
  expect(await host.call('contacts.register', { customerId, kanaal: 'telefoon', onderwerp: held, inhoud: 'Antwoord kwam nooit aan' })).toMatchObject({ ok: true });
  await vi.waitFor(() => expect(atServer(held)).toHaveLength(1), UNTIL);
  await host.kill('SIGKILL');
  const lookupsBefore = lookups.hits();
  host = await startHostProcess(dataDir(), env);
  await drained(host);
  expect(lookups.hits() - lookupsBefore, 'look-ups by the resumed delivery').toBeGreaterThan(0);
  expect(atServer(held)).toEqual([{ onderwerp: held, betrokkenen: 1, anderePartij: 0, actoren: 1 }]);

  // 2. Random kills while a clerk keeps working.
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

  // A clerk registering contacts and callbacks. When a call dies with the core, she registers it
  // again only if it is certainly not saved (read from the client's own database once the core is
  // back), so a twin at the zaaksysteem is the product's doing, never the test's.
  const onderwerpen: string[] = [];
  const vragen: string[] = [];
  const every = Math.max(1, Math.floor(CONTACTS / Math.max(1, CALLBACKS)));
  let savedBeforeKill = 0;
  let registeredAgain = 0;
  const register = async (operation: string, input: Record<string, unknown>, saved: () => boolean) => {
    for (;;) {
      const result = await host.call(operation, input).catch(() => null); // null: the core died during the call
      if (result?.ok) return;
      if (result) throw new Error(`${operation} refused: ${result.error.message}`); // a refusal is a failure, not a kill
      await restarting;
      if (saved()) {
        savedBeforeKill += 1;
        return;
      }
      registeredAgain += 1;
    }
  };
  const driver = (async () => {
    for (let i = 0; i < CONTACTS; i++) {
      const onderwerp = `Killtest ${run} #${i}`;
      onderwerpen.push(onderwerp);
      await register('contacts.register', { customerId, kanaal: 'telefoon', onderwerp, inhoud: `Notitie ${i}` }, () => contactSaved(onderwerp));
      if (i % every === 0 && vragen.length < CALLBACKS) {
        const vraag = `Killtest ${run} terugbellen #${vragen.length}`;
        vragen.push(vraag);
        await register(
          'callbacks.create',
          { customerId, kanaal: 'telefoon', onderwerp: `${vraag} (contact)`, vraag, toegewezenAan: [{ soort: 'groep', code: 'KCC' }], telefoonnummers: ['0612345678'] },
          () => callbackSaved(vraag),
        );
      }
      await sleep(15 + Math.random() * 20); // a clerk's pace, so kills land among deliveries
    }
  })();

  await Promise.all([killer, driver]);
  expect(kills).toBeGreaterThanOrEqual(KILLS);

  // Let the last core deliver what is left.
  await drained(host);

  const rows = atServer(`Killtest ${run} #%`);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.onderwerp, (counts.get(row.onderwerp) ?? 0) + 1);
  const missing = onderwerpen.filter((o) => !counts.has(o));
  const doubled = [...counts].filter(([, n]) => n > 1);
  const incomplete = rows.filter((r) => r.betrokkenen !== 1 || r.anderePartij !== 0 || r.actoren !== 1);
  expect({ missing, doubled, incomplete }).toEqual({ missing: [], doubled: [], incomplete: [] });
  expect(rows).toHaveLength(CONTACTS);

  const taken = server.db
    .prepare(
      `SELECT t.gevraagde_handeling AS vraag,
              (SELECT count(*) FROM internetaak_actor ia WHERE ia.internetaak_id = t.id) AS actoren,
              (SELECT count(*) FROM betrokkene b WHERE b.klantcontact_id = t.klantcontact_id) AS betrokkenen,
              (SELECT count(*) FROM betrokkene b WHERE b.klantcontact_id = t.klantcontact_id AND b.partij_id IS NOT (
                 SELECT pi.partij_id FROM partij_identificator pi WHERE pi.code_soort_object_id = 'bsn' AND pi.object_id = '999993653')) AS anderePartij,
              (SELECT count(*) FROM digitaal_adres d JOIN betrokkene b ON b.id = d.betrokkene_id WHERE b.klantcontact_id = t.klantcontact_id) AS adressen,
              (SELECT count(*) FROM klantcontact k WHERE k.onderwerp = t.gevraagde_handeling || ' (contact)') AS klantcontacten
       FROM internetaak t WHERE t.gevraagde_handeling LIKE ?`,
    )
    .all(`Killtest ${run} terugbellen #%`) as { vraag: string; actoren: number; betrokkenen: number; anderePartij: number; adressen: number; klantcontacten: number }[];
  const takenPerVraag = new Map<string, number>();
  for (const t of taken) takenPerVraag.set(t.vraag, (takenPerVraag.get(t.vraag) ?? 0) + 1);
  expect({
    missing: vragen.filter((v) => !takenPerVraag.has(v)),
    doubled: [...takenPerVraag].filter(([, n]) => n > 1),
    incomplete: taken.filter((t) => t.actoren !== 1 || t.betrokkenen !== 1 || t.anderePartij !== 0 || t.adressen !== 1 || t.klantcontacten !== 1),
  }).toEqual({ missing: [], doubled: [], incomplete: [] });
  expect(taken).toHaveLength(vragen.length);
  process.stdout.write(
    `kill test: ${kills} kills, ${lookups.hits()} look-ups by resumed deliveries; ${savedBeforeKill} calls died after saving, ${registeredAgain} registered again\n`,
  );
}, 600_000);
