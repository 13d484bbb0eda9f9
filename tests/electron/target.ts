/**
 * Which Electron app the smoke test launches, or why it cannot here. Never downloads anything:
 * requiring the `electron` package would try to fetch its binary, so its path.txt is read instead.
 *
 * - KLANTBEELD_ELECTRON_APP: a packaged app's executable (dist/linux-unpacked/klantbeeld,
 *   C:\Program Files\Klantbeeld\Klantbeeld.exe after the MSI); must exist.
 * - otherwise the unpacked build (`out/`) under node_modules/electron's binary, where installed.
 * - KLANTBEELD_ELECTRON_REQUIRED=1 (the release pipeline) turns every reason to skip into a failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export type ElectronTarget =
  | { kind: 'packaged' | 'unpacked'; executable: string; args: string[] }
  | { kind: 'none'; why: string };

export function electronTarget(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ElectronTarget {
  const target = findTarget(env, platform);
  if (target.kind === 'none' && env.KLANTBEELD_ELECTRON_REQUIRED === '1') {
    throw new Error(`KLANTBEELD_ELECTRON_REQUIRED=1, maar de Electron-smoketest kan niet draaien: ${target.why}`);
  }
  return target;
}

function findTarget(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): ElectronTarget {
  const target = appToLaunch(env);
  if (target.kind !== 'none' && platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { kind: 'none', why: 'geen beeldscherm (DISPLAY); start de test onder xvfb-run' };
  }
  return target;
}

function appToLaunch(env: NodeJS.ProcessEnv): ElectronTarget {
  const packaged = env.KLANTBEELD_ELECTRON_APP;
  if (packaged) {
    if (!existsSync(packaged)) throw new Error(`KLANTBEELD_ELECTRON_APP wijst naar ${packaged}, maar dat bestand bestaat niet.`);
    return { kind: 'packaged', executable: packaged, args: [] };
  }
  const electronDir = join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  if (!executable || !existsSync(executable)) {
    return { kind: 'none', why: "Electron's binary is niet geïnstalleerd (npm run electron:install op een machine met internet)" };
  }
  if (!existsSync(join(REPO_ROOT, 'out', 'main', 'index.js'))) {
    throw new Error('out/main/index.js ontbreekt: eerst `npm run build`.');
  }
  return { kind: 'unpacked', executable, args: [REPO_ROOT] };
}
