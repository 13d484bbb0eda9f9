import type { SyncStatus } from '../../../shared/contract';
import { RemoteError, type ActorTarget, type CallbackAdapter, type CallbackRecord, type ZaaksysteemAdapter } from '../adapters/types';
import type { EventBus } from '../events';
import type { Store } from '../store';
import { CallbackPoll } from '../callbacks/poll';
import type { Derived } from '../store/callbacks';
import { OutboxDrain } from './drain';
import { BEHEER_KINDS } from './kinds';
import { Outages, ZAAKSYSTEEM } from './outage';
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
  /** Customers whose outbox entries are sent side by side (default 4; 1: one entry at a time). */
  outboxConcurrency?: number;
  /** The longest pause between two probes while the zaaksysteem is away (default 5 s). */
  probeMaxMs?: number;
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
  private lastSyncAt: string | null = null;
  private message: string | null = null;
  private progress: { what: string; done: number; total: number | null } | null = null;
  /** A long read outside the engine (the reporting poller) and how far it is. */
  private otherProgress: SyncStatus['progress'] = null;
  private stopped = false;
  /** start() was called: the engine runs its own timer (tests without it drive the engine themselves). */
  private started = false;
  private readonly now: () => Date;
  private readonly outages: Outages;
  private readonly drain: OutboxDrain;

  constructor(
    private readonly store: Store,
    private readonly adapter: ZaaksysteemAdapter,
    private readonly events: EventBus,
    private readonly options: SyncOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.callbackPoll = new CallbackPoll(store, options.deriveCallback, this.now);
    this.outages = new Outages(options.log, this.now);
    this.drain = new OutboxDrain(
      store,
      adapter,
      events,
      this.outages,
      {
        concurrency: options.outboxConcurrency ?? 4,
        outboxIntervalMs: options.outboxIntervalMs,
        probeMaxMs: options.probeMaxMs ?? 5_000,
        log: options.log,
        now: this.now,
        forBeheerder: (message) => {
          this.message = `verzenden: ${message}`;
        },
      },
      () => this.publishStatus(),
    );
  }

  start(): void {
    this.stopped = false;
    this.started = true;
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
    const outage = this.outages.of(ZAAKSYSTEEM);
    // Never "idle" with work waiting: offline (no answer), sending, or waiting (a backoff, a Retry-After).
    const state = outage?.network ? 'offline' : busy ? 'syncing' : counts.pending > 0 || outage ? 'waiting' : 'idle';
    const sending = this.flushing !== null && !outage && counts.pending > 0;
    return {
      state,
      pending: counts.pending,
      failed: counts.parked,
      offlineSince: outage?.network ? outage.since : null,
      lastSyncAt: this.lastSyncAt,
      message: this.message,
      progress: this.progress ?? this.otherProgress,
      sending: sending ? { done: this.drain.sent, total: this.drain.sent + counts.pending } : null,
      nextAttemptAt: counts.pending > 0 && !sending ? this.store.outbox.nextAttemptAt(BEHEER_KINDS) : null,
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

  /** Sends every due outbox entry: customers side by side, each customer's in order (sync/drain.ts). */
  flushOutbox(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = this.drain.run(() => this.stopped).finally(() => {
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
      if ('listWorkQueue' in this.adapter) await this.customerCallbacks(customer.sourceUrl);
    } catch (error) {
      this.unreachable(error, 'klantbeeld verversen');
      this.events.emit('customer.refreshed', { customerId, at: at(), ok: false, message: (error as Error).message });
    }
  }

  /** The customer's callbacks for whoever they are (issue 13); a failure leaves the cached ones. */
  private async customerCallbacks(partijUrl: string): Promise<void> {
    try {
      await this.callbackPoll.forCustomer(this.adapter as ZaaksysteemAdapter & CallbackAdapter, partijUrl);
      this.events.emit('callbacks.changed', { at: this.now().toISOString(), reason: 'poll' });
    } catch (error) {
      this.options.log(`sync: klant-terugbelverzoeken lezen mislukt: ${(error as Error).message}`);
    }
  }

  /** A read answered: the zaaksysteem is there, and whatever waited for it goes now. */
  private reachable(): void {
    this.lastSyncAt = this.now().toISOString();
    this.message = null;
    const released = this.drain.answered(ZAAKSYSTEEM);
    this.publishStatus();
    if (released && this.started) this.kick();
  }

  private unreachable(error: unknown, what: string): void {
    const message = error instanceof Error ? error.message : String(error);
    this.message = `${what}: ${message}`;
    // No answer at all: part of an outage, logged once when it starts (sync/outage.ts), not per read.
    if (error instanceof RemoteError && error.status === null) this.outages.failed(ZAAKSYSTEEM, error);
    else this.options.log(`sync: ${what} failed: ${message}`);
    this.publishStatus();
  }

  private publishStatus(): void {
    this.events.emit('sync.status', this.status());
  }
}
