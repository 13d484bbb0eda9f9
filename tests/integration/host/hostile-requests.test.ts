/**
 * The local endpoints under attack: the browser host (POST /api, SSE /events, static files,
 * POST /screenpop) and the desktop app's screen-pop listener, each on loopback. A web page in
 * the clerk's browser (CSRF), DNS rebinding, a guessed secret, non-JSON bodies, oversized
 * bodies, path traversal and odd methods are all refused, and the core is never called.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../../src/shared/contract';
import { HOST_SECRET_HEADER } from '../../../src/shared/contract/transport';
import type { Core } from '../../../src/main/core/api';
import { startScreenPopListener } from '../../../src/main/core/screenpop';
import { startHost, type RunningHost } from '../../../src/main/host/server';
import { tempDir } from '../../support/tmp';

/** A core that records every call: "nothing happens" means this list stays empty. */
const calls: { operation: string; input: unknown }[] = [];
const core: Core = {
  async dispatch(operation, input): Promise<CallResult> {
    calls.push({ operation, input });
    return operation === 'customers.screenPop' ? { ok: true, value: { customerId: null, candidates: [] } } : { ok: true, value: {} };
  },
  onEvent: () => () => {},
  close: async () => {},
};

const SCREENPOP_SECRET = 'telefonie-geheim-0123456789';
let dir: ReturnType<typeof tempDir>;
let host: RunningHost;
let hostPort: number;
let secret: string;
let listener: { port: number; close(): Promise<void> };

interface Reply {
  kind: 'answered';
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
/** The server closed the connection without an answer: its own outcome, never read as a status. */
interface Dropped {
  kind: 'dropped';
  code: string;
}
type Outcome = Reply | Dropped;

type Request = { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer };

/**
 * A raw HTTP request: unlike fetch, it can send any Host and Origin, as an attacker's client can.
 * A fresh connection per request (no keep-alive agent): a pooled socket the server is closing
 * after the previous answer would drop this request before the server saw it. An answer that
 * arrived counts even if writing the rest of the body failed afterwards. No check below expects a
 * drop: every refusal, an oversized body's too (the servers read on to answer 413), is owed an answer.
 */
function attempt(port: number, options: Request): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      { host: '127.0.0.1', port, agent: false, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ kind: 'answered', status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('close', () => {
          if (!res.complete) resolve({ kind: 'dropped', code: 'aborted' });
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ kind: 'dropped', code: error.code });
      else reject(error);
    });
    req.end(options.body);
  });
}

/** Where the server owes an answer: a dropped connection fails the check instead of passing for one. */
async function send(port: number, options: Request): Promise<Reply> {
  const outcome = await attempt(port, options);
  if (outcome.kind === 'dropped') throw new Error(`the server dropped the connection (${outcome.code}) where an answer was due`);
  return outcome;
}

const api = (headers: Record<string, string> = {}, body = '{}', path = '/api/sync.status', method = 'POST') =>
  send(hostPort, { method, path, headers: { 'content-type': 'application/json', [HOST_SECRET_HEADER]: secret, ...headers }, body });

beforeAll(async () => {
  dir = tempDir();
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Klantbeeld</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // What path traversal would be after: the data folder beside the built renderer.
  mkdirSync(join(dir.path, 'data'));
  writeFileSync(join(dir.path, 'data', 'klantbeeld.config.json'), '{"adapter":{"zgwSecret":"uitgelekt"}}');
  host = await startHost({ core, rendererDir, port: 0, screenPopSecret: SCREENPOP_SECRET });
  hostPort = Number(new URL(host.url).port);
  const html = await (await fetch(host.url)).text();
  secret = /name="klantbeeld-secret" content="([^"]+)"/.exec(html)?.[1] ?? '';
  listener = await startScreenPopListener(core, { port: 0, secret: SCREENPOP_SECRET, log: () => {} });
});
afterAll(async () => {
  await listener.close();
  await host.close();
  dir.remove();
});
beforeEach(() => {
  calls.length = 0;
});

