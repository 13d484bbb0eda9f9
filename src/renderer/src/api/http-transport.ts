/**
 * The browser-host transport: POST /api/<operation> for calls, a server-sent-event stream on
 * GET /events for pushes. Both carry the host's per-start secret in a header, which is why the
 * stream is read with fetch and not with EventSource.
 */
import type { Transport } from '../../../shared/contract/client';
import { CallResultSchema, type CallResult } from '../../../shared/contract/errors';
import { events, isEventName, type EventName, type OperationName } from '../../../shared/contract';
import { HOST_SECRET_HEADER, HTTP_API_PREFIX, HTTP_EVENTS_PATH } from '../../../shared/contract/transport';
import { createSseParser } from './sse';

export type StreamState = 'connecting' | 'open' | 'reconnecting';

export interface HttpTransportOptions {
  /** The host's per-start secret; null when the page was served without one. */
  secret: string | null;
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Backoff for reconnecting the event stream, in ms (attempt starts at 0). */
  backoff?: (attempt: number) => number;
  /** How long an open stream may stay silent before it counts as lost (default STREAM_SILENCE_MS). */
  silenceMs?: number;
}

export interface HttpTransport extends Transport {
  /** Called when the event stream opens, drops or reconnects (missed events: re-read state). */
  onStreamState(listener: (state: StreamState) => void): () => void;
}

const UNREACHABLE: CallResult = {
  ok: false,
  error: { code: 'unavailable', message: 'Klantbeeld is niet bereikbaar. Probeer het zo opnieuw.' },
};

/**
 * The host writes a heartbeat every 15 s (src/main/host/server.ts). A cut network closes no
 * socket: without this the stream would stay "open" and the window would keep saying Verbonden.
 */
export const STREAM_SILENCE_MS = 40_000;

export function defaultBackoff(attempt: number): number {
  const base = Math.min(30_000, 500 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl ?? '';
  const backoff = options.backoff ?? defaultBackoff;
  const silenceMs = options.silenceMs ?? STREAM_SILENCE_MS;
  const headers: Record<string, string> = options.secret ? { [HOST_SECRET_HEADER]: options.secret } : {};

  const handlers = new Set<(name: EventName, payload: unknown) => void>();
  const stateListeners = new Set<(state: StreamState) => void>();
  let controller: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** The stream's state now; a listener that arrives while it is open learns so at once. */
  let current: StreamState | null = null;

  function setState(state: StreamState): void {
    current = state;
    for (const listener of stateListeners) listener(state);
  }

  function deliver(name: string, data: string): void {
    if (!isEventName(name)) return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      console.warn(`Klantbeeld: event ${name} is not JSON; ignored.`);
      return;
    }
    const parsed = events[name].payload.safeParse(json);
    if (!parsed.success) {
      console.warn(`Klantbeeld: event ${name} does not match the contract; ignored.`);
      return;
    }
    for (const handler of handlers) handler(name, parsed.data);
  }

  async function readStream(signal: AbortSignal): Promise<void> {
    const response = await doFetch(`${baseUrl}${HTTP_EVENTS_PATH}`, {
      headers: { ...headers, accept: 'text/event-stream' },
      cache: 'no-store',
      signal,
    });
    if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
    setState('open');
    const parser = createSseParser((message) => deliver(message.event, message.data));
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    // Silence past the heartbeat: the line is dead; ending the read reconnects (and says so).
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const heard = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => void reader.cancel().catch(() => undefined), silenceMs);
    };
    heard();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        heard();
        parser.push(value);
      }
    } finally {
      clearTimeout(watchdog);
    }
  }

  function connect(attempt: number): void {
    const current = new AbortController();
    controller = current;
    let opened = false;
    const unlisten = onStreamState((state) => {
      if (state === 'open') opened = true;
    });
    readStream(current.signal)
      .catch(() => undefined)
      .finally(() => {
        unlisten();
        if (current.signal.aborted || controller !== current) return;
        setState('reconnecting');
        const next = opened ? 0 : attempt + 1;
        retryTimer = setTimeout(() => connect(next), backoff(next));
      });
  }

  function onStreamState(listener: (state: StreamState) => void): () => void {
    stateListeners.add(listener);
    if (current === 'open') listener('open');
    return () => stateListeners.delete(listener);
  }

  function stop(): void {
    current = null;
    controller?.abort();
    controller = null;
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
  }

  return {
    async call(operation: OperationName, input: unknown): Promise<CallResult> {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}${HTTP_API_PREFIX}${operation}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
        });
      } catch {
        return UNREACHABLE;
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return { ok: false, error: { code: 'internal', message: `Onverwacht antwoord van Klantbeeld (HTTP ${response.status}).` } };
      }
      const parsed = CallResultSchema.safeParse(body);
      if (!parsed.success) {
        return { ok: false, error: { code: 'internal', message: `Onverwacht antwoord van Klantbeeld (HTTP ${response.status}).` } };
      }
      return parsed.data as CallResult;
    },

    subscribe(handler) {
      handlers.add(handler);
      if (handlers.size === 1) {
        setState('connecting');
        connect(0);
      }
      return () => {
        handlers.delete(handler);
        if (handlers.size === 0) stop();
      };
    },

    onStreamState,
  };
}
