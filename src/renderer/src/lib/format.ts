/**
 * Dates and times as the clerk reads them: always in Europe/Amsterdam, whatever the machine's
 * time zone; date-only values (zaak dates) are calendar dates and never shift a day.
 */
export const TIME_ZONE = 'Europe/Amsterdam';

const INTL_LOCALE: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' };
const intlLocale = (locale: string) => INTL_LOCALE[locale] ?? locale;

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: TIME_ZONE,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** A calendar date `YYYY-MM-DD`, e.g. "24 nov. 2025". */
export function formatDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** Today's calendar date in Amsterdam, `YYYY-MM-DD`. */
export function todayInAmsterdam(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whole calendar days from today (Amsterdam) until `isoDate`; negative when it has passed. */
export function daysUntil(isoDate: string, now: Date = new Date()): number {
  const day = 86_400_000;
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - Date.parse(`${todayInAmsterdam(now)}T00:00:00Z`)) / day);
}
