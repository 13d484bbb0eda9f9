import { z } from 'zod';
import type { CallbackAdapter, ZaaksysteemAdapter } from '../../adapters/types';
import { RemoteError } from '../../adapters/types';
import type { OutboxKind } from './types';
import { MissingLocalDataError } from './types';
import { requirePartij } from './partij';

const Target = z.object({ soort: z.enum(['afdeling', 'groep', 'medewerker']), code: z.string() });

/** A terugbelverzoek on its way: the klantcontact it came from and the interne taak for colleagues. */
export const ContactverzoekPayload = z.object({
  callbackId: z.string(),
  /** The local timeline row of the klantcontact; absent for an unknown caller. */
  contactId: z.string().nullable(),
  customerId: z.string().nullable(),
  kanaal: z.string(),
  onderwerp: z.string(),
  inhoud: z.string(),
  plaatsgevondenOp: z.string(),
  medewerker: z.object({ id: z.string(), naam: z.string(), email: z.string() }),
  beller: z.object({ naam: z.string(), nummer: z.string() }).optional(),
  vraag: z.string(),
  toelichting: z.string(),
  toegewezenAan: z.array(Target).min(1),
  telefoonnummers: z.array(z.string()),
  emailadressen: z.array(z.string()),
});
export type ContactverzoekPayload = z.infer<typeof ContactverzoekPayload>;

/** The adapter's callback part; a zaaksysteem without interne taken parks the entry. */
export function callbacksOf(adapter: ZaaksysteemAdapter): CallbackAdapter {
  if ('pushCallback' in adapter && 'listWorkQueue' in adapter) return adapter as ZaaksysteemAdapter & CallbackAdapter;
  throw new RemoteError('Dit zaaksysteem kent geen terugbelverzoeken.', 'permanent');
}

export const contactverzoekKind: OutboxKind<ContactverzoekPayload> = {
  kind: 'contactverzoek',
  payload: ContactverzoekPayload,

  async send(adapter, p, log, { store, idempotencyKey }) {
    const customer = p.customerId === null ? null : store.customers.get(p.customerId);
    if (p.customerId !== null && !customer) throw new MissingLocalDataError('Het terugbelverzoek verwijst naar een klant die niet meer in de cache staat.');
    requirePartij(store, p.customerId);
    return callbacksOf(adapter).pushCallback(
      {
        contact: {
          idempotencyKey,
          customer: customer ? { sourceUrl: customer.sourceUrl, bsn: customer.bsn, kvkNummer: customer.kvkNummer } : null,
          kanaal: p.kanaal,
          onderwerp: p.onderwerp,
          inhoud: p.inhoud,
          plaatsgevondenOp: p.plaatsgevondenOp,
          medewerker: p.medewerker,
          gespreksresultaat: 'terugbelverzoek',
          ...(p.beller ? { beller: p.beller } : {}),
        },
        vraag: p.vraag,
        toelichting: p.toelichting,
        toegewezenAan: p.toegewezenAan,
        telefoonnummers: p.telefoonnummers,
        emailadressen: p.emailadressen,
      },
      log,
    );
  },

  acknowledged(store, p, result) {
    const { sourceUrl, klantcontactUrl } = z.object({ sourceUrl: z.string(), klantcontactUrl: z.string() }).parse(result);
    store.callbacks.setSyncState(p.callbackId, 'sent', null, sourceUrl, klantcontactUrl);
    store.callbacks.history.setCreatedEventSyncState(p.callbackId, 'sent', klantcontactUrl);
    if (p.contactId) store.contacts.setSyncState(p.contactId, 'sent', null, klantcontactUrl);
  },

  parked(store, p, reason) {
    store.callbacks.setSyncState(p.callbackId, 'failed', reason);
    store.callbacks.history.setCreatedEventSyncState(p.callbackId, 'failed');
    if (p.contactId) store.contacts.setSyncState(p.contactId, 'failed', reason);
  },

  announce(events, p, outcome) {
    events.emit('callback.synced', { callbackId: p.callbackId, customerId: p.customerId, syncState: outcome.state, syncError: outcome.error });
    if (p.contactId && p.customerId) {
      events.emit('contact.synced', { customerId: p.customerId, contactId: p.contactId, syncState: outcome.state, syncError: outcome.error });
    }
  },

  describe(p) {
    return `Terugbelverzoek: ${p.vraag}`;
  },

  discarded(store, p) {
    store.callbacks.remove(p.callbackId);
    if (p.contactId) store.contacts.remove(p.contactId);
  },

  lane: (p) => (p.customerId ? `klant:${p.customerId}` : `terugbelverzoek:${p.callbackId}`),
};
