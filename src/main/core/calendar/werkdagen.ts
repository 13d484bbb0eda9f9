/**
 * The werkdagen calendar of the municipality: which days count for a servicenorm, and when a
 * terugbelverzoek is due. Plain Node; built once, then every question is O(1).
 *
 * A werkdag is Monday–Friday, except:
 * - Dutch public holidays from `date-holidays` (`new Holidays('NL')`): every entry the library
 *   types `public` (Nieuwjaar, Pasen, Tweede paasdag, Koningsdag/Koninginnedag with its
 *   Sunday rule, Hemelvaartsdag, Pinksteren, Tweede pinksterdag, Kerstmis, Tweede kerstdag).
 *   The library types Goede Vrijdag (rule `easter -2`) and Bevrijdingsdag (rule `05-05`) as
 *   `school`; domain.md counts both as days off, so both are taken from the library by rule and
 *   each has a flag (`goedeVrijdagVrij`, `bevrijdingsdagVrij`, default true as in domain.md).
 *   Observances (Dodenherdenking, Sinterklaas, …) and `bank` days (Oudejaarsavond) are not days off.
 * - the municipality's own sluitingsdagen (configuration).
 *
 * The deadline rule (docs/callbacks.md): the moment a request is received is taken in
 * Europe/Amsterdam. A request received on a day that is not a werkdag, or on a werkdag at or
 * after the closing time (default 17:00), counts as received on the next werkdag. The deadline
 * is the N-th werkdag after the day of receipt: the last day on which the callback is on time.
 * The age of a request (`werkdagenTussen`) counts werkdagen after the day of receipt up to and
 * including today, so it is 0 on the day of receipt and N on the deadline.
 *
 * Representation: days are indexed from 1 January of the first year. `werkdag[i]` is 1 for a
 * werkdag, `voor[i]` counts the werkdagen before day i, `werkdagen[k]` is the day index of the
 * k-th werkdag (indexes are range-checked before use, hence the `!`s). The Amsterdam UTC offset is precomputed per UTC day with Intl (one transition at
 * most per day), so turning an instant into a local date needs no Intl call either.
 */
import Holidays from 'date-holidays';

export type Urgentie = 'op_tijd' | 'vandaag' | 'te_laat';

export interface KalenderDag {
  datum: string;
  naam: string;
  soort: 'feestdag' | 'sluitingsdag';
}

export interface Sluitingsdag {
  datum: string;
  omschrijving: string;
}

export interface KalenderOpties {
  sluitingsdagen?: readonly Sluitingsdag[];
  /** Bevrijdingsdag (5 mei) is a day off every year (domain.md); false: a werkdag. */
  bevrijdingsdagVrij?: boolean;
  /** Goede Vrijdag is a day off (domain.md); false: a werkdag. */
  goedeVrijdagVrij?: boolean;
  /** 'HH:MM' Amsterdam time; a request received at or after it counts from the next werkdag. */
  sluitTijd?: string;
  vanJaar?: number;
  totJaar?: number;
}

