/**
 * The encrypted cache of a running (or stopped) browser host, read-only, for tests that check
 * what it holds: keyed with the key the host made in its data folder (store/cache-key.ts).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { STORE_FILE } from '../../src/main/core';
import { cacheKeyFor } from '../../src/main/core/store/cache-key';
import { useCacheKey, type Db } from '../../src/main/core/store/database';

export function openCacheReadonly(dataDir: string, env: NodeJS.ProcessEnv = {}): Db {
  const file = join(dataDir, STORE_FILE);
  const db = new Database(file, { readonly: true });
  useCacheKey(db, cacheKeyFor(dataDir, env), file);
  return db;
}
