import { CallbackStore } from './callbacks';
import { ContactStore } from './contacts';
import { CustomerStore } from './customers';
import { DraftStore } from './drafts';
import { openDatabase, type Db, type OpenOptions } from './database';
import { OutboxStore } from './outbox';
import { RemoteCache } from './remote-cache';
import { StartedZaakStore } from './started-zaken';
import { ReportingStore } from './reporting';
import { TeamleiderStore } from './teamleider';
import { VerwerkingStore } from './verwerkingen';
import { ZaakStore } from './zaken';

/** The local store: one writer connection and a typed module per area. */
export class Store {
  readonly customers: CustomerStore;
  readonly contacts: ContactStore;
  readonly zaken: ZaakStore;
  readonly outbox: OutboxStore;
  readonly remoteCache: RemoteCache;
  readonly drafts: DraftStore;
  readonly startedZaken: StartedZaakStore;
  readonly callbacks: CallbackStore;
  readonly verwerkingen: VerwerkingStore;
  readonly reporting: ReportingStore;
  readonly teamleider: TeamleiderStore;

  constructor(readonly db: Db) {
    this.customers = new CustomerStore(db);
    this.contacts = new ContactStore(db);
    this.zaken = new ZaakStore(db);
    this.outbox = new OutboxStore(db);
    this.remoteCache = new RemoteCache(db);
    this.drafts = new DraftStore(db);
    this.startedZaken = new StartedZaakStore(db);
    this.callbacks = new CallbackStore(db);
    this.verwerkingen = new VerwerkingStore(db);
    this.reporting = new ReportingStore(db);
    this.teamleider = new TeamleiderStore(db);
  }

  static open(file: string, options: OpenOptions = {}): Store {
    return new Store(openDatabase(file, options));
  }

  /** Runs `fn` in one transaction: a domain row and its outbox entry commit together or not at all. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }
}

export type { Db };
