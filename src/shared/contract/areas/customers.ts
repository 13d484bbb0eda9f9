import { z } from 'zod';
import { FRONT_OFFICE } from '../../roles';
import { event, operation } from '../define';
import { clerkText, CustomerPicture, CustomerSummary, IsoDateTime, LocalId } from '../schemas';

export const customerOperations = {
  'customers.search': operation({
    summary: 'Find cached customers by name or BSN as the clerk types.',
    input: z
      .object({
        query: clerkText(100).transform((v) => v.trim()),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ results: z.array(CustomerSummary) }),
    roles: FRONT_OFFICE,
  }),
  'customers.open': operation({
    summary: 'The cached picture of one customer at once; a background refresh follows as `customer.refreshed`.',
    input: z.object({ customerId: LocalId, refresh: z.boolean().default(true) }).strict(),
    output: CustomerPicture,
    roles: FRONT_OFFICE,
  }),
} as const;

export const customerEvents = {
  'customer.refreshed': event({
    summary: 'A customer dossier was refreshed from the zaaksysteem (or the refresh failed).',
    payload: z.object({ customerId: LocalId, at: IsoDateTime, ok: z.boolean(), message: z.string().nullable() }),
  }),
} as const;
