/**
 * The team leader's figures against a brute-force count in plain JS over the same random rows
 * (a real SQLite file, 3,000 callbacks and 4,000 klantcontacten, fixed seed). The recount uses
 * Intl for local dates and its own week arithmetic, so it shares no date code with the service.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kalenderFromConfig, type WerkdagenKalender } from '../../../src/main/core/calendar';
import { KlantbeeldConfig } from '../../../src/main/core/config/schema';
import { Dispatcher } from '../../../src/main/core/dispatcher';
import { TeamleiderService, TOP_ONDERWERPEN, teamleiderHandlers } from '../../../src/main/core/services/teamleider';
import { Store } from '../../../src/main/core/store';
import type { ReportContactRecord } from '../../../src/main/core/store/reporting';
import type { TeamleiderOverzicht } from '../../../src/shared/contract/areas/teamleider';
import { Prng } from '../../../src/demo/seed/prng';
import { randomContact, seedCallbacks, seedContacts, type CallbackFixtureRow } from '../../support/teamleider-rows';
import { tempDir } from '../../support/tmp';

// A Wednesday morning in winter time; the data reach back over the October DST change.
const NOW = new Date('2026-11-25T09:30:00Z');
const config = KlantbeeldConfig.parse({});
const kalender: WerkdagenKalender = kalenderFromConfig(config);

const localDate = (() => {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
  return (iso: string) => f.format(new Date(iso));
})();
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The bucket of a date: its Monday, or the period's first day when that is later. */
function bucket(date: string, van: string): string {
  let d = date;
  while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 1) d = addDays(d, -1);
  return d < van ? van : d;
}
const pct = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 10);
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
const count = <T>(rows: T[], pred: (r: T) => boolean) => rows.reduce((n, r) => n + (pred(r) ? 1 : 0), 0);
function tally(values: string[]): { waarde: string; aantal: number }[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].map(([waarde, aantal]) => ({ waarde, aantal })).sort((a, b) => b.aantal - a.aantal || (a.waarde < b.waarde ? -1 : a.waarde > b.waarde ? 1 : 0));
}

