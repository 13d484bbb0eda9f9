import type { SyncStatus } from '../../../shared/contract';
import { RemoteError, type ActorTarget, type CallbackAdapter, type CallbackRecord, type ZaaksysteemAdapter } from '../adapters/types';
import type { EventBus } from '../events';
import type { Store } from '../store';
import { CallbackPoll } from '../callbacks/poll';
import type { Derived } from '../store/callbacks';
import type { OutboxEntry } from '../store/outbox';
import { retryDelayMs } from './backoff';
import { BEHEER_KINDS, outboxKinds } from './kinds';
import { MissingLocalDataError, WaitingError } from './kinds/types';
import { PrefetchCapError } from './local-index';

/** Partijen written per transaction during a prefetch. */
const PREFETCH_CHUNK = 50;

export interface SyncOptions {
  prefetchPartijen: boolean;
  /** The prefetch refuses a register with more partijen than this (config sync.prefetchMaxPartijen). */
  prefetchMaxPartijen?: number;
  outboxIntervalMs: number;
  partijenRefreshMs: number;
  log: (line: string) => void;
  now?: () => Date;
  /** The work queues (interne taken) to poll: my own and my groepen's (a function: the signed-in user's, read at each poll). */
  workQueues?: ActorTarget[] | (() => ActorTarget[]);
  workQueueMs?: number;
  /** Also poll every open and handled interne taak (a team leader's view): callbacks/poll.ts. */
  alleTaken?: () => boolean;
  /** Team, norm and deadline of a callback seen for the first time (callbacks/derive.ts). */
  deriveCallback?: (record: CallbackRecord) => Derived;
}


/** The key a work queue is stored under locally. */
export const queueKey = (target: ActorTarget) => `${target.soort}:${target.code.toLowerCase()}`;

/**
 * Pulls into the store and flushes the outbox. Pushes (a future notification relay) and polls
 * feed the same methods. The zaaksysteem is authoritative: a refresh replaces cached rows, but
 * never a local write that has not been acknowledged.
 */
