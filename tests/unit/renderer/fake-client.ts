/** A scriptable stand-in for the renderer's `client` (src/renderer/src/api) in store tests. */
import { vi } from 'vitest';
import type { EventName, EventPayload } from '../../../src/shared/contract';

type Handler = (payload: unknown) => void;

export function createFakeApi() {
  const handlers = new Map<EventName, Set<Handler>>();
  const streamListeners = new Set<(state: 'connecting' | 'open' | 'reconnecting') => void>();
  const missedListeners = new Set<() => void>();
  const client = {
    app: { info: vi.fn() },
    customers: { search: vi.fn(), searchRemote: vi.fn(), open: vi.fn(), revealBsn: vi.fn(), screenPop: vi.fn() },
    zaken: { detail: vi.fn(), document: vi.fn() },
    contacts: { register: vi.fn() },
    sync: { status: vi.fn() },
    events: {
      on(name: EventName, handler: Handler) {
        if (!handlers.has(name)) handlers.set(name, new Set());
        handlers.get(name)!.add(handler);
        return () => handlers.get(name)!.delete(handler);
      },
    },
  };
  return {
    client,
    onStreamState(listener: (state: 'connecting' | 'open' | 'reconnecting') => void) {
      streamListeners.add(listener);
      return () => streamListeners.delete(listener);
    },
    onMissedEvents(listener: () => void) {
      missedListeners.add(listener);
      return () => missedListeners.delete(listener);
    },
    /** The screen was unlocked: the core had held its events back. */
    unlocked() {
      for (const listener of missedListeners) listener();
    },
    emit<E extends EventName>(name: E, payload: EventPayload<E>) {
      for (const handler of handlers.get(name) ?? []) handler(payload);
    },
    /** Forget subscribers (stores of earlier tests) and scripted answers. */
    reset() {
      handlers.clear();
      streamListeners.clear();
      missedListeners.clear();
      vi.resetAllMocks();
    },
    stream(state: 'connecting' | 'open' | 'reconnecting') {
      for (const listener of streamListeners) listener(state);
    },
  };
}

/** A promise you settle from the test. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
