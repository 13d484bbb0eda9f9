import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from './fake-electron';
import { eventNames, operationNames } from '../../../src/shared/contract';
import type { KlantbeeldClient } from '../../../src/shared/contract/client';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../../src/shared/contract/transport';

vi.mock('electron', () => import('./fake-electron'));

type Exposed = Record<string, Record<string, (...args: unknown[]) => unknown>>;

let exposed: Record<string, unknown>;
beforeAll(async () => {
  await import('../../../src/preload/index');
  exposed = { ...contextBridge.exposed };
});
beforeEach(() => {
  ipcRenderer.invoke.mockReset();
  ipcRenderer.removeAllListeners();
});

describe('the preload', () => {
  it('exposes exactly one thing: window.klantbeeld', async () => {
    expect(Object.keys(exposed)).toEqual(['klantbeeld']);
  });

  it('has exactly the contract’s operations, grouped by area, plus events.on', async () => {
    const api = exposed.klantbeeld as Exposed;
    const names = Object.entries(api).flatMap(([area, members]) => Object.keys(members).map((m) => `${area}.${m}`));
    expect(names.sort()).toEqual([...operationNames, 'events.on'].sort());
    for (const members of Object.values(api)) {
      for (const member of Object.values(members)) expect(typeof member).toBe('function');
    }
  });

  it('exposes nothing raw', async () => {
        const api = exposed.klantbeeld as Exposed;
    const text = Object.entries(api).flatMap(([area, m]) => [area, ...Object.keys(m)]);
    for (const raw of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'call', 'subscribe', 'require', 'process']) {
      expect(text).not.toContain(raw);
    }
  });

  it.each(operationNames)('%s invokes the call channel with its own name, whatever argument it gets', async (operation) => {
        const api = exposed.klantbeeld as Exposed;
    const [area, method] = operation.split('.') as [string, string];
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 'done' });
    // A page that tries to pass a channel name only ever sends it as input.
    await expect(api[area]![method]!('klantbeeld:event', 'x')).resolves.toBe('done');
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CALL_CHANNEL, operation, 'klantbeeld:event');
  });

  it('rejects a failed call with a plain, bridge-copyable error carrying code and issues', async () => {
        const client = exposed.klantbeeld as unknown as KlantbeeldClient;
    const issues = [{ path: 'onderwerp', message: 'Vul het onderwerp in.' }];
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'invalid_input', message: 'Controleer de invoer.', issues } });
    const error = await client.contacts.register({} as never).catch((e: unknown) => e);
    expect(error).toEqual({ name: 'KlantbeeldError', code: 'invalid_input', message: 'Controleer de invoer.', issues });
    expect(Object.getPrototypeOf(error)).toBe(Object.prototype);
  });

  it('turns a failure before the core (e.g. an uncloneable input) into an internal error', async () => {
        const client = exposed.klantbeeld as unknown as KlantbeeldClient;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    await expect(client.sync.status({})).rejects.toMatchObject({ name: 'KlantbeeldError', code: 'internal' });
  });

  it('events.on listens on the event channel, filters by name and unsubscribes', async () => {
        const client = exposed.klantbeeld as unknown as KlantbeeldClient;
    const handler = vi.fn();
    const off = client.events.on(eventNames[0]!, handler);
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, eventNames[0], { a: 1 });
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, 'other.event', { a: 2 });
    expect(handler).toHaveBeenCalledExactlyOnceWith({ a: 1 });
    off();
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });
});
