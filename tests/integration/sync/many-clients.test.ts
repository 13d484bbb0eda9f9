/**
 * Many clients: 10 Klantbeeld cores (each its own process and database, each a different clerk)
 * against one demo zaaksysteem, registering contacts and callbacks at the same time. Every
 * client then converges to the same work queue: the one the zaaksysteem holds.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PATHS, startDemoServer, type DemoServer } from '../../../src/demo';
import { startHostProcess, type HostProcess } from '../../support/host-process';
import { tempDir } from '../../support/tmp';
import { checkSpecTraffic } from '../../support/spec-traffic';

const CLIENTS = Number(process.env.MANYCLIENTS_CLIENTS ?? 10);
const CONTACTS = Number(process.env.MANYCLIENTS_CONTACTS ?? 100);
const CALLBACKS = Number(process.env.MANYCLIENTS_CALLBACKS ?? 10);

let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
const hosts: HostProcess[] = [];

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  const base = {
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
    KLANTBEELD_USER_GROEPEN: 'KCC',
    KLANTBEELD_WORKQUEUE_SECONDS: '1',
  };
  for (let c = 0; c < CLIENTS; c++) {
    hosts.push(
      await startHostProcess(join(dir.path, `client-${c}`), {
        ...base,
        KLANTBEELD_USER_ID: `kcc-${c}`,
        KLANTBEELD_USER_NAAM: `KCC-medewerker ${c}`,
        KLANTBEELD_USER_EMAIL: `kcc-${c}@turfbrug.nl`,
      }),
    );
  }
}, 180_000);
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.kill('SIGTERM')));
  await server.close();
  dir.remove();
});
// Every request the demo receives (the adapter's and the tests' own) is checked against the specs.
checkSpecTraffic(() => server);

/** Conditions are waited for, not timed: the soak test's own timeout is the only limit. */
const UNTIL = { timeout: 500_000, interval: 100 };

async function customers(host: HostProcess): Promise<string[]> {
  return vi.waitFor(async () => {
    const found = await host.call<{ results: { id: string }[] }>('customers.search', { query: 'de', limit: 20 });
    if (!found.ok || found.value.results.length < 10) throw new Error('the partijen have not reached the cache yet');
    return found.value.results.map((r) => r.id);
  }, UNTIL);
}

it(`${CLIENTS} clients × (${CONTACTS} contacts + ${CALLBACKS} callbacks) converge to one work queue`, async () => {
  const run = Date.now().toString(36);
  const started = Date.now();
  await Promise.all(
    hosts.map(async (host, c) => {
      const ids = await customers(host);
      for (let i = 0; i < CONTACTS; i++) {
        const result = await host.call('contacts.register', { customerId: ids[i % ids.length], kanaal: 'telefoon', onderwerp: `Veel clients ${run} c${c} #${i}` });
        expect(result.ok).toBe(true);
        if (i % Math.floor(CONTACTS / CALLBACKS) === 0) {
          const callback = await host.call('callbacks.create', {
            customerId: ids[i % ids.length],
            kanaal: 'telefoon',
            onderwerp: `Veel clients ${run} c${c} terugbellen #${i}`,
            vraag: `Veel clients ${run} c${c} terugbellen #${i}`,
            toegewezenAan: [{ soort: 'groep', code: 'KCC' }],
            telefoonnummers: ['0612345678'],
          });
          expect(callback.ok).toBe(true);
        }
      }
    }),
  );

  // Every client delivers its own outbox …
  for (const host of hosts) {
    await vi.waitFor(async () => expect(await host.call('sync.status', {})).toMatchObject({ ok: true, value: { pending: 0 } }), UNTIL);
    expect(await host.call('sync.status', {})).toMatchObject({ ok: true, value: { pending: 0, failed: 0 } });
  }
  const delivered = Date.now();

  // … and, after its callback polls, sees the same queue: what the zaaksysteem holds for KCC.
  const atServer = (
    server.db
      .prepare(
        `SELECT t.gevraagde_handeling FROM internetaak t WHERE t.status = 'te_verwerken' AND t.id IN (
           SELECT ia.internetaak_id FROM internetaak_actor ia JOIN actor a ON a.id = ia.actor_id WHERE a.naam = 'Klantcontactcentrum')`,
      )
      .pluck()
      .all() as string[]
  ).sort();
  expect(atServer.filter((v) => v.startsWith(`Veel clients ${run}`))).toHaveLength(CLIENTS * CALLBACKS);
  await Promise.all(
    hosts.map((host) =>
      vi.waitFor(async () => {
        const list = await host.call<{ items: { vraag: string; syncState: string }[] }>('callbacks.list', { queue: 'groups' });
        expect(list.ok ? list.value.items.map((x) => x.vraag).sort() : []).toEqual(atServer);
      }, UNTIL),
    ),
  );
  const converged = Date.now();

  const contacts = server.db.prepare('SELECT count(*) FROM klantcontact WHERE onderwerp LIKE ?').pluck().get(`Veel clients ${run} c%`) as number;
  expect(contacts).toBe(CLIENTS * (CONTACTS + CALLBACKS));
  process.stdout.write(
    `many clients: ${CLIENTS} × ${CONTACTS + CALLBACKS} writes delivered in ${((delivered - started) / 1000).toFixed(1)} s; ` +
      `all queues equal (${atServer.length} open taken) ${((converged - delivered) / 1000).toFixed(1)} s later\n`,
  );
}, 600_000);
