/** What the shells (Electron utilityProcess, browser host, tests) get from the core. */
import type { CallResult, EventName } from '../../shared/contract';

export type EventListener = (name: EventName, payload: unknown) => void;

export interface Core {
  /** Validate, check the role, call the service, validate the output. Never throws. */
  dispatch(operation: string, input: unknown): Promise<CallResult>;
  /** Pushes for the renderer: `customer.refreshed`, `contact.synced`, `sync.status`. */
  onEvent(listener: EventListener): () => void;
  close(): Promise<void>;
}

export interface CoreOptions {
  /** The user data folder: config file, local SQLite cache, embedded demo zaaksysteem. */
  dataDir: string;
  /** Environment used for configuration overrides and the cache key, KLANTBEELD_CACHE_KEY (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
  /** Application log (never personal data). Defaults to stderr. */
  log?: (line: string) => void;
}
