import { z } from 'zod';
import { isValidBsn } from '../../bsn';
import { FRONT_OFFICE } from '../../roles';
import { operation } from '../define';
import { code, IsoDateTime, LocalId } from '../schemas';
import { VERWERKINGSACTIVITEITEN, type VerwerkingsactiviteitKey } from '../verwerkingsactiviteiten';

const BEHEERDER = ['beheerder'] as const;
const activiteitKeys = Object.keys(VERWERKINGSACTIVITEITEN) as [VerwerkingsactiviteitKey, ...VerwerkingsactiviteitKey[]];
export const VERWERKINGEN_PAGE_SIZE = 50;

/** One verwerkingsactie as the beheerder sees it: the BSN masked until revealed (which is logged). */
export const VerwerkingItem = z.object({
  seq: z.number().int().positive(),
  actieId: z.string(),
  tijdstip: IsoDateTime,
  gebruiker: z.string(),
  actieNaam: z.string(),
  handelingNaam: z.string(),
  verwerkingNaam: z.string(),
  activiteit: z.enum(activiteitKeys).nullable(),
  vertrouwelijkheid: z.enum(['normaal', 'vertrouwelijk', 'opgeheven']),
  bewaartermijn: z.string(),
  objecten: z.array(
    z.object({
      soortObjectId: z.string(),
      /** A BSN as `*****3653`; other identifiers as they are. */
      objectIdMasked: z.string(),
      betrokkenheid: z.string(),
      soortenGegevens: z.array(z.string()),
    }),
  ),
  /** Handed to the outbox for the central Verwerkingenlogging. */
  verzonden: z.boolean(),
});
export type VerwerkingItem = z.infer<typeof VerwerkingItem>;

export const ChainStatus = z.object({
  ok: z.boolean(),
  checked: z.number().int().nonnegative(),
  lastSeq: z.number().int().nonnegative(),
  broken: z.object({ seq: z.number().int(), reden: z.enum(['gewijzigd', 'ontbrekend', 'verbroken', 'niet_verzegeld']) }).nullable(),
  checkedAt: IsoDateTime,
});
export type ChainStatus = z.infer<typeof ChainStatus>;

/** Shipping of the log to the central Verwerkingenlogging: whether it is stuck, and why. */
export const LogShipping = z.object({
  /** Actions the central log has not acknowledged yet (not yet handed over, waiting, held back or discarded). */
  onbevestigd: z.number().int().nonnegative(),
  /** Batches waiting in the outbox (retried automatically). */
  wachtend: z.number().int().nonnegative(),
  /** Batches held back after a permanent error: they need the beheerder (Wachtrij). */
  tegengehouden: z.number().int().nonnegative(),
  /** The error of the most recent failed attempt of a batch still open. */
  laatsteFout: z.string().nullable(),
});
export type LogShipping = z.infer<typeof LogShipping>;

export const verwerkingenOperations = {
  'verwerkingen.list': operation({
    summary: 'The verwerkingenlog for the beheerder, newest first, filtered by period, medewerker, BSN (exact, POST body only) and verwerkingsactiviteit.',
    input: z
      .object({
        van: IsoDateTime,
        tot: IsoDateTime,
        gebruiker: code(100).min(1).optional(),
        bsn: z.string().trim().refine(isValidBsn, { message: 'Geen geldig BSN (elfproef).' }).optional(),
        activiteit: z.enum(activiteitKeys).optional(),
        page: z.number().int().min(1).max(100_000).default(1),
      })
      .strict()
      .refine((v) => v.van < v.tot, { message: 'De begindatum ligt na de einddatum.', path: ['tot'] }),
    output: z.object({ items: z.array(VerwerkingItem), total: z.number().int().nonnegative(), page: z.number().int(), pageSize: z.number().int() }),
    roles: BEHEERDER,
    verwerking: {
      actie: 'Verwerkingenlog doorzocht op BSN',
      handeling: 'Raadplegen',
      activiteit: 'verantwoording',
      vertrouwelijkheid: 'normaal',
      bewaartermijn: 'P10Y',
      gegevensbron: 'Verwerkingenlog van Klantbeeld',
      objecten: [{ pad: 'input.bsn', soort: 'bsn', betrokkenheid: 'betrokkene', soortenGegevens: ['BSN', 'verwerkingen'] }],
    },
  }),
  'verwerkingen.verify': operation({
    summary: 'Walks the hash chain of the local verwerkingenlog and reports the first broken link (changed, missing or unsealed row), and how the shipping to the central log goes.',
    input: z.object({}).strict(),
    output: ChainStatus.extend({ verzending: LogShipping }),
    roles: BEHEERDER,
    verwerking: { geen: 'Controleert alleen hashes; geeft geen persoonsgegevens terug.' },
  }),
  'verwerkingen.revealBsn': operation({
    summary: 'The full identifiers of the persons in one verwerkingsactie, on the beheerder’s request; the reveal is itself logged.',
    input: z.object({ seq: z.number().int().positive() }).strict(),
    output: z.object({ objecten: z.array(z.object({ soortObjectId: z.string(), objectId: z.string() })) }),
    roles: BEHEERDER,
    verwerking: {
      actie: 'BSN in verwerkingenlog getoond',
      handeling: 'Raadplegen',
      activiteit: 'verantwoording',
      vertrouwelijkheid: 'vertrouwelijk',
      bewaartermijn: 'P10Y',
      gegevensbron: 'Verwerkingenlog van Klantbeeld',
      objecten: [{ pad: 'input.seq', soort: 'verwerkingsactie', betrokkenheid: 'betrokkene', soortenGegevens: ['BSN'] }],
    },
  }),
  'customers.forget': operation({
    summary:
      '"Vergeet deze persoon": removes every local trace of a customer at once (dossier, contacts, zaken, callbacks, drafts, sent outbox entries); unsent writes stay and are counted.',
    input: z.object({ customerId: LocalId }).strict(),
    output: z.object({ vergeten: z.literal(true), onverzonden: z.number().int().nonnegative() }),
    roles: FRONT_OFFICE,
    verwerking: {
      actie: 'Lokale gegevens van klant verwijderd',
      handeling: 'Verwijderen',
      activiteit: 'verantwoording',
      vertrouwelijkheid: 'normaal',
      bewaartermijn: 'P10Y',
      gegevensbron: 'Klantbeeld (lokale cache)',
      objecten: [{ pad: 'input.customerId', soort: 'klant', betrokkenheid: 'klant', soortenGegevens: ['naam', 'adres', 'contactgegevens', 'klantcontacten', 'zaken'] }],
    },
  }),
} as const;
