import { z } from 'zod';
import type { OutboxKind } from './types';
import { MissingLocalDataError } from './types';
import { requirePartij } from './partij';

/** What a `klantcontact` outbox entry carries: enough to resend it without the UI. */
export const KlantcontactPayload = z.object({
  contactId: z.string(),
  /** null: an unknown caller (then `beller` carries name and number; there is no local row). */
  customerId: z.string().nullable(),
  kanaal: z.string(),
  onderwerp: z.string(),
  inhoud: z.string(),
  plaatsgevondenOp: z.string(),
  medewerker: z.object({ id: z.string(), naam: z.string(), email: z.string() }),
  gespreksresultaat: z.string().optional(),
  afdeling: z.string().optional(),
  /** Local ids of linked zaken; resolved to their uuid when sent (a zaak started here goes first). */
  zaakIds: z.array(z.string()).optional(),
  beller: z.object({ naam: z.string(), nummer: z.string() }).optional(),
  kennisartikelen: z.array(z.object({ id: z.string(), titel: z.string() })).optional(),
  antwoordGevonden: z.boolean().optional(),
});
export type KlantcontactPayload = z.infer<typeof KlantcontactPayload>;

export const klantcontactKind: OutboxKind<KlantcontactPayload> = {
  kind: 'klantcontact',
  payload: KlantcontactPayload,

  async send(adapter, contact, log, { store, idempotencyKey }) {
    const customer = contact.customerId === null ? null : store.customers.get(contact.customerId);
    if (contact.customerId !== null && !customer) {
      throw new MissingLocalDataError('Het contact verwijst naar een klant die niet meer in de cache staat.');
    }
    requirePartij(store, contact.customerId);
    const zaakUuids = (contact.zaakIds ?? []).flatMap((id) => {
      const url = store.startedZaken.ref(id)?.sourceUrl;
      return url ? [url.replace(/\/$/, '').split('/').at(-1) ?? url] : [];
    });
    return adapter.pushContact(
      {
        idempotencyKey,
        customer: customer ? { sourceUrl: customer.sourceUrl, bsn: customer.bsn, kvkNummer: customer.kvkNummer } : null,
        kanaal: contact.kanaal,
        onderwerp: contact.onderwerp,
        inhoud: contact.inhoud,
        plaatsgevondenOp: contact.plaatsgevondenOp,
        medewerker: contact.medewerker,
        gespreksresultaat: contact.gespreksresultaat,
        afdeling: contact.afdeling,
        zaakUuids,
        beller: contact.beller,
        kennisartikelen: contact.kennisartikelen,
        antwoordGevonden: contact.antwoordGevonden,
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

  describe(contact) {
    return `Klantcontact (${contact.kanaal}): ${contact.onderwerp}`;
  },

  correct(store, contact, fix) {
    const corrected = { ...contact, onderwerp: fix.onderwerp ?? contact.onderwerp, inhoud: fix.inhoud ?? contact.inhoud };
    store.contacts.correct(contact.contactId, corrected.onderwerp, corrected.inhoud);
    return corrected;
  },

  discarded(store, contact) {
    store.contacts.remove(contact.contactId);
  },

  announce(events, contact, outcome) {
    if (contact.customerId === null) return;
    events.emit('contact.synced', {
      customerId: contact.customerId,
      contactId: contact.contactId,
      syncState: outcome.state,
      syncError: outcome.error,
    });
  },

  lane: (contact) => (contact.customerId ? `klant:${contact.customerId}` : `contact:${contact.contactId}`),
};
