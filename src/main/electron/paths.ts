/**
 * Where the shell finds its built parts, and which page counts as "our own page".
 * Everything is derived from the folder of the built main entry (out/main), which also
 * holds inside the packaged app.asar.
 */
import { join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ShellPaths {
  /** out/preload/index.cjs: bundled CommonJS, the only form a sandboxed preload can load. */
  preload: string;
  /** out/renderer/index.html: the built Vue app. */
  rendererIndex: string;
  /** out/main/core-process.js: the utilityProcess entry of the core. */
  coreProcess: string;
}

export function shellPaths(mainDir: string): ShellPaths {
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    rendererIndex: join(mainDir, '..', 'renderer', 'index.html'),
    coreProcess: join(mainDir, 'core-process.js'),
  };
}

/** The page the window may show and that may call the core. */
export interface OwnPage {
  rendererIndex: string;
  /** Origin of the vite dev server (`electron-vite dev`); null when packaged or not in dev. */
  devServerOrigin: string | null;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server URL from ELECTRON_RENDERER_URL, honoured only in an unpackaged app and only
 * on a loopback http origin: an installed Klantbeeld never loads a page from elsewhere.
 */
export function devServerUrl(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  const raw = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname) ? url.href : null;
  } catch {
    return null;
  }
}

export function ownPage(paths: ShellPaths, devUrl: string | null): OwnPage {
  return { rendererIndex: paths.rendererIndex, devServerOrigin: devUrl ? new URL(devUrl).origin : null };
}

export function rendererFileUrl(page: OwnPage): string {
  return pathToFileURL(page.rendererIndex).href;
}

const sameFile = (a: string, b: string) =>
  sep === '\\' ? resolve(a).toLowerCase() === resolve(b).toLowerCase() : resolve(a) === resolve(b);

/** True for our built index.html (any #route or ?query) or, in dev, any URL on the dev server origin. */
export function isOwnPageUrl(raw: string, page: OwnPage): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') {
    if (url.host !== '') return false; // file://server/share/... is someone else's file
    try {
      return sameFile(fileURLToPath(url), page.rendererIndex);
    } catch {
      return false;
    }
  }
  return page.devServerOrigin !== null && url.origin === page.devServerOrigin;
}
