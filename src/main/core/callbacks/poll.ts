import type { ActorTarget, CallbackAdapter, CallbackRecord } from '../adapters/types';
import type { Store } from '../store';
import type { Derived } from '../store/callbacks';
import { readAttempts } from './attempts';

const NOTHING_DERIVED: Derived = { team: null, medewerker: null, normWerkdagen: null, deadline: null };
/** How often a team leader's core reads every handled interne taak (a long list). */
const HANDLED_POLL_MS = 60 * 60 * 1000;
/** Callbacks that left the polled queues, read one by one per poll (the rest the next time). */
const DEPARTED_PER_POLL = 50;

/**
 * One round of reading callbacks from the zaaksysteem (the sync engine runs it at each poll):
 * my queues; for a team leader every open taak (`alle`) and, hourly, every handled one
 * (`alle:verwerkt`); then the callbacks that left every queue polled here, read once more as
 * they are (handled, forwarded elsewhere), so none stays open by mistake; then a few
 * callbacks' attempts logged elsewhere.
 */
export class CallbackPoll {
  private lastHandledAt = 0;

  constructor(
    private readonly store: Store,
    private readonly derive: (record: CallbackRecord) => Derived = () => NOTHING_DERIVED,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async run(adapter: CallbackAdapter, queues: readonly { key: string; target: ActorTarget }[], alle: boolean): Promise<void> {
    const idOf = (url: string) => this.store.customers.idBySourceUrl(url);
    const replace = (queue: string, records: CallbackRecord[]) => this.store.callbacks.replaceQueue(queue, records, idOf, this.now().toISOString(), this.derive);
    const keys = queues.map((q) => q.key);
    const polled = [...keys, ...(alle ? ['alle'] : [])];
    const before = this.store.callbacks.openSourcesIn(polled);
    for (const { key, target } of queues) replace(key, await adapter.listWorkQueue([target]));
    if (alle) {
      replace('alle', await adapter.listTaken('te_verwerken'));
      if (Date.now() - this.lastHandledAt > HANDLED_POLL_MS) {
        replace('alle:verwerkt', await adapter.listTaken('verwerkt'));
        this.lastHandledAt = Date.now();
      }
    }
    const departed = this.store.callbacks.departed(before, polled).slice(0, DEPARTED_PER_POLL);
    if (departed.length > 0) this.store.callbacks.refresh(await adapter.fetchTaken(departed), idOf, this.now().toISOString(), this.derive);
    await readAttempts(this.store, adapter, keys, this.now);
  }
}
