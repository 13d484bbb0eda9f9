import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, FakeWebContents, ipcMain, resetFakeElectron } from './fake-electron';
import { eventNames, operationNames, type CallResult } from '../../../src/shared/contract';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../../src/shared/contract/transport';
import { bindCoreToIpc } from '../../../src/main/electron/ipc';
import { ownPage, shellPaths } from '../../../src/main/electron/paths';

vi.mock('electron', () => import('./fake-electron'));

const paths = shellPaths('/app/out/main');
const page = ownPage(paths, null);
const ownUrl = pathToFileURL(paths.rendererIndex).href;

type EventListener = (name: string, payload: unknown) => void;

function setup() {
  let emit: EventListener = () => undefined;
  const core = {
    call: vi.fn(async (operation: string, input: unknown): Promise<CallResult> => ({ ok: true, value: { operation, input } })),
    onEvent: vi.fn((listener: EventListener) => {
      emit = listener;
      return () => (emit = () => undefined);
    }),
  };
  const log = vi.fn();
  const window = new BrowserWindow({});
  window.webContents.showPage(`${ownUrl}#/`);
  const unbind = bindCoreToIpc({ core, page, log });
  const handler = ipcMain.handlers.get(IPC_CALL_CHANNEL)!;
  /** An invoke from a frame; by default the main frame of our window on our page. */
  const invoke = (operation: unknown, input: unknown, from: { sender?: FakeWebContents; frame?: unknown } = {}) => {
    const sender = from.sender ?? window.webContents;
    const senderFrame = 'frame' in from ? from.frame : sender.mainFrame;
    return handler({ sender, senderFrame }, operation, input) as Promise<CallResult>;
  };
  return { core, log, window, unbind, invoke, emit: (name: string, payload: unknown) => emit(name, payload) };
}

beforeEach(() => resetFakeElectron());

describe('the IPC binding of the dispatcher', () => {
  it('registers exactly one handler, on the call channel', () => {
    setup();
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CALL_CHANNEL]);
  });

  it.each(operationNames)('forwards %s to the core with its input and returns the result', async (operation) => {
    const { core, invoke } = setup();
    const input = { probe: operation };
    await expect(invoke(operation, input)).resolves.toEqual({ ok: true, value: { operation, input } });
    expect(core.call).toHaveBeenCalledExactlyOnceWith(operation, input);
  });

  it('passes the core’s error results through unchanged', async () => {
    const { core, invoke } = setup();
    const failure: CallResult = { ok: false, error: { code: 'invalid_input', message: 'Vul het onderwerp in.', issues: [{ path: 'onderwerp', message: 'Vul het onderwerp in.' }] } };
    core.call.mockResolvedValueOnce(failure);
    await expect(invoke('contacts.register', {})).resolves.toEqual(failure);
  });

  it.each([
    ['an unknown name', 'customers.delete'],
    ['a prototype key', 'constructor'],
    ['a channel name', IPC_CALL_CHANNEL],
    ['a non-string', 42],
    ['nothing', undefined],
  ])('refuses %s as operation without calling the core', async (_label, operation) => {
    const { core, invoke } = setup();
    const result = await invoke(operation, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('refuses a frame showing a foreign page', async () => {
    const { core, window, invoke, log } = setup();
    window.webContents.showPage('https://elders.example/phish');
    const result = await invoke('customers.search', { query: 'Jansen' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.call).not.toHaveBeenCalled();
    expect(log.mock.calls.flat().join(' ')).toMatch(/foreign page \(https:\/\/elders\.example\)/);
  });

  it('refuses a sub-frame, even one on our own page', async () => {
    const { core, window, invoke } = setup();
    const subFrame = { processId: 7, routingId: 999, parent: window.webContents.mainFrame, url: ownUrl };
    await expect(invoke('sync.status', {}, { frame: subFrame })).resolves.toMatchObject({ error: { code: 'forbidden' } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame is gone', async () => {
    const { invoke } = setup();
    await expect(invoke('sync.status', {}, { frame: null })).resolves.toMatchObject({ error: { code: 'forbidden' } });
  });

  it('refuses web contents that are not one of our windows', async () => {
    const { core, invoke } = setup();
    const stranger = new FakeWebContents();
    stranger.showPage(ownUrl);
    await expect(invoke('app.info', {}, { sender: stranger })).resolves.toMatchObject({ error: { code: 'forbidden' } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('answers an internal error if forwarding itself throws', async () => {
    const { core, invoke } = setup();
    core.call.mockRejectedValueOnce(new Error('boom'));
    await expect(invoke('sync.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('unbinds cleanly', () => {
    const { unbind } = setup();
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('core events to the windows', () => {
  it.each(eventNames)('sends %s to our window on the event channel', (name) => {
    const { window, emit } = setup();
    emit(name, { some: 'payload' });
    expect(window.webContents.sent).toEqual([[IPC_EVENT_CHANNEL, name, { some: 'payload' }]]);
  });

  it('drops events that are not in the contract', () => {
    const { window, emit, log } = setup();
    emit('secrets.dump', {});
    expect(window.webContents.sent).toEqual([]);
    expect(log).toHaveBeenCalled();
  });

  it('skips destroyed windows and windows not showing our page', () => {
    const { window, emit } = setup();
    const elsewhere = new BrowserWindow({});
    elsewhere.webContents.showPage('https://elders.example/');
    const gone = new BrowserWindow({});
    gone.webContents.showPage(ownUrl);
    gone.destroyed = true;
    emit('sync.status', {});
    expect(window.webContents.sent).toHaveLength(1);
    expect(elsewhere.webContents.sent).toEqual([]);
    expect(gone.webContents.sent).toEqual([]);
  });
});
