/**
 * The IPC binding of the dispatcher: one handler for every contract operation, one channel
 * for every event. Only our own page in our own window may call; the core validates the rest.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { isEventName, isOperationName, type CallResult, type ErrorBody } from '../../shared/contract';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/contract/transport';
import type { CoreBridge } from './core-bridge';
import type { Log } from './log';
import { isOwnPageUrl, type OwnPage } from './paths';
import { originForLog } from './security';
import { openSignInPage } from './sign-in';

export const IPC_MESSAGES = {
  forbidden: 'Deze aanvraag komt niet uit het Klantbeeld-venster en is geweigerd.',
  unknownOperation: 'Onbekende bewerking.',
  internal: 'Er ging iets mis in Klantbeeld; probeer het opnieuw.',
} as const;

const refuse = (code: ErrorBody['code'], message: string): CallResult => ({ ok: false, error: { code, message } });

export interface IpcBindingOptions {
  core: Pick<CoreBridge, 'call' | 'onEvent'>;
  page: OwnPage;
  log: Log;
  /** Our windows; everything we create is ours (window.open is denied app-wide). */
  windows?: () => BrowserWindow[];
}

/** Why a sender is refused, or null when it is the main frame of our page in one of our windows. */
export function senderRefusal(event: IpcMainInvokeEvent, page: OwnPage, windows: BrowserWindow[]): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  const main = event.sender.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) {
    return 'a sub-frame';
  }
  if (!windows.some((window) => !window.isDestroyed() && window.webContents.id === event.sender.id)) {
    return 'not one of our windows';
  }
  if (!isOwnPageUrl(frame.url, page)) return `a foreign page (${originForLog(frame.url)})`;
  return null;
}

const nameForLog = (name: unknown) => (typeof name === 'string' ? JSON.stringify(name.slice(0, 60)) : typeof name);

/** Binds the core to IPC; returns the unbinding (for tests and a clean quit). */
export function bindCoreToIpc(options: IpcBindingOptions): () => void {
  const { core, page, log } = options;
  const windows = options.windows ?? (() => BrowserWindow.getAllWindows());

  ipcMain.handle(IPC_CALL_CHANNEL, async (event, operation: unknown, input: unknown): Promise<CallResult> => {
    const refusal = senderRefusal(event, page, windows());
    if (refusal) {
      log(`refused a call from ${refusal}`);
      return refuse('forbidden', IPC_MESSAGES.forbidden);
    }
    if (!isOperationName(operation)) {
      log(`refused unknown operation ${nameForLog(operation)}`);
      return refuse('unknown_operation', IPC_MESSAGES.unknownOperation);
    }
    try {
      const result = await core.call(operation, input);
      if (operation === 'auth.startOidc') await openSignInPage(result, { log, parent: BrowserWindow.fromWebContents(event.sender) });
      return result;
    } catch (error) {
      log(`call ${operation} failed in the shell: ${String(error)}`);
      return refuse('internal', IPC_MESSAGES.internal);
    }
  });

  const stopEvents = core.onEvent((name, payload) => {
    if (!isEventName(name)) {
      log(`dropped unknown core event ${nameForLog(name)}`);
      return;
    }
    for (const window of windows()) {
      if (window.isDestroyed()) continue;
      // A window that somehow shows another page gets nothing.
      if (!isOwnPageUrl(window.webContents.getURL(), page)) continue;
      window.webContents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });

  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    stopEvents();
  };
}
