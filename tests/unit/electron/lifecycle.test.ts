import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEvent } from './fake-electron';
import { IPC_CALL_CHANNEL } from '../../../src/shared/contract/transport';
import { tempDir } from '../../support/tmp';

vi.mock('electron', () => import('./fake-electron'));

const logged = () => vi.mocked(console.error).mock.calls.flat().join('\n');

type FakeElectron = typeof import('./fake-electron');
let app: FakeElectron['app'];
let BrowserWindow: FakeElectron['BrowserWindow'];
let ipcMain: FakeElectron['ipcMain'];
let Menu: FakeElectron['Menu'];
let session: FakeElectron['session'];
let utilityProcess: FakeElectron['utilityProcess'];
let dialog: FakeElectron['dialog'];
let safeStorage: FakeElectron['safeStorage'];

/** Runs src/main/index.ts afresh, as Electron would at startup, against the fake it imports. */
async function launch({ gotLock = true, userData = '', keyring = true } = {}) {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as FakeElectron;
  electron.resetFakeElectron();
  ({ app, BrowserWindow, ipcMain, Menu, session, utilityProcess, dialog, safeStorage } = electron);
  app.gotLock = gotLock;
  if (userData) app.getPath.mockImplementationOnce(() => userData);
  if (!keyring) safeStorage.backend = 'basic_text';
  await import('../../../src/main/index');
  await app.ready;
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('the app lifecycle', () => {
  it('names the app, sandboxes every renderer and registers klantbeeld://', async () => {
    await launch();
    expect(app.setName).toHaveBeenCalledWith('Klantbeeld');
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('klantbeeld', ...(process.defaultApp ? [expect.any(String), expect.any(Array)] : []));
  });

  it('quits at once when another Klantbeeld already runs', async () => {
    await launch({ gotLock: false });
    expect(app.quit).toHaveBeenCalled();
    expect(BrowserWindow.all).toHaveLength(0);
    expect(utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('when ready: starts the core in userData, binds IPC, installs CSP, guards and menu, opens one window', async () => {
    await launch();
    expect(utilityProcess.fork).toHaveBeenCalledExactlyOnceWith(
      expect.stringMatching(/core-process\.js$/),
      [`--data-dir=${app.getPath('userData')}`],
      expect.objectContaining({ serviceName: 'Klantbeeld core' }),
    );
    expect(app.getPath).toHaveBeenCalledWith('userData');
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CALL_CHANNEL]);
    expect(session.defaultSession.headersListener).not.toBeNull();
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(BrowserWindow.all).toHaveLength(1);
    const [window] = BrowserWindow.all;
    expect(window!.options).toMatchObject({ title: 'Klantbeeld', webPreferences: { sandbox: true, contextIsolation: true } });
    expect(window!.loadFile).toHaveBeenCalledWith(expect.stringMatching(/renderer[\\/]index\.html$/));
  });

  it('a second start focuses the existing window; its link is validated and logged without the number', async () => {
    await launch();
    const [window] = BrowserWindow.all;
    window!.minimized = true;
    app.emit('second-instance', fakeEvent(), ['/opt/Klantbeeld/klantbeeld', 'klantbeeld://bel?nummer=0612345678'], '/');
    expect(window!.minimized).toBe(false);
    expect(window!.focused).toBe(true);
    expect(logged()).toMatch(/klantbeeld:\/\/bel link/);
    expect(logged()).not.toContain('0612345678');
    // The number goes to the core, which finds the caller and pushes `screenpop` to the window.
    const [core] = utilityProcess.forked;
    expect(core!.posted).toContainEqual(expect.objectContaining({ type: 'call', operation: 'customers.screenPop', input: { nummer: '0612345678' } }));
  });

  it('a second start with --bel pops the caller too; an invalid number is ignored', async () => {
    await launch();
    const [core] = utilityProcess.forked;
    app.emit('second-instance', fakeEvent(), ['/opt/Klantbeeld/klantbeeld', '--bel=+31 6 1234 5678'], '/');
    app.emit('second-instance', fakeEvent(), ['/opt/Klantbeeld/klantbeeld', '--bel', 'evil()'], '/');
    const calls = core!.posted.filter((m) => (m as { operation?: string }).operation === 'customers.screenPop');
    expect(calls).toEqual([expect.objectContaining({ input: { nummer: '+31612345678' } })]);
    expect(logged()).not.toContain('1234');
  });

  it('on quit, shuts the core down first, then quits', async () => {
    await launch();
    const [core] = utilityProcess.forked;
    const quitting = fakeEvent();
    app.emit('before-quit', quitting);
    expect(quitting.defaultPrevented).toBe(true);
    expect(core!.posted.at(-1)).toEqual({ type: 'shutdown' });
    expect(app.quit).not.toHaveBeenCalled();
    core!.emit('exit', 0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.quit).toHaveBeenCalledOnce();
    const again = fakeEvent();
    app.emit('before-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('hands the zaaksysteem secrets from safeStorage to the core process only', async () => {
    const dir = tempDir();
    writeFileSync(join(dir.path, 'klantbeeld.config.json'), JSON.stringify({ brp: { url: 'https://brp.example/', apiKey: 'brp-sleutel-99' } }));
    await launch({ userData: dir.path });
    const [core] = utilityProcess.forked;
    expect(JSON.parse((core!.options.env as Record<string, string>).KLANTBEELD_SECRETS!)).toEqual({ 'brp.apiKey': 'brp-sleutel-99' });
    expect(JSON.stringify(BrowserWindow.all[0]!.options)).not.toContain('brp-sleutel-99');
    dir.remove();
  });

  it('hands the cache key from safeStorage to the core process only', async () => {
    const dir = tempDir();
    await launch({ userData: dir.path });
    const [core] = utilityProcess.forked;
    const key = (core!.options.env as Record<string, string>).KLANTBEELD_CACHE_KEY!;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dir.path, 'klantbeeld.cache-key.bin')).toString('latin1')).not.toContain(key);
    expect(JSON.stringify(BrowserWindow.all[0]!.options)).not.toContain(key);
    dir.remove();
  });

  it('refuses to start, saying why in Dutch, when another Klantbeeld has the data folder', async () => {
    const dir = tempDir();
    writeFileSync(join(dir.path, 'klantbeeld.lock'), `${process.pid}\n`); // a live process: this one
    await launch({ userData: dir.path });
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Klantbeeld draait al', expect.stringContaining(`al in gebruik door een andere Klantbeeld (proces ${process.pid})`));
    expect(app.quit).toHaveBeenCalled();
    expect(utilityProcess.fork).not.toHaveBeenCalled();
    dir.remove();
  });

  it('refuses to start, saying why in Dutch, without a keyring even when there are no secrets: the cache key needs one', async () => {
    const dir = tempDir();
    await launch({ userData: dir.path, keyring: false });
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Klantbeeld kan niet veilig starten', expect.stringMatching(/sleutelbos/));
    expect(utilityProcess.fork).not.toHaveBeenCalled();
    dir.remove();
  });

  it('refuses to start, saying why in Dutch, when the secrets would be kept in plain text', async () => {
    const dir = tempDir();
    writeFileSync(join(dir.path, 'klantbeeld.config.json'), JSON.stringify({ brp: { url: 'https://brp.example/', apiKey: 'brp-sleutel-99' } }));
    await launch({ userData: dir.path, keyring: false });
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Klantbeeld kan niet veilig starten', expect.stringMatching(/sleutelbos/));
    expect(app.quit).toHaveBeenCalled();
    expect(utilityProcess.fork).not.toHaveBeenCalled();
    expect(BrowserWindow.all).toHaveLength(0);
    dir.remove();
  });

  it('quits when the window is closed', async () => {
    await launch();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });
});
