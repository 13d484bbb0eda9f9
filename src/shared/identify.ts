/**
 * What a clerk typed in the search field, classified and normalised: shared by the renderer
 * (the elfproef message as you type) and the core (which index to ask). Pure functions.
 */
import { isValidBsn } from './bsn';

export type SearchKind =
  | { kind: 'bsn'; bsn: string }
  | { kind: 'bsn-invalid'; digits: string }
  | { kind: 'kvk'; kvkNummer: string }
  | { kind: 'vestigingsnummer'; vestigingsnummer: string }
  | { kind: 'telefoon'; nummer: string }
  | { kind: 'email'; email: string }
  | { kind: 'postcode'; postcode: string; huisnummer: number | null; toevoeging: string | null }
  /** Only digits, but no whole key yet (a BSN, phone number or postcode still being typed). */
  | { kind: 'onvolledig'; digits: string }
  | { kind: 'naam'; text: string }
  /** Achternaam + geboortedatum (`Burger 12-03-1968`, `van der Berg 1968-03-12`): asked of the BRP. */
  | { kind: 'naam-geboortedatum'; achternaam: string; voorvoegsel: string | null; geboortedatum: string }
  /** Name words and something shaped like a date that is no date (`Burger 31-02-1968`). */
  | { kind: 'geboortedatum-invalid'; text: string };

/**
 * A Dutch phone number in one canonical form, `+31` followed by the national number without
 * the leading 0: `06-12345678`, `+31 6 1234 5678`, `0031612345678` and `(06) 123 456 78` all
 * become `+31612345678`. Foreign numbers keep their own country code (`+32…`). Null when it
 * is not a phone number.
 */
export function normalisePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^[+0-9 ().\-/]{3,30}$/.test(trimmed)) return null;
  // `+31 (0)6 1234 5678`: the (0) is a hint for national dialling, not part of the number.
  let digits = trimmed.replace(/\(0\)/g, '').replace(/[^0-9+]/g, '');
  if (digits.lastIndexOf('+') > 0) return null;
  if (digits.startsWith('+')) digits = `00${digits.slice(1)}`;
  let national: string;
  if (digits.startsWith('0031')) national = digits.slice(4);
  else if (digits.startsWith('00')) return /^00[1-9]\d{6,14}$/.test(digits) ? `+${digits.slice(2)}` : null;
  else if (digits.startsWith('0')) national = digits.slice(1);
  else return null;
  // Dutch national significant numbers have 9 digits (06, 010, 0800 have fewer or more: allow 7-10).
  return /^[1-9]\d{6,9}$/.test(national) ? `+31${national}` : null;
}

/** E-mail addresses compare case-insensitively (the local part too, in practice). */
export function normaliseEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254 ? value : null;
}

/** `8441 bb` → `8441BB`; null unless it is a Dutch postcode. */
export function normalisePostcode(raw: string): string | null {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  return /^[1-9]\d{3}[A-Z]{2}$/.test(value) && !/S[ADS]$/.test(value) ? value : null;
}

/** Huisnummertoevoeging (and huisletter) compared without case, spaces or dashes: `12 a`, `12-A` → `A`. */
export function normaliseToevoeging(raw: string | null | undefined): string | null {
  const value = (raw ?? '').replace(/[\s-]+/g, '').toUpperCase();
  return value.length > 0 ? value : null;
}

const POSTCODE_QUERY = /^([1-9]\d{3})\s*([a-zA-Z]{2})(?:[\s,]+(\d{1,5})(?:\s*-?\s*([a-zA-Z0-9]{1,4}))?)?$/;

/** Voorvoegsels (lowercase) split off the front of an achternaam: `van der Berg` → `van der` + `Berg`. */
export const VOORVOEGSELS: ReadonlySet<string> = new Set(['van', 'de', 'der', 'den', 'het', "'t", 'ter', 'ten', 'te', 'in', 'op', 'aan', 'bij', 'uit', 'von', 'la', 'le', 'du', 'da', 'di', "d'", 'del', 'des', "l'", 'vander']);
const NAAM_DATUM = /^([\p{L}' .-]*\p{L}[\p{L}' .-]*?)\s+(?:(\d{1,2})-(\d{1,2})-(\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))$/u;