export class SyncEngine {
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private readonly refreshing = new Map<string, Promise<void>>();
  private prefetching: Promise<void> | null = null;
  private lastPrefetchAt = 0;
  private polling: Promise<void> | null = null;
  private pollAgain: Promise<void> | null = null;
  private readonly callbackPoll: CallbackPoll;
  private lastPollAt = 0;
  private lastPollOkAt: string | null = null;
  private offlineSince: string | null = null;
  private lastSyncAt: string | null = null;
  private message: string | null = null;
  private progress: { what: string; done: number; total: number | null } | null = null;
  /** A long read outside the engine (the reporting poller) and how far it is. */
  private otherProgress: SyncStatus['progress'] = null;
  private stopped = false;
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    private readonly adapter: ZaaksysteemAdapter,
    private readonly events: EventBus,
    private readonly options: SyncOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.callbackPoll = new CallbackPoll(store, options.deriveCallback, this.now);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([this.flushing, this.prefetching, this.polling, ...this.refreshing.values()]);
  }

  /** Something was written: flush soon instead of at the next interval. */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  status(): SyncStatus {
    // The clerk's status: the verwerkingenlog's batches are the beheerder's (verwerkingen.verify).
    const counts = this.store.outbox.counts(BEHEER_KINDS);
    const busy = this.flushing !== null || this.prefetching !== null || this.refreshing.size > 0;
    return {
      state: this.offlineSince ? 'offline' : busy ? 'syncing' : 'idle',
      pending: counts.pending,
      failed: counts.parked,
      offlineSince: this.offlineSince,
      lastSyncAt: this.lastSyncAt,
      message: this.message,
      progress: this.progress ?? this.otherProgress,
    };
  }

  /** Shows how far a long read outside the engine is (null: done), like the partijen prefetch. */
  showProgress(progress: SyncStatus['progress']): void {
    this.otherProgress = progress;
    this.publishStatus();
  }

  isRefreshing(customerId: string): boolean {
    return this.refreshing.has(customerId);
  }

  /** Refreshes one dossier in the background; concurrent requests for the same customer share one. */
  refreshCustomer(customerId: string): Promise<void> {
    const running = this.refreshing.get(customerId);
    if (running) return running;
    const task = this.doRefresh(customerId).finally(() => {
      this.refreshing.delete(customerId);
      this.publishStatus();
    });
    this.refreshing.set(customerId, task);
    this.publishStatus();
    return task;
  }

  /**
   * Loads every partij into the cache (search as you type needs them locally). `fresh`: a read
   * that starts after this call (at sign-in: one running during the sign-out purge is not enough).
   */
  prefetchCustomers(fresh = false): Promise<void> {
    if (this.prefetching && fresh) return this.prefetching.then(() => this.prefetchCustomers());
    if (this.prefetching) return this.prefetching;
    this.prefetching = (async () => {
      try {
        let done = 0;
        let lastAnnounced = 0;
        await this.adapter.listCustomers(async (records, total) => {
          const cap = this.options.prefetchMaxPartijen;
          if (cap !== undefined && total !== null && total > cap) throw new PrefetchCapError(total, cap);
          // Small transactions with a turn of the event loop between them: a clerk's search
          // never waits behind a whole page of upserts.
          for (let i = 0; i < records.length; i += PREFETCH_CHUNK) {
            this.store.customers.upsertMany(records.slice(i, i + PREFETCH_CHUNK), this.now().toISOString());
            await new Promise((resolve) => setImmediate(resolve));
          }
          done += records.length;
          this.progress = { what: 'klanten', done, total };
          // Progress is announced at most twice a second: it must not flood the window.
          if (Date.now() - lastAnnounced > 500) {
            lastAnnounced = Date.now();
            this.publishStatus();
          }
        });
        this.lastPrefetchAt = Date.now();
        this.reachable();
      } catch (error) {
        this.unreachable(error, 'klanten ophalen');
      }
    })().finally(() => {
      this.prefetching = null;
      this.progress = null;
      this.publishStatus();
    });
    this.publishStatus();
    return this.prefetching;
  }

  private workQueues(): ActorTarget[] {
    const queues = this.options.workQueues ?? [];
    return typeof queues === 'function' ? queues() : queues;
  }

  /** When the work queues were last read from the zaaksysteem, or null. */
  workQueuesRefreshedAt(): string | null {
    return this.lastPollOkAt;
  }

  /**
   * Reads my own and my groepen's open interne taken into the local work queues. Every client
   * polls the same source, so every client converges to the same queue within one interval.
   */
  pollWorkQueues(): Promise<void> {
    // Asked during a poll: one more after it (the running one may have read the lists before a change).
    if (this.polling) {
      this.pollAgain ??= this.polling.then(() => {
        this.pollAgain = null;
        return this.pollWorkQueues();
      });
      return this.pollAgain;
    }
    const targets = this.workQueues();
    const alle = this.options.alleTaken?.() ?? false;
    if (!('listWorkQueue' in this.adapter) || (targets.length === 0 && !alle)) return Promise.resolve();
    const adapter = this.adapter as ZaaksysteemAdapter & CallbackAdapter;
    this.lastPollAt = Date.now();
    this.polling = (async () => {
      try {
        await this.callbackPoll.run(adapter, targets.map((target) => ({ key: queueKey(target), target })), alle);
        this.lastPollOkAt = this.now().toISOString();
        this.reachable();
        this.events.emit('callbacks.changed', { at: this.lastPollOkAt, reason: 'poll' });
      } catch (error) {
        this.unreachable(error, 'werkvoorraad ophalen');
      }
    })().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  /** Sends every due outbox entry, one at a time (order matters to the clerk's timeline). */
  flushOutbox(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = (async () => {
      for (;;) {
        const due = this.store.outbox.due(this.now().toISOString(), 20);
        if (due.length === 0 || this.stopped) return;
        for (const entry of due) {
          if (!(await this.deliver(entry))) return;
        }
      }
    })().finally(() => {
      this.flushing = null;
      this.publishStatus();
    });
    this.publishStatus();
    return this.flushing;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (this.options.prefetchPartijen && Date.now() - this.lastPrefetchAt > this.options.partijenRefreshMs) {
      void this.prefetchCustomers();
    }
    if ((this.workQueues().length > 0 || (this.options.alleTaken?.() ?? false)) && Date.now() - this.lastPollAt > (this.options.workQueueMs ?? 60_000)) {
      void this.pollWorkQueues();
    }
    await this.flushOutbox();
    if (this.stopped) return;
    const nextDue = this.store.outbox.nextDueAt();
    const untilDue = nextDue ? new Date(nextDue).getTime() - this.now().getTime() : Number.POSITIVE_INFINITY;
    this.schedule(Math.max(50, Math.min(this.options.outboxIntervalMs, untilDue)));
  }

  /** Returns false when the zaaksysteem is unreachable: stop this round, retry later. */
  private async deliver(entry: OutboxEntry): Promise<boolean> {
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
        this.store.outbox.markDone(entry.id, this.now().toISOString());
        kind.acknowledged(this.store, payload, result);
      });
      this.reachable();
      kind.announce(this.events, payload, { state: 'sent', error: null });
      return true;
    } catch (error) {
      if (error instanceof WaitingError) {
        // Not a failure: the entries it waits for go first; the others are not held up.
        this.store.outbox.postpone(entry.id, new Date(this.now().getTime() + this.options.outboxIntervalMs).toISOString(), error.message);
        return true;
      }
      if (error instanceof RemoteError && error.kind === 'transient') {
        const delay = error.retryAfterMs ?? retryDelayMs(entry.attempts);
        this.store.outbox.scheduleRetry(entry.id, new Date(this.now().getTime() + delay).toISOString(), error.message);
        if (error.status === null) this.unreachable(error, 'verzenden');
        return false;
      }
      const reason = error instanceof RemoteError || error instanceof MissingLocalDataError ? error.message : `Onverwachte fout: ${String(error)}`;
      this.park(entry, reason, (store) => kind.parked(store, payload, reason));
      kind.announce(this.events, payload, { state: 'failed', error: reason });
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

  private async doRefresh(customerId: string): Promise<void> {
    const customer = this.store.customers.get(customerId);
    if (!customer) return;
    const at = () => this.now().toISOString();
    try {
      const dossier = await this.adapter.fetchDossier({ sourceUrl: customer.sourceUrl, bsn: customer.bsn, kvkNummer: customer.kvkNummer });
      this.store.transaction(() => {
        this.store.contacts.replaceRemote(customerId, dossier.contacts, at(), dossier.complete);
        this.store.zaken.replace(customerId, dossier.zaken, at(), dossier.complete);
        this.store.customers.markRefreshed(customerId, at());
      });
      this.reachable();
      // A zaaksysteem that could not be read is said, while the rest shows as refreshed.
      const partial = dossier.warnings?.length ? dossier.warnings.join('; ') : null;
      if (partial) this.options.log(`sync: refresh partly failed: ${partial}`);
      this.events.emit('customer.refreshed', { customerId, at: at(), ok: true, message: partial });
    } catch (error) {
      this.unreachable(error, 'klantbeeld verversen');
      this.events.emit('customer.refreshed', { customerId, at: at(), ok: false, message: (error as Error).message });
    }
  }

  private reachable(): void {
    this.lastSyncAt = this.now().toISOString();
    if (this.offlineSince || this.message) {
      this.offlineSince = null;
      this.message = null;
    }
    this.publishStatus();
  }

  private unreachable(error: unknown, what: string): void {
    const message = error instanceof Error ? error.message : String(error);
    const network = error instanceof RemoteError && error.status === null;
    if (network && !this.offlineSince) this.offlineSince = this.now().toISOString();
    this.message = `${what}: ${message}`;
    this.options.log(`sync: ${what} failed: ${message}`);
    this.publishStatus();
  }

  private publishStatus(): void {
    this.events.emit('sync.status', this.status());
  }
}
