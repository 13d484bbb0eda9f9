/**
 * The demo zaaksysteem of the fictional municipality Turfbrug: faithful subsets of the Zaken,
 * Catalogi and Klantinteracties APIs on 127.0.0.1, with its own SQLite file and a deterministic
 * seed. It imports nothing from the rest of the app. See README.md in this folder.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { createIndexes, openDemoDb } from './db/open';
import { seedInto, type SeedSize } from './seed';
import { buildApp, type Credentials } from './server/app';
import { Faults } from './server/faults';

export { Faults } from './server/faults';
export type { Fault, FaultRule } from './server/faults';
export type { Autorisatie, ZgwClient } from './server/auth';

export type { SeedSize } from './seed';
/** The demo municipality's RSIN: the bronorganisatie of zaken started against the demo. */
export { TURFBRUG_RSIN as DEMO_BRONORGANISATIE } from './seed/organisatie';
export { resolveSize, DEFAULT_SEED } from './seed';

export interface DemoServerOptions {
  /** Its own SQLite file; created and seeded if empty. */
  dbPath: string;
  /** 0 = pick a free port (default 0). */
  port?: number;
  /** Only used when seeding. */
  size?: SeedSize;
  /** PRNG seed, default 20261128: same seed => identical data. */
  seed?: number;
  credentials?: Credentials;
  log?: (line: string) => void;
}

export interface DemoServer {
  url: string;
  close(): Promise<void>;
  db: Database.Database;
  /** Fault injection for tests: `server.faults.add({ path: /klantcontacten$/, fault: { kind: 'status', status: 503 } })`. */
  faults: Faults;
}

export const DEMO_CREDENTIALS = {
  zgwClientId: 'klantbeeld-demo',
  zgwSecret: 'turfbrug-demo-secret-0123456789abcdef',
  klantinteractiesToken: 'turfbrug-demo-token',
  /** BRP API Personen: `X-API-KEY` header. */
  brpApiKey: 'turfbrug-demo-brp-key',
};

export const DEMO_PATHS = {
  zaken: '/zaken/api/v1',
  catalogi: '/catalogi/api/v1',
  klantinteracties: '/klantinteracties/api/v1',
  documenten: '/documenten/api/v1',
  brp: '/haalcentraal/api/brp',
  verwerkingenlogging: '/verwerkingenlogging/api/v1',
};

/** The base URLs and credentials a client needs to talk to a demo server at `baseUrl`. */
export function demoEndpoints(baseUrl: string) {
  return {
    zakenUrl: `${baseUrl}${DEMO_PATHS.zaken}`,
    catalogiUrl: `${baseUrl}${DEMO_PATHS.catalogi}`,
    klantinteractiesUrl: `${baseUrl}${DEMO_PATHS.klantinteracties}`,
    documentenUrl: `${baseUrl}${DEMO_PATHS.documenten}`,
    zgwClientId: DEMO_CREDENTIALS.zgwClientId,
    zgwSecret: DEMO_CREDENTIALS.zgwSecret,
    klantinteractiesToken: DEMO_CREDENTIALS.klantinteractiesToken,
    brpUrl: `${baseUrl}${DEMO_PATHS.brp}`,
    brpApiKey: DEMO_CREDENTIALS.brpApiKey,
    verwerkingenloggingUrl: `${baseUrl}${DEMO_PATHS.verwerkingenlogging}`,
  };
}

export async function startDemoServer(opts: DemoServerOptions): Promise<DemoServer> {
  const db = openDemoDb(opts.dbPath);
  try {
    const t = Date.now();
    if (seedInto(db, { size: opts.size, seed: opts.seed })) opts.log?.(`demo-zaaksysteem: database gevuld in ${Date.now() - t} ms`);
    createIndexes(db, false);
    const faults = new Faults();
    const app = buildApp(db, opts.credentials ?? DEMO_CREDENTIALS, opts.log, faults);
    await app.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    const url = `http://127.0.0.1:${port}`;
    opts.log?.(`demo-zaaksysteem: luistert op ${url}`);
    let closed = false;
    return {
      url,
      db,
      faults,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        db.close();
      },
    };
  } catch (e) {
    db.close();
    throw e;
  }
}

export function seedDemoDatabase(dbPath: string, opts: { size?: SeedSize; seed?: number; onProgress?: (done: number, total: number, what: string) => void } = {}): void {
  const db = openDemoDb(dbPath);
  try {
    seedInto(db, opts);
  } finally {
    db.close();
  }
}
