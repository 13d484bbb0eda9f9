/**
 * `npm run web` / `node out/main/host.js [--port N] [--data-dir DIR]`: the app in the browser,
 * on the same core as the desktop app. Prints the URLs it serves.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startCore } from '../core';
import { safeLog } from '../core/log-line';
import { defaultDataDir } from './data-dir';
import { startHost } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Ongeldige poort: ${values.port}`);
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const log = safeLog((line: string) => process.stderr.write(`${line}\n`));
  const core = await startCore({ dataDir, log });
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '../renderer');
  const host = await startHost({ core, rendererDir, port, log, screenPopSecret: core.config.screenpop.secret });
  process.stdout.write(`Klantbeeld: ${host.url}\n`);
  if (core.demoUrl) process.stdout.write(`Demo-zaaksysteem Turfbrug: ${core.demoUrl}\n`);
  const stop = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Klantbeeld kon niet starten: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
