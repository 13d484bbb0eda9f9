/**
 * The whole life of a terugbelverzoek across machines: three real cores (Bianca and Kevin of
 * the KCC, Marloes their team leader) on one demo zaaksysteem, every call through the
 * dispatcher. Bianca registers a callback for groep KCC; Kevin sees it after a poll, picks it
 * up, logs a failed attempt and handles it; Bianca's history shows Kevin's attempt; Marloes
 * sees it handled. The demo then holds the interne taak as verwerkt and the attempt as a
 * klantcontact about the taak. Every exchange is checked against the Open Klant 2 spec.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../src/demo';
import { DEMO_PATHS } from '../../../src/demo';
import { startCore, type StartedCore } from '../../../src/main/core';
import type { CallbackEventItem, CallbackItem, CallbackList } from '../../../src/shared/contract/areas/callbacks';
import type { EventName } from '../../../src/shared/contract';
import { recordFetch } from '../../support/recording-fetch';
import { expectValidAgainstSpec, expectValidRequest } from '../../support/spec-validator';
import { demoConnection } from '../../support/sync-rig';
import { tempDir } from '../../support/tmp';
import { checkSpecTraffic } from '../../support/spec-traffic';

const USERS = {
  bianca: { id: 'bianca.de.vries', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl', roles: 'kcc', groepen: 'KCC' },
  kevin: { id: 'kevin.mulder', naam: 'Kevin Mulder', email: 'kevin.mulder@turfbrug.nl', roles: 'kcc', groepen: 'KCC' },
  marloes: { id: 'marloes.kuipers', naam: 'Marloes Kuipers', email: 'marloes.kuipers@turfbrug.nl', roles: 'teamleider', groepen: 'KCC' },
} as const;
type Who = keyof typeof USERS;

let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let recorder: ReturnType<typeof recordFetch>;
const cores = {} as Record<Who, StartedCore>;
const heard = { bianca: [], kevin: [], marloes: [] } as Record<Who, { name: EventName; payload: unknown }[]>;

async function coreFor(who: Who): Promise<StartedCore> {
  const dataDir = join(dir.path, who);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    join(dataDir, 'klantbeeld.config.json'),
    JSON.stringify({ adapter: demoConnection(server), sync: { prefetchPartijen: false, outboxIntervalSeconds: 3600, partijenRefreshMinutes: 600, workQueueSeconds: 3600 } }),
  );
  const u = USERS[who];
  const core = await startCore({
    dataDir,
    env: { KLANTBEELD_AUTH: 'vast', KLANTBEELD_USER_ID: u.id, KLANTBEELD_USER_NAAM: u.naam, KLANTBEELD_USER_EMAIL: u.email, KLANTBEELD_USER_ROLES: u.roles, KLANTBEELD_USER_GROEPEN: u.groepen },
    log: () => {},
  });
  core.onEvent((name, payload) => heard[who].push({ name, payload }));
  return core;
}

async function call<T>(who: Who, operation: string, input: unknown): Promise<T> {
  const result = await cores[who].dispatch(operation, input);
  if (!result.ok) throw Object.assign(new Error(`${operation}: ${result.error.code} ${result.error.message}`), { code: result.error.code });
  return result.value as T;
}

async function refused(who: Who, operation: string, input: unknown): Promise<string> {
  const result = await cores[who].dispatch(operation, input);
  if (result.ok) throw new Error(`${operation} was not refused`);
  return result.error.code;
}

/** Sends whatever waits in a core's outbox (no timers in this test). */
async function flush(who: Who): Promise<void> {
  const { store, sync } = cores[who];
  for (let i = 0; i < 10 && store.outbox.counts().pending > 0; i++) {
    store.db.prepare("UPDATE outbox SET next_attempt_at = '1970-01-01T00:00:00.000Z' WHERE state = 'pending'").run();
    await sync.flushOutbox();
  }
  expect(store.outbox.counts()).toEqual({ pending: 0, parked: 0 });
}

