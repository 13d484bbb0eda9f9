/**
 * The one interface between the core and a zaaksysteem. Services and the sync engine use only
 * this; mapping between remote and local shapes lives inside each adapter. A second adapter
 * (Open Klant 1 / e-Suite: Klanten + Contactmomenten v1) implements the same interface.
 */
import type { ContactRecord, CustomerRecord, Dossier } from '../store/records';

export interface CustomerRef {
  sourceUrl: string;
  bsn: string | null;
  kvkNummer: string | null;
}

export interface Medewerker {
  id: string;
  naam: string;
  email: string;
}

export interface OutgoingContact {
  idempotencyKey: string;
  customer: CustomerRef;
  kanaal: string;
  onderwerp: string;
  inhoud: string;
  plaatsgevondenOp: string;
  medewerker: Medewerker;
}

/** Step results of a multi-step remote write, persisted by the outbox after every step. */
export interface StepLog {
  readonly done: Readonly<Record<string, unknown>>;
  record(step: string, result: unknown): void;
}

export interface ZaaksysteemAdapter {
  readonly label: string;
  /** Every customer the source holds, page by page (prefetch for search as you type). */
  listCustomers(onPage: (records: CustomerRecord[]) => void): Promise<void>;
  /** A customer's contacts and zaken, fetched in parallel. `complete`: lists read to the end. */
  fetchDossier(customer: CustomerRef): Promise<Dossier & { complete: boolean }>;
  /** Registers a klantcontact; resumes after the steps already in `log.done`. */
  pushContact(contact: OutgoingContact, log: StepLog): Promise<{ sourceUrl: string; record: ContactRecord }>;
}

/**
 * A failure talking to the zaaksysteem. `transient` is retried with backoff (network, 5xx,
 * 408, 429, 401 after renewing credentials); `permanent` parks the outbox entry for a person.
 */
export class RemoteError extends Error {
  constructor(
    message: string,
    readonly kind: 'transient' | 'permanent',
    readonly status: number | null = null,
    readonly invalidParams: { name: string; reason: string }[] = [],
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}
