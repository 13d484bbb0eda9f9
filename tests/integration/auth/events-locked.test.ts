/**
 * The core pushes nothing but auth.changed while the screen is locked or nobody is signed in:
 * the window's stores must not fill with personal data behind the lock screen (they read again
 * after unlocking). Real core, real session; the sync engine's status push stands in for all.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCore, type StartedCore } from '../../../src/main/core';
import { DEMO_ACCOUNTS } from '../../../src/main/core/auth/demo-accounts';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let core: StartedCore;
const pushed: string[] = [];

beforeAll(async () => {
  dir = tempDir();
  const dataDir = join(dir.path, 'data');
  mkdirSync(dataDir, { recursive: true });
  // A zaaksysteem that is not there: no remote call is needed.
  writeFileSync(
    join(dataDir, 'klantbeeld.config.json'),
    JSON.stringify({
      adapter: {
        kind: 'zgw',
        zakenUrl: 'http://127.0.0.1:9/zaken/api/v1',
        catalogiUrl: 'http://127.0.0.1:9/catalogi/api/v1',
        klantinteractiesUrl: 'http://127.0.0.1:9/klantinteracties/api/v1',
        zgwClientId: 'test',
        zgwSecret: 'test-secret',
        klantinteractiesToken: 'test-token',
        timeoutMs: 500,
      },
      sync: { prefetchPartijen: false, outboxIntervalSeconds: 3600, partijenRefreshMinutes: 60 },
      auth: { mode: 'lokaal', accounts: DEMO_ACCOUNTS.filter((a) => a.account === 'bianca' || a.account === 'kevin') },
    }),
  );
  core = await startCore({ dataDir, env: {}, log: () => {} });
  core.onEvent((name) => pushed.push(name));
});
afterAll(async () => {
  await core?.close();
  dir.remove();
});

const progress = (done: number) => core.sync.showProgress({ what: 'Klanten ophalen', done, total: 10 });

/** What was pushed since the mark; the engine may push on its own too (an unreachable zaaksysteem). */
const since = (mark: number) => pushed.slice(mark);

it('holds back every push but auth.changed while signed out and while locked', async () => {
  progress(1);
  expect(pushed).toEqual([]);

  expect(await core.dispatch('auth.signIn', { account: 'bianca', wachtwoord: 'turfbrug-bianca' })).toMatchObject({ ok: true });
  let mark = pushed.length;
  progress(2);
  expect(since(mark)).toContain('sync.status');

  expect(await core.dispatch('auth.lock', {})).toMatchObject({ ok: true, value: { state: 'vergrendeld' } });
  mark = pushed.length;
  progress(3);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(since(mark)).toEqual([]);

  expect(await core.dispatch('auth.unlock', { wachtwoord: 'turfbrug-bianca' })).toMatchObject({ ok: true, value: { state: 'ingelogd' } });
  expect(since(mark)).toEqual(['auth.changed']);
  mark = pushed.length;
  progress(4);
  expect(since(mark)).toContain('sync.status');
});