describe('the browser host under attack', () => {
  it('answers its own page, as a baseline for the refusals below', async () => {
    expect((await api()).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['another site on our port', `http://evil.example:${0}`],
    ['our address over https', 'https://127.0.0.1'],
    ['a sandboxed frame or file (null)', 'null'],
    ['a look-alike', 'http://127.0.0.1.evil.example'],
  ])('refuses a call from %s (CSRF), even with the secret', async (_label, origin) => {
    const reply = await api({ origin: origin.replace(':0', `:${hostPort}`) });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['text/plain', 'hallo'],
    ['application/x-www-form-urlencoded', 'a=1'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'],
  ])('refuses a form post as %s without Origin (what a plain HTML form can send)', async (contentType, body) => {
    const attempts: Record<string, string>[] = [{ 'content-type': contentType, [HOST_SECRET_HEADER]: '' }, { 'content-type': contentType }];
    for (const headers of attempts) {
      const reply = await send(hostPort, { method: 'POST', path: '/api/sync.status', headers, body });
      expect([401, 415]).toContain(reply.status);
    }
    expect(calls).toEqual([]);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'text/json', 'application/json-seq'])(
    'accepts JSON only: %s is refused even with the secret',
    async (contentType) => {
      const reply = await api({ 'content-type': contentType }, '{}');
      expect(reply.status).toBe(415);
      expect(calls).toEqual([]);
    },
  );

  it.each([
    ['a foreign name on our port', (port: number) => `evil.example:${port}`],
    ['a foreign name without port', () => 'evil.example'],
    ['our name on another port', () => '127.0.0.1:80'],
    ['a look-alike name', (port: number) => `localhost.evil.example:${port}`],
  ])('refuses DNS rebinding: Host is %s, on every route', async (_label, hostHeader) => {
    const headers = { host: hostHeader(hostPort), 'content-type': 'application/json', [HOST_SECRET_HEADER]: secret };
    for (const [method, path] of [['POST', '/api/sync.status'], ['GET', '/'], ['GET', '/index.html'], ['GET', '/api'], ['GET', '/events'], ['POST', '/screenpop'], ['GET', '/assets/app.js']] as const) {
      const reply = await send(hostPort, { method, path, headers, body: method === 'POST' ? '{}' : undefined });
      expect(reply.status, `${method} ${path}`).toBe(421);
      expect(reply.body, `${method} ${path}`).not.toContain(secret);
    }
    expect(calls).toEqual([]);
  });

  it('refuses a request without any Host', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: hostPort, agent: false, path: '/assets/app.js', setHost: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect([400, 421]).toContain(status);
  });

  it.each([
    ['no secret', {}],
    ['a wrong secret of the right length', { [HOST_SECRET_HEADER]: 'x'.repeat(43) }],
    ['a wrong secret', { [HOST_SECRET_HEADER]: 'raden' }],
    ['the secret in another case', { [HOST_SECRET_HEADER]: 'UPPER' }],
  ])('refuses a call with %s', async (_label, headers) => {
    const given = { ...headers } as Record<string, string>;
    if (given[HOST_SECRET_HEADER] === 'UPPER') given[HOST_SECRET_HEADER] = secret.toUpperCase() === secret ? secret.toLowerCase() : secret.toUpperCase();
    const reply = await send(hostPort, { method: 'POST', path: '/api/sync.status', headers: { 'content-type': 'application/json', ...given }, body: '{}' });
    expect(reply.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('does not take the secret from the query string', async () => {
    const reply = await send(hostPort, { method: 'POST', path: `/api/sync.status?${HOST_SECRET_HEADER}=${secret}`, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(401);
    expect((await send(hostPort, { path: `/events?secret=${secret}` })).status).toBe(401);
    expect(calls).toEqual([]);
  });

  it.each([
    ['broken JSON', '{"query":'],
    ['a __proto__ key', '{"__proto__":{"polluted":true}}'],
    ['a constructor.prototype key', '{"constructor":{"prototype":{"polluted":true}}}'],
    ['an empty body', ''],
  ])('answers %s with a clear Dutch refusal, before the core', async (_label, body) => {
    const reply = await api({}, body);
    expect(reply.status).toBe(400);
    const answer = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(answer.error.message).toMatch(/JSON|invoer/);
    expect(answer.error.message).not.toMatch(/Body|Unexpected|property|content-type|\bat\b/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('refuses an oversized body (over 256 KiB) before the core sees it', async () => {
    const reply = await api({}, JSON.stringify({ query: 'x'.repeat(300 * 1024) }), '/api/customers.search');
    expect(reply.status).toBe(413);
    expect(calls).toEqual([]);
  });

  it.each([
    '/../data/klantbeeld.config.json',
    '/%2e%2e/data/klantbeeld.config.json',
    '/assets/..%2f..%2fdata%2fklantbeeld.config.json',
    '/assets/%2e%2e/%2e%2e/data/klantbeeld.config.json',
    '/..%5c..%5cdata%5cklantbeeld.config.json',
    '/assets/%00../../data/klantbeeld.config.json',
    '//etc/passwd',
  ])('serves nothing outside the built renderer: %s', async (path) => {
    const reply = await send(hostPort, { path });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.body).not.toContain('uitgelekt');
    expect(reply.body).not.toContain('root:');
  });

  it.each([
    ['GET', '/api/sync.status'],
    ['PUT', '/api/sync.status'],
    ['DELETE', '/api/sync.status'],
    ['PATCH', '/api/sync.status'],
    ['GET', '/screenpop'],
    ['POST', '/'],
    ['POST', '/events'],
    ['TRACE', '/api/sync.status'],
  ])('refuses %s %s', async (method, path) => {
    const reply = await send(hostPort, { method, path, headers: { 'content-type': 'application/json', [HOST_SECRET_HEADER]: secret }, body: method === 'GET' || method === 'TRACE' ? undefined : '{}' });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(calls).toEqual([]);
  });

  it('allows no cross-origin reads: a preflight gets no CORS grant, and no answer carries one', async () => {
    const preflight = await send(hostPort, {
      method: 'OPTIONS',
      path: '/api/sync.status',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': HOST_SECRET_HEADER },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    expect(calls).toEqual([]);
    expect((await api()).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses the event stream without the secret, with a wrong one, or from another site', async () => {
    expect((await send(hostPort, { path: '/events' })).status).toBe(401);
    expect((await send(hostPort, { path: '/events', headers: { [HOST_SECRET_HEADER]: 'raden' } })).status).toBe(401);
    expect((await send(hostPort, { path: '/events', headers: { [HOST_SECRET_HEADER]: secret, origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('gives the page with the secret to no other site: framing forbidden, no caching', async () => {
    const page = await send(hostPort, { path: '/' });
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await send(hostPort, { path: '/', headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });
});

describe('the screen-pop endpoints under attack', () => {
  const pop = (port: number, headers: Record<string, string> = {}, body = '{"nummer":"0612345678"}', method = 'POST', path = '/screenpop') =>
    send(port, { method, path, headers: { 'content-type': 'application/json', authorization: `Bearer ${SCREENPOP_SECRET}`, ...headers }, body });
  const endpoints = () => [
    ['the desktop listener', listener.port],
    ['the browser host', hostPort],
  ] as const;

  it('pops with the shared secret, as a baseline', async () => {
    for (const [, port] of endpoints()) expect((await pop(port)).status).toBe(200);
    expect(calls.map((c) => c.operation)).toEqual(['customers.screenPop', 'customers.screenPop']);
  });

  it.each([
    ['a web page (any Origin)', { origin: 'https://evil.example' }, 403],
    ['no secret', { authorization: '' }, 401],
    ['a wrong secret', { authorization: 'Bearer raden-raden-raden-raden' }, 401],
    ['the secret without Bearer', { authorization: SCREENPOP_SECRET }, 401],
    ['text/plain', { 'content-type': 'text/plain' }, 415],
    ['a form post', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }, 415],
  ] as const)('refuses %s', async (_label, headers, status) => {
    for (const [name, port] of endpoints()) expect((await pop(port, headers)).status, name).toBe(status);
    expect(calls).toEqual([]);
  });

  it('refuses DNS rebinding (a foreign Host)', async () => {
    for (const [name, port] of endpoints()) {
      expect((await pop(port, { host: `evil.example:${port}` })).status, name).toBe(421);
      expect((await pop(port, { host: 'evil.example' })).status, name).toBe(421);
    }
    expect(calls).toEqual([]);
  });

  it('refuses an oversized body, extra fields and a number that is not one', async () => {
    for (const [name, port] of endpoints()) {
      expect((await pop(port, {}, JSON.stringify({ nummer: '0'.repeat(300 * 1024) }))).status, name).toBe(413);
      expect((await pop(port, {}, '{"nummer":"0612345678","bsn":"999993653"}')).status, name).toBe(400);
      expect((await pop(port, {}, '{"nummer":"' + 'x'.repeat(41) + '"}')).status, name).toBe(400);
      expect((await pop(port, {}, 'geen json')).status, name).toBeGreaterThanOrEqual(400);
    }
    expect(calls).toEqual([]);
  });

  it('refuses other methods and paths on the desktop listener', async () => {
    for (const [method, path] of [['GET', '/screenpop'], ['PUT', '/screenpop'], ['POST', '/'], ['POST', '/screenpop/../api/sync.status']] as const) {
      expect((await pop(listener.port, {}, '{"nummer":"0612345678"}', method, path)).status, `${method} ${path}`).toBe(404);
    }
    expect(calls).toEqual([]);
  });
});
