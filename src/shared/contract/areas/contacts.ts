import { z } from 'zod';
import { FRONT_OFFICE } from '../../roles';
import { event, operation } from '../define';
import { clerkText, ContactItem, LocalId, SyncState } from '../schemas';

export const contactOperations = {
  'contacts.register': operation({
    summary: 'Register a klantcontact: written locally with its outbox entry in one transaction.',
    input: z
      .object({
        customerId: LocalId,
        kanaal: z.string().trim().min(1, { message: 'Kies een kanaal.' }).max(50),
        onderwerp: clerkText(200)
          .transform((v) => v.trim())
          .refine((v) => v.length > 0, { message: 'Vul het onderwerp in.' }),
        inhoud: clerkText(1000).default(''),
      })
      .strict(),
    output: ContactItem,
    roles: FRONT_OFFICE,
  }),
} as const;

export const contactEvents = {
  'contact.synced': event({
    summary: 'A registered contact changed sync state (acknowledged, or parked with an error).',
    payload: z.object({ customerId: LocalId, contactId: LocalId, syncState: SyncState, syncError: z.string().nullable() }),
  }),
} as const;
