import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthStatus } from '../../../src/shared/contract';

type Handler = (payload: unknown) => void;
const handlers = new Map<string, Handler>();
const calls: string[] = [];
const client = {
  auth: {
    status: vi.fn(),
    signIn: vi.fn(),
    unlock: vi.fn(),
    startOidc: vi.fn(),
    lock: vi.fn(),
    signOut: vi.fn(),
    touch: vi.fn(),
  },
  events: {
    on(name: string, handler: Handler) {
      handlers.set(name, handler);
      return () => handlers.delete(name);
    },
  },
};
const flushAll = vi.fn(async () => void calls.push('flushAll'));
const eventsWereHeldBack = vi.fn();
vi.mock('../../../src/renderer/src/api', () => ({ client, onStreamState: () => () => undefined, eventsWereHeldBack }));
vi.mock('../../../src/renderer/src/stores/contacts', () => ({ useContactsStore: () => ({ flushAll }) }));
const { useAuthStore } = await import('../../../src/renderer/src/stores/auth');

const reload = vi.fn();
const status = (state: AuthStatus['state'], lockAt: number | null): AuthStatus => ({
  state,
  mode: 'lokaal',
  user: state === 'uit' ? null : { id: 'bianca.de.vries', naam: 'Bianca de Vries', email: 'b@turfbrug.nl', roles: ['kcc'], groepen: ['KCC'], via: 'lokaal' },
  methods: { lokaal: true, oidc: false, oidcLabel: null },
  lockReason: state === 'vergrendeld' ? 'inactief' : null,
  idle: { lockSeconds: 60, warnSeconds: 10, lockAt: lockAt === null ? null : new Date(lockAt).toISOString() },
  melding: null,
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('window', { location: { reload } });
  setActivePinia(createPinia());
  calls.length = 0;
  handlers.clear();
  for (const fn of Object.values(client.auth)) fn.mockReset();
  flushAll.mockClear();
  reload.mockClear();
  client.auth.touch.mockImplementation(async () => ({ lockAt: new Date(Date.now() + 60_000).toISOString() }));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function signedIn() {
  client.auth.status.mockResolvedValue(status('ingelogd', Date.now() + 60_000));
  const auth = useAuthStore();
  auth.start();
  await vi.advanceTimersByTimeAsync(0);
  return auth;
}

describe('auth store', () => {
  it('reports activity at most once per sixth of the idle time', async () => {
    const auth = await signedIn();
    auth.activity();
    auth.activity();
    expect(client.auth.touch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(9_000);
    auth.activity();
    expect(client.auth.touch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    auth.activity();
    expect(client.auth.touch).toHaveBeenCalledTimes(2);
  });

  it('warns before the core locks, writes the drafts, counts down; "Ik ben er nog" extends', async () => {
    const auth = await signedIn();
    await vi.advanceTimersByTimeAsync(49_000);
    expect(auth.warningSeconds).toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(auth.warningSeconds).toBe(10);
    expect(flushAll).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(auth.warningSeconds).toBe(7);
    auth.activity(); // a mouse move does not count while the warning shows
    expect(client.auth.touch).not.toHaveBeenCalled();
    await auth.stillHere();
    expect(client.auth.touch).toHaveBeenCalledTimes(1);
    expect(auth.warningSeconds).toBeNull();
  });

  it('reports activity the core has not heard of instead of warning', async () => {
    const auth = await signedIn();
    await vi.advanceTimersByTimeAsync(1_000);
    auth.activity(); // sent
    await vi.advanceTimersByTimeAsync(5_000);
    client.auth.touch.mockImplementation(async () => ({ lockAt: new Date(Date.now() + 60_000).toISOString() }));
    auth.activity(); // throttled: the core still counts from the first one
    expect(client.auth.touch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000 - 10_000 - 6_000 + 1_000);
    expect(auth.warningSeconds).toBeNull();
    expect(client.auth.touch).toHaveBeenCalledTimes(2);
  });

  it('locks only after writing what is still waiting for the autosave', async () => {
    const auth = await signedIn();
    client.auth.lock.mockImplementation(async () => {
      calls.push('lock');
      return status('vergrendeld', null);
    });
    await auth.lock();
    expect(calls).toEqual(['flushAll', 'lock']);
    expect(auth.state).toBe('vergrendeld');
  });

  it('reloads the window after a sign-out, so nothing of the user stays in memory', async () => {
    const auth = await signedIn();
    handlers.get('auth.changed')?.(status('vergrendeld', null));
    expect(reload).not.toHaveBeenCalled();
    handlers.get('auth.changed')?.(status('uit', null));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(auth.state).toBe('uit');
  });

  it('after unlocking (not after signing in) the stores read again what the core held back', async () => {
    eventsWereHeldBack.mockClear();
    await signedIn();
    expect(eventsWereHeldBack).not.toHaveBeenCalled();
    handlers.get('auth.changed')?.(status('vergrendeld', null));
    expect(eventsWereHeldBack).not.toHaveBeenCalled();
    handlers.get('auth.changed')?.(status('ingelogd', Date.now() + 60_000));
    handlers.get('auth.changed')?.(status('ingelogd', Date.now() + 60_000));
    expect(eventsWereHeldBack).toHaveBeenCalledTimes(1);
  });
});
