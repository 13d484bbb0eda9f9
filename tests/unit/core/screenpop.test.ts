/** The loopback screen-pop endpoint of the desktop app's core: secret, JSON, loopback host, no browser origin. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleScreenPop, startScreenPopListener } from '../../../src/main/core/screenpop';

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
