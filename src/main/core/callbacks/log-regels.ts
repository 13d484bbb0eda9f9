/**
 * The `»` log lines of a toelichting as history: a forward or reassign, a handle or a reopen done
 * on another machine reaches this one only as such a line. Each is read into who, when, what and
 * the reason, and known by a key (callback, occurrence, text) so reading the same taak again
 * adds nothing.
 *
 *   Doorgestuurd naar Team Vergunningen (Bianca de Vries, 28-11-2026 14:05): gaat over een dakkapel
 *   Afgehandeld: Klant geholpen (Kevin Mulder, 28-11-2026 15:30)
 *   Heropend (Bianca de Vries, 29-11-2026 09:12): klant belde opnieuw
 *
 * Lines written before the time was added carry the date alone (read as noon that day).
 */
import { createHash } from 'node:crypto';
import type { EventSoort } from '../store/callback-history';
import { parseToelichting } from './toelichting';

export interface LogRegel {
  soort: Extract<EventSoort, 'doorgestuurd' | 'afgehandeld' | 'heropend'>;
  door: string;
  /** ISO instant; minute precision (noon for a date-only line). */
  at: string;
  /** YYYY-MM-DD in Amsterdam, as the line says. */
  datum: string;
  /** doorgestuurd: the new assignee's name. */
  naar: string | null;
  /** afgehandeld: the resultaat. */
  uitkomst: string | null;
  /** doorgestuurd, heropend: the reason. */
  reden: string;
  /** Unique per callback and line (its text and how many identical lines precede it). */
  key: string;
}

const ZONE = 'Europe/Amsterdam';
const WANNEER = String.raw`(\d\d)-(\d\d)-(\d{4})(?: (\d\d):(\d\d))?`;
const DOORGESTUURD = new RegExp(String.raw`^Doorgestuurd naar (.+) \(([^()]+), ${WANNEER}\): ([\s\S]*)$`);
const AFGEHANDELD = new RegExp(String.raw`^Afgehandeld: (.+) \(([^()]+), ${WANNEER}\)$`);
const HEROPEND = new RegExp(String.raw`^Heropend \(([^()]+), ${WANNEER}\): ([\s\S]*)$`);

const parts = (instant: Date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

/** "28-11-2026 14:05" in Amsterdam: how a line states when. */
export function regelMoment(iso: string): string {
  const p = parts(new Date(iso));
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
}

/** YYYY-MM-DD in Amsterdam of an instant. */
export const amsterdamDatum = (iso: string) => {
  const p = parts(new Date(iso));
  return `${p.year}-${p.month}-${p.day}`;
};

/** A wall-clock time in Amsterdam as an ISO instant. */
function amsterdamInstant(y: string, m: string, d: string, hh: string, mm: string): string {
  const guess = Date.UTC(+y, +m - 1, +d, +hh, +mm);
  const p = parts(new Date(guess));
  const shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
  return new Date(guess - (shown - guess)).toISOString();
}

function wanneer(m: RegExpMatchArray, at: number): { at: string; datum: string } {
  const [d, mo, y, hh, mm] = [m[at], m[at + 1], m[at + 2], m[at + 3], m[at + 4]] as string[];
  return { at: amsterdamInstant(y!, mo!, d!, hh ?? '12', mm ?? '00'), datum: `${y}-${mo}-${d}` };
}

function readRegel(regel: string): Omit<LogRegel, 'key'> | null {
  let m = DOORGESTUURD.exec(regel);
  if (m) return { soort: 'doorgestuurd', door: m[2]!, ...wanneer(m, 3), naar: m[1]!, uitkomst: null, reden: m[8]! };
  m = AFGEHANDELD.exec(regel);
  if (m) return { soort: 'afgehandeld', door: m[2]!, ...wanneer(m, 3), naar: null, uitkomst: m[1]!, reden: '' };
  m = HEROPEND.exec(regel);
  if (m) return { soort: 'heropend', door: m[1]!, ...wanneer(m, 2), naar: null, uitkomst: null, reden: m[7]! };
  return null;
}

/** The history lines of a callback's toelichting, in order; other lines are left out. */
export function logRegels(callbackId: string, toelichting: string): LogRegel[] {
  const seen = new Map<string, number>();
  const out: LogRegel[] = [];
  for (const regel of parseToelichting(toelichting).regels) {
    const occurrence = seen.get(regel) ?? 0;
    seen.set(regel, occurrence + 1);
    const read = readRegel(regel);
    if (!read) continue;
    const hash = createHash('sha256').update(`${callbackId}\n${occurrence}\n${regel}`).digest('hex').slice(0, 32);
    out.push({ ...read, key: `regel:${hash}` });
  }
  return out;
}
