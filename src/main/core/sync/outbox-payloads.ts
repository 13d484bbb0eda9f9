import { z } from 'zod';

/** What a `klantcontact` outbox entry carries: enough to resend it without the UI. */
export const KlantcontactPayload = z.object({
  contactId: z.string(),
  customerId: z.string(),
  kanaal: z.string(),
  onderwerp: z.string(),
  inhoud: z.string(),
  plaatsgevondenOp: z.string(),
  medewerker: z.object({ id: z.string(), naam: z.string(), email: z.string() }),
});
export type KlantcontactPayload = z.infer<typeof KlantcontactPayload>;
