/** Starting a zaak from the contact form: the catalogus picker and the local-first create. */
import { z } from 'zod';
import { FRONT_OFFICE } from '../../roles';
import { event, operation } from '../define';
import { VERWERKING } from '../verwerking-per-operatie';
import { clerkText, code, IsoDateTime, LocalId, SyncState, ZaakItem } from '../schemas';

export const Zaaktype = z.object({
  url: z.string(),
  identificatie: z.string(),
  omschrijving: z.string(),
  /** Validity of this version (dates); a zaak starts only on a version valid today. */
  beginGeldigheid: z.string().optional(),
  eindeGeldigheid: z.string().nullable().optional(),
});
export type Zaaktype = z.infer<typeof Zaaktype>;

export const zaakStartOperations = {
  'zaken.zaaktypen': operation({
    summary: 'The published zaaktypen of the catalogus (cached; refreshed in the background).',
    input: z.object({ refresh: z.boolean().default(false) }).strict(),
    output: z.object({ zaaktypen: z.array(Zaaktype), fetchedAt: IsoDateTime.nullable(), message: z.string().nullable() }),
    roles: FRONT_OFFICE,
  }),
  'zaken.start': operation({
    summary: 'Start a zaak for a customer (initiator): written locally with its outbox entry in one transaction.',
    input: z
      .object({
        customerId: LocalId,
        zaaktypeUrl: code(1000).min(1, { message: 'Kies een zaaktype.' }),
        omschrijving: clerkText(80)
          .transform((v) => v.trim())
          .refine((v) => v.length > 0, { message: 'Vul een korte omschrijving in.' }),
      })
      .strict(),
    output: ZaakItem,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.zaakAangemaakt,
  }),
} as const;

export const zaakStartEvents = {
  'zaak.synced': event({
    summary: 'A zaak started here changed sync state (acknowledged, or parked with an error).',
    payload: z.object({
      customerId: LocalId,
      zaakId: LocalId,
      syncState: SyncState,
      syncError: z.string().nullable(),
      identificatie: z.string().nullable(),
    }),
  }),
} as const;