const list = (who: Who, input: Record<string, unknown>) => call<CallbackList>(who, 'callbacks.list', input);
const taakAtServer = (vraag: string) =>
  server.db
    .prepare(
      `SELECT t.uuid, t.status, t.toelichting, t.afgehandeld_op,
              (SELECT group_concat(a.naam, ', ') FROM internetaak_actor ia JOIN actor a ON a.id = ia.actor_id WHERE ia.internetaak_id = t.id ORDER BY ia.pos) AS actoren
       FROM internetaak t WHERE t.gevraagde_handeling = ?`,
    )
    .get(vraag) as { uuid: string; status: string; toelichting: string; afgehandeld_op: string | null; actoren: string };

const VRAAG = 'Mevr. De Graaf terugbellen over haar paspoortaanvraag';
let bertId: string;
let created: CallbackItem;
let kevinsId: string;

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  recorder = recordFetch();
  cores.bianca = await coreFor('bianca');
  cores.kevin = await coreFor('kevin');
  cores.marloes = await coreFor('marloes');
  // Kevin has signed in here before: his first poll on this machine is quiet (nothing is announced).
  await cores.kevin.sync.pollWorkQueues();
  const found = await call<{ results: { id: string }[] }>('bianca', 'customers.searchRemote', { query: '999993653' });
  bertId = found.results[0]!.id;
}, 30_000);

afterAll(async () => {
  recorder?.restore();
  for (const core of Object.values(cores)) await core.close();
  await server?.close();
  dir?.remove();
});
// Every request the demo receives (the adapter's and the tests' own) is checked against the specs.
checkSpecTraffic(() => server);

