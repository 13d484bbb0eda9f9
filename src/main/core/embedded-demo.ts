import { join } from 'node:path';
import type { DemoServer } from '../../demo';
import type { BrpConnection, KvkConnection, ZgwConnection } from './config/schema';

/** Starts the embedded demo zaaksysteem (Turfbrug) and returns how to connect to it. */
export async function startEmbeddedDemo(
  dataDir: string,
  port: number,
  log: (line: string) => void,
): Promise<{ server: DemoServer; connection: ZgwConnection; brp: BrpConnection; kvk: KvkConnection; verwerkingenloggingUrl: string }> {
  // Loaded only when the demo is configured: a real deployment never loads the seed generator.
  const { demoEndpoints, startDemoServer, DEMO_BRONORGANISATIE } = await import('../../demo');
  const { DEMO_KVK_API_KEY, KVK_API } = await import('../../demo/api/kvk');
  const server = await startDemoServer({ dbPath: join(dataDir, 'demo-zaaksysteem.sqlite'), port, log });
  const { brpUrl, brpApiKey, verwerkingenloggingUrl, ...endpoints } = demoEndpoints(server.url);
  return {
    server,
    brp: { url: brpUrl, apiKey: brpApiKey, timeoutMs: 10_000, gemeenteVanInschrijving: '1990' },
    kvk: { url: `${server.url}${KVK_API.prefix}`, apiKey: DEMO_KVK_API_KEY, timeoutMs: 10_000 },
    verwerkingenloggingUrl,
    connection: {
      kind: 'zgw',
      label: 'Demo-zaaksysteem gemeente Turfbrug',
      ...endpoints,
      // Turfbrug's own RSIN: the demo's zaken are registered under the demo municipality.
      bronorganisatie: DEMO_BRONORGANISATIE,
      timeoutMs: 15_000,
      pageSize: 100,
    },
  };
}
