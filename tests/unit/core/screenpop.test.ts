/** The loopback screen-pop endpoint of the desktop app's core: secret, JSON, loopback host, no browser origin. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleScreenPop, SCREENPOP_ENDPOINT_FILE, startScreenPopEndpoint, startScreenPopListener } from '../../../src/main/core/screenpop';
import { tempDir } from '../../support/tmp';

const SECRET = 'telefonie-geheim-0123456789';
const pop = (customerId: string | null, candidates: number) => ({
  ok: true as const,
  value: { nummer: '+31612345678', customerId, candidates: Array.from({ length: candidates }, () => ({})), at: '2026-11-28T10:00:00.000Z' },
});

describe('handleScreenPop', () => {
  it('passes a valid request to customers.screenPop and tells only how many matched', async () => {
    const dispatch = vi.fn().mockResolvedValue(pop('id', 1));
    const reply = await handleScreenPop({ dispatch }, SECRET, { authorization: `Bearer ${SECRET}`, contentType: 'application/json', body: { nummer: '06-12345678' } });
    expect(reply).toEqual({ status: 200, body: { ok: true, match: 'one' } });
    expect(dispatch).toHaveBeenCalledWith('customers.screenPop', { nummer: '06-12345678' });
    dispatch.mockResolvedValue(pop(null, 3));
    expect((await handleScreenPop({ dispatch }, SECRET, { authorization: `Bearer ${SECRET}`, contentType: 'application/json', body: { nummer: '1' } })).body).toEqual({ ok: true, match: 'several' });
    dispatch.mockResolvedValue(pop(null, 0));
    expect((await handleScreenPop({ dispatch }, SECRET, { authorization: `Bearer ${SECRET}`, contentType: 'application/json', body: { nummer: '1' } })).body).toEqual({ ok: true, match: 'none' });
  });

  it('refuses: off without a secret, a wrong secret, a browser origin, non-JSON, a bad body', async () => {
    const dispatch = vi.fn();
    const ok = { authorization: `Bearer ${SECRET}`, contentType: 'application/json', body: { nummer: '0612345678' } };
    expect((await handleScreenPop({ dispatch }, null, ok)).status).toBe(404);
    expect((await handleScreenPop({ dispatch }, SECRET, { ...ok, authorization: 'Bearer fout' })).status).toBe(401);
    expect((await handleScreenPop({ dispatch }, SECRET, { ...ok, authorization: undefined })).status).toBe(401);
    expect((await handleScreenPop({ dispatch }, SECRET, { ...ok, origin: 'http://127.0.0.1:1234' })).status).toBe(403);
    expect((await handleScreenPop({ dispatch }, SECRET, { ...ok, contentType: 'text/plain' })).status).toBe(415);
    expect((await handleScreenPop({ dispatch }, SECRET, { ...ok, body: { nummer: 6 } })).status).toBe(400);
    expect((await handleScreenPop({ dispatch }, SECRET, { ...ok, body: { nummer: '1', extra: true } })).status).toBe(400);
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('the loopback listener', () => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  it('listens on 127.0.0.1 and answers POST /screenpop', async () => {
    const dispatch = vi.fn().mockResolvedValue(pop('id', 1));
    const log = vi.fn();
    const listener = await startScreenPopListener({ dispatch }, { port: 0, secret: SECRET, log });
    close = listener.close;
    const url = `http://127.0.0.1:${listener.port}/screenpop`;
    const post = (headers: Record<string, string>, body: string) => fetch(url, { method: 'POST', headers, body });
    const good = await post({ Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' }, JSON.stringify({ nummer: '0612345678' }));
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ ok: true, match: 'one' });
    expect((await post({ 'Content-Type': 'application/json' }, '{"nummer":"0612345678"}')).status).toBe(401);
    expect((await post({ Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' }, 'x'.repeat(10_000))).status).toBe(413);
    expect((await fetch(`http://127.0.0.1:${listener.port}/anders`, { method: 'POST' })).status).toBe(404);
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(log.mock.calls.flat().join(' ')).not.toContain('0612345678');
  });
});

describe('the endpoint per user on a terminal server (screenpop.perUser)', () => {
  const dirs: ReturnType<typeof tempDir>[] = [];
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    for (const dir of dirs.splice(0)) dir.remove();
  });

  async function user(config: { secret: string | null; port: number; perUser: boolean }) {
    const dir = tempDir();
    dirs.push(dir);
    const dispatch = vi.fn().mockResolvedValue(pop('id', 1));
    const endpoint = await startScreenPopEndpoint({ dispatch }, { config, dataDir: dir.path, log: () => {} });
    if (!endpoint) throw new Error('no endpoint');
    closers.push(endpoint.close);
    const file = join(dir.path, SCREENPOP_ENDPOINT_FILE);
    return { dir, dispatch, endpoint, file, written: JSON.parse(readFileSync(file, 'utf8')) as { url: string; secret?: string } };
  }
  const post = (url: string, secret: string | undefined) =>
    fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' }, body: '{"nummer":"0612345678"}' });

  it("gives each user a port and a secret of their own, in their own data folder, and refuses another user's secret", async () => {
    // The same central configuration for both users, with a shared secret that perUser does not use.
    const central = { secret: SECRET, port: 0, perUser: true };
    const anna = await user(central);
    const bram = await user(central);
    expect(anna.endpoint.port).not.toBe(bram.endpoint.port);
    expect(anna.written.url).toBe(`http://127.0.0.1:${anna.endpoint.port}/screenpop`);
    expect(anna.written.secret).toMatch(/^[\w-]{43}$/);
    expect(anna.written.secret).not.toBe(bram.written.secret);
    if (process.platform !== 'win32') expect(statSync(anna.file).mode & 0o777).toBe(0o600);

    expect((await post(bram.written.url, anna.written.secret)).status).toBe(401);
    expect((await post(bram.written.url, SECRET)).status).toBe(401);
    expect(bram.dispatch).not.toHaveBeenCalled();
    expect((await post(bram.written.url, bram.written.secret)).status).toBe(200);
    expect(bram.dispatch).toHaveBeenCalledOnce();
    expect(anna.dispatch).not.toHaveBeenCalled();

    await anna.endpoint.close();
    expect(existsSync(anna.file)).toBe(false);
  });

  it('on a fixed port writes only the URL (the configured secret stays where it is kept), and is off without port or secret', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const free = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const fixed = await user({ secret: SECRET, port: free, perUser: false });
    expect(fixed.written).toEqual({ url: `http://127.0.0.1:${free}/screenpop` });

    const dir = tempDir();
    dirs.push(dir);
    const off = (config: { secret: string | null; port: number; perUser: boolean }) => startScreenPopEndpoint({ dispatch: vi.fn() }, { config, dataDir: dir.path, log: () => {} });
    expect(await off({ secret: SECRET, port: 0, perUser: false })).toBeNull(); // port 0 without perUser: off, as before
    expect(await off({ secret: null, port: 4567, perUser: false })).toBeNull();
    expect(existsSync(join(dir.path, SCREENPOP_ENDPOINT_FILE))).toBe(false);
  });
});
