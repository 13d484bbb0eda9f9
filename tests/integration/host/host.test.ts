import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../../src/shared/contract';
import { HOST_SECRET_HEADER } from '../../../src/shared/contract/transport';
import type { StartedCore } from '../../../src/main/core';
import { startHost, type RunningHost } from '../../../src/main/host/server';
import { startOfflineCore } from '../../support/offline-core';
import { person } from '../../support/records';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let core: StartedCore;
let host: RunningHost;
let secret: string;

beforeAll(async () => {
  dir = tempDir();
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Klantbeeld</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  core = await startOfflineCore(join(dir.path, 'data'));
  core.store.customers.upsert(person(), new Date().toISOString());
  host = await startHost({ core, rendererDir, port: 0 });
  const html = await (await fetch(host.url)).text();
  secret = /name="klantbeeld-secret" content="([^"]+)"/.exec(html)?.[1] ?? '';
});
afterAll(async () => {
  await host.close();
  await core.close();
  dir.remove();
});

const call = (operation: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}api/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HOST_SECRET_HEADER]: secret, ...headers },
    body: JSON.stringify(body),
  });

describe('browser host', () => {
  it('hands the per-start secret to its own page only, inside index.html', () => {
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves built assets with a strict CSP and never the raw index.html', async () => {
    const asset = await fetch(`${host.url}assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(asset.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    expect(await (await fetch(`${host.url}index.html`)).text()).toContain('klantbeeld-secret');
  });

  it('reaches every contract operation over POST /api/<operation>', async () => {
    for (const name of operationNames) {
      const response = await call(name, {});
      const body = (await response.json()) as { ok: boolean; error?: { code: string } };
      expect(['unknown_operation', 'unauthenticated'], name).not.toContain(body.error?.code);
    }
  });

  it('rejects invalid input with a clear, per-field error', async () => {
    const response = await call('contacts.register', { customerId: 'x', kanaal: 'telefoon', onderwerp: '' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { ok: false; error: { code: string; message: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toBe('De invoer is niet geldig.');
    expect(body.error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['customerId', 'onderwerp']));
  });

  it('works on cached data while the zaaksysteem is unreachable', async () => {
    const found = (await (await call('customers.search', { query: 'burger' })).json()) as { value: { results: { id: string }[] } };
    expect(found.value.results).toHaveLength(1);
    const id = found.value.results[0]!.id;
    const registered = await call('contacts.register', { customerId: id, kanaal: 'telefoon', onderwerp: 'Vraag tijdens storing' });
    expect(registered.status).toBe(200);
    const picture = (await (await call('customers.open', { customerId: id, refresh: false })).json()) as {
      value: { contacts: { onderwerp: string; syncState: string }[] };
    };
    expect(picture.value.contacts[0]).toMatchObject({ onderwerp: 'Vraag tijdens storing', syncState: 'pending' });
  });

  it('refuses calls without the secret, from another origin, or for another host', async () => {
    expect((await call('sync.status', {}, { [HOST_SECRET_HEADER]: 'raden' })).status).toBe(401);
    expect((await call('sync.status', {}, { origin: 'http://evil.example' })).status).toBe(403);
    // DNS rebinding: a foreign name resolving to 127.0.0.1 arrives with that name as Host.
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${host.url}api/sync.status`);
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json', [HOST_SECRET_HEADER]: secret } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('accepts JSON only', async () => {
    const response = await fetch(`${host.url}api/sync.status`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', [HOST_SECRET_HEADER]: secret },
      body: 'hallo',
    });
    expect(response.status).toBe(415);
  });

  it('answers an unknown operation with 404 and a message', async () => {
    const response = await call('customers.delete', {});
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
  });

  it('lists the contract at GET /api with JSON Schemas', async () => {
    const listing = (await (await fetch(`${host.url}api`)).json()) as {
      operations: { name: string; roles: string[]; input: { type: string }; output: object }[];
      events: { name: string }[];
    };
    expect(listing.operations.map((o) => o.name).sort()).toEqual([...operationNames].sort());
    const register = listing.operations.find((o) => o.name === 'contacts.register');
    expect(register?.input).toMatchObject({ type: 'object', properties: { onderwerp: { maxLength: 200 } } });
    expect(register?.roles).toEqual(['balie', 'kcc', 'teamleider']);
    expect(listing.events.map((e) => e.name)).toContain('customer.refreshed');
  });

  it('streams core events as server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.url}events`, { headers: { [HOST_SECRET_HEADER]: secret }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    void core.sync.refreshCustomer(core.store.customers.search('burger', 1)[0]!.id);
    while (!text.includes('event: customer.refreshed')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    expect(text).toContain('event: customer.refreshed');
    expect(text).toMatch(/data: \{"customerId":"[0-9a-f-]{36}"/);
  });

  it('refuses the event stream without the secret', async () => {
    expect((await fetch(`${host.url}events`)).status).toBe(401);
  });
});