/** `jjjj-mm-dd` when the parts form a real date between 1850 and today; otherwise null. */
export function isoDate(year: number, month: number, day: number, today = new Date()): string | null {
  if (year < 1850 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  const iso = d.toISOString().slice(0, 10);
  return iso <= today.toISOString().slice(0, 10) ? iso : null;
}

/** `Burger 12-3-1968` → achternaam Burger, geboortedatum 1968-03-12; null when it has not that shape. */
function naamGeboortedatum(text: string): SearchKind | null {
  const m = NAAM_DATUM.exec(text);
  if (!m) return null;
  const words = m[1]!.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && VOORVOEGSELS.has(words[i]!.toLowerCase())) i++;
  const voorvoegsel = i > 0 ? words.slice(0, i).join(' ').toLowerCase() : null;
  const achternaam = words.slice(i).join(' ');
  const geboortedatum = m[4] ? isoDate(Number(m[4]), Number(m[3]), Number(m[2])) : isoDate(Number(m[5]), Number(m[6]), Number(m[7]));
  if (!geboortedatum) return { kind: 'geboortedatum-invalid', text };
  return { kind: 'naam-geboortedatum', achternaam, voorvoegsel, geboortedatum };
}

/** Decides what the clerk is searching for. Digits-only input is a number, never a name. */
export function classifySearch(query: string): SearchKind {
  const text = query.trim();
  const metDatum = naamGeboortedatum(text);
  if (metDatum) return metDatum;
  if (text.includes('@')) {
    const email = normaliseEmail(text);
    if (email) return { kind: 'email', email };
    return { kind: 'naam', text };
  }
  const postcode = POSTCODE_QUERY.exec(text);
  if (postcode) {
    const code = normalisePostcode(`${postcode[1]}${postcode[2]}`);
    if (code) {
      return {
        kind: 'postcode',
        postcode: code,
        huisnummer: postcode[3] ? Number(postcode[3]) : null,
        toevoeging: normaliseToevoeging(postcode[4]),
      };
    }
  }
  const compact = text.replace(/[\s.\-()/]/g, '');
  if (/^\+?\d+$/.test(compact)) {
    if (!compact.startsWith('+') && !compact.startsWith('0')) {
      if (compact.length === 9) return isValidBsn(compact) ? { kind: 'bsn', bsn: compact } : { kind: 'bsn-invalid', digits: compact };
      if (compact.length === 8) return { kind: 'kvk', kvkNummer: compact };
    }
    // Vestigingsnummers are 12 digits, often zero-padded (000012345678); 0031… is a phone number.
    if (compact.length === 12 && !compact.startsWith('+') && !compact.startsWith('0031')) return { kind: 'vestigingsnummer', vestigingsnummer: compact };
    // A 9-digit number with a leading 0 can be a BSN (e.g. 012345672) or an incomplete phone number.
    if (compact.length === 9 && !compact.startsWith('+') && isValidBsn(compact)) return { kind: 'bsn', bsn: compact };
    const nummer = normalisePhone(text);
    if (nummer) return { kind: 'telefoon', nummer };
    if (compact.length === 9 && !compact.startsWith('+')) return { kind: 'bsn-invalid', digits: compact };
    return { kind: 'onvolledig', digits: compact };
  }
  return { kind: 'naam', text };
}

/** The clerk-facing explanation when the search cannot be run as typed (Dutch). */
export const BSN_INVALID_MESSAGE = 'Dit is geen geldig BSN: het voldoet niet aan de elfproef. Controleer de cijfers.';

/** The clerk-facing explanation when a name + date search has no valid date (Dutch). */
export const GEBOORTEDATUM_INVALID_MESSAGE = 'Dit is geen geldige geboortedatum. Typ achternaam en geboortedatum als dd-mm-jjjj, bijvoorbeeld Burger 12-03-1968.';
