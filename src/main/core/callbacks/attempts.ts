import type { CallbackAdapter } from '../adapters/types';
import type { Store } from '../store';

/** Callbacks whose attempts a poll reads (oldest read first): a queue of 100 is read through in four polls. */
export const ATTEMPTS_PER_POLL = 25;

/**
 * Attempts logged on other machines, for the open callbacks in my queues: a few per poll, those
 * read longest ago first, so the attempt counts in the lists converge within a few polls
 * without one request per callback per poll. `callbacks.get` reads a callback's at once.
 */
export async function readAttempts(store: Store, adapter: Pick<CallbackAdapter, 'listAttempts'>, queues: readonly string[], now: () => Date): Promise<void> {
  for (const { id, source_url } of store.callbacks.history.attemptsToRead(queues, ATTEMPTS_PER_POLL)) {
    store.callbacks.history.mergeRemoteAttempts(id, await adapter.listAttempts(source_url), now().toISOString());
  }
}
