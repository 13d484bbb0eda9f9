/**
 * Ships the local verwerkingenlog to the central Verwerkingenlogging. One outbox entry carries a
 * range of the chain (vanSeq..totSeq, at most `batchSize` actions); each action is one POST and
 * one step named by its actieId, so a retry resumes after the last acknowledged one. The log
 * answers a repeated actieId with the stored action: a response lost between send and
 * acknowledgement (a killed core) does not make a twin.
 */
import { z } from 'zod';
import type { LogShipping } from '../../../../shared/contract/areas/verwerkingen';
import { RemoteError } from '../../adapters/types';
import type { VerwerkingenloggingClient } from '../../adapters/verwerkingenlogging/client';
import type { Store } from '../../store';
import type { OutboxKind } from './types';
import { MissingLocalDataError } from './types';

export const VERWERKINGSACTIES_KIND = 'verwerkingsacties';

export const VerwerkingsactiesPayload = z.object({ vanSeq: z.number().int().positive(), totSeq: z.number().int().positive() });
export type VerwerkingsactiesPayload = z.infer<typeof VerwerkingsactiesPayload>;

/** The client per store (one core, one store): the kinds are shared module objects. */
const clients = new WeakMap<Store, VerwerkingenloggingClient>();

export function useVerwerkingenlogging(store: Store, client: VerwerkingenloggingClient): void {
  clients.set(store, client);
}

/** Hands every action not yet handed over to the outbox, in entries of at most `batchSize`. */
export function enqueueVerwerkingsacties(store: Store, batchSize: number, now: string): number {
  return store.transaction(() => {
    const last = store.verwerkingen.lastSeq();
    let from = store.verwerkingen.enqueuedUpTo() + 1;
    let entries = 0;
    while (from <= last) {
      const to = Math.min(from + batchSize - 1, last);
      store.outbox.add({ idempotencyKey: `${VERWERKINGSACTIES_KIND}:${from}-${to}`, kind: VERWERKINGSACTIES_KIND, entityId: `verwerkingsacties:${from}`, payload: { vanSeq: from, totSeq: to } }, now);
      store.verwerkingen.markEnqueued(to);
      entries += 1;
      from = to + 1;
    }
    return entries;
  });
}

export const verwerkingsactiesKind: OutboxKind<VerwerkingsactiesPayload> = {
  kind: VERWERKINGSACTIES_KIND,
  payload: VerwerkingsactiesPayload,

  async send(_adapter, { vanSeq, totSeq }, log, { store }) {
    const client = clients.get(store);
    if (!client) throw new RemoteError('Er is geen Verwerkingenlogging ingesteld (verwerkingenlogging.url).', 'permanent');
    const acties = store.verwerkingen.range(vanSeq - 1, totSeq, totSeq - vanSeq + 1);
    if (acties.length !== totSeq - vanSeq + 1) throw new MissingLocalDataError(`Verwerkingsacties ${vanSeq}–${totSeq} ontbreken in het lokale log.`);
    for (const actie of acties) {
      if (log.done[actie.actieId]) continue;
      await client.post(actie);
      log.record(actie.actieId, true);
    }
    return null;
  },

  acknowledged() {},
  parked() {},
  announce() {},
  describe: ({ vanSeq, totSeq }) => `Verwerkingenlog: acties ${vanSeq}–${totSeq}`,
  forBeheer: true,

  // Batches of the chain in order, to their own system: a Verwerkingenlogging outage holds up no contact.
  lane: () => VERWERKINGSACTIES_KIND,
  system: 'verwerkingenlogging',
};

/** How the shipping to the central log goes, for the beheerder (the clerk never sees these batches). */
export function shippingState(store: Store): LogShipping {
  const open = store.outbox.openOfKind(VERWERKINGSACTIES_KIND);
  return {
    onbevestigd: Math.max(0, store.verwerkingen.lastSeq() - acknowledgedUpTo(store)),
    wachtend: open.pending,
    tegengehouden: open.parked,
    laatsteFout: open.lastError,
  };
}

/**
 * The last seq the central log acknowledged without a gap: below every range still waiting in
 * the outbox, and below every range a person discarded (never sent: kept locally for good).
 */
export function acknowledgedUpTo(store: Store): number {
  const waiting = store.db
    .prepare<[string], { from: number | null }>(
      "SELECT min(json_extract(payload, '$.vanSeq')) AS \"from\" FROM outbox WHERE kind = ? AND (state != 'done' OR discarded_at IS NOT NULL)",
    )
    .get(VERWERKINGSACTIES_KIND)?.from;
  return waiting === null || waiting === undefined ? store.verwerkingen.enqueuedUpTo() : waiting - 1;
}
