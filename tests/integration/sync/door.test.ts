/**
 * Wrong input refused at the door, parked work repairable (issue 11), through a real core
 * (dispatcher, services, SQLite) on the demo zaaksysteem: a callback for a team nobody knows,
 * a contact from year 1 or 9999, control characters and half surrogate pairs are refused with
 * a Dutch invalid_input and an issue at the field, before anything is written; a parked
 * terugbelverzoek is corrected in the wachtrij (assignees, numbers), written to the callback and
 * its history, and delivered.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../src/demo';
import { startCore, type StartedCore } from '../../../src/main/core';
import type { CallbackEventItem, CallbackItem } from '../../../src/shared/contract/areas/callbacks';
import type { OutboxItem } from '../../../src/shared/contract/areas/outbox';
import { demoConnection } from '../../support/sync-rig';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let core: StartedCore;

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  const dataDir = join(dir.path, 'bianca');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    join(dataDir, 'klantbeeld.config.json'),
    JSON.stringify({ adapter: demoConnection(server), sync: { prefetchPartijen: false, outboxIntervalSeconds: 3600, partijenRefreshMinutes: 600, workQueueSeconds: 3600 } }),
  );
  core = await startCore({
    dataDir,
    env: {
      KLANTBEELD_AUTH: 'vast',
      KLANTBEELD_USER_ID: 'bianca.de.vries',
      KLANTBEELD_USER_NAAM: 'Bianca de Vries',
      KLANTBEELD_USER_EMAIL: 'bianca.de.vries@turfbrug.nl',
      KLANTBEELD_USER_ROLES: 'kcc',
      KLANTBEELD_USER_GROEPEN: 'KCC',
    },
    log: () => {},
  });
}, 30_000);

afterAll(async () => {
  await core?.close();
  await server?.close();
  dir?.remove();
});

async function call<T>(operation: string, input: unknown): Promise<T> {
  const result = await core.dispatch(operation, input);
  if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** The refusal of a call: its code and the issue at each path. */
async function refusal(operation: string, input: unknown): Promise<{ code: string; message: string; at: Record<string, string> }> {
  const result = await core.dispatch(operation, input);
  if (result.ok) throw new Error(`${operation} was not refused`);
  const at = Object.fromEntries((result.error.issues ?? []).map((i) => [i.path, i.message]));
  return { code: result.error.code, message: result.error.message, at };
}

const outboxRows = () => core.store.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;

async function flush(): Promise<void> {
  for (let i = 0; i < 10 && core.store.outbox.counts().pending > 0; i++) {
    core.store.db.prepare("UPDATE outbox SET next_attempt_at = '1970-01-01T00:00:00.000Z' WHERE state = 'pending'").run();
    await core.sync.flushOutbox();
  }
}

const callback = (over: Record<string, unknown> = {}) => ({
  customerId: null,
  bellerNaam: 'Mevr. Jansen',
  kanaal: 'telefoon',
  onderwerp: 'Vraag over de kapvergunning',
  vraag: 'Mevr. Jansen terugbellen',
  toegewezenAan: [{ soort: 'groep', code: 'KCC' }],
  telefoonnummers: ['0612345670'],
  ...over,
});

const finish = (over: Record<string, unknown> = {}) => ({
  draftId: crypto.randomUUID(),
  customerId: null,
  kanaal: 'telefoon',
  bellerNaam: 'Dhr. Visser',
  startedAt: new Date().toISOString(),
  vragen: [{ onderwerp: 'Afvalpas kwijt', gespreksresultaat: 'zelfstandig_afgehandeld' }],
  ...over,
});