/** Everything the overview should say, recounted row by row. */
function bruteForce(callbacks: CallbackFixtureRow[], contacts: ReportContactRecord[], van: string, tot: string, teams?: string[]) {
  const today = localDate(NOW.toISOString());
  const cbs = teams ? callbacks.filter((c) => c.team !== null && teams.includes(c.team)) : callbacks;
  const open = cbs.filter((c) => c.status === 'te_verwerken');
  const handled = cbs.filter((c) => c.status === 'verwerkt' && c.afgehandeld_op !== null);
  const inTime = (c: CallbackFixtureRow) => localDate(c.afgehandeld_op!) <= c.deadline!;
  const normFrom = addDays(today, -27);
  const rolling = handled.filter((c) => localDate(c.afgehandeld_op!) >= normFrom && localDate(c.afgehandeld_op!) <= today);
  const rollingWithDeadline = rolling.filter((c) => c.deadline !== null);
  let monday = today;
  while (new Date(`${monday}T12:00:00Z`).getUTCDay() !== 1) monday = addDays(monday, -1);
  const row = (rows: CallbackFixtureRow[]) => ({
    open: count(rows, (c) => c.status === 'te_verwerken'),
    vandaagUiterlijk: count(rows, (c) => c.status === 'te_verwerken' && c.deadline === today),
    teLaat: count(rows, (c) => c.status === 'te_verwerken' && c.deadline !== null && c.deadline < today),
    afgehandeldDezeWeek: count(rows, (c) => c.status === 'verwerkt' && localDate(c.afgehandeld_op!) >= monday),
  });
  const relevant = cbs.filter((c) => c.status === 'te_verwerken' || localDate(c.afgehandeld_op!) >= monday);
  const byTeam = new Map<string, CallbackFixtureRow[]>();
  const byMedewerker = new Map<string, CallbackFixtureRow[]>();
  for (const c of relevant) {
    byTeam.set(c.team ?? '', [...(byTeam.get(c.team ?? '') ?? []), c]);
    const key = `${c.team ?? ''}|${c.medewerker ?? ''}`;
    byMedewerker.set(key, [...(byMedewerker.get(key) ?? []), c]);
  }
  const weeks = new Map<string, { aangemaakt: number; afgehandeld: number; metDeadline: number; binnen: number }>();
  for (let d = van; d <= tot; d = addDays(d, 1)) if (!weeks.has(bucket(d, van))) weeks.set(bucket(d, van), { aangemaakt: 0, afgehandeld: 0, metDeadline: 0, binnen: 0 });
  for (const c of cbs) {
    const created = localDate(c.aangemaakt_op);
    if (created >= van && created <= tot) weeks.get(bucket(created, van))!.aangemaakt++;
  }
  for (const c of handled) {
    const day = localDate(c.afgehandeld_op!);
    if (day < van || day > tot) continue;
    const w = weeks.get(bucket(day, van))!;
    w.afgehandeld++;
    if (c.deadline !== null) {
      w.metDeadline++;
      if (inTime(c)) w.binnen++;
    }
  }
  const inPeriod = contacts.filter((k) => localDate(k.plaatsgevondenOp) >= van && localDate(k.plaatsgevondenOp) <= tot);
  const onderwerpen = tally(inPeriod.map((k) => k.onderwerp));
  const resultaten = new Map<string, number>();
  for (const k of inPeriod) {
    const key = `${bucket(localDate(k.plaatsgevondenOp), van)}|${k.gespreksresultaat ?? ''}`;
    resultaten.set(key, (resultaten.get(key) ?? 0) + 1);
  }
  // Call-back attempts are contacts the municipality started: no question to answer directly.
  const question = (k: ReportContactRecord) => k.gespreksresultaat !== null && k.gespreksresultaat !== 'terugbelpoging';
  const recorded = inPeriod.filter(question);
  const direct = count(recorded, (k) => k.gespreksresultaat === 'zelfstandig_afgehandeld');
  const directPerWeek = [...weeks.keys()].map((week) => {
    const inWeek = recorded.filter((k) => bucket(localDate(k.plaatsgevondenOp), van) === week);
    const aantal = count(inWeek, (k) => k.gespreksresultaat === 'zelfstandig_afgehandeld');
    return { week, aantal, van: inWeek.length, percentage: pct(aantal, inWeek.length) };
  });
  return {
    tegels: {
      open: open.length,
      vandaagUiterlijk: count(open, (c) => c.deadline === today),
      teLaat: count(open, (c) => c.deadline !== null && c.deadline < today),
      afgehandeldMetDeadline: rollingWithDeadline.length,
      binnenNorm: count(rollingWithDeadline, inTime),
      binnenNormPercentage: pct(count(rollingWithDeadline, inTime), rollingWithDeadline.length),
      mediaanWerkdagen: median(rolling.map((c) => kalender.werkdagenTussen(c.aangemaakt_op, c.afgehandeld_op!))),
      normVanaf: normFrom,
    },
    groepen: new Map([...byTeam].map(([team, rows]) => [team, row(rows)])),
    medewerkers: new Map([...byMedewerker].map(([key, rows]) => [key, row(rows)])),
    weken: [...weeks].map(([week, w]) => ({ week, aangemaakt: w.aangemaakt, afgehandeld: w.afgehandeld, afgehandeldMetDeadline: w.metDeadline, binnenNorm: w.binnen, binnenNormPercentage: pct(w.binnen, w.metDeadline) })),
    contacten: {
      totaal: inPeriod.length,
      kanalen: tally(inPeriod.map((k) => k.kanaal)),
      onderwerpen: onderwerpen.slice(0, TOP_ONDERWERPEN),
      overigeOnderwerpen: onderwerpen.slice(TOP_ONDERWERPEN).reduce((n, o) => n + o.aantal, 0),
      afdelingen: tally(inPeriod.map((k) => k.afdeling ?? '')),
      resultaten: new Map(resultaten),
      direct: { aantal: direct, van: recorded.length, percentage: pct(direct, recorded.length), perWeek: directPerWeek },
    },
  };
}

function expectMatches(o: TeamleiderOverzicht, expected: ReturnType<typeof bruteForce>): void {
  expect(o.tegels).toEqual(expected.tegels);
  expect(new Map(o.groepen.map((g) => [g.code, { open: g.open, vandaagUiterlijk: g.vandaagUiterlijk, teLaat: g.teLaat, afgehandeldDezeWeek: g.afgehandeldDezeWeek }]))).toEqual(expected.groepen);
  expect(new Map(o.medewerkers.map((m) => [`${m.team}|${m.code}`, { open: m.open, vandaagUiterlijk: m.vandaagUiterlijk, teLaat: m.teLaat, afgehandeldDezeWeek: m.afgehandeldDezeWeek }]))).toEqual(
    expected.medewerkers,
  );
  expect(o.weken.map(({ weeknummer: _, ...w }) => w)).toEqual(expected.weken);
  const c = o.contacten;
  expect({ totaal: c.totaal, kanalen: c.kanalen, onderwerpen: c.onderwerpen, overigeOnderwerpen: c.overigeOnderwerpen, afdelingen: c.afdelingen }).toEqual({
    totaal: expected.contacten.totaal,
    kanalen: expected.contacten.kanalen,
    onderwerpen: expected.contacten.onderwerpen,
    overigeOnderwerpen: expected.contacten.overigeOnderwerpen,
    afdelingen: expected.contacten.afdelingen,
  });
  expect(new Map(c.resultaten.map((r) => [`${r.week}|${r.resultaat}`, r.aantal]))).toEqual(expected.contacten.resultaten);
  expect({ aantal: c.directBeantwoord.aantal, van: c.directBeantwoord.van, percentage: c.directBeantwoord.percentage, perWeek: c.directBeantwoord.perWeek }).toEqual(expected.contacten.direct);
}

