/**
 * The one place that chooses how the renderer talks to the core:
 * - in Electron the preload exposes `window.klantbeeld`, already a typed client (IPC);
 * - in a browser (the browser host) we build the same client over HTTP + server-sent events.
 * Everything else in the renderer imports `client` from here and never knows which it got.
 */
import { events, type EventName, type EventPayload } from '../../../shared/contract';
import { createClient, type KlantbeeldClient } from '../../../shared/contract/client';
import { createHttpTransport, type StreamState } from './http-transport';

export type { KlantbeeldClient } from '../../../shared/contract/client';
export { KlantbeeldError } from '../../../shared/contract/errors';
export type { StreamState } from './http-transport';

/** The browser host injects its per-start secret as `<meta name="klantbeeld-secret">`. */
function readHostSecret(): string | null {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="klantbeeld-secret"]');
  return meta?.content || null;
}

/** Events over IPC get the same check as over HTTP: only payloads that match the contract pass. */
function withCheckedEvents(raw: KlantbeeldClient): KlantbeeldClient {
  return {
    ...raw,
    events: {
      on<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void) {
        return raw.events.on(name, (payload) => {
          const parsed = events[name].payload.safeParse(payload);
          if (parsed.success) handler(parsed.data as EventPayload<E>);
          else console.warn(`Klantbeeld: event ${name} does not match the contract; ignored.`);
        });
      },
    },
  };
}

interface Api {
  client: KlantbeeldClient;
  /** The push channel's health; the IPC channel of Electron is always open. */
  onStreamState(listener: (state: StreamState) => void): () => void;
}

function chooseApi(): Api {
  if (window.klantbeeld) {
    const onOpen = (listener: (state: StreamState) => void) => {
      listener('open');
      return () => undefined;
    };
    return { client: withCheckedEvents(window.klantbeeld), onStreamState: onOpen };
  }
  const transport = createHttpTransport({ secret: readHostSecret() });
  return { client: createClient(transport), onStreamState: (listener) => transport.onStreamState(listener) };
}

const api = chooseApi();

const missedListeners = new Set<() => void>();

/**
 * The core holds its events back while the screen is locked (nothing personal behind the lock
 * screen): after unlocking, whatever follows events reads its state again.
 */
export function onMissedEvents(listener: () => void): () => void {
  missedListeners.add(listener);
  return () => missedListeners.delete(listener);
}

/** Called by the auth store when the screen was unlocked. */
export function eventsWereHeldBack(): void {
  for (const listener of [...missedListeners]) listener();
}

export const client: KlantbeeldClient = api.client;
/** In Electron the shell opens the sign-in page in the system browser itself (auth.startOidc). */
export const shellOpensSignIn = Boolean(window.klantbeeld);
export const onStreamState = api.onStreamState;
