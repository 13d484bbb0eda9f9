import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../../src/demo';
import { call, startTestServer, zgwToken } from './helpers';

let server: DemoServer;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ server, cleanup } = await startTestServer({ size: { persons: 20, organisations: 3, klantcontacten: 40, zaken: 10 } })));
afterAll(async () => cleanup());

describe('ZGW JWT authentication (Zaken, Catalogi)', () => {
  const cases: [string, () => Promise<string | undefined>, string][] = [
    ['missing header', async () => undefined, 'not_authenticated'],
    ['bad signature', async () => `Bearer ${await zgwToken({}, 'wrong-secret-wrong-secret-wrong-secret')}`, 'invalid-jwt-signature'],
    ['unknown client_id', async () => `Bearer ${await zgwToken({ client_id: 'onbekend' })}`, 'invalid-client-identifier'],
    ['expired (iat 3601 s ago)', async () => `Bearer ${await zgwToken({}, undefined, Math.floor(Date.now() / 1000) - 3601)}`, 'jwt-expiredsignatureerror'],
    ['not a JWT', async () => 'Bearer abc.def', 'jwt-decode-error'],
  ];
  for (const api of ['zaken', 'catalogi'] as const) {
    for (const [name, header, code] of cases) {
      it(`${api}: ${name} → 403 ${code}`, async () => {
        const h = await header();
        const path = api === 'zaken' ? '/zaken' : '/zaaktypen';
        const r = await call(server, api, 'GET', path, { auth: false, headers: h ? { Authorization: h } : {} });
        expect(r.status).toBe(403);
        expect(r.body.code).toBe(code);
      });
    }
  }

  it('accepts a fresh token and one that is almost an hour old', async () => {
    expect((await call(server, 'catalogi', 'GET', '/zaaktypen')).status).toBe(200);
    const old = await zgwToken({}, undefined, Math.floor(Date.now() / 1000) - 3590);
    expect((await call(server, 'catalogi', 'GET', '/catalogussen', { auth: false, headers: { Authorization: `Bearer ${old}` } })).status).toBe(200);
    // A desktop clock a minute fast: commonground-api-common only logs an iat in the future.
    const ahead = await zgwToken({}, undefined, Math.floor(Date.now() / 1000) + 60);
    expect((await call(server, 'catalogi', 'GET', '/catalogussen', { auth: false, headers: { Authorization: `Bearer ${ahead}` } })).status).toBe(200);
  });
});

describe('Klantinteracties token authentication', () => {
  it('missing token → 401 with WWW-Authenticate', async () => {
    const r = await call(server, 'klantinteracties', 'GET', '/partijen', { auth: false });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('not_authenticated');
    expect(r.headers.get('www-authenticate')).toBe('Token');
  });
  it('wrong token → 401', async () => {
    const r = await call(server, 'klantinteracties', 'GET', '/partijen', { auth: false, headers: { Authorization: 'Token verkeerd' } });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('authentication_failed');
  });
  it('a ZGW JWT is not accepted by Klantinteracties', async () => {
    const r = await call(server, 'klantinteracties', 'GET', '/partijen', { auth: false, headers: { Authorization: `Bearer ${await zgwToken()}` } });
    expect(r.status).toBe(401);
  });
  it('correct token → 200', async () => {
    expect((await call(server, 'klantinteracties', 'GET', '/partijen')).status).toBe(200);
  });
});
