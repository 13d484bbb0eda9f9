import type { CustomerPicture, CustomerSummary, EventPayload, SearchKindName } from '../../../shared/contract';
import { BSN_INVALID_MESSAGE, GEBOORTEDATUM_INVALID_MESSAGE, classifySearch, normalisePhone, type SearchKind } from '../../../shared/identify';
import type { BrpClient } from '../adapters/brp/client';
import type { RemoteCustomerQuery, ZaaksysteemAdapter } from '../adapters/types';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import type { EventBus } from '../events';
import type { Store } from '../store';
import type { SyncEngine } from '../sync/engine';

/** The timeline page and the zaken list shown at once when a customer opens. */
const TIMELINE_PAGE = 200;
const ZAKEN_PAGE = 200;
/** Candidates a screen-pop offers at most. */
const SCREENPOP_CANDIDATES = 10;

interface SearchAnswer {
  results: CustomerSummary[];
  kind: SearchKindName;
  message: string | null;
}

/** The search keys the zaaksysteem can answer; names and postcodes it cannot (Open Klant 2 has no such filters). */
function remoteQuery(kind: SearchKind): RemoteCustomerQuery | null {
  switch (kind.kind) {
    case 'bsn':
      return { kind: 'bsn', value: kind.bsn };
    case 'kvk':
      return { kind: 'kvk', value: kind.kvkNummer };
    case 'vestigingsnummer':
      return { kind: 'vestigingsnummer', value: kind.vestigingsnummer };
    case 'telefoon':
      return { kind: 'telefoon', value: kind.nummer };
    case 'email':
      return { kind: 'email', value: kind.email };
    default:
      return null;
  }
}

export class CustomerService {
  constructor(
    private readonly store: Store,
    private readonly sync: SyncEngine,
    private readonly adapter?: ZaaksysteemAdapter,
    private readonly events?: EventBus,
    private readonly brp?: BrpClient,
  ) {}

  search(query: string, limit: number): SearchAnswer {
    const kind = classifySearch(query);
    return {
      results: this.store.customers.searchClassified(kind, limit),
      kind: kind.kind,
      message: kind.kind === 'bsn-invalid' ? BSN_INVALID_MESSAGE : kind.kind === 'geboortedatum-invalid' ? GEBOORTEDATUM_INVALID_MESSAGE : null,
    };
  }

  /**
   * The same search asked of the zaaksysteem: partijen found there are cached (so the next
   * search finds them locally) and the merged cached answer is returned.
   */
  async searchRemote(query: string, limit: number): Promise<SearchAnswer & { searched: boolean }> {
    const kind = classifySearch(query);
    if (kind.kind === 'naam-geboortedatum') return this.searchBrp(kind, limit);
    const remote = remoteQuery(kind);
    if (!remote || !this.adapter?.searchCustomers) return { ...this.search(query, limit), searched: false };
    let records;
    try {
      records = await this.adapter.searchCustomers(remote);
    } catch (error) {
      throw new ServiceError('unavailable', `Het zaaksysteem kon niet worden doorzocht: ${(error as Error).message}`);
    }
    if (records.length > 0) this.store.customers.upsertMany(records, new Date().toISOString());
    return { ...this.search(query, limit), searched: true };
  }

  /**
   * Achternaam + geboortedatum: the BRP finds the persons (BSNs, in its POST body only); the
   * cached customers with those BSNs are the answer, and for BSNs not cached the zaaksysteem's
   * partij is fetched by BSN and cached first. Persons without a partij in Open Klant are left out
   * (a search result is a Klantbeeld customer). The BSNs are never logged.
   */
  private async searchBrp(kind: Extract<SearchKind, { kind: 'naam-geboortedatum' }>, limit: number): Promise<SearchAnswer & { searched: boolean }> {
    if (!this.brp) return { results: [], kind: kind.kind, message: 'Zoeken op achternaam en geboortedatum kan alleen met een gekoppelde BRP.', searched: false };
    let personen;
    try {
      personen = await this.brp.zoekMetGeslachtsnaamEnGeboortedatum({ geslachtsnaam: kind.achternaam, geboortedatum: kind.geboortedatum, voorvoegsel: kind.voorvoegsel });
    } catch (error) {
      throw new ServiceError('unavailable', `De BRP kon niet worden doorzocht: ${(error as Error).message}`);
    }
    const bsns = [...new Set(personen.map((p) => p.burgerservicenummer).filter((b): b is string => b !== null))].slice(0, limit);
    const cached = (bsn: string): CustomerSummary[] => this.store.customers.searchClassified({ kind: 'bsn', bsn }, limit);
    const missing = bsns.filter((bsn) => cached(bsn).length === 0);
    if (missing.length > 0 && this.adapter?.searchCustomers) {
      const adapter = this.adapter;
      try {
        const found = await Promise.all(missing.map((bsn) => adapter.searchCustomers!({ kind: 'bsn', value: bsn })));
        const records = found.flat();
        if (records.length > 0) this.store.customers.upsertMany(records, new Date().toISOString());
      } catch (error) {
        throw new ServiceError('unavailable', `Het zaaksysteem kon niet worden doorzocht: ${(error as Error).message}`);
      }
    }
    const seen = new Set<string>();
    const results = bsns.flatMap(cached).filter((c) => !seen.has(c.id) && seen.add(c.id)).slice(0, limit);
    const message = bsns.length > 0 && results.length === 0 ? 'De BRP kent deze persoon, maar in het zaaksysteem staat (nog) geen klant met dit BSN.' : null;
    return { results, kind: kind.kind, message, searched: true };
  }

