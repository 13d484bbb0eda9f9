import { z } from 'zod';
import { FRONT_OFFICE } from '../../roles';
import { event, operation } from '../define';
import { VERWERKING } from '../verwerking-per-operatie';
import { clerkText, CustomerPicture, CustomerSummary, IsoDateTime, LocalId } from '../schemas';

/** What the search understood the query to be (shared/identify.ts classifySearch). */
export const SearchKindName = z.enum(['bsn', 'bsn-invalid', 'kvk', 'vestigingsnummer', 'telefoon', 'email', 'postcode', 'onvolledig', 'naam', 'naam-geboortedatum', 'geboortedatum-invalid']);
export type SearchKindName = z.infer<typeof SearchKindName>;

const SearchInput = z
  .object({
    query: clerkText(100).transform((v) => v.trim()),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();

/** Where a search result came from: the local index, or the register that was asked (issue 12). */
export const Bron = z.enum(['lokaal', 'openklant', 'brp', 'kvk']);
export type Bron = z.infer<typeof Bron>;
/** What the BRP says the clerk must see: geheimhouding, overleden, ingeschreven in de RNI (not living here). */
export const RegisterMelding = z.enum(['geheimhouding', 'overleden', 'rni']);

export const SearchHit = CustomerSummary.extend({
  bron: Bron.optional(),
  meldingen: z.array(RegisterMelding).optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** A person (BRP) or organisation (KvK) without a partij in Open Klant yet; `sleutel` is opaque, the BSN stays in the core. */
export const RegisterOnlyHit = z.object({
  sleutel: z.string().uuid(),
  soort: z.enum(['persoon', 'organisatie']),
  bron: z.enum(['brp', 'kvk']),
  naam: z.string(),
  adres: z.string().nullable(),
  bsnMasked: z.string().nullable(),
  kvkNummer: z.string().nullable(),
  meldingen: z.array(RegisterMelding),
});
export type RegisterOnlyHit = z.infer<typeof RegisterOnlyHit>;

const SearchOutput = z.object({
  results: z.array(SearchHit),
  /** Absent in answers of older cores; the renderer treats that as `naam`. */
  kind: SearchKindName.optional(),
  /** Why nothing was searched (e.g. a BSN that fails the elfproef), in Dutch; null otherwise. */
  message: z.string().nullable().optional(),
});

/** A screen-pop: the caller's number and who it may be. */
export const ScreenPop = z.object({
  /** The number as normalised (`+31612345678`); the raw input when it could not be normalised. */
  nummer: z.string(),
  /** Exactly one match: open this customer and start a telephone contact. */
  customerId: LocalId.nullable(),
  /** Several matches: let the clerk choose. None: an unknown caller. */
  candidates: z.array(CustomerSummary),
  at: IsoDateTime,
});
export type ScreenPop = z.infer<typeof ScreenPop>;

export const customerOperations = {
  'customers.search': operation({
    summary: 'Find cached customers as the clerk types: BSN, KvK, vestigingsnummer, phone, e-mail, postcode + huisnummer or name.',
    input: SearchInput,
    output: SearchOutput,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.klantZoeken,
  }),
  'customers.searchRemote': operation({
    summary: 'Ask Open Klant and the registers (BRP, KvK) for matches not yet cached; found partijen are cached and returned marked by source, register-only persons and organisations separately.',
    input: SearchInput,
    output: SearchOutput.extend({ searched: z.boolean(), registers: z.array(RegisterOnlyHit).optional() }),
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.klantZoekenExtern,
  }),
  'customers.fromRegister': operation({
    summary: 'A person only the BRP knows (a register-only hit of the last search) becomes a customer: cached at once, the partij created in Open Klant through the outbox.',
    input: z.object({ sleutel: z.string().uuid() }).strict(),
    output: z.object({ customerId: LocalId }),
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.klantUitRegister,
  }),
  'customers.open': operation({
    summary: 'The cached picture of one customer at once; a background refresh follows as `customer.refreshed`.',
    input: z.object({ customerId: LocalId, refresh: z.boolean().default(true) }).strict(),
    output: CustomerPicture,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.klantGeopend,
  }),
  'customers.revealBsn': operation({
    summary: "Shows a customer's full BSN on the clerk's request; every reveal is logged in verwerkingen.",
    input: z.object({ customerId: LocalId }).strict(),
    output: z.object({ bsn: z.string().nullable() }),
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.bsnGetoond,
  }),
  'customers.screenPop': operation({
    summary: 'An incoming call: finds the caller by phone number and announces it as `screenpop` to every window.',
    input: z.object({ nummer: z.string().min(1).max(40) }).strict(),
    output: ScreenPop,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.bellerHerkend,
  }),
} as const;

export const customerEvents = {
  'customer.refreshed': event({
    summary: 'A customer dossier was refreshed from the zaaksysteem (or the refresh failed).',
    payload: z.object({ customerId: LocalId, at: IsoDateTime, ok: z.boolean(), message: z.string().nullable() }),
  }),
  'customers.index': event({
    summary: 'The local customer index is re-read (at sign-in: `bezig`) and ready (`klaar`): the search asks again.',
    payload: z.object({ state: z.enum(['bezig', 'klaar']), at: IsoDateTime }),
  }),
  screenpop: event({
    summary: 'A call came in (protocol link, second start, loopback POST): the window opens the caller or the candidates.',
    payload: ScreenPop,
  }),
} as const;
