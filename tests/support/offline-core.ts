import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCore, type StartedCore } from '../../src/main/core';

/**
 * A real core (real SQLite, real dispatcher and services) configured against a zaaksysteem
 * that is not there: everything cached works, writes queue. Enough for transport tests.
 */
export async function startOfflineCore(
  dataDir: string,
  roles = 'kcc',
  log: (line: string) => void = () => {},
  /** Local accounts (`auth.accounts`): then nobody is signed in at start, as in production. */
  accounts?: readonly Record<string, unknown>[],
): Promise<StartedCore> {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    join(dataDir, 'klantbeeld.config.json'),
    JSON.stringify({
      adapter: {
        kind: 'zgw',
        label: 'Onbereikbaar testsysteem',
        zakenUrl: 'http://127.0.0.1:9/zaken/api/v1',
        catalogiUrl: 'http://127.0.0.1:9/catalogi/api/v1',
        klantinteractiesUrl: 'http://127.0.0.1:9/klantinteracties/api/v1',
        zgwClientId: 'test',
        zgwSecret: 'test-secret',
        klantinteractiesToken: 'test-token',
        timeoutMs: 500,
      },
      sync: { prefetchPartijen: false, outboxIntervalSeconds: 3600, partijenRefreshMinutes: 60 },
      ...(accounts ? { auth: { mode: 'lokaal', accounts } } : {}),
    }),
  );
  // The fixed development user with the given roles: these tests are about transports and roles, not sign-in.
  return startCore({ dataDir, env: accounts ? {} : { KLANTBEELD_AUTH: 'vast', KLANTBEELD_USER_ROLES: roles }, log });
}
