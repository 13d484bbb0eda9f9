#!/usr/bin/env node
/**
 * After `electron-builder` (docs/release.md): checks the unpacked app in dist/ that the installers
 * were made from. The SQLite binary must lie outside app.asar (a native module cannot load from
 * inside it) and no auto-update configuration may be packed. Whether the binary really loads in
 * Electron, the smoke test says (tests/electron, with KLANTBEELD_ELECTRON_APP).
 * Usage: node scripts/check-package.mjs [dist]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const os = { win32: 'win', linux: 'linux', darwin: 'mac' }[process.platform];
const resources = join(dist, `${os}-unpacked`, 'resources');
const binary = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds', `${process.platform}-${process.arch}.node`);

const problems = [
  !existsSync(join(resources, 'app.asar')) && `${join(resources, 'app.asar')} ontbreekt: is electron-builder gelukt?`,
  !existsSync(binary) && `${binary} ontbreekt: de SQLite-module is niet uit app.asar gehaald (asarUnpack in electron-builder.yml).`,
  existsSync(join(resources, 'app-update.yml')) && 'app-update.yml is meegepakt: Klantbeeld mag zichzelf niet bijwerken (publish: null).',
].filter(Boolean);

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`Pakket in orde: ${binary} staat buiten app.asar, geen automatische updates.`);
