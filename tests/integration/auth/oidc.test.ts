/**
 * OpenID Connect sign-in against a real provider (oidc-provider) on loopback, no mocks: the
 * core hands out the authorization URL (code + PKCE S256, state, nonce, loopback redirect), a
 * fetch-driven "browser" logs in on the provider's pages, the core's loopback listener receives
 * the code and exchanges it, and the role claim decides what the user may do.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StartedCore } from '../../../src/main/core';
import { contract, operationNames, type AuthStatus, type CallResult } from '../../../src/shared/contract';
import { signInWithBrowser, startTestProvider, type CookieJar, type TestOidcProvider } from '../../support/oidc-fixture';
import { startSignInCore } from '../../support/offline-core';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let provider: TestOidcProvider;
let core: StartedCore;
/** Bianca's system browser: it keeps her session at the provider between sign-in and unlock. */
const biancasBrowser: CookieJar = new Map();

const ACCOUNTS = {
  'b.devries': { name: 'Bianca de Vries', preferred_username: 'b.devries', email: 'bianca.de.vries@turfbrug.nl', roles: ['GG-Klantbeeld-KCC', 'GG-Alle-Medewerkers'], groepen: ['KCC'] },
  'p.jansen': { name: 'Piet Jansen', preferred_username: 'p.jansen', email: 'piet.jansen@turfbrug.nl', roles: ['GG-Alle-Medewerkers'] },
};

const code = (result: CallResult) => (result.ok ? 'ok' : result.error.code);
const status = async () => ((await core.dispatch('auth.status', {})) as { ok: true; value: AuthStatus }).value;
async function startOidc(): Promise<URL> {
  const started = await core.dispatch('auth.startOidc', {});
  if (!started.ok) throw new Error(started.error.message);
  return new URL((started.value as { url: string }).url);
}
/** Waits for the condition; only the test's own timeout limits it (a busy machine is slow, not wrong). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  await vi.waitFor(async () => {
    if (!(await check())) throw new Error(`still waiting for ${what}`);
  }, { timeout: 50_000, interval: 50 });
}

beforeAll(async () => {
  dir = tempDir();
  provider = await startTestProvider(ACCOUNTS);
  core = await startSignInCore(join(dir.path, 'data'), {
    mode: 'oidc',
    oidc: {
      issuer: provider.issuer,
      clientId: 'klantbeeld',
      scopes: ['openid', 'profile', 'email', 'klantbeeld'],
      roleClaim: 'roles',
      roleMapping: { 'GG-Klantbeeld-KCC': ['kcc'], 'GG-Klantbeeld-Redactie': ['kennisredacteur'] },
      groepenClaim: 'groepen',
      label: 'Gemeente Turfbrug',
    },
  });
});
afterAll(async () => {
  await core?.close();
  await provider?.close();
  dir?.remove();
});

describe('OpenID Connect sign-in (authorization code + PKCE, loopback redirect)', () => {
  it('offers only the organisation account when no local accounts are configured', async () => {
    expect(await status()).toMatchObject({ state: 'uit', mode: 'oidc', methods: { lokaal: false, oidc: true, oidcLabel: 'Gemeente Turfbrug' } });
    expect(code(await core.dispatch('auth.signIn', { account: 'bianca', wachtwoord: 'turfbrug-bianca' }))).toBe('unauthenticated');
  });

  it('builds an authorization request with PKCE S256, state, nonce and a loopback redirect', async () => {
    const url = await startOidc();
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('klantbeeld');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
  });

  it('refuses a callback with a state that is not ours, and stays signed out', async () => {
    const url = await startOidc();
    const callback = new URL(url.searchParams.get('redirect_uri') ?? '');
    callback.searchParams.set('code', 'gestolen-code');
    callback.searchParams.set('state', 'niet-de-onze');
    const response = await fetch(callback);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/Inloggen via uw organisatie is mislukt/);
    await until(async () => (await status()).melding !== null, 'the failure to show');
    expect((await status()).state).toBe('uit');
  });

  it('refuses a user whose role claim maps to no Klantbeeld role', async () => {
    const result = await signInWithBrowser((await startOidc()).href, 'p.jansen', provider.issuer);
    expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
    expect(result.status).toBe(403);
    expect(result.text).toMatch(/geen rol in Klantbeeld/);
    const after = await status();
    expect(after).toMatchObject({ state: 'uit', user: null, melding: expect.stringMatching(/geen rol in Klantbeeld/) });
    expect(code(await core.dispatch('customers.search', { query: 'Bert' }))).toBe('niet_ingelogd');
  });

  it('signs in a mapped user: naam, e-mail, roles and groepen from the claims; a role-protected call works, another role is refused', async () => {
    const result = await signInWithBrowser((await startOidc()).href, 'b.devries', provider.issuer, biancasBrowser);
    expect(result.status).toBe(200);
    expect(result.logins).toBe(1);
    expect(result.text).toMatch(/U bent ingelogd bij Klantbeeld/);
    await until(async () => (await status()).state === 'ingelogd', 'the sign-in');
    expect(await status()).toMatchObject({
      melding: null,
      user: { id: 'b.devries', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl', roles: ['kcc'], groepen: ['KCC'], via: 'oidc' },
    });
    expect(await core.dispatch('customers.search', { query: 'Bert' })).toMatchObject({ ok: true });
    const notForKcc = operationNames.find((name) => !contract[name].beforeSignIn && !contract[name].roles.includes('kcc'));
    expect(notForKcc).toBeDefined();
    expect(await core.dispatch(notForKcc ?? '', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('unlocks only by authenticating again at the provider, as the same person', async () => {
    expect(await core.dispatch('auth.lock', {})).toMatchObject({ ok: true, value: { state: 'vergrendeld' } });
    expect(code(await core.dispatch('auth.unlock', { wachtwoord: 'wat dan ook' }))).toBe('conflict');
    const url = await startOidc();
    expect([url.searchParams.get('prompt'), url.searchParams.get('max_age')]).toEqual(['login', '0']);
    // Her browser still has a session at the provider; the login is asked all the same.
    const result = await signInWithBrowser(url.href, 'b.devries', provider.issuer, biancasBrowser);
    expect(result.logins).toBe(1);
    expect(result.status).toBe(200);
    await until(async () => (await status()).state === 'ingelogd', 'the unlock');
    expect((await status()).user?.naam).toBe('Bianca de Vries');
  });

  it('does not unlock for someone else', async () => {
    await core.dispatch('auth.lock', {});
    await signInWithBrowser((await startOidc()).href, 'p.jansen', provider.issuer);
    await until(async () => (await status()).melding !== null, 'the refusal');
    expect(await status()).toMatchObject({ state: 'vergrendeld', user: { naam: 'Bianca de Vries' } });
    expect(code(await core.dispatch('customers.search', { query: 'Bert' }))).toBe('vergrendeld');
  });
});
