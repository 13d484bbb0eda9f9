/**
 * The main process's side of the core: runs the core in a utilityProcess (SQLite never
 * stalls the window), correlates calls with results, restarts the core when it dies.
 * Calls never reject: every failure comes back as an `unavailable` CallResult in Dutch.
 */
import { utilityProcess, type UtilityProcess } from 'electron';
import type { CallResult, OperationName } from '../../shared/contract';
import { FromCore, type ToCore } from '../core/process-protocol';
import type { Log } from './log';

export const CORE_MESSAGES = {
  restarted: 'De Klantbeeld-kern is herstart; probeer het opnieuw.',
  restarting: 'De Klantbeeld-kern wordt opnieuw gestart; probeer het zo opnieuw.',
  timeout: 'De Klantbeeld-kern reageert niet op tijd; probeer het opnieuw.',
  failed: 'De Klantbeeld-kern kan niet starten. Start Klantbeeld opnieuw en meld het bij de beheerder als dit blijft gebeuren.',
  stopping: 'Klantbeeld wordt afgesloten.',
} as const;

export type CoreEventListener = (name: string, payload: unknown) => void;

export interface CoreBridge {
  call(operation: OperationName, input: unknown): Promise<CallResult>;
  onEvent(listener: CoreEventListener): () => void;
  /** Asks the core to close its store, kills it if it does not exit in time. */
  shutdown(): Promise<void>;
}

export interface CoreBridgeOptions {
  /** out/main/core-process.js */
  modulePath: string;
  dataDir: string;
  log: Log;
  /** Added to the core's environment: the decrypted secrets (secrets.ts), never seen by a renderer. */
  env?: Record<string, string>;
  /** Reads come from SQLite and writes are local, so a healthy core answers far within this. */
  callTimeoutMs?: number;
  /** Delay before restart number n (the last one repeats). */
  restartDelaysMs?: readonly number[];
  /** Consecutive starts that die before `ready` after which we stop trying. */
  maxFailedStarts?: number;
  shutdownTimeoutMs?: number;
}

interface Pending {
  resolve(result: CallResult): void;
  timer: ReturnType<typeof setTimeout>;
}

const unavailable = (message: string): CallResult => ({ ok: false, error: { code: 'unavailable', message } });

export function startCoreBridge(options: CoreBridgeOptions): CoreBridge {
  const { log, callTimeoutMs = 30_000, maxFailedStarts = 5, shutdownTimeoutMs = 5_000 } = options;
  const restartDelays = options.restartDelaysMs ?? [250, 1_000, 5_000, 15_000];
  const pending = new Map<number, Pending>();
  const listeners = new Set<CoreEventListener>();
  let child: UtilityProcess | null = null;
  let ready = false;
  let failedStarts = 0;
  let gaveUp = false;
  let stopping = false;
  let nextId = 1;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  let exited: (() => void) | null = null;
  let stopped: Promise<void> | null = null;

  function failPending(message: string): void {
    for (const [id, call] of pending) {
      clearTimeout(call.timer);
      pending.delete(id);
      call.resolve(unavailable(message));
    }
  }

  function spawn(): void {
    restartTimer = null;
    ready = false;
    try {
      const proc = utilityProcess.fork(options.modulePath, [`--data-dir=${options.dataDir}`], {
        serviceName: 'Klantbeeld core',
        stdio: 'inherit',
        ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
      });
      child = proc;
      proc.on('message', (message: unknown) => onMessage(message));
      proc.on('exit', (code) => onExit(proc, code));
      proc.on('error', (type, location) => log(`core process error ${type} at ${location}`));
    } catch (error) {
      log(`could not start the core process: ${String(error)}`);
      child = null;
      scheduleRestart(false);
    }
  }

  function onMessage(raw: unknown): void {
    const parsed = FromCore.safeParse(raw);
    if (!parsed.success) {
      log(`ignored a malformed message from the core (${parsed.error.issues.map((i) => i.path.join('.') || i.code).join(', ')})`);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        ready = true;
        failedStarts = 0;
        log('core ready');
        break;
      case 'fatal':
        log(`core failed to start: ${message.message}`);
        break;
      case 'result': {
        const call = pending.get(message.id);
        if (!call) {
          log(`ignored a result for unknown call ${message.id} (timed out or never sent)`);
          return;
        }
        clearTimeout(call.timer);
        pending.delete(message.id);
        call.resolve(message.result as CallResult);
        break;
      }
      case 'event':
        for (const listener of listeners) listener(message.name, message.payload);
        break;
    }
  }

  function onExit(proc: UtilityProcess, code: number): void {
    if (proc !== child) return;
    child = null;
    const wasReady = ready;
    ready = false;
    if (stopping) {
      failPending(CORE_MESSAGES.stopping);
      exited?.();
      return;
    }
    // In-flight calls may or may not have been applied: the clerk retries, we never replay.
    failPending(CORE_MESSAGES.restarted);
    log(`core exited with code ${code}${wasReady ? '' : ' before it was ready'}`);
    scheduleRestart(wasReady);
  }

  function scheduleRestart(wasReady: boolean): void {
    if (!wasReady) failedStarts += 1;
    if (failedStarts >= maxFailedStarts) {
      gaveUp = true;
      log(`core failed to start ${failedStarts} times in a row; not restarting it again`);
      return;
    }
    const delay = restartDelays[Math.min(failedStarts, restartDelays.length - 1)] ?? 1_000;
    log(`restarting the core in ${delay} ms`);
    restartTimer = setTimeout(spawn, delay);
  }

  function post(message: ToCore): void {
    child?.postMessage(message);
  }

  spawn();

  return {
    call(operation, input) {
      if (stopping) return Promise.resolve(unavailable(CORE_MESSAGES.stopping));
      if (gaveUp) return Promise.resolve(unavailable(CORE_MESSAGES.failed));
      if (!child) return Promise.resolve(unavailable(CORE_MESSAGES.restarting));
      const id = nextId++;
      return new Promise<CallResult>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          log(`call ${id} (${operation}) timed out after ${callTimeoutMs} ms`);
          resolve(unavailable(CORE_MESSAGES.timeout));
        }, callTimeoutMs);
        pending.set(id, { resolve, timer });
        try {
          post({ type: 'call', id, operation, input });
        } catch (error) {
          clearTimeout(timer);
          pending.delete(id);
          log(`could not send call ${id} (${operation}) to the core: ${String(error)}`);
          resolve(unavailable(CORE_MESSAGES.restarting));
        }
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    shutdown() {
      if (stopped) return stopped;
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const proc = child;
      if (!proc) {
        failPending(CORE_MESSAGES.stopping);
        return (stopped = Promise.resolve());
      }
      return (stopped = new Promise<void>((resolve) => {
        const killTimer = setTimeout(() => {
          log('core did not exit in time; killing it');
          proc.kill();
        }, shutdownTimeoutMs);
        exited = () => {
          clearTimeout(killTimer);
          resolve();
        };
        try {
          post({ type: 'shutdown' });
        } catch {
          proc.kill();
        }
      }));
    },
  };
}
