#!/usr/bin/env node
/**
 * `npm run web`: Klantbeeld in the browser host (the same core behind HTTP), for machines
 * without Electron's binary, for tests and thin clients. Builds first when out/ is stale.
 * Arguments are passed to the host; it prints its own URL (`Klantbeeld: http://127.0.0.1:PORT/`).
 * start.mjs reuses the helpers exported here.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What `electron-vite build` produces; missing or older than any source means: build. */
const BUILT = ['out/main/index.js', 'out/main/core-process.js', 'out/main/host.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const SOURCES = ['src', 'electron.vite.config.ts', 'package.json'];

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function needsBuild() {
  const built = BUILT.map((file) => statSync(join(projectDir, file), { throwIfNoEntry: false }));
  if (built.some((stat) => !stat)) return true;
  const oldestOutput = Math.min(...built.map((stat) => stat.mtimeMs));
  return SOURCES.some((source) => newestMtime(join(projectDir, source)) > oldestOutput);
}

/** Runs a command with our terminal; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: projectDir, stdio: 'inherit', ...options });
    // Ctrl+C reaches the child through the terminal; we stay alive to report its exit code.
    const ignoreInterrupt = () => undefined;
    const forwardTerminate = () => child.kill('SIGTERM');
    process.on('SIGINT', ignoreInterrupt);
    process.on('SIGTERM', forwardTerminate);
    const done = (code) => {
      process.off('SIGINT', ignoreInterrupt);
      process.off('SIGTERM', forwardTerminate);
      resolvePromise(code);
    };
    child.on('error', (error) => {
      console.error(`Kon ${command} niet starten: ${error.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** `electron-vite build` when out/ is missing or stale; exits with its code if it fails. */
export async function ensureBuilt() {
  if (!needsBuild()) return;
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const code = await run(process.execPath, [cli, 'build']);
  if (code !== 0) process.exit(code);
}

export function runBrowserHost(args) {
  return run(process.execPath, [join(projectDir, 'out', 'main', 'host.js'), ...args]);
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  await ensureBuilt();
  process.exitCode = await runBrowserHost(process.argv.slice(2));
}

