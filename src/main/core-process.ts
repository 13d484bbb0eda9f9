/**
 * The utilityProcess entry of the core (no 'electron' import: plain Node plus Electron's
 * process.parentPort). It starts the core, answers `call` messages with `result`, forwards
 * events, and closes the store on `shutdown`. See core/process-protocol.ts.
 */
import type { CallResult } from '../shared/contract';
import type { Core } from './core/api';
import { startCore } from './core/index';
import { safeLog } from './core/log-line';
import { FromCore, ToCore } from './core/process-protocol';
import { SECRETS_ENV } from './core/config/secret-fields';
import { CACHE_KEY_ENV } from './core/store/cache-key';

/** The part of Electron's ParentPort we use; not in @types/node, and kept local on purpose. */
export interface ParentPortLike {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

export interface ServeOptions {
  log: (line: string) => void;
  exit: (code: number) => unknown;
}

const DATA_DIR_FLAG = '--data-dir=';
const SHUTTING_DOWN = 'Klantbeeld wordt afgesloten.';
const INTERNAL = 'Er ging iets mis in de Klantbeeld-kern; probeer het opnieuw.';

/** `--data-dir=<path>` from the main process, or KLANTBEELD_DATA_DIR when started by hand. */
export function dataDirFrom(argv: readonly string[], env: NodeJS.ProcessEnv): string | null {
  const flag = argv.find((arg) => arg.startsWith(DATA_DIR_FLAG));
  const dir = flag ? flag.slice(DATA_DIR_FLAG.length) : env.KLANTBEELD_DATA_DIR;
  return dir ? dir : null;
}

const oneLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);

/** Wires a started (or starting) core to the parent port. Exported for tests. */
export function serveCore(port: ParentPortLike, starting: Promise<Core>, options: ServeOptions): void {
  const { log, exit } = options;
  let closing = false;

  const post = (message: FromCore) => port.postMessage(message);

  function answer(id: number, core: Core, operation: string, input: unknown): void {
    core
      .dispatch(operation, input)
      .catch((error: unknown): CallResult => {
        log(`dispatch of ${operation} threw: ${oneLine(error)}`);
        return { ok: false, error: { code: 'internal', message: INTERNAL } };
      })
      .then((result) => {
        try {
          post({ type: 'result', id, result });
        } catch (error) {
          // A result that cannot cross the process boundary is a core bug, not the clerk's.
          log(`could not send the result of ${operation}: ${oneLine(error)}`);
          post({ type: 'result', id, result: { ok: false, error: { code: 'internal', message: INTERNAL } } });
        }
      });
  }

  port.on('message', ({ data }) => {
    const parsed = ToCore.safeParse(data);
    if (!parsed.success) {
      log('ignored a malformed message from the main process');
      return;
    }
    const message = parsed.data;
    if (message.type === 'call') {
      if (closing) {
        post({ type: 'result', id: message.id, result: { ok: false, error: { code: 'unavailable', message: SHUTTING_DOWN } } });
        return;
      }
      // Calls that arrive while the core starts wait for it; if it fails to start we exit and main answers them.
      starting.then((core) => answer(message.id, core, message.operation, message.input), () => undefined);
      return;
    }
    if (closing) return;
    closing = true;
    starting
      .then((core) => core.close())
      .catch((error: unknown) => log(`closing the core failed: ${oneLine(error)}`))
      .finally(() => exit(0));
  });

  starting.then(
    (core) => {
      if (closing) return;
      core.onEvent((name, payload) => post({ type: 'event', name, payload }));
      post({ type: 'ready' });
    },
    (error: unknown) => {
      post({ type: 'fatal', message: oneLine(error) });
      exit(1);
    },
  );
}

function main(port: ParentPortLike): void {
  const log = safeLog((line: string) => process.stderr.write(`[klantbeeld:core-process] ${line}\n`));
  // A moment for the last message (`fatal`) to leave before the process ends.
  const exit = (code: number) => setTimeout(() => process.exit(code), 100);
  const dataDir = dataDirFrom(process.argv, process.env);
  // The secrets and the cache key from safeStorage are for the configuration and the store only:
  // out of process.env before anything else runs.
  const env = { ...process.env };
  delete process.env[SECRETS_ENV];
  delete process.env[CACHE_KEY_ENV];
  const starting = !dataDir
    ? Promise.reject(new Error('no data folder given (--data-dir=… or KLANTBEELD_DATA_DIR)'))
    : // Never a key file beside the cache on the desktop: without the key from safeStorage the core does not start.
      !env[CACHE_KEY_ENV]
      ? Promise.reject(new Error(`no cache key given (${CACHE_KEY_ENV})`))
      : startCore({ dataDir, log, env });
  serveCore(port, starting, { log, exit });
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike | null }).parentPort;
if (parentPort) main(parentPort);
