/**
 * The callback store on a real SQLite file: the work queue lists against a brute-force filter
 * and sort of the same rows, counts per queue, notices once per kind, and the query plans of
 * the list (no full scan of callbacks or outbox).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src/main/core/events';
import type { CallbackRecord } from '../../../src/main/core/adapters/types';
import { kalenderBron } from '../../../src/main/core/calendar';
import { announceCallbacks } from '../../../src/main/core/callbacks/notices';
import { Store } from '../../../src/main/core/store';
import type { CallbackListRow, ListFilter } from '../../../src/main/core/store/callbacks';
import { Prng } from '../../../src/demo/seed/prng';
import { DEFAULT_CONFIG } from '../../support/callbacks';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let store: Store;
const TODAY = '2026-11-25';
const TEAMS = ['KCC', 'VERG', 'WMO'];
const MEDEWERKERS = ['bianca.de.vries@turfbrug.nl', 'kevin.mulder@turfbrug.nl', null];
const N = 600;

interface Truth {
  url: string;
  team: string;
  medewerker: string | null;
  deadline: string;
  aangemaakt: string;
  klant: string;
  status: 'te_verwerken' | 'verwerkt';
  queues: string[];
}
const truth: Truth[] = [];

beforeAll(() => {
  dir = tempDir();
  store = Store.open(join(dir.path, 'kb.sqlite'));
  const prng = new Prng(7);
  const byQueue = new Map<string, CallbackRecord[]>();
  for (let i = 0; i < N; i++) {
    const team = prng.pick(TEAMS);
    const medewerker = prng.pick(MEDEWERKERS);
    const day = 18 + prng.int(12);
    const t: Truth = {
      url: `http://zs.test/internetaken/${i}`,
      team,
      medewerker,
      deadline: `2026-11-${String(day).padStart(2, '0')}`,
      aangemaakt: `2026-11-${String(day - 3).padStart(2, '0')}T${String(8 + prng.int(9)).padStart(2, '0')}:00:00Z`,
      klant: `Klant ${String(prng.int(1000)).padStart(3, '0')}`,
      status: prng.chance(0.8) ? 'te_verwerken' : 'verwerkt',
      queues: [`groep:${team.toLowerCase()}`, ...(medewerker ? [`medewerker:${medewerker}`] : [])],
    };
    truth.push(t);
    const record: CallbackRecord = {
      sourceUrl: t.url,
      klantcontactUrl: `http://zs.test/klantcontacten/${i}`,
      partijUrl: null,
      klantNaam: t.klant,
      onderwerp: 'Onderwerp',
      vraag: `Vraag ${i}`,
      toelichting: '',
      status: t.status,
      toegewezenAan: [{ soort: 'groep', code: team, naam: team }, ...(medewerker ? [{ soort: 'medewerker' as const, code: medewerker, naam: medewerker }] : [])],
      toegewezenOp: t.aangemaakt,
      afgehandeldOp: t.status === 'verwerkt' ? '2026-11-24T10:00:00Z' : null,
      ontvangenOp: t.aangemaakt,
      aangemaaktDoor: 'Bianca de Vries',
      telefoonnummers: [],
      emailadressen: [],
    };
    // The source lists only open taken in the queues (as Open Klant 2's filter does).
    for (const q of t.status === 'te_verwerken' ? t.queues : []) byQueue.set(q, [...(byQueue.get(q) ?? []), record]);
    byQueue.set('alle', [...(byQueue.get('alle') ?? []), record]);
  }
  const derive = (r: CallbackRecord) => {
    const t = truth.find((x) => x.url === r.sourceUrl)!;
    return { team: t.team, medewerker: t.medewerker, normWerkdagen: 2, deadline: t.deadline };
  };
  for (const [queue, records] of byQueue) store.callbacks.replaceQueue(queue, records, () => null, '2026-11-25T08:00:00Z', derive);
});
afterAll(() => {
  store.close();
  dir.remove();
});

const base: Omit<ListFilter, 'queues'> = { status: 'open', today: TODAY, sort: 'deadline', richting: 'op', limit: 500 };
const urls = (rows: CallbackListRow[]) => rows.map((r) => r.source_url);

function expected(filter: (t: Truth) => boolean, order: (a: Truth, b: Truth) => number): string[] {
  return truth.filter(filter).sort(order).map((t) => t.url);
}
const byDeadline = (a: Truth, b: Truth) => a.deadline.localeCompare(b.deadline) || a.aangemaakt.localeCompare(b.aangemaakt);

describe('work queue lists', () => {
  it("lists a groep's open callbacks by deadline, with the total", () => {
    const { rows, total } = store.callbacks.list({ ...base, queues: ['groep:kcc'] });
    const want = expected((t) => t.status === 'te_verwerken' && t.team === 'KCC', byDeadline);
    expect(total).toBe(want.length);
    // Equal deadlines and creation moments may come in either order: compare the sort keys.
    expect(rows.map((r) => `${r.deadline} ${r.aangemaakt_op}`)).toEqual(want.map((u) => truth.find((t) => t.url === u)!).map((t) => `${t.deadline} ${t.aangemaakt}`));
    expect(new Set(urls(rows))).toEqual(new Set(want));
  });

  it('filters by medewerker, team and urgentie, in both directions', () => {
    for (const urgentie of ['op_tijd', 'vandaag', 'te_laat'] as const) {
      const match = { op_tijd: (d: string) => d > TODAY, vandaag: (d: string) => d === TODAY, te_laat: (d: string) => d < TODAY }[urgentie];
      const { rows } = store.callbacks.list({ ...base, queues: null, urgentie, medewerker: 'kevin.mulder@turfbrug.nl', richting: 'af' });
      const want = expected((t) => t.status === 'te_verwerken' && t.medewerker === 'kevin.mulder@turfbrug.nl' && match(t.deadline), (a, b) => -byDeadline(a, b));
      expect(new Set(urls(rows))).toEqual(new Set(want));
      expect(rows.map((r) => r.deadline)).toEqual([...rows.map((r) => r.deadline)].sort().reverse());
    }
    const { rows } = store.callbacks.list({ ...base, queues: null, team: 'wmo', sort: 'klant' });
    const names = rows.map((r) => r.klant_naam ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(new Set(urls(rows))).toEqual(new Set(expected((t) => t.status === 'te_verwerken' && t.team === 'WMO', byDeadline)));
  });

  it('lists handled ones by medewerker or team, and caps at the limit while counting all', () => {
    const mine = store.callbacks.list({ ...base, status: 'afgehandeld', queues: null, handledBy: { medewerker: 'bianca.de.vries@turfbrug.nl' } });
    expect(new Set(urls(mine.rows))).toEqual(new Set(expected((t) => t.status === 'verwerkt' && t.medewerker === 'bianca.de.vries@turfbrug.nl', byDeadline)));
    const capped = store.callbacks.list({ ...base, queues: null, limit: 10 });
    expect(capped.rows).toHaveLength(10);
    expect(capped.total).toBe(truth.filter((t) => t.status === 'te_verwerken').length);
  });

  it('counts open callbacks per queue', () => {
    expect(store.callbacks.countOpen(['medewerker:bianca.de.vries@turfbrug.nl'])).toBe(truth.filter((t) => t.status === 'te_verwerken' && t.medewerker === 'bianca.de.vries@turfbrug.nl').length);
    expect(store.callbacks.countOpen(['groep:kcc', 'groep:verg'])).toBe(truth.filter((t) => t.status === 'te_verwerken' && (t.team === 'KCC' || t.team === 'VERG')).length);
    expect(store.callbacks.countOpen(null)).toBe(truth.filter((t) => t.status === 'te_verwerken').length);
    expect(store.callbacks.countOpen([])).toBe(0);
  });
});

describe('notices', () => {
  const kalender = kalenderBron(DEFAULT_CONFIG, () => DEFAULT_CONFIG);
  const now = new Date(`${TODAY}T10:00:00Z`);
  const bianca = { email: 'Bianca.de.Vries@turfbrug.nl', groepen: ['KCC'] };
  const kevin = { email: 'kevin.mulder@turfbrug.nl', groepen: ['KCC'] };
  let next = N;
  /** A callback that arrives by a poll now, in these queues, with this deadline. */
  const arrive = (queues: string[], deadline: string) => {
    const url = `http://zs.test/internetaken/${next++}`;
    const record: CallbackRecord = {
      sourceUrl: url, klantcontactUrl: `${url}/klantcontact`, partijUrl: null, klantNaam: 'Nieuwe klant', onderwerp: null, vraag: `Vraag ${url}`, toelichting: '',
      status: 'te_verwerken', toegewezenAan: [], toegewezenOp: now.toISOString(), afgehandeldOp: null, ontvangenOp: now.toISOString(), aangemaaktDoor: null,
      telefoonnummers: [], emailadressen: [],
    };
    store.callbacks.refresh([record], () => null, now.toISOString(), () => ({ team: 'KCC', medewerker: null, normWerkdagen: 2, deadline }));
    const id = (store.db.prepare('SELECT id FROM callbacks WHERE source_url = ?').get(url) as { id: string }).id;
    store.callbacks.setQueues(id, queues);
    return id;
  };
  const listen = () => {
    const events = new EventBus();
    const heard: { soort: string; callbackId: string }[] = [];
    events.on((name, payload) => {
      if (name === 'callback.notify') heard.push(payload as { soort: string; callbackId: string });
    });
    return { events, heard };
  };

  it("a user's first poll on this machine is quiet: what was open before is not announced one by one", () => {
    const { events, heard } = listen();
    expect(store.callbacks.meldingen.since(bianca.email)).toBeNull();
    expect(announceCallbacks(store, events, kalender, bianca, now)).toBe(0);
    expect(heard).toEqual([]);
    expect(store.callbacks.meldingen.since('bianca.de.vries@turfbrug.nl')).toBe(now.toISOString());
    // Nothing open before is announced later either.
    expect(announceCallbacks(store, events, kalender, bianca, now)).toBe(0);
  });

  it('then tells once per callback and kind: assigned to me, to my groep (not picked up), due today, overdue', () => {
    const { events, heard } = listen();
    const mijnVandaag = arrive(['medewerker:bianca.de.vries@turfbrug.nl', 'groep:kcc'], TODAY);
    const mijnTeLaat = arrive(['medewerker:bianca.de.vries@turfbrug.nl'], '2026-11-20');
    const groep = arrive(['groep:kcc'], '2026-11-30');
    const later = arrive(['medewerker:bianca.de.vries@turfbrug.nl'], '2026-11-30');
    const anders = arrive(['groep:verg'], TODAY);
    expect(announceCallbacks(store, events, kalender, bianca, now)).toBe(heard.length);
    const told = (id: string) => heard.filter((h) => h.callbackId === id).map((h) => h.soort).sort();
    expect(told(mijnVandaag)).toEqual(['toegewezen_aan_groep', 'toegewezen_aan_mij', 'vandaag']);
    expect(told(mijnTeLaat)).toEqual(['te_laat', 'toegewezen_aan_mij']);
    expect(told(groep)).toEqual(['toegewezen_aan_groep']);
    expect(told(later)).toEqual(['toegewezen_aan_mij']);
    expect(told(anders)).toEqual([]);
    expect(announceCallbacks(store, events, kalender, bianca, now)).toBe(0);
    // The day it falls due, once.
    const dueDay = new Date('2026-11-30T09:00:00Z');
    const onDueDay = listen();
    announceCallbacks(store, onDueDay.events, kalender, bianca, dueDay);
    expect(onDueDay.heard.filter((h) => h.callbackId === later).map((h) => h.soort)).toEqual(['vandaag']);
  });

  it('are kept per user: a colleague signing in on the same machine still hears of what concerns them', () => {
    announceCallbacks(store, listen().events, kalender, kevin, now); // Kevin's first poll here: quiet
    const groep = arrive(['groep:kcc'], '2026-11-30');
    const forBianca = listen();
    announceCallbacks(store, forBianca.events, kalender, bianca, now);
    expect(forBianca.heard).toEqual([expect.objectContaining({ callbackId: groep, soort: 'toegewezen_aan_groep' })]);
    const forKevin = listen();
    expect(announceCallbacks(store, forKevin.events, kalender, kevin, now)).toBe(1);
    expect(forKevin.heard).toEqual([expect.objectContaining({ callbackId: groep, soort: 'toegewezen_aan_groep' })]);
    expect(announceCallbacks(store, forKevin.events, kalender, kevin, now)).toBe(0);
  });
});

