/**
 * Sign-in and the idle lock through a real core (real SQLite, real dispatcher): without a
 * session only auth.* runs; the core's own timer locks; a locked core refuses personal data and
 * keeps the drafts; unlocking asks for the password again; repeated failures block.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedCore } from '../../../src/main/core';
import type { AuthStatus, CallResult } from '../../../src/shared/contract';
import { demoAccounts, startSignInCore } from '../../support/offline-core';
import { draftInput } from '../../support/records';
import { tempDir } from '../../support/tmp';

const IDLE_MINUTES = 0.1; // 6 s
let dir: ReturnType<typeof tempDir>;
let core: StartedCore;
const changes: AuthStatus[] = [];

const code = (result: CallResult) => (result.ok ? 'ok' : result.error.code);
const status = async () => ((await core.dispatch('auth.status', {})) as { ok: true; value: AuthStatus }).value;
const draft = (id: string) => draftInput(id, 'Container niet geleegd, half getypt');

function nextChange(state: AuthStatus['state'], timeoutMs: number): Promise<AuthStatus> {
  const seen = changes.length;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const hit = changes.slice(seen).find((c) => c.state === state);
      if (hit) {
        clearInterval(poll);
        resolve(hit);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`no auth.changed to ${state} within ${timeoutMs} ms`));
      }
    }, 20);
  });
}

beforeAll(async () => {
  dir = tempDir();
  // A zaaksysteem that is not there: the cache and the drafts are all this test needs.
  core = await startSignInCore(join(dir.path, 'data'), {
    mode: 'lokaal',
    idleLockMinutes: IDLE_MINUTES,
    idleWarnSeconds: 1,
    accounts: demoAccounts('bianca', 'kevin'),
  });
  core.onEvent((name, payload) => {
    if (name === 'auth.changed') changes.push(payload as AuthStatus);
  });
});
afterAll(async () => {
  await core?.close();
  dir.remove();
});

describe('without a session', () => {
  it('only the auth operations run; everything else answers niet_ingelogd and runs nothing', async () => {
    const before = await status();
    expect(before).toMatchObject({ state: 'uit', mode: 'lokaal', user: null, methods: { lokaal: true, oidc: false } });
    expect(code(await core.dispatch('customers.search', { query: 'Bert' }))).toBe('niet_ingelogd');
    expect(code(await core.dispatch('app.info', {}))).toBe('niet_ingelogd');
    expect(code(await core.dispatch('drafts.save', draft(randomUUID())))).toBe('niet_ingelogd');
    expect(code(await core.dispatch('auth.touch', {}))).toBe('ok');
    expect(core.store.db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
  });

  it('a wrong password gets one message for an unknown account and a wrong password alike', async () => {
    const wrong = await core.dispatch('auth.signIn', { account: 'bianca', wachtwoord: 'turfbrug-kevin' });
    const unknown = await core.dispatch('auth.signIn', { account: 'niemand', wachtwoord: 'turfbrug-bianca' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: 'Onbekend account of onjuist wachtwoord.' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: 'Onbekend account of onjuist wachtwoord.' } });
    expect((await status()).state).toBe('uit');
  });

  it('blocks an account name after five failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) await core.dispatch('auth.signIn', { account: 'kevin', wachtwoord: `fout-${i}` });
    const blocked = await core.dispatch('auth.signIn', { account: 'kevin', wachtwoord: 'turfbrug-kevin' });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'te_veel_pogingen' } });
    expect(blocked.ok ? '' : blocked.error.message).toMatch(/Probeer het over \d+ seconden opnieuw/);
  });
});

describe('signed in, then idle', () => {
  const draftId = randomUUID();

  it('signs in as bianca: her roles, her name in app.info', async () => {
    const result = await core.dispatch('auth.signIn', { account: ' Bianca ', wachtwoord: 'turfbrug-bianca' });
    expect(result).toMatchObject({ ok: true, value: { state: 'ingelogd', user: { id: 'bianca.de.vries', naam: 'Bianca de Vries', roles: ['kcc'], groepen: ['KCC'], via: 'lokaal' } } });
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, value: { user: { id: 'bianca.de.vries', roles: ['kcc'] } } });
    expect(changes.at(-1)?.state).toBe('ingelogd');
    expect(code(await core.dispatch('auth.signIn', { account: 'kevin', wachtwoord: 'turfbrug-kevin' }))).toBe('conflict');
  });

  it('activity moves the lock time on', async () => {
    const first = (await status()).idle.lockAt;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const touched = await core.dispatch('auth.touch', {});
    expect(touched.ok && first && touched.value).toBeTruthy();
    expect(Date.parse((touched as { ok: true; value: { lockAt: string } }).value.lockAt)).toBeGreaterThan(Date.parse(first ?? ''));
  });

  it('the core locks itself after the idle time; a locked core refuses customers.open and keeps the draft', async () => {
    const touchedAt = Date.now();
    await core.dispatch('auth.touch', {});
    expect(code(await core.dispatch('drafts.save', draft(draftId)))).toBe('ok');
    const locked = await nextChange('vergrendeld', 50_000); // the lock comes after 6 s; the limit is only a backstop
    expect(Date.now() - touchedAt).toBeGreaterThanOrEqual(IDLE_MINUTES * 60_000 - 50);
    expect(locked).toMatchObject({ state: 'vergrendeld', lockReason: 'inactief', user: { naam: 'Bianca de Vries' }, idle: { lockAt: null } });
    const open = await core.dispatch('customers.open', { customerId: randomUUID() });
    expect(open).toMatchObject({ ok: false, error: { code: 'vergrendeld', message: expect.stringMatching(/vergrendeld/) } });
    expect(code(await core.dispatch('drafts.list', {}))).toBe('vergrendeld');
    expect(code(await core.dispatch('auth.touch', {}))).toBe('ok');
    expect((await status()).state).toBe('vergrendeld');
    expect(core.store.db.prepare('SELECT count(*) AS n FROM drafts WHERE id = ?').get(draftId)).toEqual({ n: 1 });
  });

  it('unlocks only with her password; the draft is there again', async () => {
    expect(await core.dispatch('auth.unlock', { wachtwoord: 'turfbrug-kevin' })).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: 'Onjuist wachtwoord.' } });
    expect(code(await core.dispatch('auth.signIn', { account: 'kevin', wachtwoord: 'turfbrug-kevin' }))).not.toBe('ok');
    expect(await core.dispatch('auth.unlock', { wachtwoord: 'turfbrug-bianca' })).toMatchObject({ ok: true, value: { state: 'ingelogd' } });
    const drafts = await core.dispatch('drafts.list', {});
    expect(drafts.ok && drafts.value).toEqual([expect.objectContaining({ id: draftId, vragen: [expect.objectContaining({ inhoud: 'Container niet geleegd, half getypt' })] })]);
  });

  it('locks at once on request, and signing out ends the session', async () => {
    expect(await core.dispatch('auth.lock', {})).toMatchObject({ ok: true, value: { state: 'vergrendeld', lockReason: 'handmatig' } });
    expect(await core.dispatch('auth.signOut', {})).toMatchObject({ ok: true, value: { state: 'uit', user: null } });
    expect(code(await core.dispatch('customers.search', { query: 'Bert' }))).toBe('niet_ingelogd');
    expect(code(await core.dispatch('auth.unlock', { wachtwoord: 'turfbrug-bianca' }))).toBe('conflict');
  });
});
