import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCore, type StartedCore } from '../../src/main/core';
import { DEMO_ACCOUNTS } from '../../src/main/core/auth/demo-accounts';

/** The demo accounts (`auth.accounts`) with these account names, for a core with local sign-in. */
export const demoAccounts = (...names: string[]) => DEMO_ACCOUNTS.filter((a) => names.includes(a.account));

/**
 * Writes the config of a core against a zaaksysteem that is not there: everything cached works,
 * writes queue. `sync` overrides the quiet sync settings; `auth` is the config's auth section.
 */
export function writeOfflineConfig(dataDir: string, extra: { auth?: Record<string, unknown>; sync?: Record<string, unknown> }): void {
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
        bronorganisatie: '002756419',
        timeoutMs: 500,
      },
      sync: { prefetchPartijen: false, outboxIntervalSeconds: 3600, partijenRefreshMinutes: 60, ...extra.sync },
      ...(extra.auth ? { auth: extra.auth } : {}),
    }),
  );
}

/**
 * A real core (real SQLite, real dispatcher and services) configured against a zaaksysteem
 * that is not there, with the fixed development user and the given roles: enough for
 * transport and role tests, which are not about sign-in.
 */
export async function startOfflineCore(dataDir: string, roles = 'kcc', log: (line: string) => void = () => {}): Promise<StartedCore> {
  writeOfflineConfig(dataDir, {});
  return startCore({ dataDir, env: { KLANTBEELD_AUTH: 'vast', KLANTBEELD_USER_ROLES: roles }, log });
}

/**
 * The same offline core with sign-in configured (`auth`, e.g. local accounts or OIDC): nobody
 * is signed in at start, as in production. `sync` overrides the quiet sync settings.
 */
export async function startSignInCore(dataDir: string, auth: Record<string, unknown>, sync: Record<string, unknown> = {}): Promise<StartedCore> {
  writeOfflineConfig(dataDir, { auth, sync });
  return startCore({ dataDir, env: {}, log: () => {} });
}
