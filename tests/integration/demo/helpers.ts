import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { expect } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PATHS, startDemoServer, type DemoServer, type DemoServerOptions } from '../../../src/demo';
import { expectValidAgainstSpec, expectValidRequest, type SpecApi } from '../../support/spec-validator';

/** Starts the demo server on a temporary SQLite file. */
export async function startTestServer(opts: Partial<DemoServerOptions> = {}): Promise<{ server: DemoServer; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'klantbeeld-demo-'));
  const server = await startDemoServer({ dbPath: join(dir, 'demo.sqlite'), size: 'demo', ...opts });
  return { server, cleanup: async () => { await server.close(); rmSync(dir, { recursive: true, force: true }); } };
}

export async function zgwToken(claims: Record<string, unknown> = {}, secret = DEMO_CREDENTIALS.zgwSecret, iat = Math.floor(Date.now() / 1000)): Promise<string> {
  return new SignJWT({ client_id: DEMO_CREDENTIALS.zgwClientId, user_id: 'bianca.de.vries', user_representation: 'Bianca de Vries', ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer(String(claims.client_id ?? DEMO_CREDENTIALS.zgwClientId)).setIssuedAt(iat)
    .sign(new TextEncoder().encode(secret));
}

export interface CallOptions { body?: unknown; headers?: Record<string, string>; auth?: boolean; crs?: boolean; validateRequest?: boolean }
export interface CallResult<T = Record<string, unknown>> { status: number; headers: Headers; body: T }

/**
 * Calls one of the demo APIs with valid credentials (unless auth: false) and checks the request
 * body and the response body against the official spec.
 */
export async function call<T = Record<string, unknown>>(server: DemoServer, api: Exclude<SpecApi, 'documenten'>, method: string, pathOrUrl: string, o: CallOptions = {}): Promise<CallResult<T>> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${server.url}${DEMO_PATHS[api]}${pathOrUrl}`;
  const headers: Record<string, string> = {};
  if (o.auth !== false) headers.Authorization = api === 'klantinteracties' ? `Token ${DEMO_CREDENTIALS.klantinteractiesToken}` : `Bearer ${await zgwToken()}`;
  if (api === 'zaken' && o.crs !== false) {
    headers['Accept-Crs'] = 'EPSG:4326';
    if (method !== 'GET') headers['Content-Crs'] = 'EPSG:4326';
  }
  if (o.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    if (o.validateRequest !== false) expectValidRequest(api, method, url, o.body);
  }
  Object.assign(headers, o.headers ?? {});
  const res = await fetch(url, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
  const text = await res.text();
  const body = (text ? JSON.parse(text) : undefined) as T;
  if (res.status !== 304) {
    expect(res.headers.get('content-type') ?? '').toMatch(res.status >= 400 ? /application\/problem\+json/ : /application\/json/);
    expectValidAgainstSpec(api, method, url, res.status, body);
    expect(res.headers.get('api-version')).toBeTruthy();
  }
  return { status: res.status, headers: res.headers, body };
}

export interface Page<T = Record<string, unknown>> { count: number; next: string | null; previous: string | null; results: T[] }

/** Follows `next` until null; returns every result and the number of pages. */
export async function followPages<T = Record<string, unknown>>(server: DemoServer, api: Exclude<SpecApi, 'documenten'>, path: string): Promise<{ results: T[]; pages: number; count: number }> {
  let url: string | null = `${server.url}${DEMO_PATHS[api]}${path}`;
  const results: T[] = [];
  let pages = 0;
  let count = 0;
  while (url) {
    const r: CallResult<Page<T>> = await call<Page<T>>(server, api, 'GET', url);
    expect(r.status).toBe(200);
    pages++;
    count = r.body.count;
    results.push(...r.body.results);
    url = r.body.next;
  }
  return { results, pages, count };
}
