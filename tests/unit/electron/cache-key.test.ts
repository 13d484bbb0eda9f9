/** The desktop's cache key in safeStorage (issue 12): made once, never in plain text, refused without a keyring. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { resetFakeElectron, safeStorage } from './fake-electron';
import { CACHE_KEY_ENV, CACHE_KEY_FILE } from '../../../src/main/core/store/cache-key';
import { CACHE_KEY_MESSAGES, CACHE_KEY_STORE, cacheKeyEnv, prepareCacheKey } from '../../../src/main/electron/cache-key';
import { SECRETS_MESSAGES, SecretsError } from '../../../src/main/electron/secrets';
import { tempDir } from '../../support/tmp';

vi.mock('electron', () => import('./fake-electron'));

let dir: ReturnType<typeof tempDir>;
const log = vi.fn();
const prepare = (platform: NodeJS.Platform = 'linux') => prepareCacheKey({ dataDir: dir.path, log, platform });

beforeEach(() => {
  resetFakeElectron();
  log.mockClear();
  dir = tempDir();
});
afterEach(() => dir.remove());

it('makes a random key once, keeps it only encrypted by safeStorage, owner-only, and never logs it', () => {
  const key = prepare();
  expect(key.length).toBe(32);
  const stored = readFileSync(join(dir.path, CACHE_KEY_STORE));
  expect(stored.toString('latin1')).not.toContain(key.toString('hex'));
  expect(safeStorage.encryptString).toHaveBeenCalled();
  if (process.platform !== 'win32') expect(statSync(join(dir.path, CACHE_KEY_STORE)).mode & 0o077).toBe(0);
  expect(prepare().equals(key)).toBe(true);
  expect(prepareCacheKey({ dataDir: tempDir().path, log, platform: 'linux' }).equals(key)).toBe(false);
  expect(log.mock.calls.flat().join(' ')).not.toContain(key.toString('hex'));
  expect(cacheKeyEnv(key)).toEqual({ [CACHE_KEY_ENV]: key.toString('hex') });
});

it("takes over the key the browser host made in the same folder, and removes that plain file", () => {
  const hostKey = 'cd'.repeat(32);
  writeFileSync(join(dir.path, CACHE_KEY_FILE), `${hostKey}\n`, { mode: 0o600 });
  expect(prepare().toString('hex')).toBe(hostKey);
  expect(existsSync(join(dir.path, CACHE_KEY_FILE))).toBe(false);
  expect(prepare().toString('hex')).toBe(hostKey);
});

it("refuses Linux's plain-text backend and a store it cannot decrypt, in Dutch, wiping nothing", () => {
  safeStorage.backend = 'basic_text';
  expect(() => prepare()).toThrow(SecretsError);
  expect(() => prepare()).toThrow(SECRETS_MESSAGES.noKeyring);
  expect(existsSync(join(dir.path, CACHE_KEY_STORE))).toBe(false);
  expect(prepare('win32').length).toBe(32); // the plain-text fallback exists on Linux only

  writeFileSync(join(dir.path, CACHE_KEY_STORE), 'van een ander account');
  expect(() => prepare('win32')).toThrow(CACHE_KEY_MESSAGES.unreadable);
  expect(readFileSync(join(dir.path, CACHE_KEY_STORE), 'utf8')).toBe('van een ander account');
});
