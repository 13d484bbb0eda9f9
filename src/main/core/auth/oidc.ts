/**
 * Sign-in with the municipality's OpenID provider as a native app (RFC 8252): authorization
 * code + PKCE in the system browser, the redirect to `http://127.0.0.1:<port>/callback` received
 * by a listener the core opens only for the duration of one sign-in. State and nonce are
 * checked (openid-client), the code exchanged with the PKCE verifier, the claims (ID token plus
 * userinfo) mapped to a Klantbeeld user.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import type { OidcConfig } from './config';
import { userFromClaims, type ClaimsResult } from './claims';

/** A sign-in not finished within this time is abandoned (the listener closes). */
const SIGN_IN_TIMEOUT_MS = 5 * 60_000;
interface Pending {
  server: Server;
  redirectUri: string;
  state: string;
  nonce: string;
  verifier: string;
  timer: NodeJS.Timeout;
  /** Unlocking: the provider must authenticate again (no silent single sign-on), checked by auth_time. */
  reauthenticate: boolean;
  startedAt: number;
}

export class OidcSignIn {
  private configuration: client.Configuration | null = null;
  private pending: Pending | null = null;

  constructor(
    private readonly oidc: OidcConfig,
    /** Receives the outcome of each sign-in that reached the callback (or timed out). */
    private readonly onResult: (result: ClaimsResult) => void,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Opens the loopback listener and returns the authorization URL for the system browser.
   * `reauthenticate` (unlocking): prompt=login and max_age=0, and the ID token's auth_time must
   * be after this moment, so a still-open session at the provider cannot unlock by itself.
   */
  async start(reauthenticate: boolean): Promise<string> {
    const configuration = await this.discover();
    this.cancel();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.oidc.redirectPort, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const redirectUri = `http://127.0.0.1:${port}/callback`;
    const verifier = client.randomPKCECodeVerifier();
    const pending: Pending = {
      server,
      redirectUri,
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier,
      reauthenticate,
      startedAt: Date.now(),
      timer: setTimeout(() => {
        if (this.pending !== pending) return;
        this.cancel();
        this.onResult({ ok: false, message: 'Inloggen via uw organisatie duurde te lang; probeer het opnieuw.' });
      }, SIGN_IN_TIMEOUT_MS),
    };
    pending.timer.unref?.();
    this.pending = pending;
    server.on('request', (req, res) => void this.callback(pending, req, res));
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.oidc.scopes.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      ...(reauthenticate ? { prompt: 'login', max_age: '0' } : {}),
    });
    return url.href;
  }

  /** Stops a sign-in in progress (a new one, sign-out, shutdown). */
  cancel(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    pending.server.closeAllConnections();
    pending.server.close();
  }

  private async discover(): Promise<client.Configuration> {
    if (this.configuration) return this.configuration;
    // http only for a provider on this machine (tests, a local Keycloak); the schema enforces it.
    const insecure = new URL(this.oidc.issuer).protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined;
    try {
      this.configuration = await client.discovery(new URL(this.oidc.issuer), this.oidc.clientId, undefined, client.None(), insecure);
    } catch (error) {
      this.log(`auth: OpenID discovery at ${this.oidc.issuer} failed: ${(error as Error).message}`);
      throw new OidcUnavailable();
    }
    return this.configuration;
  }

  private async callback(pending: Pending, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', pending.redirectUri);
    if (req.method !== 'GET' || url.pathname !== '/callback') {
      answer(res, 404, 'Niet gevonden.');
      return;
    }
    if (this.pending !== pending || !this.configuration) {
      answer(res, 410, 'Deze aanmelding is verlopen. Start het inloggen opnieuw vanuit Klantbeeld.');
      return;
    }
    // The callback arrived: no second one is accepted; the listener closes after answering.
    this.pending = null;
    clearTimeout(pending.timer);
    let result: ClaimsResult;
    try {
      const tokens = await client.authorizationCodeGrant(this.configuration, url, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
        ...(pending.reauthenticate ? { maxAge: Math.ceil((Date.now() - pending.startedAt) / 1000) } : {}),
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      const userinfo = this.configuration.serverMetadata().userinfo_endpoint
        ? await client.fetchUserInfo(this.configuration, tokens.access_token, idClaims.sub)
        : {};
      result = userFromClaims({ ...idClaims, ...userinfo }, this.oidc);
    } catch (error) {
      this.log(`auth: OpenID sign-in failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      result = { ok: false, message: 'Inloggen via uw organisatie is mislukt. Probeer het opnieuw.' };
    }
    answer(res, result.ok ? 200 : 403, result.ok ? 'U bent ingelogd bij Klantbeeld. U kunt dit tabblad sluiten.' : result.message);
    res.once('finish', () => pending.server.close());
    this.onResult(result);
  }

}

export class OidcUnavailable extends Error {
  constructor() {
    super('De inlogdienst van uw organisatie is niet bereikbaar. Probeer het later opnieuw.');
  }
}

function answer(res: ServerResponse, status: number, message: string): void {
  const html = `<!doctype html><html lang="nl"><meta charset="utf-8"><title>Klantbeeld</title><p>${message.replace(/[<>&"]/g, '')}</p></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'",
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}
