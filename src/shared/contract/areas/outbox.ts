import { z } from 'zod';
import type { Role } from '../../roles';
import { operation } from '../define';
import { VERWERKING } from '../verwerking-per-operatie';
import { clerkText, IsoDateTime } from '../schemas';

/** The clerk whose work it is, and the beheerder who keeps the installation running. */
const OUTBOX_REVIEWERS: readonly Role[] = ['balie', 'kcc', 'teamleider', 'beheerder'];

export const OutboxItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  /** What it is, in words: "Klantcontact: Vraag over parkeervergunning". */
  summary: z.string(),
  state: z.enum(['pending', 'parked']),
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
  }),
  'outbox.resend': operation({
    summary: 'Send a parked entry again, optionally corrected (onderwerp, inhoud). Steps already done stay done.',
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
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: z.object({ ok: z.literal(true) }),
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