  /** Everything cached renders at once; the refresh runs in the background and is announced by event. */
  open(customerId: string, refresh: boolean): CustomerPicture {
    const customer = this.store.customers.get(customerId);
    if (!customer) throw new ServiceError('not_found', 'Deze klant staat niet (meer) in Klantbeeld.');
    this.store.customers.markUsed(customerId, new Date().toISOString());
    if (refresh) void this.sync.refreshCustomer(customerId);
    const { sourceUrl: _sourceUrl, bsn: _bsn, refreshedAt, ...detail } = customer;
    return {
      customer: detail,
      contacts: this.store.contacts.list(customerId, TIMELINE_PAGE),
      zaken: this.store.zaken.list(customerId, ZAKEN_PAGE),
      refreshedAt,
      refreshing: this.sync.isRefreshing(customerId),
    };
  }

  /** The full BSN, on request; the dispatcher logs the reveal (the contract's `verwerking`). */
  revealBsn(customerId: string): { bsn: string | null } {
    const customer = this.store.customers.get(customerId);
    if (!customer) throw new ServiceError('not_found', 'Deze klant staat niet (meer) in Klantbeeld.');
    return { bsn: customer.bsn ?? null };
  }

  /**
   * An incoming call: the caller by phone number, from the cache; when the cache knows no one,
   * the zaaksysteem is asked (briefly: the clerk is already saying "goedemorgen").
   * The result goes to every window as `screenpop`.
   */
  async screenPop(raw: string): Promise<EventPayload<'screenpop'>> {
    const nummer = normalisePhone(raw);
    let candidates: CustomerSummary[] = [];
    if (nummer) {
      const kind: SearchKind = { kind: 'telefoon', nummer };
      candidates = this.store.customers.searchClassified(kind, SCREENPOP_CANDIDATES);
      if (candidates.length === 0 && this.adapter?.searchCustomers) {
        try {
          const records = await withTimeout(this.adapter.searchCustomers({ kind: 'telefoon', value: nummer }), SCREENPOP_REMOTE_MS);
          if (records && records.length > 0) {
            this.store.customers.upsertMany(records, new Date().toISOString());
            candidates = this.store.customers.searchClassified(kind, SCREENPOP_CANDIDATES);
          }
        } catch {
          // Unreachable zaaksysteem: an unknown caller is still a caller.
        }
      }
    }
    const pop = {
      nummer: nummer ?? raw.trim(),
      customerId: candidates.length === 1 ? (candidates[0]?.id ?? null) : null,
      candidates,
      at: new Date().toISOString(),
    };
    this.events?.emit('screenpop', pop);
    return pop;
  }
}

/** How long a screen-pop waits for the zaaksysteem before it reports an unknown caller. */
const SCREENPOP_REMOTE_MS = 1500;

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function customerHandlers(
  service: CustomerService,
): Pick<Handlers, 'customers.search' | 'customers.searchRemote' | 'customers.open' | 'customers.revealBsn' | 'customers.screenPop'> {
  return {
    'customers.search': ({ query, limit }) => service.search(query, limit),
    'customers.searchRemote': ({ query, limit }) => service.searchRemote(query, limit),
    'customers.open': ({ customerId, refresh }) => service.open(customerId, refresh),
    'customers.revealBsn': ({ customerId }) => service.revealBsn(customerId),
    'customers.screenPop': ({ nummer }) => service.screenPop(nummer),
  };
}
