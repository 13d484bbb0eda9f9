import type { Store } from '../store';
import type { OutboxEntry } from '../store/outbox';
import { outboxKinds } from './kinds';
import { ZAAKSYSTEEM } from './outage';

/**
 * The outbox in lanes: entries of one lane (one customer, see OutboxKind.lane) go out one after
 * another in the order they were written; different lanes go out side by side.
 */
export interface Lane {
  key: string;
  system: string;
  /** The entries that may go now: the lane's due entries up to the first one that is not due yet. */
  due: OutboxEntry[];
  /** Attempts of the lane's first entry (a probe in an outage prefers the least tried). */
  headAttempts: number;
}

export function systemOf(kind: string): string {
  return outboxKinds.get(kind)?.system ?? ZAAKSYSTEEM;
}

/** The entry kinds that go to one system. */
export function kindsOf(system: string): string[] {
  return [...outboxKinds.values()].filter((k) => (k.system ?? ZAAKSYSTEEM) === system).map((k) => k.kind);
}

function laneOf(entry: OutboxEntry, store: Store): string {
  const kind = outboxKinds.get(entry.kind);
  const parsed = kind?.lane ? kind.payload.safeParse(entry.payload) : null;
  // Unknown or unreadable entries are parked by the engine; they hold up nobody.
  return kind?.lane && parsed?.success ? kind.lane(parsed.data, store) : `entity:${entry.entityId}`;
}

/**
 * Groups waiting entries (oldest first) into lanes. An entry behind one of its lane that is not
 * due yet (a backoff) waits too: a customer's later contact never overtakes an earlier one.
 */
export function lanesOf(waiting: readonly OutboxEntry[], now: string, store: Store): Lane[] {
  const lanes = new Map<string, Lane & { blocked: boolean }>();
  for (const entry of waiting) {
    const key = laneOf(entry, store);
    let lane = lanes.get(key);
    if (!lane) {
      lane = { key, system: systemOf(entry.kind), due: [], headAttempts: entry.attempts, blocked: false };
      lanes.set(key, lane);
    }
    if (lane.blocked) continue;
    if (entry.nextAttemptAt <= now) lane.due.push(entry);
    else lane.blocked = true;
  }
  return [...lanes.values()].map(({ blocked: _blocked, ...lane }) => lane);
}

/** Runs `work` for each item, at most `limit` at a time. */
export async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
