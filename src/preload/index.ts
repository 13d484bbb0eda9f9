/**
 * The preload: exposes exactly one thing, `window.klantbeeld`, the typed client of the
 * contract over IPC. Nothing raw: no ipcRenderer, no channel names, no generic invoke.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createClient, type Transport } from '../shared/contract/client';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/contract/transport';
import { bridgeSafe } from './bridge-safe';

const ipcTransport: Transport = {
  call: (operation, input) => ipcRenderer.invoke(IPC_CALL_CHANNEL, operation, input),
  subscribe(handler) {
    const listener = (_event: IpcRendererEvent, name: unknown, payload: unknown) =>
      handler(name as Parameters<typeof handler>[0], payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('klantbeeld', bridgeSafe(createClient(ipcTransport)));
