/**
 * Domain shapes that cross the contract. Names follow domain.md; the renderer only ever sees
 * these (never remote shapes, never secrets, never an unmasked BSN unless asked for).
 */
import { z } from 'zod';
import { Role } from '../roles';

// Control characters are exactly what this pattern is meant to find.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Free text typed by a clerk: no control characters (newlines and tabs are fine). */
export const clerkText = (max: number) =>
  z.string().max(max, { message: `Maximaal ${max} tekens.` }).refine((v) => !CONTROL_CHARS.test(v), {
    message: 'Bevat ongeldige (stuur)tekens.',
  });

export const LocalId = z.uuid({ message: 'Ongeldige verwijzing.' });
export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();

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
