import type { z } from 'zod';
import type { StepLog, ZaaksysteemAdapter } from '../../adapters/types';
import type { EventBus } from '../../events';
import type { Store } from '../../store';

/**
 * One kind of outbox entry (a klantcontact, later a zaak, a contactverzoek …): how to send it,
 * and what to record locally once it is acknowledged or parked. Adding a kind means writing
 * one of these and registering it in kinds/index.ts; the engine stays the same.
 */
export interface OutboxKind<P = unknown> {
  readonly kind: string;
  readonly payload: z.ZodType<P>;
  /** Runs the remote steps, resuming after those in `log.done`. */
  send(adapter: ZaaksysteemAdapter, payload: P, log: StepLog, ctx: { store: Store; idempotencyKey: string; entryId: number }): Promise<unknown>;
  /** Local bookkeeping, inside the transaction that marks the entry done. */
  acknowledged(store: Store, payload: P, result: unknown): void;
  /** Local bookkeeping, inside the transaction that parks the entry. */
  parked(store: Store, payload: P, reason: string): void;
  /** Tells the renderer. */
  announce(events: EventBus, payload: P, outcome: { state: 'sent' | 'failed'; error: string | null }): void;
  /** What it is, in words, for the outbox review: "Klantcontact: Vraag over parkeervergunning". */
  describe?(payload: P): string;
  /** A person corrects a parked entry before resending it (e.g. a too long onderwerp); returns the new payload. */
  correct?(store: Store, payload: P, fix: OutboxFix): P;
  /** A person gave up on a parked entry: local traces that would claim it was sent are removed. */
  discarded?(store: Store, payload: P): void;
  /**
   * Not a clerk's work (the verwerkingenlog's batches): left out of the sync status and of the
   * clerk's wachtrij; only the beheerder sees, resends or discards them.
   */
  readonly forBeheer?: true;
  /**
   * Entries of one lane go out one after another, in the order they were written; lanes go out
   * side by side (sync/lanes.ts). One lane per customer keeps every ordering rule between a
   * customer's entries (a zaak before the contact linking to it, a callback's changes after it).
   * Without it: one lane per entity.
   */
  lane?(payload: P, store: Store): string;
  /** The system the entry goes to (default: the zaaksysteem); an outage holds up only that system's entries. */
  readonly system?: string;
}

/** What a person may correct in a parked entry. */
export interface OutboxFix {
  onderwerp?: string;
  inhoud?: string;
}

export class MissingLocalDataError extends Error {}

/** The entry must wait for an earlier one (e.g. a change for a callback whose create is not sent yet); tried again soon. */
export class WaitingError extends Error {}
