import { z } from 'zod';
import { RemoteError } from '../../adapters/types';
import type { Store } from '../../store';
import { LOCAL_URL_PREFIX } from '../../store/started-zaken';
import type { OutboxKind } from './types';
import { MissingLocalDataError, WaitingError } from './types';

/**
 * A person the BRP knows and Open Klant does not becomes a partij (issue 12). The local
 * customer row exists from the start (`local:<id>`); it gets the partij's URL on acknowledgement.
 * In the customer's lane, so it goes before every contact, zaak and callback of that customer.
 */
export const PartijPayload = z.object({
  customerId: z.string(),
  bsn: z.string(),
  voornamen: z.string().nullable(),
  voorvoegsel: z.string().nullable(),
  geslachtsnaam: z.string(),
  geheimhouding: z.boolean(),
});
export type PartijPayload = z.infer<typeof PartijPayload>;

export const partijKind: OutboxKind<PartijPayload> = {
  kind: 'partij',
  payload: PartijPayload,

  async send(adapter, p, log, { store }) {
    if (!store.customers.get(p.customerId)) throw new MissingLocalDataError('De klant staat niet meer in Klantbeeld.');
    if (!adapter.pushPartij) throw new RemoteError('Dit zaaksysteem kan geen klanten aanmaken.', 'permanent');
    return adapter.pushPartij({ bsn: p.bsn, voornamen: p.voornamen, voorvoegsel: p.voorvoegsel, geslachtsnaam: p.geslachtsnaam, geheimhouding: p.geheimhouding }, log);
  },

  acknowledged(store, p, result) {
    store.customers.acknowledgeLocal(p.customerId, z.object({ sourceUrl: z.string() }).parse(result).sourceUrl);
  },

  parked() {},
  announce() {},

  describe: (p) => `Klant aanmaken in Open Klant: ${[p.voornamen, p.voorvoegsel, p.geslachtsnaam].filter(Boolean).join(' ')}`,

  lane: (p) => `klant:${p.customerId}`,
};

/** Whether the customer's partij is still on its way (a contact for them must wait for it). */
export function awaitsPartij(customer: { sourceUrl: string } | undefined | null): boolean {
  return customer?.sourceUrl.startsWith(LOCAL_URL_PREFIX) ?? false;
}

/**
 * Throws WaitingError while the customer's partij is on its way (waiting or parked: it may be
 * resent); once a person discarded it, the entry that needs it parks with the reason.
 */
export function requirePartij(store: Store, customerId: string | null): void {
  if (customerId === null || !awaitsPartij(store.customers.get(customerId))) return;
  // The partij entry is the only one with the customer's id as its entity.
  if (store.outbox.openFor(customerId) > 0) throw new WaitingError('Wacht tot de klant in Open Klant is aangemaakt.');
  throw new MissingLocalDataError('De klant is niet in Open Klant aangemaakt (het aanmaken is afgebroken).');
}