describe('teamleider.overzicht: every figure equals a brute-force count over the rows', () => {
  const dir = tempDir();
  let store: Store;
  let service: TeamleiderService;
  let callbacks: CallbackFixtureRow[];
  let contacts: ReportContactRecord[];

  beforeAll(() => {
    store = Store.open(join(dir.path, 'kb.sqlite'));
    callbacks = seedCallbacks(store, kalender, { count: 3_000, days: 120, now: NOW, seed: 5 });
    contacts = seedContacts(store, kalender, { count: 4_000, days: 120, now: NOW, seed: 5, chunk: 700 });
    service = new TeamleiderService(store, { get: () => kalender }, config, () => NOW);
  });
  afterAll(() => {
    store.close();
    dir.remove();
  });

  it('holds the awkward rows the fixture promises', () => {
    const onDeadline = callbacks.filter((c) => c.status === 'verwerkt' && c.deadline && localDate(c.afgehandeld_op!) === c.deadline);
    expect(onDeadline.some((c) => new Date(c.afgehandeld_op!).toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam' }).startsWith('23:59'))).toBe(true);
    expect(callbacks.filter((c) => c.status === 'verwerkt' && c.deadline && localDate(c.afgehandeld_op!) > c.deadline).length).toBeGreaterThan(10);
    const reopened = store.db.prepare("SELECT count(*) FROM callback_events e JOIN callbacks c ON c.id = e.callback_id WHERE e.soort = 'heropend' AND c.status = 'te_verwerken'").pluck().get() as number;
    expect(reopened).toBeGreaterThan(10);
    expect(callbacks.some((c) => c.deadline === localDate(NOW.toISOString()) && c.status === 'te_verwerken')).toBe(true);
    // Contacts on a Sunday evening in UTC that are already Monday in Amsterdam.
    expect(contacts.some((k) => new Date(k.plaatsgevondenOp).getUTCDay() === 0 && new Date(localDate(k.plaatsgevondenOp)).getUTCDay() === 1)).toBe(true);
  });

  it('twelve whole weeks up to today', () => {
    const van = '2026-09-07';
    expectMatches(service.overzicht({ van, tot: '2026-11-29' }), bruteForce(callbacks, contacts, van, '2026-11-29'));
  });

  it('a period that starts and ends mid-week, across the change to winter time', () => {
    const o = service.overzicht({ van: '2026-10-21', tot: '2026-11-12' });
    expect(o.weken.map((w) => w.week)).toEqual(['2026-10-21', '2026-10-26', '2026-11-02', '2026-11-09']);
    expectMatches(o, bruteForce(callbacks, contacts, '2026-10-21', '2026-11-12'));
  });

  it('one day', () => {
    expectMatches(service.overzicht({ van: '2026-11-16', tot: '2026-11-16' }), bruteForce(callbacks, contacts, '2026-11-16', '2026-11-16'));
  });

  it('only the chosen teams', () => {
    const teams = ['VERG', 'WMO'];
    const o = service.overzicht({ van: '2026-09-07', tot: '2026-11-29', teams });
    expect(o.groepen.map((g) => g.code).sort()).toEqual(teams);
    expectMatches(o, bruteForce(callbacks, contacts, '2026-09-07', '2026-11-29', teams));
  });

  it('an empty period: zeros, no percentages, the weeks still there', () => {
    const o = service.overzicht({ van: '2020-03-02', tot: '2020-03-15' });
    expect(o.weken).toEqual([
      { week: '2020-03-02', weeknummer: 10, aangemaakt: 0, afgehandeld: 0, afgehandeldMetDeadline: 0, binnenNorm: 0, binnenNormPercentage: null },
      { week: '2020-03-09', weeknummer: 11, aangemaakt: 0, afgehandeld: 0, afgehandeldMetDeadline: 0, binnenNorm: 0, binnenNormPercentage: null },
    ]);
    expect(o.contacten).toMatchObject({ totaal: 0, kanalen: [], onderwerpen: [], overigeOnderwerpen: 0, afdelingen: [], resultaten: [] });
    expect(o.contacten.directBeantwoord).toMatchObject({ aantal: 0, van: 0, percentage: null, doel: 80 });
    // The tiles are about now, not about the period.
    expectMatches(o, bruteForce(callbacks, contacts, '2020-03-02', '2020-03-15'));
  });

  it('a contact read again with other values is counted once, under its new values', () => {
    const prng = new Prng(99);
    const changed = contacts.slice(0, 300).map((k, i) => ({ ...randomContact(prng, i, NOW, 120), sourceUrl: k.sourceUrl }));
    store.reporting.upsertMany(changed, (iso) => kalender.lokaleDatum(iso), NOW.toISOString());
    // And a page read twice unchanged.
    store.reporting.upsertMany(contacts.slice(300, 600), (iso) => kalender.lokaleDatum(iso), NOW.toISOString());
    contacts = [...changed, ...contacts.slice(300)];
    expect(store.reporting.count()).toBe(contacts.length);
    expectMatches(service.overzicht({ van: '2026-08-01', tot: '2026-11-29' }), bruteForce(callbacks, contacts, '2026-08-01', '2026-11-29'));
  });

  it('the achterstand lists open callbacks due today or overdue, oldest deadline first, with werkdagen late', () => {
    const today = localDate(NOW.toISOString());
    const o = service.overzicht({ van: '2026-11-01', tot: '2026-11-29' });
    const due = callbacks.filter((c) => c.status === 'te_verwerken' && c.deadline !== null && c.deadline <= today);
    expect(o.achterstand).toHaveLength(Math.min(100, due.length));
    expect(o.achterstand.map((a) => a.deadline)).toEqual([...o.achterstand.map((a) => a.deadline)].sort());
    for (const a of o.achterstand) {
      expect(a.urgentie).toBe(a.deadline === today ? 'vandaag' : 'te_laat');
      let late = 0;
      for (let d = addDays(a.deadline, 1); d <= today; d = addDays(d, 1)) if (kalender.isWerkdag(d)) late++;
      expect(a.werkdagenTeLaat).toBe(late);
    }
  });

  it('CSV of every table: the figures on screen, semicolons, formulas escaped, no BSN or citizen names', () => {
    const periode = { van: '2026-09-07', tot: '2026-11-29' };
    const o = service.overzicht(periode);
    const csv = (tabel: Parameters<TeamleiderService['export']>[0]) => service.export(tabel, periode).csv;
    const rows = (text: string) => parseCsv(text.replace(/^\uFEFF/, ''));
    expect(rows(csv('groepen')).slice(1)).toEqual(o.groepen.map((g) => [g.code, g.naam, String(g.open), String(g.vandaagUiterlijk), String(g.teLaat), String(g.afgehandeldDezeWeek)]));
    expect(rows(csv('weken')).slice(1).map((r) => r.slice(0, 4))).toEqual(o.weken.map((w) => [w.week, String(w.weeknummer), String(w.aangemaakt), String(w.afgehandeld)]));
    const onderwerpen = rows(csv('onderwerpen')).slice(1);
    expect(onderwerpen.at(-1)).toEqual(['(overige onderwerpen)', String(o.contacten.overigeOnderwerpen)]);
    expect(onderwerpen.map((r) => r[0])).toContain(`'=HYPERLINK("x")`);
    expect(onderwerpen.map((r) => r[0])).toContain('Subsidie; vraag');
    const tegels = rows(csv('tegels'));
    expect(tegels.find((r) => r[0] === '% binnen de norm (4 weken)')?.[1]).toBe(String(o.tegels.binnenNormPercentage).replace('.', ','));
    for (const tabel of ['tegels', 'groepen', 'medewerkers', 'weken', 'achterstand', 'kanalen', 'onderwerpen', 'afdelingen', 'gespreksresultaten'] as const) {
      const text = csv(tabel);
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).not.toMatch(/999993653|Bert Burger/);
      expect(rows(text).length).toBeGreaterThan(1);
    }
    expect(service.export('kanalen', periode).bestandsnaam).toBe('klantbeeld-kanalen-2026-09-07-2026-11-29.csv');
  });

  it('only a teamleider may ask, through the dispatcher', async () => {
    const handlers = teamleiderHandlers(service) as unknown as ConstructorParameters<typeof Dispatcher>[0];
    const as = (roles: ('kcc' | 'teamleider')[]) => new Dispatcher(handlers, () => ({ id: 'x', naam: 'X', roles }), () => {});
    expect((await as(['kcc']).dispatch('teamleider.overzicht', { van: '2026-11-01', tot: '2026-11-29' })).ok).toBe(false);
    const ok = await as(['teamleider']).dispatch('teamleider.overzicht', { van: '2026-11-01', tot: '2026-11-29' });
    expect(ok.ok).toBe(true);
    const reversed = await as(['teamleider']).dispatch('teamleider.overzicht', { van: '2026-11-29', tot: '2026-11-01' });
    expect(reversed.ok).toBe(false);
  });
});

/** Semicolon CSV with double-quoted fields (what csv-stringify writes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}