describe('refused at the door', () => {
  it('a callback for a groep or afdeling the zaaksysteem does not know, with the issue at the field and nothing written', async () => {
    const before = outboxRows();
    for (const target of [{ soort: 'groep', code: 'KCCX' }, { soort: 'afdeling', code: 'KCCX' }]) {
      const r = await refusal('callbacks.create', callback({ toegewezenAan: [{ soort: 'groep', code: 'KCC' }, target] }));
      expect(r.code).toBe('invalid_input');
      expect(r.message).toMatch(/Onbekende (groep|afdeling) "KCCX"/);
      expect(r.at['toegewezenAan.1']).toBe('Kies een team uit de lijst.');
    }
    expect(outboxRows()).toBe(before);
  });

  it('a contact from year 1 or 9999, or from the future; a draft started yesterday is fine', async () => {
    const before = outboxRows();
    for (const startedAt of ['0001-01-01T10:00:00Z', '9999-12-31T10:00:00Z', new Date(Date.now() + 3_600_000).toISOString()]) {
      const r = await refusal('contacts.finish', finish({ startedAt }));
      expect(r.code).toBe('invalid_input');
      expect(r.at.startedAt).toMatch(/ligt (meer dan 90 dagen terug|in de toekomst)/);
    }
    expect(outboxRows()).toBe(before);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await call('contacts.finish', finish({ startedAt: yesterday }));
    expect(outboxRows()).toBe(before + 1);
  });

  it('a preferred day in year 9999 or year 1', async () => {
    expect((await refusal('callbacks.create', callback({ voorkeurMoment: { datum: '9999-01-04', dagdeel: 'ochtend' } }))).at['voorkeurMoment.datum']).toMatch(/binnen 1 jaar/);
    expect((await refusal('callbacks.create', callback({ voorkeurMoment: { datum: '0001-01-04', dagdeel: 'ochtend' } }))).at.voorkeurMoment).toMatch(/vandaag of later/);
  });

  it('control characters and half surrogate pairs in free text and codes, named with their place', async () => {
    const before = outboxRows();
    const cases: [Record<string, unknown>, string][] = [
      [{ onderwerp: 'Kap\u0000vergunning' }, 'onderwerp'],
      [{ toelichting: 'Belt \u0007terug' }, 'toelichting'],
      [{ inhoud: 'a\u001b[31mrood' }, 'inhoud'],
      [{ bellerNaam: 'Jans\ud800en' }, 'bellerNaam'],
      [{ kanaal: 'telefoon\t' + '\u0007' }, 'kanaal'],
      [{ toegewezenAan: [{ soort: 'groep', code: 'KC\u001bC' }] }, 'toegewezenAan.0.code'],
    ];
    for (const [over, path] of cases) {
      const r = await refusal('callbacks.create', callback(over));
      expect(r.code, path).toBe('invalid_input');
      expect(r.at[path], path).toMatch(/onzichtbaar of ongeldig teken \(U\+[0-9A-F]{4}\) op positie \d+/);
    }
    // Newlines and tabs are text; in a code they are not.
    const r = await refusal('contacts.finish', finish({ vragen: [{ onderwerp: 'Afval', inhoud: 'Regel 1\r\n\tRegel 2', gespreksresultaat: 'zelfstandig\nafgehandeld' }] }));
    expect(Object.keys(r.at)).toEqual(['vragen.0.gespreksresultaat']);
    expect(outboxRows()).toBe(before);
  });
});

