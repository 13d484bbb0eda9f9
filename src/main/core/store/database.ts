import { chmodSync, closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { LATEST_VERSION, migrations } from './migrations';

export type Db = Database.Database;

export class NewerDatabaseError extends Error {
  constructor(found: number) {
    super(
      `Deze database is gemaakt door een nieuwere versie van Klantbeeld (schema ${found}, deze versie kent tot ${LATEST_VERSION}). ` +
        'Werk Klantbeeld bij; de database blijft onaangeroerd.',
    );
    this.name = 'NewerDatabaseError';
  }
}

/** The cache exists but this key does not open it (another installation's key, or the key was lost). */
export class CacheKeyMismatchError extends Error {
  constructor(file: string) {
    super(
      `De lokale cache (${file}) is versleuteld met een andere sleutel dan deze installatie heeft, en kan dus niet worden gelezen. ` +
        'Er is niets gewist. Vraag de beheerder: als de oude sleutel niet terug te halen is, verwijder dan dit bestand ' +
        '(en de bestanden ernaast met -wal en -shm); Klantbeeld leest alles opnieuw uit het zaaksysteem, maar wat nog niet verzonden was, is dan verloren.',
    );
    this.name = 'CacheKeyMismatchError';
  }
}

/** 32 random bytes per installation (store/cache-key.ts); never logged. */
export type CacheKey = Buffer;

export interface OpenOptions {
  /** Encrypts the file (SQLCipher 4 format). Without it the file is plain: tests and benchmarks only. */
  key?: CacheKey;
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;
/** Owner-only on POSIX; on Windows the user profile's ACL does this (docs/security-privacy.md). */
const OWNER_ONLY = 0o600;
const ENCRYPTED_CACHE_KIB = 32 * 1024;

/** True for an unencrypted SQLite file: its first 16 bytes are the SQLite header. */
export function isPlainDatabase(file: string): boolean {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** SQLCipher 4 compatible (SQLite3MultipleCiphers' `sqlcipher` cipher, legacy 4); the key is raw, so no KDF is needed. */
function cipherPragmas(db: Db): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}

// The key is 32 bytes as 64 hex digits: nothing from outside reaches this SQL text.
const rawKey = (key: CacheKey) => `"x'${key.toString('hex')}'"`;

/**
 * A plain cache from before encryption, encrypted in place once: the WAL is folded in, then
 * `PRAGMA rekey` rewrites every page through a rollback journal (a crash leaves the plain
 * or the encrypted file, never half of each). No plain side file stays behind.
 */
function encryptPlainDatabase(file: string, key: CacheKey): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    cipherPragmas(db);
    db.pragma(`rekey = ${rawKey(key)}`);
  } finally {
    db.close();
  }
  for (const side of SIDE_FILES) rmSync(`${file}${side}`, { force: true });
}

/**
 * The cache runs in WAL mode, so a rollback journal beside it is left by an encryption that was
 * cut off (a crash, a kill): it holds the plain pages. Reading without a key plays it back,
 * restoring the plain file, which is then encrypted again from the start. (A journal of an
 * encrypted file, cut off before WAL mode was on, is played back as the bytes it holds, and the
 * read then finds the file encrypted: nothing to do here.)
 */
function rollBackInterruptedEncryption(file: string): void {
  const db = new Database(file);
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_NOTADB') throw error;
  } finally {
    db.close();
  }
}

/**
 * Keys a fresh connection to the encrypted cache (also a read-only one, as tests and tools
 * open it) and checks the key. Temporary tables stay in memory, never in a plain temp file.
 */
export function useCacheKey(db: Db, key: CacheKey, file: string): void {
  cipherPragmas(db);
  db.pragma(`key = ${rawKey(key)}`);
  db.pragma('temp_store = MEMORY');
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new CacheKeyMismatchError(file);
    throw error;
  }
  // Every page read from disk is decrypted and its HMAC checked: keep more decrypted pages (32 MiB
  // instead of SQLite's 2 MiB), so search as you type reads the FTS index from memory (docs/benchmarks.md).
  db.pragma(`cache_size = -${ENCRYPTED_CACHE_KIB}`);
}

function ownerOnly(file: string): void {
  if (process.platform === 'win32') return;
  for (const path of [file, ...SIDE_FILES.map((side) => `${file}${side}`)]) {
    if (existsSync(path)) chmodSync(path, OWNER_ONLY);
  }
}

/**
 * Opens (and migrates) the local store: WAL, synchronous=NORMAL, foreign keys on. One writer.
 * With a key the file is encrypted (a plain one from an older version is encrypted first).
 * The file is created owner-only, and SQLite gives its -wal and -shm the same mode.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const { key } = options;
  if (!existsSync(file)) closeSync(openSync(file, 'a', OWNER_ONLY));
  ownerOnly(file);
  if (key && existsSync(`${file}-journal`)) rollBackInterruptedEncryption(file);
  if (key && isPlainDatabase(file)) encryptPlainDatabase(file, key);
  const db = new Database(file);
  try {
    if (key) useCacheKey(db, key, file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    ownerOnly(file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new NewerDatabaseError(current);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
