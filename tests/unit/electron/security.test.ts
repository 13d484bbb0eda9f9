import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, dialog, fakeEvent, FakeWebContents, resetFakeElectron, session, shell } from './fake-electron';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, HEADER_ONLY_DIRECTIVES, parseCsp } from '../../../src/shared/csp';
import { ownPage, shellPaths } from '../../../src/main/electron/paths';
import {
  closeDevTools,
  guardWebContents,
  installAppGuards,
  installContentSecurityPolicy,
  installPermissionGuards,
  originForLog,
} from '../../../src/main/electron/security';

vi.mock('electron', () => import('./fake-electron'));

const paths = shellPaths('/app/out/main');
const built = ownPage(paths, null);
const dev = ownPage(paths, 'http://localhost:5173/');
const ownUrl = pathToFileURL(paths.rendererIndex).href;

beforeEach(() => resetFakeElectron());

describe('the content security policy', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('forbids plugins, base rewriting, form posts and framing', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('in development allows the dev server and its hot-reload socket, still without eval', () => {
    const devCsp = parseCsp(contentSecurityPolicy('http://localhost:5173'));
    expect(devCsp.get('script-src')).toEqual(["'self'", 'http://localhost:5173']);
    expect(devCsp.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(contentSecurityPolicy('http://localhost:5173')).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy(null)).toBe(CONTENT_SECURITY_POLICY);
  });

  it("matches the renderer's <meta> policy in src/renderer/index.html (minus header-only directives)", () => {
    const html = readFileSync(resolve(__dirname, '../../../src/renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'index.html has a CSP meta tag').not.toBeNull();
    expect(meta![1]).not.toContain('unsafe-eval');
    const header = new Map(csp);
    for (const directive of HEADER_ONLY_DIRECTIVES) header.delete(directive);
    const metaCsp = parseCsp(meta![1]!);
    for (const directive of HEADER_ONLY_DIRECTIVES) metaCsp.delete(directive);
    expect(Object.fromEntries(metaCsp)).toEqual(Object.fromEntries(header));
  });

  it('is set as a header on our own responses only, replacing any other policy', () => {
    installContentSecurityPolicy(session.defaultSession as never, dev);
    const respond = vi.fn();
    session.defaultSession.headersListener!(
      { url: 'http://localhost:5173/src/main.ts', responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/javascript'] } },
      respond,
    );
    expect(respond).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/javascript'], 'Content-Security-Policy': [contentSecurityPolicy(dev.devServerOrigin)] },
    });
    respond.mockClear();
    session.defaultSession.headersListener!({ url: 'https://elders.example/', responseHeaders: {} }, respond);
    expect(respond).toHaveBeenCalledWith({});
  });
});

describe('the guards on every web contents', () => {
  const log = vi.fn();
  const guarded = (page = built) => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never, page, log);
    return contents;
  };

  it('denies window.open', () => {
    expect(guarded().windowOpenHandler!({ url: 'https://elders.example/x?bsn=123' })).toEqual({ action: 'deny' });
  });

  it('offers a web link from window.open to the browser, only after confirmation, and never other schemes', async () => {
    const window = new BrowserWindow({});
    guardWebContents(window.webContents as never, built, log);
    dialog.nextResponse = 1;
    expect(window.webContents.windowOpenHandler!({ url: 'https://www.turfbrug.nl/' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(dialog.showMessageBox.mock.calls[0]![0]).toBe(window);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies navigation away from our page and allows it to our page', () => {
    const contents = guarded();
    for (const url of ['https://elders.example/', pathToFileURL('/home/balie/Downloads/brief.html').href, 'about:blank']) {
      const event = fakeEvent({ url });
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented, url).toBe(true);
    }
    const home = fakeEvent({ url: `${ownUrl}#/klant/1` });
    contents.emit('will-navigate', home, home.url);
    expect(home.defaultPrevented).toBe(false);
  });

  it('allows the dev server only in development', () => {
    const event = fakeEvent({ url: 'http://localhost:5173/' });
    guarded(dev).emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(false);
    const packaged = fakeEvent({ url: 'http://localhost:5173/' });
    guarded(built).emit('will-navigate', packaged, packaged.url);
    expect(packaged.defaultPrevented).toBe(true);
  });

  it('denies redirects away from our page', () => {
    const contents = guarded();
    const away = fakeEvent({ url: 'https://elders.example/' });
    contents.emit('will-redirect', away, away.url);
    expect(away.defaultPrevented).toBe(true);
    const home = fakeEvent({ url: ownUrl });
    contents.emit('will-redirect', home, home.url);
    expect(home.defaultPrevented).toBe(false);
  });

  it('denies attaching a webview', () => {
    const event = fakeEvent();
    guarded().emit('will-attach-webview', event, {}, { src: 'https://elders.example/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('logs origins only, never paths or queries', () => {
    log.mockClear();
    const contents = guarded();
    contents.windowOpenHandler!({ url: 'https://elders.example/klant?bsn=111222333' });
    expect(log.mock.calls.flat().join(' ')).not.toContain('111222333');
    expect(originForLog('https://elders.example/klant?bsn=1')).toBe('https://elders.example');
    expect(originForLog('file:///home/balie/brief.html')).toBe('file:');
  });

  it('are installed on every web contents the app creates', () => {
    installAppGuards(built, log);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.windowOpenHandler!({ url: 'https://elders.example/' })).toEqual({ action: 'deny' });
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(session.defaultSession.permissionCheckHandler).not.toBeNull();
  });
});

describe('developer tools', () => {
  it('are closed at once in an installed Klantbeeld, whatever opened them', () => {
    const contents = new FakeWebContents();
    closeDevTools(contents as never, vi.fn());
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalledOnce();
  });

  it('are guarded on every web contents only when packaged', () => {
    installAppGuards(built, vi.fn(), true);
    const packaged = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), packaged);
    expect(packaged.listenerCount('devtools-opened')).toBe(1);
    resetFakeElectron();
    installAppGuards(built, vi.fn(), false);
    const unpackaged = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), unpackaged);
    expect(unpackaged.listenerCount('devtools-opened')).toBe(0);
  });
});