export const TIJDZONE = 'Europe/Amsterdam';
export const STANDAARD_BEREIK = { vanJaar: 2000, totJaar: 2100 } as const;
const DAG_MS = 86_400_000;
const MINUUT_MS = 60_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dagnummer(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Holidays of the library per year range, computed once per process (about 3 ms a year). */
interface Feestdag {
  datum: string;
  naam: string;
  regel: string;
}
const feestdagCache = new Map<string, Feestdag[]>();

const GOEDE_VRIJDAG = 'easter -2';
const BEVRIJDINGSDAG = '05-05';

function bibliotheekFeestdagen(vanJaar: number, totJaar: number): Feestdag[] {
  const sleutel = `${vanJaar}-${totJaar}`;
  const bekend = feestdagCache.get(sleutel);
  if (bekend) return bekend;
  const hd = new Holidays('NL', { languages: ['nl'], types: ['public', 'school'] });
  const lijst: Feestdag[] = [];
  for (let jaar = vanJaar; jaar <= totJaar; jaar++) {
    for (const h of hd.getHolidays(jaar)) {
      if (h.type === 'public' || h.rule === GOEDE_VRIJDAG || h.rule === BEVRIJDINGSDAG) {
        lijst.push({ datum: h.date.slice(0, 10), naam: h.name, regel: h.rule });
      }
    }
  }
  feestdagCache.set(sleutel, lijst);
  return lijst;
}

/** Minutes east of UTC in Amsterdam at `ms`, through Intl. */
const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIJDZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});
function amsterdamOffset(ms: number): number {
  const p: Record<string, number> = {};
  for (const part of offsetFormat.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const deel = (type: string) => p[type] ?? Number.NaN;
  const lokaal = Date.UTC(deel('year'), deel('month') - 1, deel('day'), deel('hour'), deel('minute'));
  return Math.round((lokaal - Math.floor(ms / MINUUT_MS) * MINUUT_MS) / MINUUT_MS);
}

/**
 * What a year range needs whatever the configuration (dates, weekdays, Amsterdam offsets),
 * computed once per process so that rebuilding the calendar after a new sluitingsdag is cheap.
 */
interface Bereik {
  datums: string[];
  /** 1 for Monday–Friday. */
  weekdag: Uint8Array;
  /** Per UTC day (one extra on each side): offset (min) before the transition, the transition instant (or +Inf), offset after. */
  offsetVoor: Int16Array;
  offsetNa: Int16Array;
  overgang: Float64Array;
}
const bereikCache = new Map<string, Bereik>();

function bereikVan(vanJaar: number, totJaar: number): Bereik {
  const sleutel = `${vanJaar}-${totJaar}`;
  const bekend = bereikCache.get(sleutel);
  if (bekend) return bekend;
  const eersteDag = dagnummer(vanJaar, 1, 1);
  const aantal = dagnummer(totJaar + 1, 1, 1) - eersteDag;
  const datums = new Array<string>(aantal);
  const weekdag = new Uint8Array(aantal);
  for (let i = 0; i < aantal; i++) {
    const d = new Date((eersteDag + i) * DAG_MS);
    datums[i] = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
    weekdag[i] = d.getUTCDay() === 0 || d.getUTCDay() === 6 ? 0 : 1;
  }
  const bereik: Bereik = {
    datums,
    weekdag,
    offsetVoor: new Int16Array(aantal + 2),
    offsetNa: new Int16Array(aantal + 2),
    overgang: new Float64Array(aantal + 2).fill(Number.POSITIVE_INFINITY),
  };
  vulOffsets(bereik, (eersteDag - 1) * DAG_MS);
  bereikCache.set(sleutel, bereik);
  return bereik;
}

/**
 * Offsets per UTC day through Intl: sampled every 28 days; where two samples differ, the
 * transition minute is found by bisection (Amsterdam changes at most twice a year).
 */
function vulOffsets(bereik: Bereik, start: number): void {
  const dagen = bereik.offsetVoor.length;
  const overgangen: { op: number; na: number }[] = [];
  const stap = 28 * DAG_MS;
  let vorigMoment = start;
  let vorige = amsterdamOffset(start);
  const eerste = vorige;
  while (vorigMoment < start + dagen * DAG_MS) {
    const moment = vorigMoment + stap;
    const offset = amsterdamOffset(moment);
    if (offset !== vorige) {
      let laag = vorigMoment;
      let hoog = moment;
      while (hoog - laag > MINUUT_MS) {
        const midden = laag + Math.floor((hoog - laag) / 2 / MINUUT_MS) * MINUUT_MS;
        if (amsterdamOffset(midden) === vorige) laag = midden;
        else hoog = midden;
      }
      overgangen.push({ op: hoog, na: offset });
    }
    vorigMoment = moment;
    vorige = offset;
  }
  let huidig = eerste;
  let volgende = 0;
  for (let u = 0; u < dagen; u++) {
    bereik.offsetVoor[u] = huidig;
    const o = overgangen[volgende];
    if (o && o.op < start + (u + 1) * DAG_MS) {
      bereik.overgang[u] = o.op;
      huidig = o.na;
      volgende++;
    }
    bereik.offsetNa[u] = huidig;
  }
}

export class KalenderBereikFout extends RangeError {}

export class WerkdagenKalender {
  readonly vanJaar: number;
  readonly totJaar: number;
  readonly sluitMinuut: number;
  private readonly eersteDag: number;
  private readonly aantalDagen: number;
  private readonly werkdag: Uint8Array;
  private readonly voor: Int32Array;
  private readonly werkdagen: Int32Array;
  private readonly datums: readonly string[];
  private readonly offsetVoor: Int16Array;
  private readonly offsetNa: Int16Array;
  private readonly overgang: Float64Array;
  private readonly vrij: KalenderDag[];

  constructor(opties: KalenderOpties = {}) {
    this.vanJaar = opties.vanJaar ?? STANDAARD_BEREIK.vanJaar;
    this.totJaar = opties.totJaar ?? STANDAARD_BEREIK.totJaar;
    if (!Number.isInteger(this.vanJaar) || !Number.isInteger(this.totJaar) || this.vanJaar > this.totJaar) {
      throw new KalenderBereikFout(`Ongeldig jarenbereik ${this.vanJaar}..${this.totJaar}.`);
    }
    this.sluitMinuut = parseSluitTijd(opties.sluitTijd ?? '17:00');
    this.eersteDag = dagnummer(this.vanJaar, 1, 1);
    this.aantalDagen = dagnummer(this.totJaar + 1, 1, 1) - this.eersteDag;

    const bereik = bereikVan(this.vanJaar, this.totJaar);
    this.datums = bereik.datums;
    this.offsetVoor = bereik.offsetVoor;
    this.offsetNa = bereik.offsetNa;
    this.overgang = bereik.overgang;
    this.werkdag = bereik.weekdag.slice();

    this.vrij = [];
    for (const f of bibliotheekFeestdagen(this.vanJaar, this.totJaar)) {
      if (f.regel === GOEDE_VRIJDAG && opties.goedeVrijdagVrij === false) continue;
      if (f.regel === BEVRIJDINGSDAG && opties.bevrijdingsdagVrij === false) continue;
      this.werkdag[this.index(f.datum)] = 0;
      this.vrij.push({ datum: f.datum, naam: f.naam, soort: 'feestdag' });
    }
    for (const s of opties.sluitingsdagen ?? []) {
      this.werkdag[this.index(s.datum)] = 0;
      this.vrij.push({ datum: s.datum, naam: s.omschrijving, soort: 'sluitingsdag' });
    }
    this.vrij.sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : a.soort === 'feestdag' ? -1 : 1));

    this.voor = new Int32Array(this.aantalDagen + 1);
    let aantal = 0;
    for (let i = 0; i < this.aantalDagen; i++) {
      this.voor[i] = aantal;
      aantal += this.werkdag[i]!;
    }
    this.voor[this.aantalDagen] = aantal;
    this.werkdagen = new Int32Array(aantal);
    for (let i = 0, k = 0; i < this.aantalDagen; i++) if (this.werkdag[i]) this.werkdagen[k++] = i;
  }

  isWerkdag(datum: string): boolean {
    return this.werkdag[this.index(datum)] === 1;
  }

  /**
   * The n-th werkdag after `datum` (n > 0), before it (n < 0), or `datum` itself (n = 0);
   * `datum` itself need not be a werkdag.
   */
  addWerkdagen(datum: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`Aantal werkdagen moet een geheel getal zijn (${n}).`);
    const i = this.index(datum);
    if (n === 0) return datum;
    const k = n > 0 ? this.voor[i + 1]! + n - 1 : this.voor[i]! + n;
    return this.datums[this.werkdagIndex(k)]!;
  }

  /** The last werkdag on which a request received at `ontvangenOp` (ISO instant) is within a norm of n werkdagen. */
  deadline(ontvangenOp: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Servicenorm moet een geheel aantal werkdagen ≥ 0 zijn (${n}).`);
    const ontvangst = this.ontvangstWerkdag(ontvangenOp);
    return this.datums[this.werkdagIndex(this.voor[ontvangst]! + n)]!;
  }

  /** Werkdagen after the day of receipt of `vanIso` up to and including the Amsterdam date of `totIso`; 0 on the same day. */
  werkdagenTussen(vanIso: string, totIso: string): number {
    const ontvangst = this.ontvangstWerkdag(vanIso);
    const tot = this.lokaleDag(this.instant(totIso));
    const leeftijd = this.voor[tot + 1]! - this.voor[ontvangst + 1]!;
    return leeftijd > 0 ? leeftijd : 0;
  }

  urgentie(deadline: string, nu: Date): Urgentie {
    const vandaag = this.lokaleDag(this.moment(nu));
    const uiterlijk = this.index(deadline);
    return vandaag < uiterlijk ? 'op_tijd' : vandaag === uiterlijk ? 'vandaag' : 'te_laat';
  }

  /** The Amsterdam date (YYYY-MM-DD) of an instant. */
  lokaleDatum(instant: string | Date): string {
    const ms = typeof instant === 'string' ? this.instant(instant) : this.moment(instant);
    return this.datums[this.lokaleDag(ms)]!;
  }

  /** Days off in `jaar`: the holidays that count and the municipality's sluitingsdagen, by date. */
  feestdagen(jaar: number): KalenderDag[] {
    if (!Number.isInteger(jaar) || jaar < this.vanJaar || jaar > this.totJaar) {
      throw new KalenderBereikFout(`Jaar ${jaar} valt buiten de werkdagenkalender (${this.vanJaar}–${this.totJaar}).`);
    }
    const prefix = `${pad(jaar, 4)}-`;
    return this.vrij.filter((d) => d.datum.startsWith(prefix)).map((d) => ({ ...d }));
  }

  /** Day index of a YYYY-MM-DD date; throws on a malformed date or one outside the range. */
  private index(datum: string): number {
    if (typeof datum !== 'string' || datum.length !== 10 || datum.charCodeAt(4) !== 45 || datum.charCodeAt(7) !== 45) {
      throw new RangeError(`Ongeldige datum "${String(datum)}": verwacht JJJJ-MM-DD.`);
    }
    const y = cijfers(datum, 0, 4);
    const m = cijfers(datum, 5, 7);
    const d = cijfers(datum, 8, 10);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > dagenInMaand(y, m)) {
      throw new RangeError(`Ongeldige datum "${datum}": verwacht JJJJ-MM-DD.`);
    }
    const i = dagnummer(y, m, d) - this.eersteDag;
    if (i < 0 || i >= this.aantalDagen) throw this.buitenBereik(datum);
    return i;
  }

  private werkdagIndex(k: number): number {
    if (k < 0 || k >= this.werkdagen.length) {
      throw new KalenderBereikFout(`De uitkomst valt buiten de werkdagenkalender (${this.vanJaar}–${this.totJaar}).`);
    }
    return this.werkdagen[k]!;
  }

  /** Day index of the werkdag on which a request received at `iso` counts as received. */
  private ontvangstWerkdag(iso: string): number {
    const ms = this.instant(iso);
    const lokaal = ms + this.offset(ms) * MINUUT_MS;
    const dag = Math.floor(lokaal / DAG_MS) - this.eersteDag;
    if (dag < 0 || dag >= this.aantalDagen) throw this.buitenBereik(iso);
    const minuut = Math.floor((lokaal - (dag + this.eersteDag) * DAG_MS) / MINUUT_MS);
    const vanaf = this.werkdag[dag] === 1 && minuut < this.sluitMinuut ? dag : dag + 1;
    // The first werkdag on or after `vanaf`.
    return this.werkdagIndex(this.voor[vanaf]!);
  }

  private lokaleDag(ms: number): number {
    const dag = Math.floor((ms + this.offset(ms) * MINUUT_MS) / DAG_MS) - this.eersteDag;
    if (dag < 0 || dag >= this.aantalDagen) throw this.buitenBereik(new Date(ms).toISOString());
    return dag;
  }

  /** An ISO instant with its zone (`Z` or ±HH:MM): without one Date.parse would use the machine's zone. */
  private instant(iso: string): number {
    if (typeof iso !== 'string') return this.ongeldigTijdstip(iso);
    const snel = snelInstant(iso);
    if (snel !== null) return snel;
    const ms = metZone(iso) ? Date.parse(iso) : Number.NaN;
    return Number.isNaN(ms) ? this.ongeldigTijdstip(iso) : ms;
  }

  private ongeldigTijdstip(iso: unknown): never {
    throw new RangeError(`Ongeldig tijdstip "${String(iso)}": verwacht een ISO-tijdstip met zone (bijv. 2026-05-14T09:30:00Z).`);
  }

  private moment(nu: Date): number {
    const ms = nu instanceof Date ? nu.getTime() : Number.NaN;
    if (Number.isNaN(ms)) throw new RangeError('Ongeldig tijdstip: verwacht een geldige Date.');
    return ms;
  }

  private offset(ms: number): number {
    const u = Math.floor(ms / DAG_MS) - this.eersteDag + 1;
    if (u < 0 || u >= this.offsetVoor.length) throw this.buitenBereik(new Date(ms).toISOString());
    return ms < this.overgang[u]! ? this.offsetVoor[u]! : this.offsetNa[u]!;
  }

  private buitenBereik(wat: string): KalenderBereikFout {
    return new KalenderBereikFout(`${wat} valt buiten de werkdagenkalender (${this.vanJaar}-01-01 t/m ${this.totJaar}-12-31).`);
  }
}

/**
 * The instants Klantbeeld itself writes (`2026-05-14T09:30:00.000Z`, or with ±HH:MM) parsed
 * without Date.parse, which costs about a quarter of a microsecond; null: not this form, let
 * Date.parse decide.
 */
function snelInstant(iso: string): number | null {
  const n = iso.length;
  if (n < 20 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(10) !== 84 || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58) return null;
  const y = cijfers(iso, 0, 4);
  const m = cijfers(iso, 5, 7);
  const d = cijfers(iso, 8, 10);
  const h = cijfers(iso, 11, 13);
  const mi = cijfers(iso, 14, 16);
  const sec = cijfers(iso, 17, 19);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > dagenInMaand(y, m) || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return null;
  let i = 19;
  let ms = 0;
  if (iso.charCodeAt(i) === 46) {
    const eind = i + 4;
    for (i++; i < n && iso.charCodeAt(i) >= 48 && iso.charCodeAt(i) <= 57; i++) if (i < eind) ms += (iso.charCodeAt(i) - 48) * 10 ** (eind - 1 - i);
  }
  let offsetMin = 0;
  const zone = iso.charCodeAt(i);
  const utc = zone === 90 && i === n - 1; // Z
  if (!utc) {
    if ((zone !== 43 && zone !== 45) || i !== n - 6 || iso.charCodeAt(i + 3) !== 58) return null;
    const oh = cijfers(iso, i + 1, i + 3);
    const om = cijfers(iso, i + 4, i + 6);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return null;
    offsetMin = (zone === 43 ? 1 : -1) * (oh * 60 + om);
  }
  return dagnummer(y, m, d) * DAG_MS + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
}

function metZone(iso: string): boolean {
  const n = iso.length;
  if (n <= 10) return false;
  const laatste = iso.charCodeAt(n - 1);
  if (laatste === 90 || laatste === 122) return true; // Z, z
  const plusMin = (c: number) => c === 43 || c === 45;
  return plusMin(iso.charCodeAt(n - 6)) || plusMin(iso.charCodeAt(n - 5)); // ±HH:MM, ±HHMM
}

function cijfers(s: string, van: number, tot: number): number {
  let n = 0;
  for (let i = van; i < tot; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function dagenInMaand(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parseSluitTijd(tijd: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(tijd);
  if (!match) throw new RangeError(`Ongeldige sluitingstijd "${tijd}": verwacht UU:MM.`);
  return Number(match[1]) * 60 + Number(match[2]);
}
