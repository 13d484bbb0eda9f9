/** The local index at a shift change (sync/local-index.ts): re-read at each new sign-in, announced before and after. */
import { describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../../src/main/core/auth/session';
import { EventBus } from '../../../src/main/core/events';
import { LocalIndex } from '../../../src/main/core/sync/local-index';

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

function setup(prefetchPartijen: boolean) {
  const sync = { prefetchCustomers: vi.fn(async (_fresh?: boolean) => {}), pollWorkQueues: vi.fn(async () => {}) };
  const events = new EventBus();
  const seen: string[] = [];
  events.on((name, payload) => {
    if (name === 'customers.index') seen.push((payload as { state: string }).state);
  });
  const session = fakeSession();
  const index = new LocalIndex(sync, events, { prefetchPartijen, log: () => {} });
  index.follow(session);
  return { sync, seen, session, index };
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

  it('without the full-register prefetch only the work queues are re-read', async () => {
    const { sync, seen, session } = setup(false);
    session.set(user('kevin'));
    await vi.waitFor(() => expect(seen).toEqual(['bezig', 'klaar']));
    expect(sync.prefetchCustomers).not.toHaveBeenCalled();
    expect(sync.pollWorkQueues).toHaveBeenCalledTimes(1);
  });
});
