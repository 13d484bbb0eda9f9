/**
 * Electron entry: lifecycle, single instance, klantbeeld:// links, the core and the window.
 * Everything that touches Electron lives in ./electron; this file only wires it together.
 */
import { resolve } from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import type { SecretMap } from './core/config/secret-fields';
import { DataFolderInUseError, dataFolderHolder } from './core/data-folder';
import { cacheKeyEnv, prepareCacheKey } from './electron/cache-key';
import { startCoreBridge, type CoreBridge } from './electron/core-bridge';
import { bindCoreToIpc } from './electron/ipc';
import { createLog } from './electron/log';
import { installAppMenu } from './electron/menu';
import { devServerUrl, ownPage, shellPaths } from './electron/paths';
import { handleProtocolLink, PROTOCOL_SCHEME, protocolLinkFromArgv, screenPopNumberFromArgv } from './electron/protocol-link';
import { prepareSecrets, SecretsError, secretsEnv } from './electron/secrets';
import { installAppGuards, installContentSecurityPolicy, installPermissionGuards } from './electron/security';
import { createMainWindow } from './electron/window';

const log = createLog('main');
const paths = shellPaths(import.meta.dirname);
let mainWindow: BrowserWindow | null = null;
let core: CoreBridge | null = null;
let coreStopped = false;
/** A screen-pop that arrived before the core was started (macOS open-url before ready). */
let pendingScreenPop: string | null = null;

/** An incoming call: the core finds the caller and pushes `screenpop` to the window. */
function screenPop(nummer: string): void {
  focusMainWindow();
  if (!core) {
    pendingScreenPop = nummer;
    return;
  }
  void core.call('customers.screenPop', { nummer }).then((result) => {
    if (!result.ok) log(`screen-pop failed: ${result.error.code}`);
  });
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/**
 * Klantbeeld was started again: a second double-click, a klantbeeld:// link from the
 * telephony client, or `--bel=<nummer>`: focus the window and pop the caller.
 */
export function onSecondInstance(argv: readonly string[]): void {
  focusMainWindow();
  const link = protocolLinkFromArgv(argv);
  if (link) {
    handleProtocolLink(link, log, screenPop);
    return;
  }
  const nummer = screenPopNumberFromArgv(argv);
  if (nummer) {
    log('received --bel on a second start; screen-pop');
    screenPop(nummer);
  }
}

function registerProtocolClient(): void {
  // Unpackaged, Electron runs as `electron <app folder>`: the OS must pass that folder too.
  const registered =
    process.defaultApp && process.argv[1]
      ? app.setAsDefaultProtocolClient(PROTOCOL_SCHEME, process.execPath, [resolve(process.argv[1])])
      : app.setAsDefaultProtocolClient(PROTOCOL_SCHEME);
  if (!registered) log(`could not register as the handler of ${PROTOCOL_SCHEME}:// links`);
}

/**
 * What the core gets from safeStorage: the zaaksysteem secrets and the cache key. Null (and
 * Klantbeeld quits, saying why) when they cannot be kept safely.
 */
function safeStorageForCore(dataDir: string): { secrets: SecretMap; cacheKey: Buffer } | null {
  try {
    return { secrets: prepareSecrets({ dataDir, log: createLog('secrets') }), cacheKey: prepareCacheKey({ dataDir, log: createLog('secrets') }) };
  } catch (error) {
    if (!(error instanceof SecretsError)) throw error;
    log('refused to start: the zaaksysteem secrets or the cache key cannot be kept safely');
    dialog.showErrorBox('Klantbeeld kan niet veilig starten', error.message);
    app.quit();
    return null;
  }
}

/** Another Klantbeeld (a browser host, a developer) has this data folder: say so and quit; the core would refuse it too. */
function dataFolderTaken(dataDir: string): boolean {
  const holder = dataFolderHolder(dataDir);
  if (holder === null) return false;
  log(`refused to start: the data folder is in use by process ${holder}`);
  dialog.showErrorBox('Klantbeeld draait al', new DataFolderInUseError(dataDir, holder).message);
  app.quit();
  return true;
}

function start(): void {
  const devUrl = devServerUrl(process.env, app.isPackaged);
  const page = ownPage(paths, devUrl);
  installContentSecurityPolicy(session.defaultSession, page);
  installPermissionGuards(session.defaultSession, page, log);
  installAppMenu(app.isPackaged);
  const dataDir = app.getPath('userData');
  if (dataFolderTaken(dataDir)) return;
  const fromSafeStorage = safeStorageForCore(dataDir);
  if (!fromSafeStorage) return;
  const env = { ...secretsEnv(fromSafeStorage.secrets), ...cacheKeyEnv(fromSafeStorage.cacheKey) };
  core = startCoreBridge({ modulePath: paths.coreProcess, dataDir, log: createLog('core'), env });
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
  if (link) handleProtocolLink(link, log, screenPop);
  const nummer = pendingScreenPop ?? (link ? null : screenPopNumberFromArgv(process.argv));
  pendingScreenPop = null;
  if (nummer) screenPop(nummer);
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
    handleProtocolLink(url, log, screenPop);
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
