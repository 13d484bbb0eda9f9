import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { KalenderBereikFout, WerkdagenKalender } from '../../../src/main/core/calendar/werkdagen';
import { KlantbeeldConfig } from '../../../src/main/core/config/schema';
import { kalenderBron, kalenderFromConfig, normVoorTeam, type KalenderConfig } from '../../../src/main/core/calendar/bron';

const NA_HEMELVAART = { datum: '2026-05-15', omschrijving: 'Vrijdag na Hemelvaart' };
const kalender = new WerkdagenKalender({ sluitingsdagen: [NA_HEMELVAART] });

describe('werkdagen: the hard days', () => {
  it('Koningsdag on a Sunday moves to Saturday 26 April (2025); in 2026 it is Monday 27 April', () => {
    expect(kalender.isWerkdag('2025-04-26')).toBe(false);
    expect(kalender.isWerkdag('2025-04-27')).toBe(false); // Sunday
    expect(kalender.isWerkdag('2025-04-28')).toBe(true);
    expect(kalender.isWerkdag('2026-04-27')).toBe(false);
    expect(kalender.feestdagen(2025)).toContainEqual({ datum: '2025-04-26', naam: 'Koningsdag', soort: 'feestdag' });
  });

  it('Hemelvaartsdag 2026 and the configured closure on the Friday after', () => {
    expect(kalender.isWerkdag('2026-05-13')).toBe(true);
    expect(kalender.isWerkdag('2026-05-14')).toBe(false);
    expect(kalender.isWerkdag('2026-05-15')).toBe(false);
    expect(new WerkdagenKalender().isWerkdag('2026-05-15')).toBe(true);
    expect(kalender.addWerkdagen('2026-05-13', 1)).toBe('2026-05-18');
    expect(kalender.feestdagen(2026)).toContainEqual({ datum: '2026-05-15', naam: 'Vrijdag na Hemelvaart', soort: 'sluitingsdag' });
  });

  it('Goede Vrijdag and Tweede paasdag 2026; Bevrijdingsdag and Goede Vrijdag can be werkdagen by choice', () => {
    expect(kalender.isWerkdag('2026-04-03')).toBe(false);
    expect(kalender.isWerkdag('2026-04-06')).toBe(false);
    expect(kalender.addWerkdagen('2026-04-02', 1)).toBe('2026-04-07');
    expect(kalender.isWerkdag('2026-05-05')).toBe(false);
    const open = new WerkdagenKalender({ bevrijdingsdagVrij: false, goedeVrijdagVrij: false });
    expect(open.isWerkdag('2026-05-05')).toBe(true);
    expect(open.isWerkdag('2026-04-03')).toBe(true);
    expect(open.isWerkdag('2026-04-06')).toBe(false);
    expect(open.feestdagen(2026).map((d) => d.naam)).not.toContain('Bevrijdingsdag');
  });

  it('Christmas on a weekend gives no day in lieu (2021 Sat/Sun, 2022 Sun/Mon)', () => {
    expect(kalender.isWerkdag('2021-12-24')).toBe(true);
    expect(kalender.isWerkdag('2021-12-27')).toBe(true);
    expect(kalender.addWerkdagen('2021-12-24', 1)).toBe('2021-12-27');
    expect(kalender.isWerkdag('2022-12-26')).toBe(false);
    expect(kalender.isWerkdag('2022-12-27')).toBe(true);
    expect(kalender.addWerkdagen('2022-12-23', 1)).toBe('2022-12-27');
  });

  it('observances and bank days are werkdagen (Dodenherdenking, Sinterklaas, Oudejaarsdag)', () => {
    for (const datum of ['2026-05-04', '2025-12-05', '2025-12-31']) expect(kalender.isWerkdag(datum)).toBe(true);
  });

  it('agrees with date-holidays on every day of 2000–2100 (public + Goede Vrijdag + Bevrijdingsdag, weekends)', () => {
    const hd = new Holidays('NL');
    const vrij = new Set<string>();
    for (let jaar = 2000; jaar <= 2100; jaar++) {
      for (const h of hd.getHolidays(jaar)) if (h.type === 'public' || ['Goede Vrijdag', 'Bevrijdingsdag'].includes(h.name)) vrij.add(h.date.slice(0, 10));
    }
    const plain = new WerkdagenKalender();
    let werkdagen = 0;
    for (let t = Date.UTC(2000, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const datum = d.toISOString().slice(0, 10);
      const verwacht = d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !vrij.has(datum);
      if (plain.isWerkdag(datum) !== verwacht) throw new Error(`${datum}: verwacht ${verwacht}`);
      if (verwacht) werkdagen++;
    }
    expect(werkdagen).toBeGreaterThan(101 * 250);
  });
});

describe('deadline: receipt in Europe/Amsterdam', () => {
  it('a request on Friday before 17:00 counts from Friday; at or after 17:00 from Monday', () => {
    // 2026-11-27 is a Friday; CET = UTC+1.
    expect(kalender.deadline('2026-11-27T15:59:00Z', 2)).toBe('2026-12-01');
    expect(kalender.deadline('2026-11-27T16:00:00Z', 2)).toBe('2026-12-02');
    expect(kalender.deadline('2026-11-27T20:30:00+01:00', 2)).toBe('2026-12-02');
    expect(kalender.werkdagenTussen('2026-11-27T19:00:00Z', '2026-11-30T08:00:00Z')).toBe(0);
    expect(kalender.werkdagenTussen('2026-11-27T10:00:00Z', '2026-11-30T08:00:00Z')).toBe(1);
  });

  it('the closing time is configurable', () => {
    const vroeg = new WerkdagenKalender({ sluitTijd: '12:30' });
    expect(vroeg.deadline('2026-11-27T11:29:00Z', 1)).toBe('2026-11-30');
    expect(vroeg.deadline('2026-11-27T11:30:00Z', 1)).toBe('2026-12-01');
    expect(() => new WerkdagenKalender({ sluitTijd: '25:00' })).toThrow(/sluitingstijd/);
  });

  it('a request on a holiday counts from the next werkdag', () => {
    // Hemelvaartsdag 2026-05-14, closure on the 15th: received Monday 18th; 2 werkdagen → Wednesday 20th.
    expect(kalender.deadline('2026-05-14T08:00:00Z', 2)).toBe('2026-05-20');
    expect(kalender.deadline('2026-05-16T08:00:00Z', 2)).toBe('2026-05-20');
    expect(kalender.deadline('2026-05-14T08:00:00Z', 0)).toBe('2026-05-18');
  });

  it('an instant after midnight in Amsterdam is the next local day (UTC still the day before)', () => {
    expect(kalender.lokaleDatum('2026-06-09T22:30:00Z')).toBe('2026-06-10');
    expect(kalender.deadline('2026-06-09T22:30:00Z', 1)).toBe('2026-06-11');
    expect(kalender.lokaleDatum('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    // Received on Nieuwjaarsdag 2027 (Friday): counts from Monday 4 January.
    expect(kalender.deadline('2026-12-31T23:30:00Z', 1)).toBe('2027-01-05');
    expect(kalender.addWerkdagen('2026-12-31', 1)).toBe('2027-01-04');
    expect(kalender.addWerkdagen('2027-01-04', -1)).toBe('2026-12-31');
  });

  it('daylight saving changes: 17:00 local is 16:00Z in winter, 15:00Z in summer', () => {
    // 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET.
    expect(kalender.lokaleDatum('2026-03-28T23:30:00Z')).toBe('2026-03-29');
    expect(kalender.lokaleDatum('2026-03-29T21:59:00Z')).toBe('2026-03-29');
    expect(kalender.lokaleDatum('2026-03-29T22:00:00Z')).toBe('2026-03-30');
    expect(kalender.deadline('2026-03-30T14:59:00Z', 1)).toBe('2026-03-31');
    expect(kalender.deadline('2026-03-30T15:00:00Z', 1)).toBe('2026-04-01');
    expect(kalender.lokaleDatum('2026-10-25T22:59:00Z')).toBe('2026-10-25');
    expect(kalender.lokaleDatum('2026-10-25T23:00:00Z')).toBe('2026-10-26');
    expect(kalender.deadline('2026-10-26T15:59:00Z', 1)).toBe('2026-10-27');
    expect(kalender.deadline('2026-10-26T16:00:00Z', 1)).toBe('2026-10-28');
  });

  it('urgentie compares the deadline with today in Amsterdam', () => {
    expect(kalender.urgentie('2026-12-01', new Date('2026-11-30T22:59:00Z'))).toBe('op_tijd');
    expect(kalender.urgentie('2026-12-01', new Date('2026-11-30T23:00:00Z'))).toBe('vandaag');
    expect(kalender.urgentie('2026-12-01', new Date('2026-12-01T22:59:00Z'))).toBe('vandaag');
    expect(kalender.urgentie('2026-12-01', new Date('2026-12-01T23:00:00Z'))).toBe('te_laat');
  });
});

describe('range and input errors', () => {
  it('dates outside 2000–2100 are refused with a clear error', () => {
    expect(() => kalender.isWerkdag('1999-12-31')).toThrow(KalenderBereikFout);
    expect(() => kalender.isWerkdag('2101-01-01')).toThrow(/buiten de werkdagenkalender \(2000-01-01 t\/m 2100-12-31\)/);
    expect(() => kalender.addWerkdagen('2100-12-31', 1)).toThrow(KalenderBereikFout);
    expect(() => kalender.addWerkdagen('2000-01-03', -1)).toThrow(KalenderBereikFout);
    expect(() => kalender.deadline('2100-12-31T12:00:00Z', 1)).toThrow(KalenderBereikFout);
    expect(() => kalender.deadline('1999-06-01T12:00:00Z', 1)).toThrow(KalenderBereikFout);
    expect(() => kalender.feestdagen(2101)).toThrow(KalenderBereikFout);
    expect(kalender.addWerkdagen('2000-01-03', 0)).toBe('2000-01-03');
    expect(kalender.addWerkdagen('2100-12-30', 1)).toBe('2100-12-31');
  });

  it('malformed dates, instants without a zone and fractional norms are refused', () => {
    for (const datum of ['2026-02-29', '2026-13-01', '2026-1-01', '26-01-01xx', '2026/01/01']) {
      expect(() => kalender.isWerkdag(datum)).toThrow(/Ongeldige datum/);
    }
    expect(kalender.isWerkdag('2024-02-29')).toBe(true);
    expect(() => kalender.deadline('2026-05-14T09:30:00', 1)).toThrow(/met zone/);
    expect(() => kalender.deadline('gisteren', 1)).toThrow(/Ongeldig tijdstip/);
    expect(() => kalender.deadline('2026-05-14T09:30:00Z', 1.5)).toThrow(/geheel/);
    expect(() => kalender.addWerkdagen('2026-05-14', Number.NaN)).toThrow(/geheel/);
    expect(() => kalender.urgentie('2026-05-14', new Date('x'))).toThrow(/Ongeldig tijdstip/);
  });
});

/** Deterministic PRNG (mulberry32) so the property test is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const dag = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAG = 86_400_000;
const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
function lokaal(ms: number): { datum: string; minuut: number } {
  const p = Object.fromEntries(amsterdam.formatToParts(ms).map((x) => [x.type, x.value]));
  return { datum: `${p.year}-${p.month}-${p.day}`, minuut: Number(p.hour) * 60 + Number(p.minute) };
}

/** The slow, obvious way: walk day by day. */
function naiefOptellen(k: WerkdagenKalender, datum: string, n: number): string {
  let t = Date.parse(`${datum}T00:00:00Z`);
  for (let over = Math.abs(n); over > 0; ) {
    t += Math.sign(n) * DAG;
    if (k.isWerkdag(dag(t))) over--;
  }
  return dag(t);
}
function naieveOntvangst(k: WerkdagenKalender, iso: string): string {
  const { datum, minuut } = lokaal(Date.parse(iso));
  return k.isWerkdag(datum) && minuut < 17 * 60 ? datum : naiefOptellen(k, datum, 1);
}
function naiefTussen(k: WerkdagenKalender, van: string, tot: string): number {
  let t = Date.parse(`${naieveOntvangst(k, van)}T00:00:00Z`);
  const eind = Date.parse(`${lokaal(Date.parse(tot)).datum}T00:00:00Z`);
  let n = 0;
  for (t += DAG; t <= eind; t += DAG) if (k.isWerkdag(dag(t))) n++;
  return n;
}

describe('property: O(1) answers equal a day-by-day walk (seed 20261128)', () => {
  it('addWerkdagen, deadline and werkdagenTussen over 3000 random dates', () => {
    const rnd = random(20_261_128);
    const van = Date.UTC(2001, 0, 1);
    const span = Date.UTC(2099, 0, 1) - van;
    for (let i = 0; i < 3000; i++) {
      const ms = van + Math.floor(rnd() * span);
      const iso = new Date(ms).toISOString();
      const n = Math.floor(rnd() * 61) - 30;
      expect(kalender.addWerkdagen(dag(ms), n), `${dag(ms)} + ${n}`).toBe(naiefOptellen(kalender, dag(ms), n));
      const norm = Math.floor(rnd() * 10);
      expect(kalender.deadline(iso, norm), `${iso} norm ${norm}`).toBe(naiefOptellen(kalender, naieveOntvangst(kalender, iso), norm));
      const later = new Date(ms + Math.floor(rnd() * 40 * DAG) - 5 * DAG).toISOString();
      expect(kalender.werkdagenTussen(iso, later), `${iso} → ${later}`).toBe(naiefTussen(kalender, iso, later));
    }
  });
});

describe('instants in every ISO form mean the same moment (seed 7)', () => {
  it('Z with and without fraction, ±HH:MM offsets, microseconds, lower-case z', () => {
    const rnd = random(7);
    const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(2001, 0, 1) + Math.floor(rnd() * (Date.UTC(2099, 0, 1) - Date.UTC(2001, 0, 1)));
      const offset = (Math.floor(rnd() * 57) - 28) * 30; // minutes, -14:00..+14:00
      const l = new Date(ms + offset * 60_000);
      const wand = `${l.getUTCFullYear()}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())}T${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}:${pad(l.getUTCSeconds())}`;
      const zone = `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
      const vormen = [new Date(ms).toISOString(), `${wand}.${pad(l.getUTCMilliseconds(), 3)}${zone}`, `${wand}.${pad(l.getUTCMilliseconds(), 3)}417${zone}`, new Date(ms).toISOString().replace('Z', 'z')];
      const verwacht = lokaal(ms);
      for (const vorm of vormen) {
        expect(kalender.lokaleDatum(vorm), vorm).toBe(verwacht.datum);
        expect(kalender.werkdagenTussen(vorm, vormen[0]!), vorm).toBe(0);
      }
    }
  });
});

describe('configuration', () => {
  it('defaults: 2 werkdagen, closing 17:00, no closures, Bevrijdingsdag and Goede Vrijdag off', () => {
    const config = KlantbeeldConfig.parse({});
    expect(config.servicenormen).toEqual({ terugbellenWerkdagen: 2, perTeam: {}, sluitTijd: '17:00' });
    expect(config.werkdagen).toEqual({ sluitingsdagen: [], bevrijdingsdagVrij: true, goedeVrijdagVrij: true });
  });

  it('per-team norms and closures from the configuration', () => {
    const config = KlantbeeldConfig.parse({
      servicenormen: { terugbellenWerkdagen: 2, perTeam: { VERG: 5 }, sluitTijd: '16:30' },
      werkdagen: { sluitingsdagen: [NA_HEMELVAART], bevrijdingsdagVrij: false },
    });
    expect(normVoorTeam(config, 'VERG')).toBe(5);
    expect(normVoorTeam(config, 'KCC')).toBe(2);
    expect(normVoorTeam(config, null)).toBe(2);
    expect(normVoorTeam(config, 'toString')).toBe(2);
    const k = kalenderFromConfig(config);
    expect(k.isWerkdag('2026-05-15')).toBe(false);
    expect(k.isWerkdag('2026-05-05')).toBe(true);
    expect(k.sluitMinuut).toBe(16 * 60 + 30);
  });

  it('refuses bad norms, times and closures with Dutch messages', () => {
    const fout = (input: unknown) => KlantbeeldConfig.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(fout({ servicenormen: { terugbellenWerkdagen: 0 } })).toHaveLength(1);
    expect(fout({ servicenormen: { terugbellenWerkdagen: 31 } })).toHaveLength(1);
    expect(fout({ servicenormen: { sluitTijd: '5pm' } })?.[0]).toMatch(/UU:MM/);
    expect(fout({ werkdagen: { sluitingsdagen: [{ datum: '2026-02-30', omschrijving: 'x' }] } })?.[0]).toMatch(/bestaat niet/);
    expect(fout({ werkdagen: { sluitingsdagen: [{ datum: '2150-01-02', omschrijving: 'x' }] } })?.[0]).toMatch(/tussen 2000 en 2100/);
    expect(fout({ werkdagen: { sluitingsdagen: [{ datum: '2026-05-15', omschrijving: ' ' }] } })?.[0]).toMatch(/omschrijving/);
    expect(fout({ werkdagen: { sluitingsdagen: [NA_HEMELVAART, NA_HEMELVAART] } })?.[0]).toMatch(/één keer/);
  });

  it('KalenderBron: reload rebuilds from the source and tells listeners; a failing read keeps the old calendar', () => {
    let bron: KalenderConfig = KlantbeeldConfig.parse({});
    const live = kalenderBron(bron, () => {
      if (bron === null) throw new Error('onleesbaar');
      return bron;
    });
    const gezien: boolean[] = [];
    const stop = live.onReload((k) => gezien.push(k.isWerkdag('2026-05-15')));
    expect(live.get().isWerkdag('2026-05-15')).toBe(true);
    bron = KlantbeeldConfig.parse({ werkdagen: { sluitingsdagen: [NA_HEMELVAART] }, servicenormen: { terugbellenWerkdagen: 3 } });
    live.reload();
    expect(live.get().isWerkdag('2026-05-15')).toBe(false);
    expect(live.norm('KCC')).toBe(3);
    expect(gezien).toEqual([false]);
    const voor = live.get();
    bron = null as unknown as KalenderConfig;
    expect(() => live.reload()).toThrow('onleesbaar');
    expect(live.get()).toBe(voor);
    stop();
    bron = KlantbeeldConfig.parse({});
    live.reload();
    expect(gezien).toEqual([false]);
  });
});