describe('a parked terugbelverzoek repaired in the wachtrij', () => {
  let created: CallbackItem;
  let entry: OutboxItem;

  it('parks when the zaaksysteem refuses the interne taak', async () => {
    server.faults.add({ method: 'POST', path: /\/internetaken$/, fault: { kind: 'status', status: 400 }, times: 1 });
    created = await call<CallbackItem>('callbacks.create', callback({ vraag: 'Mevr. Jansen terugbellen over de kap', telefoonnummers: ['0612345670'] }));
    await flush();
    const { items } = await call<{ items: OutboxItem[] }>('outbox.list', {});
    entry = items.find((i) => i.callback?.id === created.id)!;
    expect(entry).toMatchObject({ state: 'parked', kind: 'contactverzoek', callback: { toegewezenAan: [{ soort: 'groep', code: 'KCC' }], telefoonnummers: ['0612345670'] } });
  });

  it('refuses a correction to an unknown team or an impossible number, as create does, and changes nothing', async () => {
    const unknown = await refusal('outbox.resend', { id: entry.id, fix: { toegewezenAan: [{ soort: 'groep', code: 'KCCX' }] } });
    expect(unknown).toMatchObject({ code: 'invalid_input', at: { 'fix.toegewezenAan.0': 'Kies een team uit de lijst.' } });
    const phone = await refusal('outbox.resend', { id: entry.id, fix: { telefoonnummers: ['06-1234\u00005678'] } });
    expect(phone.code).toBe('invalid_input');
    expect(Object.keys(phone.at)).toEqual(['fix.telefoonnummers.0']);
    const none = await refusal('outbox.resend', { id: entry.id, fix: { telefoonnummers: [], emailadressen: [] } });
    expect(none.code).toBe('invalid_input');
    expect(core.store.outbox.get(entry.id)).toMatchObject({ state: 'parked', payload: expect.objectContaining({ toegewezenAan: [{ soort: 'groep', code: 'KCC' }] }) });
    expect(core.store.callbacks.get(created.id)).toMatchObject({ team: 'KCC', telefoonnummers: '["0612345670"]' });
  });

  it('corrects assignee and numbers in the callback, its history and the outbox payload, and delivers it', async () => {
    await call('outbox.resend', { id: entry.id, fix: { toegewezenAan: [{ soort: 'groep', code: 'VERG' }], telefoonnummers: ['0612345679'], emailadressen: ['jansen@example.nl'] } });
    expect(core.store.outbox.get(entry.id)).toMatchObject({
      state: 'pending',
      payload: expect.objectContaining({ toegewezenAan: [{ soort: 'groep', code: 'VERG' }], telefoonnummers: ['0612345679'], emailadressen: ['jansen@example.nl'] }),
    });
    const { item, history } = await call<{ item: CallbackItem; history: CallbackEventItem[] }>('callbacks.get', { id: created.id });
    expect(item).toMatchObject({ team: { code: 'VERG' }, telefoonnummers: ['0612345679'], emailadressen: ['jansen@example.nl'] });
    expect(history.find((h) => h.soort === 'gecorrigeerd')).toMatchObject({ door: 'Bianca de Vries', naar: { naam: 'Team Vergunningen' }, notitie: expect.stringMatching(/Voor: Team Vergunningen; Telefoon: 0612345679; E-mail: jansen@example.nl/) });

    // The correction and the wachtrij's view of the numbers are verwerkingen of this callback.
    const logged = core.store.db.prepare("SELECT count(DISTINCT actie_naam) FROM verwerkingsacties WHERE actie_naam IN ('Terugbelverzoek verbeterd in de wachtrij', 'Wachtrij ingezien')").pluck().get();
    expect(logged).toBe(2);

    await flush();
    expect(core.store.outbox.counts()).toEqual({ pending: 0, parked: 0 });
    expect(core.store.callbacks.get(created.id)?.sync_state).toBe('sent');
    const taak = server.db
      .prepare(
        `SELECT (SELECT group_concat(a.naam) FROM internetaak_actor ia JOIN actor a ON a.id = ia.actor_id WHERE ia.internetaak_id = t.id) AS actoren,
                (SELECT group_concat(d.adres) FROM digitaal_adres d JOIN betrokkene b ON b.id = d.betrokkene_id WHERE b.klantcontact_id = t.klantcontact_id) AS adressen
         FROM internetaak t WHERE t.gevraagde_handeling = ?`,
      )
      .get('Mevr. Jansen terugbellen over de kap') as { actoren: string; adressen: string };
    expect(taak.actoren).toBe('Team Vergunningen');
    // The caller's first number stays with the betrokkene made before the entry parked; the corrected ones are added.
    expect(taak.adressen.split(',')).toEqual(expect.arrayContaining(['0612345679', 'jansen@example.nl']));
    const after = await call<{ history: CallbackEventItem[] }>('callbacks.get', { id: created.id });
    expect(after.history.find((h) => h.soort === 'gecorrigeerd')?.syncState).toBe('sent');
  });
});
