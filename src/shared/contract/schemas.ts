/**
 * Domain shapes that cross the contract. Names follow domain.md; the renderer only ever sees
 * these (never remote shapes, never secrets, never an unmasked BSN unless asked for).
 */
import { z } from 'zod';
import { Role } from '../roles';

// Control characters are exactly what these patterns are meant to find.
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_CODE = /[\u0000-\u001F\u007F]/;
/** Half a surrogate pair: a broken copy; stored, it would silently become U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where a string holds a character no person typed, in words the clerk can act on; null when clean. */
export function invisibleCharacter(value: string, allowed: 'text' | 'code'): string | null {
  const control = (allowed === 'text' ? CONTROL_IN_TEXT : CONTROL_IN_CODE).exec(value);
  const surrogate = LONE_SURROGATE.exec(value);
  const hit = [control, surrogate].filter((m) => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!hit) return null;
  const code = hit[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `Bevat een onzichtbaar of ongeldig teken (U+${code}) op positie ${hit.index + 1}; haal het weg en typ het opnieuw.`;
}

/**
 * Free text typed by a clerk: no control characters (tab, newline and carriage return are
 * fine) and no half surrogate pairs. Refused, never cleaned: the text is a record and is not
 * changed behind the clerk's back (docs/architecture.md, "Wrong input refused at the door").
 */
export const clerkText = (max: number) =>
  z
    .string()
    .max(max, { message: `Maximaal ${max} tekens.` })
    .superRefine((v, ctx) => {
      const fault = invisibleCharacter(v, 'text');
      if (fault) ctx.addIssue({ code: 'custom', message: fault });
    });

/**
 * A code or name picked from a list (kanaal, groep, resultaat, e-mail of a colleague, an id):
 * trimmed, no control characters at all (not even tab or newline), no half surrogate pairs.
 * Refused: a cleaned code could match a different entry. Add `.min(1, …)` where it is required.
 */
export const code = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Maximaal ${max} tekens.` })
    .superRefine((v, ctx) => {
      const fault = invisibleCharacter(v, 'code');
      if (fault) ctx.addIssue({ code: 'custom', message: fault });
    });

export const LocalId = z.uuid({ message: 'Ongeldige verwijzing.' });
export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();

/** How far back a clerk's moment may lie: a contact finished from a draft kept over a long holiday. */
export const MOMENT_MAX_DAGEN_TERUG = 90;
/** How far ahead: a window's clock a little ahead of the core's. */
export const MOMENT_MAX_MINUTEN_VOORUIT = 5;

/**
 * A moment a clerk's input carries (when a contact started): only plausible ones. A year 1
 * or 9999 would reach the zaaksysteem and then break every read that counts werkdagen.
 */
export const clerkMoment = () =>
  IsoDateTime.superRefine((v, ctx) => {
    const at = Date.parse(v);
    const now = Date.now();
    if (at < now - MOMENT_MAX_DAGEN_TERUG * 86_400_000) {
      ctx.addIssue({ code: 'custom', message: `Dit tijdstip ligt meer dan ${MOMENT_MAX_DAGEN_TERUG} dagen terug; controleer de datum en tijd van deze computer.` });
    } else if (at > now + MOMENT_MAX_MINUTEN_VOORUIT * 60_000) {
      ctx.addIssue({ code: 'custom', message: 'Dit tijdstip ligt in de toekomst; controleer de datum en tijd van deze computer.' });
    }
  });

/** How far ahead a clerk may plan (a preferred day to be called back). */
export const DATUM_MAX_JAREN_VOORUIT = 1;

/** A day a clerk picks (e.g. when to call back): a real date, at most a year ahead. Past days are the service's call. */
export const clerkDate = () =>
  IsoDate.superRefine((v, ctx) => {
    const limit = new Date();
    limit.setUTCFullYear(limit.getUTCFullYear() + DATUM_MAX_JAREN_VOORUIT);
    if (v > limit.toISOString().slice(0, 10)) ctx.addIssue({ code: 'custom', message: `Kies een datum binnen ${DATUM_MAX_JAREN_VOORUIT} jaar.` });
  });

export const SyncState = z.enum(['sent', 'pending', 'failed']);
export type SyncState = z.infer<typeof SyncState>;

export const CustomerSummary = z.object({
  id: LocalId,
  soort: z.enum(['persoon', 'organisatie']),
  naam: z.string(),
  /** `*****3653`; the full BSN never leaves the core unless the clerk reveals it (logged). */
  bsnMasked: z.string().nullable(),
  kvkNummer: z.string().nullable(),
  adres: z.string().nullable(),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const CustomerDetail = CustomerSummary.extend({
  telefoonnummers: z.array(z.string()),
  emailadressen: z.array(z.string()),
  /** The source marks the person as secret (indicatieGeheimhouding): a "let op" for the clerk. */
  geheimhouding: z.boolean(),
  fetchedAt: IsoDateTime,
});
export type CustomerDetail = z.infer<typeof CustomerDetail>;

export const ContactItem = z.object({
  id: LocalId,
  customerId: LocalId,
  kanaal: z.string(),
  onderwerp: z.string(),
  inhoud: z.string(),
  plaatsgevondenOp: IsoDateTime,
  gespreksresultaat: z.string().nullable(),
  afdeling: z.string().nullable(),
  medewerker: z.string().nullable(),
  zaakIdentificaties: z.array(z.string()),
  /** sent: acknowledged by the zaaksysteem; pending: in the outbox; failed: parked with an error. */
  syncState: SyncState,
  syncError: z.string().nullable(),
  /** Kennisbank articles consulted for this contact (local contacts; issue 4). */
  kennisartikelen: z.array(z.object({ id: z.string(), titel: z.string() })).optional(),
  /** "Antwoord gevonden in de kennisbank"; null when not said. */
  antwoordGevonden: z.boolean().nullable().optional(),
});
export type ContactItem = z.infer<typeof ContactItem>;

export const ZaakItem = z.object({
  id: LocalId,
  identificatie: z.string(),
  omschrijving: z.string(),
  zaaktype: z.string(),
  status: z.string().nullable(),
  startdatum: IsoDate,
  einddatumGepland: IsoDate.nullable(),
  uiterlijkeEinddatumAfdoening: IsoDate.nullable(),
  einddatum: IsoDate.nullable(),
  /** Zaken started here: pending until the zaaksysteem acknowledged them (absent: from the source). */
  syncState: SyncState.optional(),
  syncError: z.string().nullable().optional(),
});
export type ZaakItem = z.infer<typeof ZaakItem>;

export const CustomerPicture = z.object({
  customer: CustomerDetail,
  contacts: z.array(ContactItem),
  zaken: z.array(ZaakItem),
  /** When the dossier was last refreshed from the zaaksysteem; null if never. */
  refreshedAt: IsoDateTime.nullable(),
  /** A background refresh was started by this call; `customer.refreshed` follows. */
  refreshing: z.boolean(),
});
export type CustomerPicture = z.infer<typeof CustomerPicture>;

export const SyncStatus = z.object({
  /** waiting: entries wait for their next attempt (never idle with work pending). */
  state: z.enum(['idle', 'syncing', 'offline', 'waiting']),
  /** Outbox entries not yet acknowledged by the zaaksysteem. */
  pending: z.number().int().nonnegative(),
  /** Entries parked after a permanent error; they need a person. */
  failed: z.number().int().nonnegative(),
  offlineSince: IsoDateTime.nullable(),
  lastSyncAt: IsoDateTime.nullable(),
  message: z.string().nullable(),
  /** A long sync under way (the partijen prefetch): what, how far, of how many (null: unknown). */
  progress: z.object({ what: z.string(), done: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable() }).nullable().default(null),
  /** The outbox being emptied: sent so far in this round, of how many (sent + still waiting). */
  sending: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable().default(null),
  /** When the first waiting entry is tried next (offline or waiting). */
  nextAttemptAt: IsoDateTime.nullable().default(null),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const UserInfo = z.object({
  id: z.string(),
  naam: z.string(),
  roles: z.array(Role),
});
export type UserInfo = z.infer<typeof UserInfo>;