describe('query plans', () => {
  it('lists and counts use indexes: no full scan of callbacks or outbox', () => {
    const seen: string[] = [];
    const prepare = store.db.prepare.bind(store.db);
    const spy = vi.spyOn(store.db, 'prepare').mockImplementation(((sql: string) => {
      seen.push(sql);
      return prepare(sql);
    }) as typeof store.db.prepare);
    store.callbacks.list({ ...base, queues: ['medewerker:bianca.de.vries@turfbrug.nl'], limit: 1 });
    store.callbacks.list({ ...base, queues: null, team: 'KCC', urgentie: 'te_laat', limit: 1 });
    store.callbacks.list({ ...base, status: 'afgehandeld', queues: null, handledBy: { teams: ['KCC'] }, limit: 1 });
    const countAt = seen.length;
    store.callbacks.countOpen(['groep:kcc']);
    const queueCount = seen[countAt];
    store.callbacks.countOpen(null);
    spy.mockRestore();
    expect(seen.length).toBeGreaterThanOrEqual(5);
    for (const sql of seen) {
      const params = (sql.match(/\?/g) ?? []).map(() => 'x');
      const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan, sql).not.toMatch(/SCAN (c|callbacks|o|outbox)\b(?! USING)/);
      // A queue drives its list and count: through callback_queues, then each callback by id.
      // A count looks the ids up in the index of open ids only (callbacks_open_ids), never reading the rows.
      const byId = sql === queueCount ? 'USING COVERING INDEX callbacks_open_ids \\(id=\\?\\)' : 'USING INDEX sqlite_autoindex_callbacks_1 \\(id=\\?\\)';
      if (sql.includes('callback_queues')) expect(plan, sql).toMatch(new RegExp(`SEARCH (c|callbacks) ${byId}`));
      if (sql.includes('callback_queues')) expect(plan, sql).not.toMatch(/USING (COVERING )?INDEX callbacks_(open|deadline)\b/);
    }
  });
});
