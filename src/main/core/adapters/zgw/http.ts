import { SignJWT } from 'jose';
import { z } from 'zod';
import { RemoteError } from '../types';

/** How one API authenticates: ZGW APIs with a HS256 JWT, Klantinteracties with `Token <key>`. */
export type ApiAuth =
  | { kind: 'zgw-jwt'; clientId: string; secret: string; userId: string; userRepresentation: string }
  | { kind: 'token'; token: string };

const Problem = z
  .object({
    title: z.string().optional(),
    detail: z.string().optional(),
    code: z.string().optional(),
    invalidParams: z.array(z.object({ name: z.string(), reason: z.string() }).loose()).optional(),
  })
  .loose();

/** Open Zaak rejects tokens older than JWT_EXPIRY (default 1 h): renew well inside that. */
const JWT_RENEW_MS = 10 * 60 * 1000;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH';
  /** Cancels the request, e.g. when a sibling request of the same dossier already failed. */
  signal?: AbortSignal;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  body: unknown;
  etag: string | null;
  /** The server's `Date` header: its clock, for times it checks against its own (datumStatusGezet). */
  date?: string | null;
  /** The server's `API-version` header (commonground-api-common's APIVersionHeaderMiddleware), if sent. */
  apiVersion: string | null;
}

/** Names `pageSize` as unknown: an Open Zaak older than 1.15 (vng_api_common.viewsets.CheckQueryParamsMixin). */
function refusesPageSize(error: RemoteError): boolean {
  return error.status === 400 && error.invalidParams.some((p) => /onbekende query parameters?:.*\bpageSize\b/i.test(p.reason));
}

const withoutPageSize = (url: string): string => {
  const parsed = new URL(url);
  parsed.searchParams.delete('pageSize');
  return parsed.toString();
};

