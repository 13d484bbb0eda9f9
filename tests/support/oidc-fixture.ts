/**
 * A real OpenID provider (oidc-provider, its development login and consent pages) on loopback,
 * and a tiny "system browser" (fetch with a cookie jar, following redirects and submitting the
 * provider's forms) that signs in the way a clerk would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

/** Accounts by login name → their claims (besides sub). */
export async function startTestProvider(accounts: Record<string, Record<string, unknown>>): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'klantbeeld',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        // RFC 8252 §7.3: any port on the loopback redirect is accepted for a native client.
        redirect_uris: ['http://127.0.0.1/callback'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], klantbeeld: ['roles', 'groepen'] },
    scopes: ['openid', 'profile', 'email', 'klantbeeld'],
    cookies: { keys: ['klantbeeld-test-cookie-key'] },
    findAccount: (_ctx, id) => (accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...accounts[id] }) } : undefined),
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The last response the browser got: from the core's loopback callback when all went well. */
export interface BrowserResult {
  url: string;
  status: number;
  text: string;
  /** How often the provider asked for the login (0: its session signed in silently). */
  logins: number;
}

/** A browser's cookies (per name; the provider is the only site that sets any). */
export type CookieJar = Map<string, string>;

/**
 * Opens `url` like a browser: follows redirects (cookies in `jar`, a fresh browser by default),
 * fills the provider's login form with `login` and confirms the consent form, until a page that
 * is not the provider's answers (the core's callback).
 */
export async function signInWithBrowser(url: string, login: string, issuer: string, jar: CookieJar = new Map()): Promise<BrowserResult> {
  let logins = 0;
  let request: { url: string; method: 'GET' | 'POST'; body?: string } = { url, method: 'GET' };
  for (let step = 0; step < 20; step++) {
    const response = await fetch(request.url, {
      method: request.method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(request.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: request.body,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      request = { url: new URL(location, request.url).href, method: 'GET' };
      continue;
    }
    const text = await response.text();
    if (!request.url.startsWith(issuer)) return { url: request.url, status: response.status, text, logins };
    const action = /<form[^>]*action="([^"]+)"/.exec(text)?.[1];
    const prompt = /name="prompt" value="([a-z]+)"/.exec(text)?.[1];
    if (!action || !prompt) throw new Error(`unexpected provider page (${response.status}): ${text.slice(0, 300)}`);
    if (prompt === 'login') logins += 1;
    const form = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login, password: 'any' } : {}) });
    request = { url: new URL(action.replace(/&amp;/g, '&'), request.url).href, method: 'POST', body: form.toString() };
  }
  throw new Error('too many steps in the sign-in');
}
