import { z } from 'zod';
import type { OutboxKind } from './types';
import { MissingLocalDataError } from './types';

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

export const klantcontactKind: OutboxKind<KlantcontactPayload> = {
  kind: 'klantcontact',
  payload: KlantcontactPayload,

  async send(adapter, contact, log, { store, idempotencyKey }) {
    const customer = store.customers.get(contact.customerId);
    if (!customer) throw new MissingLocalDataError('Het contact verwijst naar een klant die niet meer in de cache staat.');
    return adapter.pushContact(
      {
        idempotencyKey,
        customer: { sourceUrl: customer.sourceUrl, bsn: customer.bsn, kvkNummer: customer.kvkNummer },
        kanaal: contact.kanaal,
        onderwerp: contact.onderwerp,
        inhoud: contact.inhoud,
        plaatsgevondenOp: contact.plaatsgevondenOp,
        medewerker: contact.medewerker,
      },
      log,
    );
  },

  acknowledged(store, contact, result) {
    const sourceUrl = z.object({ sourceUrl: z.string() }).parse(result).sourceUrl;
    store.contacts.setSyncState(contact.contactId, 'sent', null, sourceUrl);
  },

  parked(store, contact, reason) {
    store.contacts.setSyncState(contact.contactId, 'failed', reason);
  },

  announce(events, contact, outcome) {
    events.emit('contact.synced', {
      customerId: contact.customerId,
      contactId: contact.contactId,
      syncState: outcome.state,
      syncError: outcome.error,
    });
  },
};
