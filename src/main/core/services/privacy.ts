import { maskBsn } from '../../../shared/bsn';
import { VERWERKINGEN_PAGE_SIZE, type VerwerkingItem } from '../../../shared/contract';
import { VERWERKINGSACTIVITEITEN, type VerwerkingsactiviteitKey } from '../../../shared/contract/verwerkingsactiviteiten';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import { forgetCustomer } from '../privacy/forget';
import type { Verwerkingsactie } from '../privacy/chain';
import type { Store } from '../store';
import { acknowledgedUpTo, shippingState } from '../sync/kinds/verwerkingsacties';

const activiteitById = new Map(
  (Object.entries(VERWERKINGSACTIVITEITEN) as [VerwerkingsactiviteitKey, { id: string }][]).map(([key, a]) => [a.id, key]),
);

function toItem(actie: Verwerkingsactie, shipped: number): VerwerkingItem {
  return {
    seq: actie.seq,
    actieId: actie.actieId,
    tijdstip: actie.tijdstip,
    gebruiker: actie.gebruiker,
    actieNaam: actie.actieNaam,
    handelingNaam: actie.handelingNaam,
    verwerkingNaam: actie.verwerkingNaam,
    activiteit: activiteitById.get(actie.verwerkingsactiviteitId) ?? null,
    vertrouwelijkheid: actie.vertrouwelijkheid,
    bewaartermijn: actie.bewaartermijn,
    objecten: actie.verwerkteObjecten.map((o) => ({
      soortObjectId: o.soortObjectId,
      objectIdMasked: o.soortObjectId === 'BSN' ? maskBsn(o.objectId) : o.objectId,
      betrokkenheid: o.betrokkenheid,
      soortenGegevens: o.verwerkteSoortenGegevens.map((s) => s.soortGegeven),
    })),
    verzonden: actie.seq <= shipped,
  };
}

/** The beheerder's view of the verwerkingenlog, and "vergeet deze persoon" for the clerk. */
export function privacyHandlers(store: Store, onForget: () => void = () => {}): Pick<Handlers, 'verwerkingen.list' | 'verwerkingen.verify' | 'verwerkingen.revealBsn' | 'customers.forget'> {
  return {
    'verwerkingen.list': (input) => {
      const { items, total } = store.verwerkingen.list(
        {
          van: new Date(input.van).toISOString(),
          tot: new Date(input.tot).toISOString(),
          ...(input.gebruiker ? { gebruiker: input.gebruiker } : {}),
          ...(input.bsn ? { objectId: input.bsn } : {}),
          ...(input.activiteit ? { verwerkingsactiviteitId: VERWERKINGSACTIVITEITEN[input.activiteit].id } : {}),
        },
        VERWERKINGEN_PAGE_SIZE,
        (input.page - 1) * VERWERKINGEN_PAGE_SIZE,
      );
      const shipped = acknowledgedUpTo(store);
      return { items: items.map((a) => toItem(a, shipped)), total, page: input.page, pageSize: VERWERKINGEN_PAGE_SIZE };
    },
    'verwerkingen.verify': () => ({ ...store.verwerkingen.verify(), checkedAt: new Date().toISOString(), verzending: shippingState(store) }),
    'verwerkingen.revealBsn': ({ seq }) => {
      const actie = store.verwerkingen.get(seq);
      if (!actie) throw new ServiceError('not_found', 'Deze verwerkingsactie staat niet (meer) in het lokale log.');
      return { objecten: actie.verwerkteObjecten.map(({ soortObjectId, objectId }) => ({ soortObjectId, objectId })) };
    },
    'customers.forget': ({ customerId }) => {
      if (!store.customers.get(customerId)) throw new ServiceError('not_found', 'Deze klant staat niet (meer) in Klantbeeld.');
      const { onverzonden } = forgetCustomer(store, customerId);
      onForget();
      return { vergeten: true as const, onverzonden };
    },
  };
}