/** A small fetch wrapper per API: auth header, timeout, problem+json mapped to RemoteError. */
export class ApiClient {
  private jwt: { token: string; at: number; userId: string } | null = null;
  /** A 401 on a freshly signed JWT: the next 401 is the client id or secret, not the token's age. */
  private jwtRefused = false;
  /** The server does not know `pageSize` (Open Zaak < 1.15): it is left out from then on. */
  private noPageSize = false;
  /** The `API-version` of the last answer, or null before any. */
  apiVersion: string | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly auth: ApiAuth,
    private readonly timeoutMs: number,
    /** The Zaken API: Open Zaak answers 412 without Accept-Crs (and Content-Crs on writes). */
    private readonly crs = false,
  ) {}

  url(path: string): string {
    return `${this.baseUrl.replace(/\/$/, '')}${path}`;
  }

  async request(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
    if (this.noPageSize) return this.send(withoutPageSize(url), options);
    try {
      return await this.send(url, options);
    } catch (error) {
      if (!(error instanceof RemoteError) || !refusesPageSize(error) || (options.method ?? 'GET') !== 'GET') throw error;
      this.noPageSize = true;
      return this.send(withoutPageSize(url), options);
    }
  }

  private async send(url: string, options: RequestOptions): Promise<HttpResponse> {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: await this.authorization(),
      ...options.headers,
    };
    if (this.crs) headers['Accept-Crs'] = 'EPSG:4326';
    if (this.crs && method !== 'GET') headers['Content-Crs'] = 'EPSG:4326';
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(this.timeoutMs)]) : AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new RemoteError(
        timedOut ? 'Het zaaksysteem antwoordt niet op tijd.' : 'Het zaaksysteem is niet bereikbaar.',
        'transient',
      );
    }
    const apiVersion = response.headers.get('api-version');
    if (apiVersion) this.apiVersion = apiVersion;
    if (response.status === 304) return { status: 304, body: null, etag: response.headers.get('etag'), apiVersion };
    const text = await response.text();
    let body: unknown = null;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new RemoteError(`Onleesbaar antwoord van het zaaksysteem (HTTP ${response.status}).`, 'transient', response.status);
      }
    }
    if (!response.ok) throw this.toError(response, body);
    if (this.auth.kind === 'zgw-jwt') this.jwtRefused = false;
    return { status: response.status, body, etag: response.headers.get('etag'), date: response.headers.get('date'), apiVersion };
  }

  /** A binary body (a document's content), at most `maxBytes`; errors as in `request`. */
  async requestBytes(url: string, maxBytes: number): Promise<{ bytes: Buffer; contentType: string | null }> {
    let response: Response;
    try {
      response = await fetch(url, { headers: { Authorization: await this.authorization() }, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch {
      throw new RemoteError('Het zaaksysteem is niet bereikbaar.', 'transient');
    }
    if (!response.ok) {
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      throw this.toError(response, body);
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > maxBytes) throw new RemoteError('Het document is te groot om hier te openen.', 'permanent', response.status);
    return { bytes, contentType: response.headers.get('content-type') };
  }

  private toError(response: Response, body: unknown): RemoteError {
    const status = response.status;
    const problem = Problem.safeParse(body);
    const detail = (problem.success ? (problem.data.detail ?? problem.data.title ?? '') : '').replace(/\.+$/, '');
    const invalidParams = problem.success ? (problem.data.invalidParams ?? []) : [];
    if (status === 401 || status === 403) this.jwt = null;
    if (status === 401) return this.refused(detail);
    const transient = status >= 500 || status === 408 || status === 429;
    const retryAfter = Number(response.headers.get('retry-after'));
    const fields = invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; ');
    const message =
      status === 403
        ? `Het zaaksysteem weigert de toegang (HTTP ${status})${detail ? `: ${detail}` : ''}.`
        : `Het zaaksysteem meldt een fout (HTTP ${status})${fields ? `: ${fields}` : detail ? `: ${detail}` : ''}.`;
    return new RemoteError(message, transient ? 'transient' : 'permanent', status, invalidParams, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null);
  }

  /**
   * A 401. Open Klant's `Token` is static (open-klant: src/openklant/components/token/authentication.py):
   * it never gets better by retrying, so it is the beheerder's to fix at once. A ZGW JWT is signed
   * anew after a 401 and retried once; refused again, the client id or secret is wrong.
   */
  private refused(detail: string): RemoteError {
    const suffix = detail ? ` (${detail})` : '';
    if (this.auth.kind === 'token') {
      return new RemoteError(
        `Open Klant weigert het Token (HTTP 401)${suffix}. Controleer klantinteractiesToken in de configuratie; tot dan wordt er niets verstuurd.`,
        'permanent',
        401,
        [],
        null,
        true,
      );
    }
    if (!this.jwtRefused) {
      this.jwtRefused = true;
      return new RemoteError(`Het zaaksysteem weigert de toegang (HTTP 401)${suffix}; een nieuw token volgt.`, 'transient', 401);
    }
    return new RemoteError(
      `Open Zaak weigert het JWT (HTTP 401)${suffix}. Controleer zgwClientId en zgwSecret in de configuratie.`,
      'permanent',
      401,
      [],
      null,
      true,
    );
  }

  private async authorization(): Promise<string> {
    if (this.auth.kind === 'token') return `Token ${this.auth.token}`;
    // A new token when the old one ages, or when another medewerker signed in.
    if (!this.jwt || Date.now() - this.jwt.at > JWT_RENEW_MS || this.jwt.userId !== this.auth.userId) {
      const iat = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({
        client_id: this.auth.clientId,
        user_id: this.auth.userId,
        user_representation: this.auth.userRepresentation,
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(this.auth.clientId)
        .setIssuedAt(iat)
        .sign(new TextEncoder().encode(this.auth.secret));
      this.jwt = { token, at: Date.now(), userId: this.auth.userId };
    }
    return `Bearer ${this.jwt.token}`;
  }
}

const Page = z.object({ count: z.number().optional(), next: z.string().nullable(), results: z.array(z.unknown()) }).loose();

/** Follows `next` until it is null, never by count (counts may be approximate). */
export async function* pages(
  client: ApiClient,
  firstUrl: string,
  options: RequestOptions = {},
  maxPages = Number.POSITIVE_INFINITY,
  /** Told the server's `count` of each page, for progress only (never to stop paging). */
  onCount?: (count: number) => void,
): AsyncGenerator<unknown[], boolean> {
  let url: string | null = firstUrl;
  let read = 0;
  while (url) {
    if (read >= maxPages) return false;
    const response = await client.request(url, options);
    const page = Page.safeParse(response.body);
    if (!page.success) throw new RemoteError('Onverwachte lijst van het zaaksysteem (geen results/next).', 'transient');
    if (page.data.count !== undefined) onCount?.(page.data.count);
    read += 1;
    yield page.data.results;
    url = page.data.next;
  }
  return true;
}

/** Collects all pages; `complete` is false when `maxPages` cut it short. */
export async function collect(
  client: ApiClient,
  firstUrl: string,
  options: RequestOptions = {},
  maxPages = Number.POSITIVE_INFINITY,
): Promise<{ items: unknown[]; complete: boolean }> {
  const items: unknown[] = [];
  const it = pages(client, firstUrl, options, maxPages);
  for (;;) {
    const step = await it.next();
    if (step.done) return { items, complete: step.value };
    items.push(...step.value);
  }
}
