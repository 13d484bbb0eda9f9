import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallResult } from '../../../src/shared/contract';
import type { Core, EventListener } from '../../../src/main/core/api';
import { startCore } from '../../../src/main/core/index';
import { dataDirFrom, serveCore, type ParentPortLike } from '../../../src/main/core-process';

vi.mock('../../../src/main/core/index', () => ({ startCore: vi.fn() }));

/** Electron's process.parentPort: messages arrive as { data }. */
class FakeParentPort extends EventEmitter implements ParentPortLike {
  readonly posted: unknown[] = [];
  postMessage(message: unknown) { this.posted.push(message); }
  send(data: unknown) { this.emit('message', { data }); }
}

function fakeCore() {
  const listeners = new Set<EventListener>();
  const core = {
    dispatch: vi.fn(async (operation: string, input: unknown): Promise<CallResult> => ({ ok: true, value: { operation, input } })),
    onEvent: vi.fn((listener: EventListener) => (listeners.add(listener), () => listeners.delete(listener))),
    close: vi.fn(async () => undefined),
    emit: (name: string, payload: unknown) => listeners.forEach((l) => l(name as never, payload)),
  };
  return core;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function serve(starting: Promise<Core>) {
  const port = new FakeParentPort();
  const log = vi.fn();
  const exit = vi.fn();
  serveCore(port, starting, { log, exit });
  return { port, log, exit };
}

describe('the core process', () => {
  it('reads the data folder from --data-dir, else from KLANTBEELD_DATA_DIR', () => {
    expect(dataDirFrom(['node', 'core-process.js', '--data-dir=/data/kb'], {})).toBe('/data/kb');
    expect(dataDirFrom(['node'], { KLANTBEELD_DATA_DIR: '/env/kb' })).toBe('/env/kb');
    expect(dataDirFrom(['node', '--data-dir='], {})).toBeNull();
    expect(dataDirFrom(['node'], {})).toBeNull();
  });

  it('posts ready and answers a call with its result', async () => {
    const core = fakeCore();
    const { port } = serve(Promise.resolve(core));
    await flush();
    expect(port.posted).toEqual([{ type: 'ready' }]);
    port.send({ type: 'call', id: 7, operation: 'customers.search', input: { query: 'Jansen' } });
    await flush();
    expect(core.dispatch).toHaveBeenCalledWith('customers.search', { query: 'Jansen' });
    expect(port.posted.at(-1)).toEqual({ type: 'result', id: 7, result: { ok: true, value: { operation: 'customers.search', input: { query: 'Jansen' } } } });
  });

  it('holds calls that arrive while the core is still starting', async () => {
    const core = fakeCore();
    let started!: (core: Core) => void;
    const { port } = serve(new Promise<Core>((resolve) => (started = resolve)));
    port.send({ type: 'call', id: 1, operation: 'sync.status', input: {} });
    await flush();
    expect(core.dispatch).not.toHaveBeenCalled();
    started(core);
    await flush();
    expect(port.posted).toContainEqual(expect.objectContaining({ type: 'result', id: 1 }));
  });

  it('ignores and logs malformed messages', async () => {
    const core = fakeCore();
    const { port, log } = serve(Promise.resolve(core));
    for (const junk of [null, 'call', { type: 'call', id: 'one', operation: 'x' }, { type: 'explode' }]) port.send(junk);
    await flush();
    expect(core.dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(4);
    expect(port.posted).toEqual([{ type: 'ready' }]);
  });

  it('forwards core events', async () => {
    const core = fakeCore();
    const { port } = serve(Promise.resolve(core));
    await flush();
    core.emit('sync.status', { pending: 0 });
    expect(port.posted.at(-1)).toEqual({ type: 'event', name: 'sync.status', payload: { pending: 0 } });
  });

  it('turns a throwing dispatch into an internal error result', async () => {
    const core = fakeCore();
    core.dispatch.mockRejectedValueOnce(new Error('kapot'));
    const { port } = serve(Promise.resolve(core));
    port.send({ type: 'call', id: 3, operation: 'sync.status', input: {} });
    await flush();
    expect(port.posted.at(-1)).toMatchObject({ type: 'result', id: 3, result: { ok: false, error: { code: 'internal' } } });
  });

  it('posts a one-line fatal and exits 1 when the core cannot start', async () => {
    const { port, exit } = serve(Promise.reject(new Error('cannot open database\n    at Database (…)')));
    await flush();
    expect(port.posted).toEqual([{ type: 'fatal', message: 'cannot open database' }]);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('closes the core and exits 0 on shutdown, refusing later calls', async () => {
    const core = fakeCore();
    const { port, exit } = serve(Promise.resolve(core));
    port.send({ type: 'shutdown' });
    port.send({ type: 'call', id: 9, operation: 'sync.status', input: {} });
    await flush();
    expect(core.close).toHaveBeenCalledOnce();
    expect(exit).toHaveBeenCalledWith(0);
    expect(core.dispatch).not.toHaveBeenCalled();
    expect(port.posted).toEqual([{ type: 'result', id: 9, result: { ok: false, error: { code: 'unavailable', message: 'Klantbeeld wordt afgesloten.' } } }]);
  });
});

describe('the core process entry under Electron', () => {
  const saved = { argv: process.argv };
  afterEach(() => {
    process.argv = saved.argv;
    delete (process as { parentPort?: unknown }).parentPort;
    vi.resetModules();
  });

  const CACHE_KEY = 'ab'.repeat(32);
  beforeEach(() => {
    process.env.KLANTBEELD_CACHE_KEY = CACHE_KEY; // as the main process hands it over (electron/cache-key.ts)
  });

  it('starts the core with the data folder when process.parentPort exists', async () => {
    const core = fakeCore();
    vi.mocked(startCore).mockResolvedValue(core as never);
    const port = new FakeParentPort();
    (process as { parentPort?: unknown }).parentPort = port;
    process.argv = [...saved.argv, '--data-dir=/home/balie/.config/Klantbeeld'];
    vi.resetModules();
    await import('../../../src/main/core-process');
    await flush();
    expect(startCore).toHaveBeenCalledWith(expect.objectContaining({ dataDir: '/home/balie/.config/Klantbeeld' }));
    expect(port.posted).toEqual([{ type: 'ready' }]);
  });

  it('gives the secrets from safeStorage to the configuration only, and drops them from process.env', async () => {
    vi.mocked(startCore).mockResolvedValue(fakeCore() as never);
    (process as { parentPort?: unknown }).parentPort = new FakeParentPort();
    process.argv = [...saved.argv, '--data-dir=/home/balie/.config/Klantbeeld'];
    process.env.KLANTBEELD_SECRETS = JSON.stringify({ 'brp.apiKey': 'brp-sleutel-99' });
    vi.resetModules();
    await import('../../../src/main/core-process');
    await flush();
    expect(process.env.KLANTBEELD_SECRETS).toBeUndefined();
    expect(vi.mocked(startCore).mock.lastCall![0].env!.KLANTBEELD_SECRETS).toContain('brp-sleutel-99');
  });

  it('gives the cache key to the store only, dropped from process.env; without one the core does not start', async () => {
    vi.mocked(startCore).mockResolvedValue(fakeCore() as never);
    (process as { parentPort?: unknown }).parentPort = new FakeParentPort();
    process.argv = [...saved.argv, '--data-dir=/home/balie/.config/Klantbeeld'];
    vi.resetModules();
    await import('../../../src/main/core-process');
    await flush();
    expect(process.env.KLANTBEELD_CACHE_KEY).toBeUndefined();
    expect(vi.mocked(startCore).mock.lastCall![0].env!.KLANTBEELD_CACHE_KEY).toBe(CACHE_KEY);

    vi.mocked(startCore).mockClear();
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const port = new FakeParentPort();
    (process as { parentPort?: unknown }).parentPort = port;
    vi.resetModules();
    await import('../../../src/main/core-process'); // no key in the environment this time
    await flush();
    expect(startCore).not.toHaveBeenCalled();
    expect(port.posted).toEqual([{ type: 'fatal', message: 'no cache key given (KLANTBEELD_CACHE_KEY)' }]);
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
    exit.mockRestore();
  });
});
