/**
 * The key of the encrypted local cache on the desktop: 32 random bytes made once per
 * installation and kept by safeStorage (DPAPI, Keychain, libsecret) in an encrypted file in the
 * data folder. Without a real keyring (Linux `basic_text`) Klantbeeld refuses to start, as for
 * the zaaksysteem secrets. The key goes to the core process only (KLANTBEELD_CACHE_KEY, which
 * the core takes out of its environment at once); it is never logged.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { CACHE_KEY_ENV, CACHE_KEY_FILE, newCacheKey, parseCacheKey } from '../core/store/cache-key';
import type { CacheKey } from '../core/store/database';
import type { Log } from './log';
import { assertSafeStorage, SecretsError, writeAtomically } from './secrets';

export const CACHE_KEY_STORE = 'klantbeeld.cache-key.bin';

export const CACHE_KEY_MESSAGES = {
  unreadable:
    'Klantbeeld kan de sleutel van de lokale gegevens niet ontsleutelen (ander gebruikersaccount, of is de sleutelbos gewist of vergrendeld?). ' +
    'Er is niets gewist. Start Klantbeeld opnieuw in uw eigen sessie, of vraag de beheerder om hulp.',
} as const;

export interface CacheKeyOptions {
  dataDir: string;
  log: Log;
  platform?: NodeJS.Platform;
}

/**
 * The installation's cache key, made on the first start. A key the browser host made earlier in
 * the same data folder (klantbeeld.cache-key) is taken over into safeStorage and its plain file
 * removed, so the cache it encrypted stays readable. Throws a SecretsError (Dutch) when the key
 * cannot be kept safely or cannot be read back.
 */
export function prepareCacheKey(options: CacheKeyOptions): CacheKey {
  assertSafeStorage(options.platform ?? process.platform);
  const stored = join(options.dataDir, CACHE_KEY_STORE);
  if (existsSync(stored)) {
    try {
      return parseCacheKey(safeStorage.decryptString(readFileSync(stored)), CACHE_KEY_STORE);
    } catch {
      throw new SecretsError(CACHE_KEY_MESSAGES.unreadable);
    }
  }
  const plainFile = join(options.dataDir, CACHE_KEY_FILE);
  const fromHost = existsSync(plainFile);
  const key = fromHost ? parseCacheKey(readFileSync(plainFile, 'utf8'), plainFile) : newCacheKey();
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  writeAtomically(stored, safeStorage.encryptString(key.toString('hex')));
  if (fromHost) {
    rmSync(plainFile);
    options.log(`moved the cache key from ${CACHE_KEY_FILE} into safeStorage`);
  } else {
    options.log('made a new cache key, kept in safeStorage');
  }
  return key;
}

/** The core process's environment addition: the key, for opening the store only. */
export function cacheKeyEnv(key: CacheKey): Record<string, string> {
  return { [CACHE_KEY_ENV]: key.toString('hex') };
}
