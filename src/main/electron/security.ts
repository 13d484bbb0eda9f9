/**
 * App-wide guards: the renderer may show our own page and nothing else, open no windows,
 * attach no webviews and get no browser permission but notifications. Installed once, before any window exists.
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

/** The one permission Klantbeeld asks for: desktop notifications (new and overdue callbacks). */
const ALLOWED_PERMISSIONS = new Set(['notifications']);

/**
 * Klantbeeld needs no camera, microphone, geolocation or devices. Desktop notifications are
 * allowed for our own page only (the built file or the dev server), never for anything else.
 * The requesting URL comes from the details; a check for file:// carries only the origin
 * "file:///", so then the page the web contents shows decides.
 */
export function installPermissionGuards(ses: Session, page: OwnPage, log: Log): void {
  const allowed = (contents: WebContents | null, permission: string, requestingUrl: string | undefined) => {
    if (!ALLOWED_PERMISSIONS.has(permission)) return false;
    const url = requestingUrl && requestingUrl !== 'file:///' && requestingUrl !== 'file://' ? requestingUrl : (contents?.getURL() ?? '');
    return isOwnPageUrl(url, page);
  };
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const ok = allowed(contents, permission, details.requestingUrl);
    if (!ok) log(`refused permission request: ${permission}`);
    callback(ok);
  });
  ses.setPermissionCheckHandler((contents, permission, requestingOrigin, details) => allowed(contents, permission, details.requestingUrl ?? requestingOrigin));
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
    installPermissionGuards(contents.session, page, log);
    if (isPackaged) closeDevTools(contents, log);
  });
}
