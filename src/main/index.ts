/**
 * Electron entry: lifecycle, single instance, klantbeeld:// links, the core and the window.
 * Everything that touches Electron lives in ./electron; this file only wires it together.
 */
import { resolve } from 'node:path';
import { app, session, type BrowserWindow } from 'electron';
import { startCoreBridge, type CoreBridge } from './electron/core-bridge';
import { bindCoreToIpc } from './electron/ipc';
import { createLog } from './electron/log';
import { installAppMenu } from './electron/menu';
import { devServerUrl, ownPage, shellPaths } from './electron/paths';
import { handleProtocolLink, PROTOCOL_SCHEME, protocolLinkFromArgv } from './electron/protocol-link';
import { installAppGuards, installContentSecurityPolicy, installPermissionGuards } from './electron/security';
import { createMainWindow } from './electron/window';

const log = createLog('main');
const paths = shellPaths(import.meta.dirname);
let mainWindow: BrowserWindow | null = null;
let core: CoreBridge | null = null;
let coreStopped = false;

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/**
 * Klantbeeld was started again: a second double-click, or a klantbeeld:// link from the
 * telephony client. The screen-pop issue extends this (open the caller's picture).
 */
export function onSecondInstance(argv: readonly string[]): void {
  focusMainWindow();
  const link = protocolLinkFromArgv(argv);
  if (link) handleProtocolLink(link, log);
}

function registerProtocolClient(): void {
  // Unpackaged, Electron runs as `electron <app folder>`: the OS must pass that folder too.
  const registered =
    process.defaultApp && process.argv[1]
      ? app.setAsDefaultProtocolClient(PROTOCOL_SCHEME, process.execPath, [resolve(process.argv[1])])
      : app.setAsDefaultProtocolClient(PROTOCOL_SCHEME);
  if (!registered) log(`could not register as the handler of ${PROTOCOL_SCHEME}:// links`);
}

function start(): void {
  const devUrl = devServerUrl(process.env, app.isPackaged);
  const page = ownPage(paths, devUrl);
  installContentSecurityPolicy(session.defaultSession, page);
  installPermissionGuards(session.defaultSession, log);
  installAppMenu(app.isPackaged);
  core = startCoreBridge({ modulePath: paths.coreProcess, dataDir: app.getPath('userData'), log: createLog('core') });
  bindCoreToIpc({ core, page, log: createLog('ipc') });
  mainWindow = createMainWindow({
    preload: paths.preload,
    rendererIndex: paths.rendererIndex,
    devServerUrl: devUrl,
    isPackaged: app.isPackaged,
    log,
  });
  mainWindow.on('closed', () => (mainWindow = null));
  // The first start can carry a link too (Windows and Linux pass it on the command line).
  const link = protocolLinkFromArgv(process.argv);
  if (link) handleProtocolLink(link, log);
}

/** Close the core (its SQLite store and outbox) before Electron exits. */
function stopCoreThenQuit(event: Electron.Event): void {
  if (coreStopped || !core) return;
  event.preventDefault();
  void core.shutdown().finally(() => {
    coreStopped = true;
    app.quit();
  });
}

app.setName('Klantbeeld');
// Every renderer is sandboxed, whatever a window's options say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // The running Klantbeeld gets our argv through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => onSecondInstance(argv));
  app.on('open-url', (event, url) => {
    event.preventDefault(); // macOS delivers links here instead of argv
    handleProtocolLink(url, log);
  });
  registerProtocolClient();
  installAppGuards(ownPage(paths, devServerUrl(process.env, app.isPackaged)), log);
  app.on('before-quit', stopCoreThenQuit);
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log(`Klantbeeld failed to start: ${String(error)}`);
      app.quit();
    });
}
