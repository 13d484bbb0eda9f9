/**
 * The desktop app's own log (src/main/electron/log.ts) goes to stderr; it writes no log files.
 * Lines that quote something from elsewhere (a core that failed to start, an error text) could
 * carry a BSN: they are masked. (tests/e2e/failure-logs.test.ts puts such output where the BSN
 * scan reads it.)
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createLog } from '../../../src/main/electron/log';

const printed: string[] = [];
const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
afterAll(() => spy.mockRestore());

describe('the Electron log', () => {
  it('prefixes the scope and masks a BSN quoted in a line', () => {
    createLog('core')('core failed to start: Configuratie ongeldig bij klant 999993653');
    createLog('ipc')('call 7 (customers.open) timed out after 30000 ms');
    expect(printed).toEqual(['[klantbeeld:core] core failed to start: Configuratie ongeldig bij klant *****3653', '[klantbeeld:ipc] call 7 (customers.open) timed out after 30000 ms']);
  });
});
