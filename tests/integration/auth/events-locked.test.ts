/**
 * The core pushes nothing but auth.changed while the screen is locked or nobody is signed in:
 * the window's stores must not fill with personal data behind the lock screen (they read again
 * after unlocking). Real core, real session; the sync engine's status push stands in for all.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StartedCore } from '../../../src/main/core';
import { demoAccounts, startSignInCore } from '../../support/offline-core';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let core: StartedCore;
const pushed: string[] = [];

beforeAll(async () => {
  dir = tempDir();
  // A zaaksysteem that is not there: no remote call is needed.
  core = await startSignInCore(join(dir.path, 'data'), { mode: 'lokaal', accounts: demoAccounts('bianca', 'kevin') });
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
  // A push is delivered synchronously (progress 2 and 4 arrive before the next line): nothing now is proof, no wait needed.
  expect(since(mark)).toEqual([]);

  expect(await core.dispatch('auth.unlock', { wachtwoord: 'turfbrug-bianca' })).toMatchObject({ ok: true, value: { state: 'ingelogd' } });
  expect(since(mark)).toEqual(['auth.changed']);
  mark = pushed.length;
  progress(4);
  expect(since(mark)).toContain('sync.status');
});
