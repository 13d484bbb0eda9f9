#!/usr/bin/env node
/**
 * `npm start`: the desktop app where Electron's binary is installed; elsewhere one Dutch line
 * and the same app in the browser host (as `npm run web`). Builds first when out/ is stale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureBuilt, run, runBrowserHost } from './web.mjs';

/**
 * The Electron executable, or null if it was never downloaded. This follows the lookup of
 * electron's own index.js but not its fallback: `require('electron')` tries to download a
 * missing binary, which hangs or fails on a machine without internet.
 */
function electronBinary() {
  const require = createRequire(import.meta.url);
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative || 'electron') : relative ? join(packageDir, 'dist', relative) : null;
  return binary && existsSync(binary) ? binary : null;
}

await ensureBuilt();
const args = process.argv.slice(2);
const binary = electronBinary();
if (binary) {
  // ELECTRON_RUN_AS_NODE would turn Electron into plain Node and skip the app.
  const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
  process.exitCode = await run(binary, ['.', ...args], { env });
} else {
  console.log('Electron is op deze machine niet geïnstalleerd (`npm run electron:install` haalt het op); Klantbeeld start daarom in de browser-host.');
  process.exitCode = await runBrowserHost(args);
}
