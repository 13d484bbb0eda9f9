/**
 * A small stand-in for the parts of 'electron' the shell uses; Electron's binary cannot run
 * here. Tests do `vi.mock('electron', () => import('./fake-electron'))` and inspect these fakes.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { vi, type Mock } from 'vitest';

/** What the code under test registers (any signature), and how tests call it back. */
type Handler = (...args: never[]) => unknown;
type Callable = (...args: unknown[]) => unknown;
const callable = (handler: Handler) => handler as unknown as Callable;

/** An Electron-style event: preventDefault is observable. */
export function fakeEvent<T extends object>(details: T = {} as T) {
  return { ...details, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

export class FakeSession {
  headersListener: Callable | null = null;
  permissionRequestHandler: Callable | null = null;
  permissionCheckHandler: Callable | null = null;
  devicePermissionHandler: Callable | null = null;
  webRequest = { onHeadersReceived: (listener: Handler) => void (this.headersListener = callable(listener)) };
  setPermissionRequestHandler(handler: Handler) { this.permissionRequestHandler = callable(handler); }
  setPermissionCheckHandler(handler: Handler) { this.permissionCheckHandler = callable(handler); }
  setDevicePermissionHandler(handler: Handler) { this.devicePermissionHandler = callable(handler); }
}

export const session = { defaultSession: new FakeSession() };

let nextContentsId = 1;

export interface FakeFrame { processId: number; routingId: number; parent: FakeFrame | null; url: string }

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  url = '';
  readonly mainFrame: FakeFrame = { processId: 7, routingId: this.id, parent: null, url: '' };
  readonly session = session.defaultSession;
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) { this.windowOpenHandler = handler; }
  send(...args: unknown[]) { this.sent.push(args); }
  closeDevTools = vi.fn();
  getURL() { return this.url; }
  /** Simulates the page arriving at a URL (its main frame follows). */
  showPage(url: string) { this.url = url; this.mainFrame.url = url; }
}

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  static getAllWindows() { return BrowserWindow.all.filter((w) => !w.destroyed); }
  static fromWebContents(contents: unknown) { return BrowserWindow.all.find((w) => w.webContents === contents) ?? null; }
  readonly webContents = new FakeWebContents();
  destroyed = false;
  visible = false;
  minimized = false;
  focused = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.all.push(this);
  }
  loadFile = vi.fn(async (file: string) => this.webContents.showPage(pathToFileURL(file).href));
  loadURL = vi.fn(async (url: string) => this.webContents.showPage(url));
  isDestroyed() { return this.destroyed; }
  isMinimized() { return this.minimized; }
  restore() { this.minimized = false; }
  show() { this.visible = true; }
  focus() { this.focused = true; }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  name = 'Electron';
  gotLock = true;
  ready = Promise.resolve();
  // Under the temp folder: the shell writes its cache key into userData.
  getPath = vi.fn((name: string) => join(tmpdir(), `klantbeeld-fake-electron-${process.pid}`, name));
  setName = vi.fn((name: string) => void (this.name = name));
  enableSandbox: Mock<() => void> = vi.fn();
  requestSingleInstanceLock = vi.fn(() => this.gotLock);
  setAsDefaultProtocolClient = vi.fn(() => true);
  quit: Mock<() => void> = vi.fn();
  whenReady() { return this.ready; }
}
export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, Callable>(),
  handle(channel: string, handler: Handler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, callable(handler));
  },
  removeHandler(channel: string) { this.handlers.delete(channel); },
};

export class FakeUtilityProcess extends EventEmitter {
  readonly posted: unknown[] = [];
  constructor(readonly modulePath: string, readonly args: string[], readonly options: Record<string, unknown>) { super(); }
  postMessage(message: unknown) { this.posted.push(message); }
  kill = vi.fn(() => { this.emit('exit', 9); return true; });
  /** The core answers: what `process.parentPort.postMessage` in the child would deliver. */
  reply(message: unknown) { this.emit('message', message); }
}
export const utilityProcess = {
  forked: [] as FakeUtilityProcess[],
  fork: vi.fn((modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) => {
    const child = new FakeUtilityProcess(modulePath, args, options);
    utilityProcess.forked.push(child);
    return child;
  }),
};

export const Menu = {
  current: null as unknown,
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: vi.fn((menu: unknown) => void (Menu.current = menu)),
};

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown) { contextBridge.exposed[key] = api; },
};

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: {} }));
}
export const ipcRenderer = new FakeIpcRenderer();

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

/** `dialog.showMessageBox`: answers with `nextResponse` (0 = the first button) and records what it showed. */
export const dialog = {
  nextResponse: 0,
  shown: [] as Record<string, unknown>[],
  showMessageBox: vi.fn(async (...args: unknown[]) => {
    dialog.shown.push(args.at(-1) as Record<string, unknown>);
    return { response: dialog.nextResponse, checkboxChecked: false };
  }),
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
};

/** A keyring-backed safeStorage by default; `backend = 'basic_text'` is Linux without a keyring. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable: vi.fn(() => safeStorage.available),
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
  encryptString: vi.fn((plain: string) => Buffer.concat([Buffer.from('enc:'), Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)])),
  decryptString: vi.fn((encrypted: Buffer) => {
    if (encrypted.subarray(0, 4).toString() !== 'enc:') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(encrypted.subarray(4).map((b) => b ^ 0x5a)).toString('utf8');
  }),
};

/** Back to a fresh Electron between tests. */
export function resetFakeElectron() {
  session.defaultSession = new FakeSession();
  BrowserWindow.all = [];
  app.removeAllListeners();
  Object.assign(app, { isPackaged: false, name: 'Electron', gotLock: true, ready: Promise.resolve() });
  for (const fn of [app.getPath, app.setName, app.enableSandbox, app.requestSingleInstanceLock, app.setAsDefaultProtocolClient, app.quit]) fn.mockClear();
  ipcMain.handlers.clear();
  utilityProcess.forked.length = 0;
  utilityProcess.fork.mockClear();
  Menu.current = null;
  Menu.setApplicationMenu.mockClear();
  contextBridge.exposed = {};
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockReset();
  ipcRenderer.invoke.mockImplementation(async () => ({ ok: true, value: {} }));
  shell.openExternal.mockClear();
  Object.assign(dialog, { nextResponse: 0, shown: [] });
  dialog.showMessageBox.mockClear();
  dialog.showErrorBox.mockClear();
  Object.assign(safeStorage, { available: true, backend: 'gnome_libsecret' });
}

export default { app, BrowserWindow, ipcMain, session, utilityProcess, Menu, contextBridge, ipcRenderer, shell, dialog, safeStorage };
