import { z } from 'zod';
import type { OutboxKind } from './types';
import { MissingLocalDataError } from './types';

/** What a `zaak` outbox entry carries: a zaak started from the contact form, the customer its initiator. */
export const ZaakPayload = z.object({
  zaakId: z.string(),
  customerId: z.string(),
  zaaktypeUrl: z.string(),
  omschrijving: z.string(),
  startdatum: z.string(),
  kanaal: z.string().nullable(),
});
export type ZaakPayload = z.infer<typeof ZaakPayload>;

const Result = z.object({ sourceUrl: z.string(), identificatie: z.string(), status: z.string().nullable() });

/** Three resumable steps in the adapter: zaak, initiator rol, first status. */
export const zaakKind: OutboxKind<ZaakPayload> = {
  kind: 'zaak',
  payload: ZaakPayload,

  async send(adapter, zaak, log, { store, idempotencyKey }) {
    const customer = store.customers.get(zaak.customerId);
    if (!customer) throw new MissingLocalDataError('De zaak verwijst naar een klant die niet meer in de cache staat.');
    return adapter.pushZaak(
      {
        idempotencyKey,
        customer: { sourceUrl: customer.sourceUrl, bsn: customer.bsn, kvkNummer: customer.kvkNummer },
        zaaktypeUrl: zaak.zaaktypeUrl,
        omschrijving: zaak.omschrijving,
        startdatum: zaak.startdatum,
        kanaal: zaak.kanaal,
      },
      log,
    );
  },

  acknowledged(store, zaak, result) {
    const { sourceUrl, identificatie, status } = Result.parse(result);
    store.startedZaken.acknowledge(zaak.zaakId, sourceUrl, identificatie, status);
  },

  parked(store, zaak, reason) {
    store.startedZaken.setSyncState(zaak.zaakId, 'failed', reason);
  },

  announce(events, zaak, outcome) {
    events.emit('zaak.synced', {
      customerId: zaak.customerId,
      zaakId: zaak.zaakId,
      syncState: outcome.state,
      syncError: outcome.error,
      identificatie: null,
    });
  },

  lane: (zaak) => `klant:${zaak.customerId}`,
};
