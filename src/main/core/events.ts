import type { EventName, EventPayload } from '../../shared/contract';
import type { EventListener } from './api';

/** Fan-out of core events to the shells (IPC, SSE). A failing listener never stops the others. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch {
        // A broken listener (closed window, dropped SSE client) must not affect the core.
      }
    }
  }
}
