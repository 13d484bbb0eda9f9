/** The one Klantbeeld window: locked-down webPreferences, a fixed title, shown once painted. */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { Log } from './log';

/** Fixed: page titles could carry a customer's name, and window titles end up in taskbars and screen shares. */
export const WINDOW_TITLE = 'Klantbeeld';

export function mainWindowOptions(preload: string, isPackaged: boolean): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !isPackaged,
    },
  };
}

export interface MainWindowOptions {
  preload: string;
  isPackaged: boolean;
  /** The dev server URL in `electron-vite dev`, else null: then the built index.html is loaded. */
  devServerUrl: string | null;
  rendererIndex: string;
  log: Log;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preload, options.isPackaged));
  window.once('ready-to-show', () => window.show());
  // Keep our title whatever the page sets as document.title.
  window.on('page-title-updated', (event) => event.preventDefault());
  const loading = options.devServerUrl
    ? window.loadURL(options.devServerUrl)
    : window.loadFile(options.rendererIndex);
  loading.catch((error: unknown) => options.log(`the window failed to load its page: ${String(error)}`));
  return window;
}
