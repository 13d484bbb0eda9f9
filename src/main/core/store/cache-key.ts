/**
 * The key of the encrypted local cache: 32 random bytes per installation. The desktop app
 * keeps it in Electron's safeStorage and hands it over in KLANTBEELD_CACHE_KEY
 * (src/main/electron/cache-key.ts); the browser host takes it from that variable, or else
 * from KLANTBEELD_CACHE_KEY_FILE, or else from a key file it generates in the data folder,
 * readable by its owner only (docs/security-privacy.md). The key is never logged.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CacheKey } from './database';

export const CACHE_KEY_ENV = 'KLANTBEELD_CACHE_KEY';
export const CACHE_KEY_FILE_ENV = 'KLANTBEELD_CACHE_KEY_FILE';
/** The generated key of the browser host (and of development), in the data folder. */
export const CACHE_KEY_FILE = 'klantbeeld.cache-key';

const HEX_KEY = /^[0-9a-f]{64}$/i;

export class CacheKeyError extends Error {
  override name = 'CacheKeyError';
}

export function newCacheKey(): CacheKey {
  return randomBytes(32);
}

/** 64 hexadecimal digits (surrounding white space allowed, as in a file ending in a newline). */
export function parseCacheKey(text: string, where: string): CacheKey {
  const trimmed = text.trim();
  if (!HEX_KEY.test(trimmed)) throw new CacheKeyError(`De sleutel van de lokale cache in ${where} moet uit 64 hexadecimale tekens bestaan (32 bytes).`);
  return Buffer.from(trimmed, 'hex');
}

function readKeyFile(file: string, where: string): CacheKey {
  try {
    return parseCacheKey(readFileSync(file, 'utf8'), where);
  } catch (error) {
    if (error instanceof CacheKeyError) throw error;
    throw new CacheKeyError(`De sleutel van de lokale cache kan niet worden gelezen uit ${where}.`);
  }
}

/** The key from the environment, or the data folder's key file (made, owner-only, when there is none). */
export function cacheKeyFor(dataDir: string, env: NodeJS.ProcessEnv): CacheKey {
  const fromEnv = env[CACHE_KEY_ENV];
  if (fromEnv) return parseCacheKey(fromEnv, CACHE_KEY_ENV);
  const keyFile = env[CACHE_KEY_FILE_ENV];
  if (keyFile) return readKeyFile(keyFile, `${CACHE_KEY_FILE_ENV} (${keyFile})`);
  const file = join(dataDir, CACHE_KEY_FILE);
  if (existsSync(file)) return readKeyFile(file, file);
  const key = newCacheKey();
  // 'wx': never overwrite a key another start just wrote (the data folder lock makes that rare anyway).
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
