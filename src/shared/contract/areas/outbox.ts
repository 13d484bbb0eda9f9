import { z } from 'zod';
import type { Role } from '../../roles';
import { operation } from '../define';
import { VERWERKING } from '../verwerking-per-operatie';
import { clerkText, IsoDateTime } from '../schemas';
import { callbackOperations } from './callbacks';

/** A parked terugbelverzoek is corrected with the same fields, checked the same way, as callbacks.create. */
const callbackFields = callbackOperations['callbacks.create'].input.shape;

/** The clerk whose work it is, and the beheerder who keeps the installation running. */
const OUTBOX_REVIEWERS: readonly Role[] = ['balie', 'kcc', 'teamleider', 'beheerder'];

export const OutboxItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  /** What it is, in words: "Klantcontact: Vraag over parkeervergunning". */
  summary: z.string(),
  state: z.enum(['pending', 'parked']),
  /** A terugbelverzoek (kind contactverzoek): what can be corrected before it is sent again. */
  callback: z
    .object({
      id: z.string(),
      toegewezenAan: z.array(z.object({ soort: z.enum(['afdeling', 'groep', 'medewerker']), code: z.string() })),
      telefoonnummers: z.array(z.string()),
      emailadressen: z.array(z.string()),
    })
    .nullable()
    .default(null),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: IsoDateTime,
  nextAttemptAt: IsoDateTime,
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const outboxOperations = {
  'outbox.list': operation({
    summary: 'What waits to be sent and what was parked after an error, parked first.',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(OutboxItem) }),
    roles: OUTBOX_REVIEWERS,
    verwerking: VERWERKING.wachtrijIngezien,
  }),
  'outbox.resend': operation({
    summary:
      'Send a parked entry again, optionally corrected (a klantcontact: onderwerp, inhoud; a terugbelverzoek: assignees, numbers, e-mail). Steps already done stay done.',
    input: z
      .object({
        id: z.number().int().positive(),
        fix: z
          .object({
            onderwerp: clerkText(200)
              .transform((v) => v.trim())
              .refine((v) => v.length > 0, { message: 'Vul het onderwerp in.' })
              .optional(),
            inhoud: clerkText(1000).optional(),
            toegewezenAan: callbackFields.toegewezenAan.optional(),
            // The phone rule is callbacks.create's (one place; src/shared/telefoon.ts when merged).
            telefoonnummers: callbackFields.telefoonnummers.unwrap().optional(),
            emailadressen: callbackFields.emailadressen.unwrap().optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    /** callbackId: the terugbelverzoek whose assignees or numbers were corrected (logged as a verwerking); null otherwise. */
    output: z.object({ ok: z.literal(true), callbackId: z.string().nullable().default(null) }),
    roles: OUTBOX_REVIEWERS,
    verwerking: VERWERKING.opnieuwVersturen,
  }),
  'outbox.discard': operation({
    summary: 'Give up a parked entry; it is kept on record with who discarded it and when.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: OUTBOX_REVIEWERS,
  }),
} as const;