describe('a callback through its whole life on two machines', () => {
  it('Bianca registers it for groep KCC with a voorkeursmoment: deadline from the servicenorm, sent as an interne taak', async () => {
    created = await call<CallbackItem>('bianca', 'callbacks.create', {
      customerId: bertId,
      kanaal: 'telefoon',
      onderwerp: 'Paspoort aanvragen',
      vraag: VRAAG,
      toelichting: 'Ze belt namens haar vader.',
      toegewezenAan: [{ soort: 'groep', code: 'KCC' }],
      telefoonnummers: ['0612345678'],
      voorkeurMoment: 'na 15:00',
    });
    const kalender = cores.bianca.kalender.get();
    expect(created).toMatchObject({ team: { code: 'KCC', naam: 'Klantcontactcentrum' }, medewerker: null, normWerkdagen: 2, urgentie: 'op_tijd', leeftijdWerkdagen: 0, pogingen: 0, voorkeurMoment: 'na 15:00', syncState: 'pending' });
    expect(created.deadline).toBe(kalender.deadline(created.aangemaaktOp, 2));
    expect((await list('bianca', { queue: 'groups' })).items.map((c) => c.id)).toContain(created.id);
    await flush('bianca');
    expect(taakAtServer(VRAAG)).toMatchObject({ status: 'te_verwerken', actoren: 'Klantcontactcentrum', toelichting: 'Ze belt namens haar vader.\n--- Klantbeeld ---\nVoorkeursmoment: na 15:00' });
    const history = await call<{ history: CallbackEventItem[] }>('bianca', 'callbacks.get', { id: created.id });
    expect(history.history).toEqual([expect.objectContaining({ soort: 'aangemaakt', door: 'Bianca de Vries', syncState: 'sent' })]);
  });

  it('Kevin sees it after a poll with the same deadline, and is told it arrived for his groep', async () => {
    await cores.kevin.sync.prefetchCustomers();
    await cores.kevin.sync.pollWorkQueues();
    const groups = await list('kevin', { queue: 'groups' });
    const seen = groups.items.find((c) => c.vraag === VRAAG);
    expect(seen).toMatchObject({ team: { code: 'KCC' }, deadline: created.deadline, voorkeurMoment: 'na 15:00', toelichting: 'Ze belt namens haar vader.', klantNaam: 'Bert Burger', telefoonnummers: ['0612345678'] });
    kevinsId = seen!.id;
    expect(groups.counts.groups).toBe(groups.total);
    expect(groups.counts.all).toBeNull();
    expect(heard.kevin).toContainEqual({ name: 'callback.notify', payload: expect.objectContaining({ callbackId: kevinsId, soort: 'toegewezen_aan_groep' }) });
    // Once per callback: the next poll does not tell again.
    const before = heard.kevin.filter((e) => e.name === 'callback.notify').length;
    await cores.kevin.sync.pollWorkQueues();
    expect(heard.kevin.filter((e) => e.name === 'callback.notify')).toHaveLength(before);
  });

  it('Kevin picks it up: assigned to the groep and to him in the zaaksysteem; Bianca can no longer pick it up', async () => {
    const picked = await call<CallbackItem>('kevin', 'callbacks.pickUp', { id: kevinsId });
    expect(picked).toMatchObject({ medewerker: { email: 'kevin.mulder@turfbrug.nl', naam: 'Kevin Mulder' }, syncState: 'pending' });
    expect((await list('kevin', { queue: 'mine' })).items.map((c) => c.id)).toContain(kevinsId);
    await flush('kevin');
    expect(taakAtServer(VRAAG).actoren).toBe('Klantcontactcentrum, Kevin Mulder');
    await cores.bianca.sync.pollWorkQueues();
    expect(await refused('bianca', 'callbacks.pickUp', { id: created.id })).toBe('conflict');
  });

  it('Kevin logs a failed attempt: a klantcontact about the interne taak; Bianca reads it in the history', async () => {
    const after = await call<CallbackItem>('kevin', 'callbacks.logAttempt', { id: kevinsId, uitkomst: 'niet_bereikt', notitie: 'Geen gehoor, morgen opnieuw.' });
    expect(after).toMatchObject({ pogingen: 1, laatstePogingOp: expect.any(String) });
    await flush('kevin');
    const taak = taakAtServer(VRAAG);
    const attempts = server.db
      .prepare(
        `SELECT k.onderwerp, k.inhoud, k.kanaal, k.indicatie_contact_gelukt, k.metadata FROM klantcontact k JOIN onderwerpobject o ON o.klantcontact_id = k.id
         WHERE o.object_id = ? AND o.code_objecttype = 'internetaak' AND o.code_register = 'openklant' AND o.code_soort_object_id = 'uuid'`,
      )
      .all(taak.uuid) as { onderwerp: string; inhoud: string; kanaal: string; indicatie_contact_gelukt: number; metadata: string }[];
    expect(attempts).toEqual([expect.objectContaining({ onderwerp: 'Terugbelpoging: Paspoort aanvragen', inhoud: 'Geen gehoor, morgen opnieuw.', kanaal: 'telefoon', indicatie_contact_gelukt: 0 })]);
    expect(JSON.parse(attempts[0]!.metadata)).toMatchObject({ gespreksresultaat: 'terugbelpoging', terugbelpoging: 'niet_bereikt' });

    // Bianca's next poll reads the attempts of her queues' callbacks (a few per poll): the list counts Kevin's.
    await cores.bianca.sync.pollWorkQueues();
    expect((await list('bianca', { queue: 'groups' })).items.find((c) => c.id === created.id)).toMatchObject({ pogingen: 1 });
    for (let i = 0; i < 2; i++) {
      const { item, history, remoteError } = await call<{ item: CallbackItem; history: CallbackEventItem[]; remoteError: string | null }>('bianca', 'callbacks.get', { id: created.id });
      expect(remoteError).toBeNull();
      expect(item.pogingen).toBe(1);
      // Her own creation line and the one every poll offers are the same line (same klantcontact URL).
      expect(history.filter((e) => e.soort === 'aangemaakt')).toHaveLength(1);
      expect(history.filter((e) => e.soort === 'poging')).toEqual([expect.objectContaining({ door: 'Kevin Mulder', uitkomst: 'niet_bereikt', notitie: 'Geen gehoor, morgen opnieuw.', syncState: 'sent' })]);
    }
    // Kevin's own line is the same attempt, not a second one once read back.
    const own = await call<{ history: CallbackEventItem[] }>('kevin', 'callbacks.get', { id: kevinsId });
    expect(own.history.map((e) => [e.soort, e.door])).toEqual([
      ['aangemaakt', 'Bianca de Vries'],
      ['opgepakt', 'Kevin Mulder'],
      ['poging', 'Kevin Mulder'],
    ]);
  });

  it('Kevin handles it: verwerkt in the zaaksysteem with afgehandeldOp set by the server; gone from the open queues', async () => {
    const handled = await call<CallbackItem>('kevin', 'callbacks.handle', { id: kevinsId, resultaat: 'Klant geholpen', notitie: 'Tweede keer bereikt, afspraak gemaakt.' });
    expect(handled).toMatchObject({ status: 'verwerkt', resultaat: 'Klant geholpen', urgentie: null });
    await flush('kevin');
    const taak = taakAtServer(VRAAG);
    expect(taak.status).toBe('verwerkt');
    expect(taak.afgehandeld_op).not.toBeNull();
    expect(taak.toelichting).toMatch(/\n» Afgehandeld: Klant geholpen \(Kevin Mulder, \d\d-\d\d-\d{4} \d\d:\d\d\)$/);
    const local = (await call<{ item: CallbackItem }>('kevin', 'callbacks.get', { id: kevinsId })).item.afgehandeldOp;
    expect(Date.parse(local!)).toBe(Date.parse(taak.afgehandeld_op!));
    expect((await list('kevin', { queue: 'mine' })).items.map((c) => c.id)).not.toContain(kevinsId);
    expect((await list('kevin', { queue: 'mine', status: 'afgehandeld' })).items.map((c) => c.id)).toEqual([kevinsId]);
  });

  it('Marloes (teamleider) polls every taak: the handled one is in "alle"; clerks may not ask for "alle"', async () => {
    await cores.marloes.sync.pollWorkQueues();
    expect(cores.marloes.sync.status().message).toBeNull();
    const all = await list('marloes', { queue: 'all', status: 'afgehandeld' });
    expect(all.items.find((c) => c.vraag === VRAAG)).toMatchObject({ status: 'verwerkt', medewerker: { email: 'kevin.mulder@turfbrug.nl' }, team: { code: 'KCC' }, deadline: created.deadline });
    expect((await list('marloes', { queue: 'all' })).counts.all).toBeGreaterThan(0);
    expect(await refused('kevin', 'callbacks.list', { queue: 'all' })).toBe('forbidden');
  });

  it('Bianca reopens it with a reason; Marloes reassigns it to Bianca; a clerk may not reassign', async () => {
    // It left Bianca's groep queue: her poll reads it once more and learns it was handled.
    await cores.bianca.sync.pollWorkQueues();
    expect((await call<{ item: CallbackItem }>('bianca', 'callbacks.get', { id: created.id })).item).toMatchObject({ status: 'verwerkt', medewerker: { email: 'kevin.mulder@turfbrug.nl' } });
    const reopened = await call<CallbackItem>('bianca', 'callbacks.reopen', { id: created.id, reden: 'Klant belt terug: afspraak past niet.' });
    expect(reopened).toMatchObject({ status: 'te_verwerken', resultaat: null, urgentie: expect.any(String) });
    await flush('bianca');
    expect(taakAtServer(VRAAG)).toMatchObject({ status: 'te_verwerken', afgehandeld_op: null });

    await cores.marloes.sync.pollWorkQueues();
    const target = (await list('marloes', { queue: 'all' })).items.find((c) => c.vraag === VRAAG)!;
    expect(await refused('bianca', 'callbacks.reassign', { ids: [created.id], naar: { soort: 'medewerker', code: 'bianca.de.vries@turfbrug.nl' }, reden: 'x' })).toBe('forbidden');
    const { items } = await call<{ items: CallbackItem[] }>('marloes', 'callbacks.reassign', { ids: [target.id], naar: { soort: 'medewerker', code: 'bianca.de.vries@turfbrug.nl' }, reden: 'Kevin is morgen vrij' });
    expect(items[0]).toMatchObject({ medewerker: { email: 'bianca.de.vries@turfbrug.nl' }, team: { code: 'KCC' } });
    await flush('marloes');
    expect(taakAtServer(VRAAG).actoren).toBe('Klantcontactcentrum, Bianca de Vries');
    expect(taakAtServer(VRAAG).toelichting).toMatch(/» Doorgestuurd naar Bianca de Vries \(Marloes Kuipers, [\d-]+ \d\d:\d\d\): Kevin is morgen vrij$/);
    await cores.bianca.sync.pollWorkQueues();
    expect((await list('bianca', { queue: 'mine' })).items.map((c) => c.id)).toContain(created.id);

    // Bianca handles it; Marloes (whose reassign linked it to Bianca's queue, which she does not
    // poll) learns it was handled at her next poll.
    await call<CallbackItem>('bianca', 'callbacks.handle', { id: created.id, resultaat: 'Vraag beantwoord', notitie: '' });
    await flush('bianca');
    await cores.marloes.sync.pollWorkQueues();
    expect((await list('marloes', { queue: 'all', status: 'afgehandeld' })).items.find((c) => c.id === target.id)).toMatchObject({ resultaat: 'Vraag beantwoord', medewerker: { email: 'bianca.de.vries@turfbrug.nl' } });
  });

  it('every machine shows the same history of forwards, handles and reopens: who, when, what, reason; twice read, once shown', async () => {
    await cores.kevin.sync.pollWorkQueues();
    await cores.bianca.sync.pollWorkQueues();
    await cores.marloes.sync.pollWorkQueues();
    const ids = { kevin: kevinsId, bianca: created.id, marloes: (await list('marloes', { queue: 'all', status: 'afgehandeld' })).items.find((c) => c.vraag === VRAAG)!.id };
    const changes = async (who: Who) => {
      const { history } = await call<{ history: CallbackEventItem[] }>(who, 'callbacks.get', { id: ids[who] });
      return history.filter((e) => e.soort === 'doorgestuurd' || e.soort === 'afgehandeld' || e.soort === 'heropend');
    };
    const shown = (events: CallbackEventItem[]) =>
      events.map((e) => ({ soort: e.soort, door: e.door, uitkomst: e.uitkomst, naar: e.naar?.naam ?? null, reden: e.soort === 'afgehandeld' ? '' : e.notitie }));
    const kevin = await changes('kevin');
    expect(shown(kevin)).toEqual([
      { soort: 'afgehandeld', door: 'Kevin Mulder', uitkomst: 'Klant geholpen', naar: null, reden: '' },
      { soort: 'heropend', door: 'Bianca de Vries', uitkomst: null, naar: null, reden: 'Klant belt terug: afspraak past niet.' },
      { soort: 'doorgestuurd', door: 'Marloes Kuipers', uitkomst: null, naar: 'Bianca de Vries', reden: 'Kevin is morgen vrij' },
      { soort: 'afgehandeld', door: 'Bianca de Vries', uitkomst: 'Vraag beantwoord', naar: null, reden: '' },
    ]);
    for (const who of ['bianca', 'marloes'] as const) {
      const theirs = await changes(who);
      expect(shown(theirs), who).toEqual(shown(kevin));
      // When: to the minute the line states, on every machine.
      theirs.forEach((e, i) => expect(Math.abs(Date.parse(e.at) - Date.parse(kevin[i]!.at)), `${who} ${e.soort}`).toBeLessThan(60_000));
    }
    // Read again (a poll, another get): nothing added.
    await cores.kevin.sync.pollWorkQueues();
    expect(await changes('kevin')).toEqual(kevin);
  });

  it('sent only spec-valid requests to Open Klant 2 and got only spec-valid answers', () => {
    const base = `${server.url}${DEMO_PATHS.klantinteracties}`;
    const checked = recorder.exchanges.filter((e) => e.url.startsWith(base) && e.status < 400);
    expect(checked.some((e) => e.method === 'PATCH' && /\/internetaken\//.test(e.url))).toBe(true);
    expect(checked.some((e) => e.method === 'POST' && /\/onderwerpobjecten$/.test(e.url))).toBe(true);
    for (const e of checked) {
      if (e.requestBody !== undefined) expectValidRequest('klantinteracties', e.method, e.url, e.requestBody);
      if (e.status !== 304) expectValidAgainstSpec('klantinteracties', e.method, e.url, e.status, e.responseBody);
    }
  });
});
