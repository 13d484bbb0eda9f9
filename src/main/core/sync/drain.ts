import { RemoteError, type ZaaksysteemAdapter } from '../adapters/types';
import type { EventBus } from '../events';
import type { Store } from '../store';
import type { OutboxEntry } from '../store/outbox';
import { retryDelayMs } from './backoff';
import { outboxKinds } from './kinds';
import { MissingLocalDataError, WaitingError } from './kinds/types';
import { inParallel, kindsOf, lanesOf, type Lane } from './lanes';
import { meansOutage, type Outages } from './outage';

/** Waiting entries read per round: more than enough lanes for the workers. */
const ROUND = 1000;

export interface DrainOptions {
  /** Lanes (customers) sent side by side. */
  concurrency: number;
  /** How long an entry that waits for another one is put off. */
  outboxIntervalMs: number;
  /** The longest pause between two probes in an outage (unless the system asks for more with Retry-After). */
  probeMaxMs: number;
  log: (line: string) => void;
  now: () => Date;
  /** A refusal only the beheerder can mend (a refused Token, a server too old): shown in the sync status. */
  forBeheerder: (message: string) => void;
}

/**
 * Empties the outbox: independent lanes side by side, each lane in order. In an outage of a
 * system only one entry of it goes out at a time (the probe); the first answer from the system
 * (a probe, or any read) makes every entry of it due at once.
 */
export class OutboxDrain {
  /** Clerk's entries delivered since the drain started (the status: "verzenden n van m"). */
  sent = 0;
  /** Systems whose backoffs were not yet released since the start (entries left from before a restart). */
  private readonly unreleased = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly adapter: ZaaksysteemAdapter,
    private readonly events: EventBus,
    private readonly outages: Outages,
    private readonly options: DrainOptions,
    private readonly changed: () => void,
  ) {
    for (const kind of outboxKinds.values()) this.unreleased.add(kind.system ?? 'zaaksysteem');
  }

  async run(stopped: () => boolean): Promise<void> {
    this.sent = 0;
    for (;;) {
      if (stopped()) return;
      const work = this.pick(lanesOf(this.store.outbox.waiting(ROUND), this.options.now().toISOString(), this.store));
      if (work.length === 0) return;
      await inParallel(work, this.options.concurrency, async ({ lane, probe }) => {
        for (const entry of lane.due) {
          // An outage begun by another lane stops this one too: only probes go out then.
          if (stopped() || (!probe && this.outages.active(lane.system))) return;
          if (!(await this.deliver(entry, lane.system))) return;
        }
      });
    }
  }

  /** The system answered (an entry or a read): an outage ends and what waits for it is due now. */
  answered(system: string): boolean {
    const ended = this.outages.answered(system);
    if (!ended && !this.unreleased.has(system)) return false;
    this.unreleased.delete(system);
    return this.store.outbox.releaseKinds(kindsOf(system), this.outages.releaseAt(system).toISOString()) > 0;
  }

  /** Lanes with work; of a system in an outage only one entry, the least tried lane head (the probe). */
  private pick(lanes: Lane[]): { lane: Lane; probe: boolean }[] {
    const work: { lane: Lane; probe: boolean }[] = [];
    const probes = new Map<string, Lane>();
    for (const lane of lanes) {
      const head = lane.due[0];
      if (!head) continue;
      if (!this.outages.active(lane.system)) {
        work.push({ lane, probe: false });
        continue;
      }
      const probe = probes.get(lane.system);
      if (!probe || lane.headAttempts < probe.headAttempts) probes.set(lane.system, { ...lane, due: [head] });
    }
    return [...work, ...[...probes.values()].map((lane) => ({ lane, probe: true }))];
  }

  /** Returns false when the lane must stop for now (a failure to retry later). */
  private async deliver(entry: OutboxEntry, system: string): Promise<boolean> {
    const kind = outboxKinds.get(entry.kind);
    if (!kind) {
      this.park(entry, `Onbekende soort uitgaand bericht: ${entry.kind}`);
      return true;
    }
    const parsed = kind.payload.safeParse(entry.payload);
    if (!parsed.success) {
      this.park(entry, 'Het uitgaande bericht is onleesbaar geworden.');
      return true;
    }
    const payload = parsed.data;
    const at = () => this.options.now().getTime();
    try {
      const steps = { ...entry.steps };
      const log = {
        done: steps,
        record: (step: string, value: unknown) => {
          steps[step] = value;
          this.store.outbox.recordStep(entry.id, step, value);
        },
      };
      const result = await kind.send(this.adapter, payload, log, { store: this.store, idempotencyKey: entry.idempotencyKey, entryId: entry.id });
      this.store.transaction(() => {
        this.store.outbox.markDone(entry.id, new Date(at()).toISOString());
        kind.acknowledged(this.store, payload, result);
      });
      if (!kind.forBeheer) this.sent += 1;
      this.answered(system);
      kind.announce(this.events, payload, { state: 'sent', error: null });
      this.changed();
      return true;
    } catch (error) {
      if (error instanceof WaitingError) {
        // Not a failure: the entries it waits for go first; other lanes are not held up.
        this.store.outbox.postpone(entry.id, new Date(at() + this.options.outboxIntervalMs).toISOString(), error.message);
        return true;
      }
      if (meansOutage(error)) {
        // The whole system is away: this entry and every other of the system wait for one probe.
        this.outages.failed(system, error);
        const until = new Date(at() + this.outages.delayMs(system, error, this.options.probeMaxMs)).toISOString();
        this.store.transaction(() => {
          this.store.outbox.scheduleRetry(entry.id, until, error.message);
          this.store.outbox.holdKinds(kindsOf(system), until);
        });
        this.changed();
        return false;
      }
      if (error instanceof RemoteError && error.kind === 'transient') {
        // This entry's own trouble (a 500): it backs off and holds up its lane only.
        const delay = error.retryAfterMs ?? retryDelayMs(entry.attempts);
        this.store.outbox.scheduleRetry(entry.id, new Date(at() + delay).toISOString(), error.message);
        this.changed();
        return false;
      }
      const reason = error instanceof RemoteError || error instanceof MissingLocalDataError ? error.message : `Onverwachte fout: ${String(error)}`;
      this.park(entry, reason, (store) => kind.parked(store, payload, reason));
      kind.announce(this.events, payload, { state: 'failed', error: reason });
      if (error instanceof RemoteError && error.forBeheerder) this.options.forBeheerder(reason);
      this.changed();
      return true;
    }
  }

  private park(entry: OutboxEntry, reason: string, local?: (store: Store) => void): void {
    this.options.log(`sync: outbox entry ${entry.id} (${entry.kind}) parked: ${reason}`);
    this.store.transaction(() => {
      this.store.outbox.park(entry.id, reason);
      local?.(this.store);
    });
  }
}
