/**
 * contextBridge copies an Error across worlds with its message only: a KlantbeeldError would
 * lose its `code` and per-field `issues` (electron/electron#25596). So a failed call rejects
 * with a plain object of the same shape, which the bridge copies whole:
 * `{ name: 'KlantbeeldError', code, message, issues? }`. Code that reads `e.code`, `e.message`
 * and `e.issues` works the same over IPC and over the browser host.
 */
import type { KlantbeeldClient } from '../shared/contract/client';
import { KlantbeeldError, type ErrorBody } from '../shared/contract/errors';

export type BridgedError = ErrorBody & { name: 'KlantbeeldError' };

const UNEXPECTED = 'Er ging iets mis in Klantbeeld; probeer het opnieuw.';

export function toBridgedError(error: unknown): BridgedError {
  if (error instanceof KlantbeeldError) {
    const bridged: BridgedError = { name: 'KlantbeeldError', code: error.code, message: error.message };
    if (error.issues) bridged.issues = error.issues.map((issue) => ({ ...issue }));
    return bridged;
  }
  // Not from the core (e.g. an input that cannot be cloned): a bug in the page, told plainly.
  console.error('Klantbeeld call failed before reaching the core:', error);
  return { name: 'KlantbeeldError', code: 'internal', message: UNEXPECTED };
}

type Method = (input: unknown) => Promise<unknown>;

/** The same client, with every operation's rejection made bridge-safe. `events` is passed as is. */
export function bridgeSafe(client: KlantbeeldClient): KlantbeeldClient {
  const safe: Record<string, unknown> = {};
  for (const [area, members] of Object.entries(client as unknown as Record<string, Record<string, unknown>>)) {
    if (area === 'events') {
      safe[area] = members;
      continue;
    }
    const methods: Record<string, Method> = {};
    for (const [name, method] of Object.entries(members)) {
      methods[name] = (input) =>
        (method as Method)(input).catch((error: unknown) => {
          throw toBridgedError(error);
        });
    }
    safe[area] = methods;
  }
  return safe as KlantbeeldClient;
}
