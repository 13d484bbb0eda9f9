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
 * my queues; for a team leader every open taak (`alle`), the newest page of handled ones (a
 * callback registered and handled since the last poll was never open here) and, hourly, every
 * handled one (`alle:verwerkt`); then the callbacks that left every queue polled here, read once
 * more as they are (handled, forwarded elsewhere), so none stays open by mistake; then a few
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
    const fetchedAt = () => this.now().toISOString();
    const replace = (queue: string, records: CallbackRecord[]) => this.store.callbacks.replaceQueue(queue, records, idOf, fetchedAt(), this.derive);
    const keys = queues.map((q) => q.key);
    const polled = [...keys, ...(alle ? ['alle'] : [])];
    const before = this.store.callbacks.openSourcesIn(polled);
    for (const { key, target } of queues) replace(key, await adapter.listWorkQueue([target]));
    let stale: string[] = [];
    if (alle) {
      const open = await adapter.listTaken('te_verwerken');
      replace('alle', open);
      // `alle` holds every open taak and was read last: one open here but not in it was handled
      // or removed after my queue's list was read (that list, read earlier, still had it).
      const inAlle = new Set(open.map((r) => r.sourceUrl));
      stale = this.store.callbacks.departed([...this.store.callbacks.openSourcesIn(polled)].filter((url) => !inAlle.has(url)), []);
      if (Date.now() - this.lastHandledAt > HANDLED_POLL_MS) {
        replace('alle:verwerkt', await adapter.listTaken('verwerkt'));
        this.lastHandledAt = Date.now();
      } else {
        this.store.callbacks.refresh(await adapter.listTaken('verwerkt', 1), idOf, fetchedAt(), this.derive);
      }
    }
    const departed = [...new Set([...this.store.callbacks.departed(before, polled), ...stale])].slice(0, DEPARTED_PER_POLL);
    if (departed.length > 0) this.store.callbacks.refresh(await adapter.fetchTaken(departed), idOf, fetchedAt(), this.derive);
    await readAttempts(this.store, adapter, keys, this.now);
  }

  /**
   * A customer's open callbacks as the zaaksysteem has them, whoever they are for (read when the
   * customer is opened or refreshed). Handled ones only update callbacks already known here.
   */
  async forCustomer(adapter: CallbackAdapter, partijUrl: string): Promise<void> {
    if (!adapter.takenOfPartij) return;
    const records = await adapter.takenOfPartij(partijUrl);
    const idOf = (url: string) => this.store.customers.idBySourceUrl(url);
    const keep = records.filter((r) => r.status === 'te_verwerken' || this.store.callbacks.knows(r.sourceUrl));
    this.store.callbacks.refresh(keep, idOf, this.now().toISOString(), this.derive);
  }
}
