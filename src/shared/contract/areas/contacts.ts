import { z } from 'zod';
import { FRONT_OFFICE } from '../../roles';
import { event, operation } from '../define';
import { VERWERKING } from '../verwerking-per-operatie';
import { clerkMoment, clerkText, code, ContactItem, LocalId, SyncState } from '../schemas';
import { refineTelefoon } from '../../telefoon';

/** One vraag of a contact; each becomes its own klantcontact. */
export const FinishVraag = z
  .object({
    onderwerp: clerkText(200)
      .transform((v) => v.trim())
      .refine((v) => v.length > 0, { message: 'Vul het onderwerp in.' }),
    inhoud: clerkText(1000).default(''),
    gespreksresultaat: code(100).min(1, { message: 'Kies een gespreksresultaat.' }),
    afdeling: code(100).default(''),
    /** Local ids of the customer's zaken this vraag was about. */
    zaakIds: z.array(LocalId).max(20).default([]),
  })
  .strict();

export const contactOperations = {
  'contacts.register': operation({
    summary: 'Register a klantcontact: written locally with its outbox entry in one transaction.',
    input: z
      .object({
        customerId: LocalId,
        kanaal: code(50).min(1, { message: 'Kies een kanaal.' }),
        onderwerp: clerkText(200)
          .transform((v) => v.trim())
          .refine((v) => v.length > 0, { message: 'Vul het onderwerp in.' }),
        inhoud: clerkText(1000).default(''),
        /** Kennisbank articles consulted (issue 4) and "antwoord gevonden in de kennisbank". */
        geraadpleegdeArtikelen: z.array(code(200).min(1)).max(20).default([]),
        antwoordGevonden: z.boolean().nullable().default(null),
      })
      .strict(),
    output: ContactItem,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.contactVastgelegd,
  }),
  'contacts.finish': operation({
    summary:
      'Finish an open contact: every vraag becomes its own klantcontact; all of them, their outbox entries and the removal of the draft in one transaction.',
    input: z
      .object({
        draftId: LocalId,
        /** null: an unknown caller (no partij is created; name and number go with the klantcontact). */
        customerId: LocalId.nullable(),
        kanaal: code(50).min(1, { message: 'Kies een kanaal.' }),
        bellerNaam: clerkText(200).default(''),
        bellerNummer: z
          .string()
          .trim()
          .max(20, { message: 'Maximaal 20 tekens.' })
          .superRefine((v, ctx) => {
            if (v !== '') refineTelefoon(v, ctx);
          })
          .default(''),
        startedAt: clerkMoment(),
        vragen: z.array(FinishVraag).min(1, { message: 'Voeg een vraag toe.' }).max(20),
        /** Kennisbank articles consulted during this contact (issue 4); every klantcontact of it carries them. */
        geraadpleegdeArtikelen: z.array(code(200).min(1)).max(20).default([]),
        /** "Antwoord gevonden in de kennisbank": ja (true), nee (false), or not said (null). */
        antwoordGevonden: z.boolean().nullable().default(null),
      })
      .strict(),
    output: z.object({ contacts: z.array(ContactItem) }),
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.contactVastgelegd,
  }),
} as const;

export const contactEvents = {
  'contact.synced': event({
    summary: 'A registered contact changed sync state (acknowledged, or parked with an error).',
    payload: z.object({ customerId: LocalId, contactId: LocalId, syncState: SyncState, syncError: z.string().nullable() }),
  }),
} as const;
