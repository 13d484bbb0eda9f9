/**
 * The bounded local index holds the customers of the work queues too (issue 12): without the
 * full copy of the register, a callback's partij is usually not cached, so its row would show
 * no customer and could not be opened. This wraps the adapter's work-queue reads: before the
 * callbacks are stored, each partij they name that the index lacks is read from Open Klant by
 * URL (once: afterwards it is cached) and added, so the poll links the callback to it.
 */
import type { CallbackAdapter, CallbackRecord, ZaaksysteemAdapter } from '../adapters/types';
import type { CustomerRecord } from '../store/records';

export interface QueuePartijenDeps {
  /** Whether the index has this partij already. */
  cached: (partijUrl: string) => boolean;
  /** Reads partijen by URL (one request each). */
  read: (urls: readonly string[]) => Promise<CustomerRecord[]>;
  upsert: (records: CustomerRecord[]) => void;
}

export function withQueuePartijen<A extends ZaaksysteemAdapter>(adapter: A, deps: QueuePartijenDeps): A {
  if (!('listWorkQueue' in adapter)) return adapter;
  const callbacks = adapter as A & CallbackAdapter;
  const complete = async (records: CallbackRecord[]): Promise<CallbackRecord[]> => {
    const missing = [...new Set(records.flatMap((r) => (r.partijUrl && !deps.cached(r.partijUrl) ? [r.partijUrl] : [])))];
    if (missing.length > 0) deps.upsert(await deps.read(missing));
    return records;
  };
  // The adapter's own methods stay as they are; only the three reads that feed the work queues are completed.
  const wrapped = Object.create(adapter) as A & CallbackAdapter;
  wrapped.listWorkQueue = async (targets) => complete(await callbacks.listWorkQueue(targets));
  wrapped.listTaken = async (status, pages) => complete(await callbacks.listTaken(status, pages));
  wrapped.fetchTaken = async (urls) => complete(await callbacks.fetchTaken(urls));
  return wrapped;
}
