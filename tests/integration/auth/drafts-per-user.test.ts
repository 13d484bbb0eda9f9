/**
 * Drafts belong to the medewerker who typed them (migration 010). The sign-out purge keeps them
 * (nothing typed is lost), so on a shared workstation the next user must neither see, overwrite
 * nor discard them; the owner finds hers again after signing in. A draft from before owners goes
 * to the first user who lists drafts, once.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StartedCore } from '../../../src/main/core';
import type { CallResult } from '../../../src/shared/contract';
import { demoAccounts, startSignInCore } from '../../support/offline-core';
import { draftInput } from '../../support/records';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let core: StartedCore;

const value = <T>(result: CallResult): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};
const listIds = async () => value<{ id: string }[]>(await core.dispatch('drafts.list', {})).map((d) => d.id);

async function signInAs(account: 'bianca' | 'kevin'): Promise<void> {
  value(await core.dispatch('auth.signIn', { account, wachtwoord: `turfbrug-${account}` }));
}

beforeAll(async () => {
  dir = tempDir();
  // A zaaksysteem that is not there: the drafts are all this test needs.
  core = await startSignInCore(join(dir.path, 'data'), { mode: 'lokaal', accounts: demoAccounts('bianca', 'kevin') });
});
afterAll(async () => {
  await core?.close();
  dir.remove();
});

it('after Bianca signs out Kevin sees none of her drafts and cannot touch them; she finds hers again', async () => {
  const hers = randomUUID();
  await signInAs('bianca');
  value(await core.dispatch('drafts.save', draftInput(hers, 'Half getypt door Bianca')));
  value(await core.dispatch('auth.signOut', {}));
  // The sign-out purge keeps the draft: nothing typed is lost.
  expect(core.store.db.prepare('SELECT owner FROM drafts WHERE id = ?').get(hers)).toEqual({ owner: 'bianca.de.vries' });

  await signInAs('kevin');
  expect(await listIds()).toEqual([]);
  expect(await core.dispatch('drafts.save', draftInput(hers, 'Overschreven door Kevin'))).toMatchObject({ ok: false, error: { code: 'conflict' } });
  expect(value(await core.dispatch('drafts.discard', { id: hers }))).toEqual({ id: hers, discarded: false });
  const his = randomUUID();
  value(await core.dispatch('drafts.save', draftInput(his, 'Van Kevin')));
  expect(await listIds()).toEqual([his]);
  value(await core.dispatch('auth.signOut', {}));

  await signInAs('bianca');
  const listed = value<{ id: string; vragen: { inhoud: string }[] }[]>(await core.dispatch('drafts.list', {}));
  expect(listed.map((d) => [d.id, d.vragen[0]?.inhoud])).toEqual([[hers, 'Half getypt door Bianca']]);
  value(await core.dispatch('auth.signOut', {}));
});

it('a draft from before owners goes to the first user who lists drafts, once', async () => {
  const old = randomUUID();
  const now = new Date().toISOString();
  core.store.db
    .prepare('INSERT INTO drafts (id, customer_id, data, created_at, updated_at) VALUES (?, NULL, ?, ?, ?)')
    .run(old, JSON.stringify(draftInput(old, 'Van voor de eigenaar')), now, now);

  await signInAs('kevin');
  expect(await listIds()).toContain(old);
  value(await core.dispatch('auth.signOut', {}));
  await signInAs('bianca');
  expect(await listIds()).not.toContain(old);
  value(await core.dispatch('auth.signOut', {}));
});
