/**
 * Dates of the team leader's view: local (Europe/Amsterdam) dates, their weeks (Monday to
 * Sunday) and the UTC instants where a local day begins, for index range queries on ISO
 * instants. The calendar knows the zone; this only does date arithmetic around it.
 */
import type { WerkdagenKalender } from '../calendar';

const DAG_MS = 86_400_000;

export const dagnummer = (datum: string): number => Math.round(Date.parse(`${datum}T00:00:00Z`) / DAG_MS);
export const datumVan = (dag: number): string => new Date(dag * DAG_MS).toISOString().slice(0, 10);
export const plusDagen = (datum: string, n: number): string => datumVan(dagnummer(datum) + n);

/** The Monday of the week a date is in. */
export function maandagVan(datum: string): string {
  const dag = dagnummer(datum);
  const weekdag = (new Date(dag * DAG_MS).getUTCDay() + 6) % 7;
  return datumVan(dag - weekdag);
}

/** ISO 8601 week number. */
export function weeknummer(datum: string): number {
  const dag = dagnummer(datum);
  const donderdag = dag - ((new Date(dag * DAG_MS).getUTCDay() + 6) % 7) + 3;
  const jaar = new Date(donderdag * DAG_MS).getUTCFullYear();
  return Math.floor((donderdag - dagnummer(`${jaar}-01-01`)) / 7) + 1;
}

/**
 * The UTC instant (ISO, `Z`) at which a local date begins. Midnight is never inside a daylight
 * saving change in Amsterdam, so the offset is +2 or +1 hours: whichever lands on that date.
 */
export function beginVan(kalender: WerkdagenKalender, datum: string): string {
  const middernachtUtc = dagnummer(datum) * DAG_MS;
  const zomer = new Date(middernachtUtc - 2 * 3_600_000);
  return kalender.lokaleDatum(zomer) === datum ? zomer.toISOString() : new Date(middernachtUtc - 3_600_000).toISOString();
}

/**
 * The weeks of a period: each bucket starts on a Monday, or on `van` for the first one.
 * `bucketOf` maps a local date inside the period to its bucket's start date.
 */
export function wekenVan(van: string, tot: string): { starts: string[]; bucketOf: (datum: string) => string } {
  const starts: string[] = [];
  for (let week = maandagVan(van); week <= tot; week = plusDagen(week, 7)) starts.push(week < van ? van : week);
  const eerste = dagnummer(maandagVan(van));
  return { starts, bucketOf: (datum) => starts[Math.floor((dagnummer(datum) - eerste) / 7)] as string };
}

export function mediaan(waarden: number[]): number | null {
  if (waarden.length === 0) return null;
  const sorted = [...waarden].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A share in percent with one decimal; null when nothing to divide by. */
export const percentage = (deel: number, geheel: number): number | null => (geheel === 0 ? null : Math.round((deel / geheel) * 1000) / 10);
