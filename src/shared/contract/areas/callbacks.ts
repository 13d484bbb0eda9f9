import { z } from 'zod';
import { FRONT_OFFICE } from '../../roles';
import { event, operation } from '../define';
import { clerkText, IsoDateTime, LocalId, SyncState } from '../schemas';

export const ActorTarget = z.object({
  soort: z.enum(['afdeling', 'groep', 'medewerker']),
  /** afdeling/groep: its code (e.g. VERG); medewerker: the e-mail address. */
  code: z.string().trim().min(1).max(100),
});

export const CallbackItem = z.object({
  id: LocalId,
  customerId: LocalId.nullable(),
  klantNaam: z.string().nullable(),
  onderwerp: z.string().nullable(),
  vraag: z.string(),
  toelichting: z.string(),
  status: z.enum(['te_verwerken', 'verwerkt']),
  toegewezenAan: z.array(z.object({ soort: z.string(), code: z.string().nullable(), naam: z.string() })),
  toegewezenOp: IsoDateTime.nullable(),
  aangemaaktOp: IsoDateTime,
  syncState: SyncState,
  syncError: z.string().nullable(),
});
export type CallbackItem = z.infer<typeof CallbackItem>;

export const callbackOperations = {
  'callbacks.create': operation({
    summary: 'Register a terugbelverzoek: the klantcontact and the interne taak for colleagues, sent through the outbox.',
    input: z
      .object({
        /** null: an unknown caller; then bellerNaam and a number are needed. */
        customerId: LocalId.nullable(),
        bellerNaam: clerkText(200).optional(),
        kanaal: z.string().trim().min(1).max(50),
        onderwerp: clerkText(200)
          .transform((v) => v.trim())
          .refine((v) => v.length > 0, { message: 'Vul het onderwerp in.' }),
        inhoud: clerkText(1000).default(''),
        vraag: clerkText(200)
          .transform((v) => v.trim())
          .refine((v) => v.length > 0, { message: 'Vul in wat de collega moet doen.' })
          .default('Contact opnemen met betrokkene'),
        /** The internal note for the colleague; never shown to the customer. */
        toelichting: clerkText(1000).default(''),
        toegewezenAan: z.array(ActorTarget).min(1, { message: 'Kies voor wie het terugbelverzoek is.' }).max(5),
        telefoonnummers: z.array(z.string().trim().regex(/^[+0-9 ()-]{6,20}$/, { message: 'Ongeldig telefoonnummer.' })).max(3).default([]),
        emailadressen: z.array(z.email({ message: 'Ongeldig e-mailadres.' }).max(80)).max(3).default([]),
      })
      .strict(),
    output: CallbackItem,
    roles: FRONT_OFFICE,
  }),
  'callbacks.list': operation({
    summary: 'Open terugbelverzoeken in my own work queue or my groepen, plus the ones registered here and not yet sent.',
    input: z.object({ queue: z.enum(['mine', 'groups']).default('groups') }).strict(),
    output: z.object({ items: z.array(CallbackItem), refreshedAt: IsoDateTime.nullable() }),
    roles: FRONT_OFFICE,
  }),
  'callbacks.forCustomer': operation({
    summary: 'The open terugbelverzoeken of one customer: the ones registered here and the ones seen in the work queues.',
    input: z.object({ customerId: LocalId }).strict(),
    output: z.object({ items: z.array(CallbackItem) }),
    roles: FRONT_OFFICE,
  }),
} as const;

export const callbackEvents = {
  'callback.synced': event({
    summary: 'A registered terugbelverzoek was acknowledged, or parked with an error.',
    payload: z.object({ callbackId: LocalId, customerId: LocalId.nullable(), syncState: SyncState, syncError: z.string().nullable() }),
  }),
  'callbacks.changed': event({
    summary: 'The work queues were refreshed from the zaaksysteem.',
    payload: z.object({ at: IsoDateTime }),
  }),
} as const;
