import type { CustomerPicture, CustomerSummary } from '../../../shared/contract';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import type { Store } from '../store';
import type { SyncEngine } from '../sync/engine';

/** The timeline page and the zaken list shown at once when a customer opens. */
const TIMELINE_PAGE = 200;
const ZAKEN_PAGE = 200;

export class CustomerService {
  constructor(
    private readonly store: Store,
    private readonly sync: SyncEngine,
  ) {}

  search(query: string, limit: number): { results: CustomerSummary[] } {
    return { results: this.store.customers.search(query, limit) };
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
}

export function customerHandlers(service: CustomerService): Pick<Handlers, 'customers.search' | 'customers.open'> {
  return {
    'customers.search': ({ query, limit }) => service.search(query, limit),
    'customers.open': ({ customerId, refresh }) => service.open(customerId, refresh),
  };
}
