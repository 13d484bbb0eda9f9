import { randomUUID } from 'node:crypto';
import type { ZaakItem } from '../../../shared/contract';
import type { Zaaktype } from '../../../shared/contract/areas/zaak-start';
import type { ZaaksysteemAdapter } from '../adapters/types';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import type { Store } from '../store';
import type { ZaakPayload } from '../sync/kinds/zaak';
import { dateInNetherlands } from '../util/local-date';

/** Where the zaaktypen list is kept in remote_cache (one row, the whole list). */
const ZAAKTYPEN_KEY = 'klantbeeld:zaaktypen';
const ZAAKTYPEN_MAX_AGE_MS = 60 * 60 * 1000;

/** Starting a zaak from the contact form, local-first through the outbox. */
export class ZaakStartService {
  private refreshing: Promise<void> | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly store: Store,
    private readonly adapter: Pick<ZaaksysteemAdapter, 'listZaaktypen'>,
    private readonly kick: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private cached(): { zaaktypen: Zaaktype[]; fetchedAt: string } | null {
    const row = this.store.remoteCache.get(ZAAKTYPEN_KEY);
    return row ? { zaaktypen: row.body as Zaaktype[], fetchedAt: row.fetchedAt } : null;
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.adapter
      .listZaaktypen()
      .then((list) => {
        this.store.remoteCache.put(ZAAKTYPEN_KEY, 'zaaktypen', list, null, this.now().toISOString());
        this.lastError = null;
      })
      .catch((error: unknown) => {
        this.lastError = `De zaaktypen konden niet worden opgehaald: ${(error as Error).message}`;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** The cached list at once (refreshed in the background when old); waits only when nothing is cached. */
  async zaaktypen(forceRefresh: boolean) {
    let cached = this.cached();
    const old = !cached || this.now().getTime() - Date.parse(cached.fetchedAt) > ZAAKTYPEN_MAX_AGE_MS;
    if (!cached || forceRefresh) {
      await this.refresh();
      cached = this.cached();
    } else if (old) {
      void this.refresh();
    }
    return { zaaktypen: cached?.zaaktypen ?? [], fetchedAt: cached?.fetchedAt ?? null, message: this.lastError };
  }

  /** The local zaak row and its outbox entry in one transaction: under open zaken at once. */
  start(input: { customerId: string; zaaktypeUrl: string; omschrijving: string }, kanaal: string | null = null): ZaakItem {
    const customer = this.store.customers.get(input.customerId);
    if (!customer) throw new ServiceError('not_found', 'Deze klant staat niet (meer) in Klantbeeld.');
    if (!customer.bsn && !customer.kvkNummer) {
      throw new ServiceError('invalid_input', 'Deze klant heeft geen BSN of KvK-nummer; een zaak kan alleen in het zaaksysteem worden gestart.');
    }
    const zaaktype = this.cached()?.zaaktypen.find((zt) => zt.url === input.zaaktypeUrl);
    if (!zaaktype) {
      throw new ServiceError('invalid_input', 'Onbekend zaaktype.', [{ path: 'zaaktypeUrl', message: 'Kies een zaaktype uit de lijst.' }]);
    }
    const at = this.now();
    const startdatum = dateInNetherlands(at);
    const ongeldig = notValidOn(zaaktype, startdatum);
    if (ongeldig) {
      void this.refresh();
      throw new ServiceError('invalid_input', ongeldig, [{ path: 'zaaktypeUrl', message: 'Kies een zaaktype dat vandaag geldig is.' }]);
    }
    const zaakId = this.store.transaction(() => {
      const id = this.store.startedZaken.addLocal({
        customerId: input.customerId,
        omschrijving: input.omschrijving,
        zaaktype: zaaktype.omschrijving,
        startdatum,
        fetchedAt: at.toISOString(),
      });
      const payload: ZaakPayload = {
        zaakId: id,
        customerId: input.customerId,
        zaaktypeUrl: zaaktype.url,
        omschrijving: input.omschrijving,
        startdatum,
        kanaal,
      };
      this.store.outbox.add({ idempotencyKey: randomUUID(), kind: 'zaak', entityId: id, payload }, at.toISOString());
      return id;
    });
    this.kick();
    return {
      id: zaakId,
      identificatie: '',
      omschrijving: input.omschrijving,
      zaaktype: zaaktype.omschrijving,
      status: null,
      startdatum,
      einddatumGepland: null,
      uiterlijkeEinddatumAfdoening: null,
      einddatum: null,
      syncState: 'pending',
      syncError: null,
    };
  }
}

/**
 * Why a zaak cannot start on this zaaktype version today, or null. Open Zaak accepts a zaak on
 * an expired version (it only checks that the zaaktype is published), so Klantbeeld refuses it here.
 */
function notValidOn(zaaktype: Zaaktype, today: string): string | null {
  if (zaaktype.eindeGeldigheid && zaaktype.eindeGeldigheid < today) {
    return `Het zaaktype "${zaaktype.omschrijving}" is niet meer geldig (tot en met ${zaaktype.eindeGeldigheid}). De lijst met zaaktypen wordt vernieuwd; kies het opnieuw.`;
  }
  if (zaaktype.beginGeldigheid && zaaktype.beginGeldigheid > today) {
    return `Het zaaktype "${zaaktype.omschrijving}" is pas geldig vanaf ${zaaktype.beginGeldigheid}. Kies een zaaktype dat vandaag geldig is.`;
  }
  return null;
}

export function zaakStartHandlers(service: ZaakStartService): Pick<Handlers, 'zaken.zaaktypen' | 'zaken.start'> {
  return {
    'zaken.zaaktypen': (input) => service.zaaktypen(input.refresh),
    'zaken.start': (input) => service.start(input),
  };
}