describe('permissions', () => {
  const others = ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'midi', 'pointerLock'];
  const showing = (url: string) => Object.assign(new FakeWebContents(), { url });

  it('allows notifications for our own page only, built or dev server', () => {
    installPermissionGuards(session.defaultSession as never, built, vi.fn());
    const callback = vi.fn();
    session.defaultSession.permissionRequestHandler!(showing(ownUrl), 'notifications', callback, { requestingUrl: ownUrl });
    expect(callback).toHaveBeenCalledWith(true);
    // A check for file:// names only the origin: the page the contents shows decides.
    expect(session.defaultSession.permissionCheckHandler!(showing(ownUrl), 'notifications', 'file:///', {})).toBe(true);
    expect(session.defaultSession.permissionCheckHandler!(showing(ownUrl), 'notifications', 'file:///', { requestingUrl: ownUrl })).toBe(true);
    resetFakeElectron();
    installPermissionGuards(session.defaultSession as never, dev, vi.fn());
    expect(session.defaultSession.permissionCheckHandler!(null, 'notifications', 'http://localhost:5173', { requestingUrl: 'http://localhost:5173/' })).toBe(true);
  });

  it('refuses notifications from any other origin or file', () => {
    installPermissionGuards(session.defaultSession as never, dev, vi.fn());
    for (const url of ['https://elders.example/', 'http://localhost:5174/', 'file:///tmp/other.html', pathToFileURL('/app/out/renderer/other.html').href]) {
      const callback = vi.fn();
      session.defaultSession.permissionRequestHandler!(showing(url), 'notifications', callback, { requestingUrl: url });
      expect(callback, url).toHaveBeenCalledWith(false);
      expect(session.defaultSession.permissionCheckHandler!(showing(url), 'notifications', new URL(url).origin, { requestingUrl: url }), url).toBe(false);
    }
    expect(session.defaultSession.permissionCheckHandler!(showing('file:///tmp/other.html'), 'notifications', 'file:///', {})).toBe(false);
    expect(session.defaultSession.permissionCheckHandler!(null, 'notifications', 'file:///', {})).toBe(false);
  });

  it('denies every other permission request and check, even from our own page', () => {
    const log = vi.fn();
    installPermissionGuards(session.defaultSession as never, built, log);
    for (const permission of others) {
      const callback = vi.fn();
      session.defaultSession.permissionRequestHandler!(showing(ownUrl), permission, callback, { requestingUrl: ownUrl });
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(session.defaultSession.permissionCheckHandler!(showing(ownUrl), permission, 'file:///', { requestingUrl: ownUrl }), permission).toBe(false);
    }
    expect(log).toHaveBeenCalledWith('refused permission request: media');
    expect(session.defaultSession.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });
});
