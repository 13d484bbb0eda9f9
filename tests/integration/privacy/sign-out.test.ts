/**
 * Through a real core: the signed-in user is the `gebruiker` of every verwerkingsactie, and
 * signing out removes everything personal from the cache (the session's onSignOut hook) while
 * the verwerkingenlog and unsent work stay.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StartedCore } from '../../../src/main/core';
import { person } from '../../support/records';
import { demoAccounts, startSignInCore } from '../../support/offline-core';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let core: StartedCore;

beforeAll(async () => {
  dir = tempDir();
  // A zaaksysteem that is not there: the cache is all this test needs.
  core = await startSignInCore(join(dir.path, 'data'), { mode: 'lokaal', accounts: demoAccounts('bianca') }, { prefetchPartijen: true });
});
afterAll(async () => {
  await core?.close();
  dir.remove();
});

it('logs as the signed-in user and purges the cache on sign-out, keeping the log and unsent work', async () => {
  const bert = core.store.customers.upsert(person(), new Date().toISOString());
  const db = core.store.db;
  const [sent, pending] = [randomUUID(), randomUUID()];
  db.prepare("INSERT INTO contacts (id, customer_id, kanaal, onderwerp, inhoud, plaatsgevonden_op, sync_state) VALUES (?, ?, 'telefoon', 'Paspoort', 'Notitie', ?, 'sent')").run(sent, bert, new Date().toISOString());
  db.prepare("INSERT INTO contacts (id, customer_id, kanaal, onderwerp, inhoud, plaatsgevonden_op, sync_state) VALUES (?, ?, 'telefoon', 'Rijbewijs', 'Nog te verzenden', ?, 'pending')").run(pending, bert, new Date().toISOString());

  const signIn = await core.dispatch('auth.signIn', { account: 'bianca', wachtwoord: 'turfbrug-bianca' });
  expect(signIn, JSON.stringify(signIn)).toMatchObject({ ok: true });
  const opened = await core.dispatch('customers.open', { customerId: bert, refresh: false });
  expect(opened, JSON.stringify(opened)).toMatchObject({ ok: true });
  expect(await core.dispatch('customers.revealBsn', { customerId: bert })).toEqual({ ok: true, value: { bsn: '999993653' } });
  expect(db.prepare('SELECT gebruiker, actie_naam FROM verwerkingsacties ORDER BY seq').all()).toEqual([
    { gebruiker: 'bianca.de.vries', actie_naam: 'Klantbeeld geopend' },
    { gebruiker: 'bianca.de.vries', actie_naam: 'BSN getoond' },
  ]);

  expect(await core.dispatch('auth.signOut', {})).toMatchObject({ ok: true });
  expect(db.prepare('SELECT id FROM contacts').pluck().all()).toEqual([pending]);
  // The partij row stays only because the unsent contact needs it for sending.
  expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(1);
  expect(db.prepare('SELECT last_used_at FROM customers').pluck().get()).toBeNull();
  expect(db.prepare('SELECT count(*) FROM verwerkingsacties').pluck().get()).toBe(2);
  expect(core.store.verwerkingen.verify().ok).toBe(true);
});
