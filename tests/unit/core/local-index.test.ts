/** The local index at a shift change (sync/local-index.ts): re-read at each new sign-in, announced before and after. */
import { describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../../src/main/core/auth/session';
import { EventBus } from '../../../src/main/core/events';
import type { CustomerRecord } from '../../../src/main/core/store/records';
import { LocalIndex } from '../../../src/main/core/sync/local-index';
import { person } from '../../support/records';

const user = (id: string) => ({ id, naam: id, email: '', roles: ['kcc'], groepen: [], via: { kind: 'vast' } }) as SessionUser;

function fakeSession() {
  let current: SessionUser | null = null;
  const listeners = new Set<() => void>();
  return {
    current: () => current,
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: SessionUser | null) {
      current = next;
      for (const listener of listeners) listener();
    },
  };
}

function setup(prefetchPartijen: boolean, recent: CustomerRecord[] = []) {
  const sync = { prefetchCustomers: vi.fn(async (_fresh?: boolean) => {}), pollWorkQueues: vi.fn(async () => {}), showProgress: vi.fn() };
  const events = new EventBus();
  const seen: string[] = [];
  events.on((name, payload) => {
    if (name === 'customers.index') seen.push((payload as { state: string }).state);
  });
  const session = fakeSession();
  const upserted: CustomerRecord[] = [];
  const order: string[] = [];
  sync.pollWorkQueues.mockImplementation(async () => void order.push('werkvoorraad'));
  const index = new LocalIndex(sync, events, {
    prefetchPartijen,
    readRecent: async (progress) => {
      progress(recent.length);
      order.push('recent');
      return recent;
    },
    upsert: (records) => upserted.push(...records),
    log: () => {},
  });
  index.follow(session);
  return { sync, seen, session, index, upserted, order };
}

describe('local index at a shift change', () => {
  it('re-reads the register (a fresh read) and the work queues at every new sign-in, not at a lock or a second change', async () => {
    const { sync, seen, session } = setup(true);
    session.set(user('bianca'));
    await vi.waitFor(() => expect(seen).toEqual(['bezig', 'klaar']));
    expect(sync.prefetchCustomers).toHaveBeenCalledWith(true);
    expect(sync.pollWorkQueues).toHaveBeenCalledTimes(1);
    session.set(session.current()); // a lock or unlock: the same user, no re-read
    session.set(null);
    session.set(user('kevin'));
    await vi.waitFor(() => expect(seen).toEqual(['bezig', 'klaar', 'bezig', 'klaar']));
    expect(sync.prefetchCustomers).toHaveBeenCalledTimes(2);
  });

  it('without the full-register prefetch: the partijen with a recent contact, then the work queues (their callbacks link to them)', async () => {
    const bert = person({ naam: 'Bert Burger', bsn: '999993653' });
    const { sync, seen, session, upserted, order } = setup(false, [bert]);
    session.set(user('kevin'));
    await vi.waitFor(() => expect(seen).toEqual(['bezig', 'klaar']));
    expect(sync.prefetchCustomers).not.toHaveBeenCalled();
    expect(upserted).toEqual([bert]);
    expect(order).toEqual(['recent', 'werkvoorraad']);
    // Progress shown while reading, cleared after.
    expect(sync.showProgress.mock.calls).toEqual([[{ what: 'klanten', done: 1, total: null }], [null]]);
  });
});
