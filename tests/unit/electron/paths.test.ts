import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { devServerUrl, isOwnPageUrl, ownPage, shellPaths } from '../../../src/main/electron/paths';

const mainDir = join('/opt', 'Klantbeeld', 'resources', 'app.asar', 'out', 'main');
const paths = shellPaths(mainDir);
const built = ownPage(paths, null);
const dev = ownPage(paths, 'http://localhost:5173/');
const indexUrl = pathToFileURL(paths.rendererIndex).href;

describe('shell paths', () => {
  it('finds the preload, renderer and core entry next to the built main entry', () => {
    expect(paths.preload).toBe(join(mainDir, '..', 'preload', 'index.cjs'));
    expect(paths.rendererIndex).toBe(join(mainDir, '..', 'renderer', 'index.html'));
    expect(paths.coreProcess).toBe(join(mainDir, 'core-process.js'));
  });

  it('honours the dev server URL only unpackaged and only on loopback http', () => {
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe('http://localhost:5173/');
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' }, false)).toBe('http://127.0.0.1:5173/');
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false)).toBeNull();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'file:///etc/passwd' }, false)).toBeNull();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'not a url' }, false)).toBeNull();
    expect(devServerUrl({}, false)).toBeNull();
  });
});

describe('our own page', () => {
  it('is the built index.html, with any route or query', () => {
    expect(isOwnPageUrl(indexUrl, built)).toBe(true);
    expect(isOwnPageUrl(`${indexUrl}#/klant/123`, built)).toBe(true);
    expect(isOwnPageUrl(`${indexUrl}?x=1`, built)).toBe(true);
  });

  it('is not another file, a UNC file, a remote site or garbage', () => {
    expect(isOwnPageUrl(pathToFileURL(join(mainDir, '..', 'renderer', 'other.html')).href, built)).toBe(false);
    expect(isOwnPageUrl(pathToFileURL('/home/balie/Downloads/index.html').href, built)).toBe(false);
    expect(isOwnPageUrl(`file://server${new URL(indexUrl).pathname}`, built)).toBe(false);
    expect(isOwnPageUrl('https://klantbeeld.example/', built)).toBe(false);
    expect(isOwnPageUrl('about:blank', built)).toBe(false);
    expect(isOwnPageUrl('', built)).toBe(false);
  });

  it('includes the dev server origin only when there is one', () => {
    expect(isOwnPageUrl('http://localhost:5173/#/zoeken', dev)).toBe(true);
    expect(isOwnPageUrl('http://localhost:5173/#/zoeken', built)).toBe(false);
    expect(isOwnPageUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isOwnPageUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });
});
