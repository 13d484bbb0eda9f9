/**
 * App-wide guards: the renderer may show our own page and nothing else, open no windows,
 * attach no webviews and get no browser permissions. Installed once, before any window exists.
 */
import { app, BrowserWindow, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp';
import { externalUrl, openExternalSafely } from './external-links';
import type { Log } from './log';
import { isOwnPageUrl, type OwnPage } from './paths';

/** Only the origin goes into the log: paths and queries may carry personal data. */
export function originForLog(raw: string): string {
  try {
    const url = new URL(raw);
    return url.origin === 'null' ? url.protocol : url.origin;
  } catch {
    return '(invalid URL)';
  }
}

/** Our CSP as a response header on our own responses (the dev server; file:// has no headers). */
export function installContentSecurityPolicy(ses: Session, page: OwnPage): void {
  const policy = contentSecurityPolicy(page.devServerOrigin);
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isOwnPageUrl(details.url, page)) return callback({});
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}

/** Klantbeeld needs no camera, microphone, geolocation, notifications-by-page or devices. */
export function installPermissionGuards(ses: Session, log: Log): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`refused permission request: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

export function guardWebContents(contents: WebContents, page: OwnPage, log: Log): void {
  // No window ever opens; a web link (target=_blank) may go to the browser once the clerk confirms.
  contents.setWindowOpenHandler(({ url }) => {
    log(`refused to open a window for ${originForLog(url)}`);
    if (externalUrl(url)) void openExternalSafely(url, { log, parent: BrowserWindow.fromWebContents(contents) });
    return { action: 'deny' };
  });
  const stayOnOwnPage = (kind: string) => (event: Electron.Event<{ url: string }>, url?: string) => {
    const target = event.url || url || '';
    if (isOwnPageUrl(target, page)) return;
    event.preventDefault();
    log(`refused ${kind} to ${originForLog(target)}`);
  };
  contents.on('will-navigate', stayOnOwnPage('navigation'));
  contents.on('will-redirect', stayOnOwnPage('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('refused to attach a webview');
  });
}

/** An installed Klantbeeld has no developer tools (webPreferences.devTools is off); should they open anyway, they close. */
export function closeDevTools(contents: WebContents, log: Log): void {
  contents.on('devtools-opened', () => {
    log('closed the developer tools (not available in an installed Klantbeeld)');
    contents.closeDevTools();
  });
}

/** Every web contents ever created (windows, devtools, anything) gets the guards. */
export function installAppGuards(page: OwnPage, log: Log, isPackaged = app.isPackaged): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, page, log);
    installPermissionGuards(contents.session, log);
    if (isPackaged) closeDevTools(contents, log);
  });
}
