import { join } from 'node:path';
import type { DemoServer } from '../../demo';
import type { ZgwConnection } from './config/schema';

/** Starts the embedded demo zaaksysteem (Turfbrug) and returns how to connect to it. */
export async function startEmbeddedDemo(
  dataDir: string,
  port: number,
  log: (line: string) => void,
): Promise<{ server: DemoServer; connection: ZgwConnection }> {
  // Loaded only when the demo is configured: a real deployment never loads the seed generator.
  const { DEMO_CREDENTIALS, DEMO_PATHS, startDemoServer } = await import('../../demo');
  const server = await startDemoServer({ dbPath: join(dataDir, 'demo-zaaksysteem.sqlite'), port, log });
  return {
    server,
    connection: {
      kind: 'zgw',
      label: 'Demo-zaaksysteem gemeente Turfbrug',
      zakenUrl: `${server.url}${DEMO_PATHS.zaken}`,
      catalogiUrl: `${server.url}${DEMO_PATHS.catalogi}`,
      klantinteractiesUrl: `${server.url}${DEMO_PATHS.klantinteracties}`,
      zgwClientId: DEMO_CREDENTIALS.zgwClientId,
      zgwSecret: DEMO_CREDENTIALS.zgwSecret,
      klantinteractiesToken: DEMO_CREDENTIALS.klantinteractiesToken,
      bronorganisatie: '002220647',
      timeoutMs: 15_000,
      pageSize: 100,
    },
  };
}
