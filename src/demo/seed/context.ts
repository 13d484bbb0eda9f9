import type { Db } from '../db/open';
import type { Prng } from './prng';
import { REFERENCE_DATE } from './organisatie';

/** Day numbers are days since 1970-01-01 (UTC); the seed's "now" is the reference date. */
export const REF_DAY = Math.floor(Date.parse(`${REFERENCE_DATE}T00:00:00Z`) / 86_400_000);

const dateCache = new Map<number, string>();
export function dayToDate(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dateCache.set(day, s);
  }
  return s;
}

/** ISO date-time in UTC without milliseconds, e.g. 2026-11-26T09:15:00Z (sortable as text). */
const TWO: readonly string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
export function secondsToIso(sec: number): string {
  const s = Math.floor(sec);
  const day = Math.floor(s / 86_400);
  const r = s - day * 86_400;
  return `${dayToDate(day)}T${TWO[Math.floor(r / 3600)]!}:${TWO[Math.floor((r % 3600) / 60)]!}:${TWO[r % 60]!}Z`;
}

export function weekday(day: number): number {
  return (day + 4) % 7; // 0 = Sunday
}

export function isWeekend(day: number): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

/** Counts the generator produces. */
export interface SeedCounts { persons: number; organisations: number; klantcontacten: number; zaken: number; internetaken: number }

export interface PartijInfo {
  /** index 0..persons-1 are persons (0 = Bert Burger), then organisations */
  voornaam: string[]; voorletters: string[]; voorvoegsel: string[]; achternaam: string[]; naam: string[];
  bsn: (string | null)[]; kvk: (string | null)[]; vestiging: (string | null)[]; rsin: (string | null)[];
  geboortedatum: string[]; geslacht: string[]; adres: string[]; straat: string[]; huisnummer: number[]; postcode: string[];
}

export interface ZaakInfo { uuid: string[]; start: Int32Array; end: Int32Array; zaaktype: Uint8Array; byPartij: Map<number, number[]> }

/** State shared by the generator phases. */
export interface SeedContext {
  db: Db; prng: Prng; counts: SeedCounts;
  progress: (units: number, what: string) => void;
  zaaktypen: { id: number; uuid: string; def: import('./catalogus').ZaaktypeDef; statustypen: number[]; roltypen: Map<string, number> }[];
  actor: { afdeling: Map<string, number>; groep: Map<string, number>; medewerkers: { id: number; groep: string; email: string; naam: string; voorletters: string; voorvoegsel: string; achternaam: string }[] };
  partij: PartijInfo; partijIdOffset: number; zaak: ZaakInfo;
}

/** Runs `fn` for i in [0, n) in transactions of `chunk` rows, reporting progress. */
export function inChunks(ctx: SeedContext, n: number, chunk: number, what: string, fn: (i: number) => void): void {
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk);
    ctx.db.transaction(() => {
      for (let i = start; i < end; i++) fn(i);
    })();
    ctx.progress(end - start, what);
  }
}
