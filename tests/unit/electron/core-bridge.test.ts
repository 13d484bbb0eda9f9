import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFakeElectron, utilityProcess, type FakeUtilityProcess } from './fake-electron';
import { CORE_MESSAGES, startCoreBridge, type CoreBridgeOptions } from '../../../src/main/electron/core-bridge';

vi.mock('electron', () => import('./fake-electron'));

const ok = (value: unknown) => ({ ok: true, value });

function start(options: Partial<CoreBridgeOptions> = {}) {
  const log = vi.fn();
  const bridge = startCoreBridge({
    modulePath: '/app/out/main/core-process.js',
    dataDir: '/home/balie/.config/Klantbeeld',
    log,
    restartDelaysMs: [0, 10, 20],
    ...options,
  });
  const child = () => utilityProcess.forked.at(-1)!;
  const lastCall = (proc: FakeUtilityProcess = child()) => proc.posted.at(-1) as { id: number; operation: string; input: unknown };
  return { bridge, log, child, lastCall };
}

beforeEach(() => {
  resetFakeElectron();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('the core bridge', () => {
  it('forks the core entry as a named utility process with the data folder', () => {
    start();
    expect(utilityProcess.fork).toHaveBeenCalledExactlyOnceWith(
      '/app/out/main/core-process.js',
      ['--data-dir=/home/balie/.config/Klantbeeld'],
      expect.objectContaining({ serviceName: 'Klantbeeld core' }),
    );
  });

  it('sends a call and resolves it with the matching result', async () => {
    const { bridge, child, lastCall } = start();
    const first = bridge.call('customers.search', { query: 'Jansen' });
    const firstMsg = lastCall();
    const second = bridge.call('sync.status', {});
    const secondMsg = lastCall();
    expect(firstMsg).toEqual({ type: 'call', id: firstMsg.id, operation: 'customers.search', input: { query: 'Jansen' } });
    expect(secondMsg.id).not.toBe(firstMsg.id);
    child().reply({ type: 'result', id: secondMsg.id, result: ok('second') });
    child().reply({ type: 'result', id: firstMsg.id, result: ok('first') });
    await expect(first).resolves.toEqual(ok('first'));
    await expect(second).resolves.toEqual(ok('second'));
  });

  it('ignores malformed messages from the core and keeps working', async () => {
    const { bridge, child, lastCall, log } = start();
    const call = bridge.call('sync.status', {});
    const { id } = lastCall();
    for (const junk of [null, 'result', { type: 'result', id: 'x', result: ok(1) }, { type: 'result', id, result: { ok: 'yes' } }, { type: 'nope' }]) {
      child().reply(junk);
    }
    expect(log.mock.calls.filter(([line]) => String(line).includes('malformed'))).toHaveLength(5);
    child().reply({ type: 'result', id, result: ok('fine') });
    await expect(call).resolves.toEqual(ok('fine'));
  });

  it('ignores a result for a call it does not know', () => {
    const { child, log } = start();
    child().reply({ type: 'result', id: 12345, result: ok(1) });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('unknown call 12345'));
  });

  it('forwards core events to its listeners until they unsubscribe', () => {
    const { bridge, child } = start();
    const listener = vi.fn();
    const stop = bridge.onEvent(listener);
    child().reply({ type: 'event', name: 'sync.status', payload: { pending: 1 } });
    stop();
    child().reply({ type: 'event', name: 'sync.status', payload: { pending: 2 } });
    expect(listener).toHaveBeenCalledExactlyOnceWith('sync.status', { pending: 1 });
  });

  it('fails pending calls with unavailable when the core dies, then restarts it', async () => {
    const { bridge, child, log } = start();
    const dead = child();
    dead.reply({ type: 'ready' });
    const pending = bridge.call('contacts.register', { onderwerp: 'Paspoort' });
    dead.emit('exit', 1);
    await expect(pending).resolves.toEqual({ ok: false, error: { code: 'unavailable', message: CORE_MESSAGES.restarted } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('core exited with code 1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(utilityProcess.forked).toHaveLength(2);
    const again = bridge.call('sync.status', {});
    const { id } = child().posted.at(-1) as { id: number };
    child().reply({ type: 'result', id, result: ok('back') });
    await expect(again).resolves.toEqual(ok('back'));
  });

  it('answers unavailable while waiting to restart, ignoring the dead process', async () => {
    const { bridge, child } = start({ restartDelaysMs: [1_000] });
    const dead = child();
    dead.emit('exit', 1);
    await expect(bridge.call('sync.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    dead.reply({ type: 'event', name: 'sync.status', payload: {} }); // late message: harmless
    await vi.advanceTimersByTimeAsync(1_000);
    expect(utilityProcess.forked).toHaveLength(2);
  });

  it('gives up after repeated failed starts and says so in Dutch', async () => {
    const { bridge, child, log } = start({ maxFailedStarts: 3 });
    for (let attempt = 0; attempt < 3; attempt++) {
      child().reply({ type: 'fatal', message: 'database is locked' });
      child().emit('exit', 1);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(utilityProcess.forked).toHaveLength(3);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('database is locked'));
    await expect(bridge.call('sync.status', {})).resolves.toEqual({ ok: false, error: { code: 'unavailable', message: CORE_MESSAGES.failed } });
  });

  it('times a call out with unavailable and ignores its late result', async () => {
    const { bridge, child, lastCall } = start({ callTimeoutMs: 1_000 });
    const call = bridge.call('customers.open', {});
    const { id } = lastCall();
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(call).resolves.toEqual({ ok: false, error: { code: 'unavailable', message: CORE_MESSAGES.timeout } });
    child().reply({ type: 'result', id, result: ok('late') });
  });

  it('shuts the core down: asks it to close, does not restart it, refuses new calls', async () => {
    const { bridge, child } = start();
    const proc = child();
    const pending = bridge.call('sync.status', {});
    const stopped = bridge.shutdown();
    expect(proc.posted.at(-1)).toEqual({ type: 'shutdown' });
    await expect(bridge.call('sync.status', {})).resolves.toMatchObject({ error: { code: 'unavailable', message: CORE_MESSAGES.stopping } });
    proc.emit('exit', 0);
    await stopped;
    await expect(pending).resolves.toMatchObject({ error: { code: 'unavailable', message: CORE_MESSAGES.stopping } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(utilityProcess.forked).toHaveLength(1);
    expect(bridge.shutdown()).toBe(stopped);
  });

  it('kills a core that does not exit in time', async () => {
    const { bridge, child } = start({ shutdownTimeoutMs: 500 });
    const stopped = bridge.shutdown();
    await vi.advanceTimersByTimeAsync(500);
    expect(child().kill).toHaveBeenCalled();
    await stopped;
  });
});
