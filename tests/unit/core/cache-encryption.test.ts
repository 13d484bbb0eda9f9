/**
 * The local cache encrypted at rest (issue 12): the file reads as noise (no SQLite header, no
 * name from the data in its bytes), FTS5 search works through the key, a wrong key is refused
 * in Dutch, a plain cache from an older version is encrypted once in place, and the files are
 * readable by their owner only.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CacheKeyMismatchError, isPlainDatabase, openDatabase, useCacheKey } from '../../../src/main/core/store/database';
import { CACHE_KEY_ENV, CACHE_KEY_FILE, CacheKeyError, cacheKeyFor, newCacheKey } from '../../../src/main/core/store/cache-key';
import { Store } from '../../../src/main/core/store';
import { person } from '../../support/records';
import { tempDir } from '../../support/tmp';

const NOW = '2026-06-01T09:00:00.000Z';
const CHILD = join(import.meta.dirname, '../../support/open-cache-child.ts');
const posix = process.platform !== 'win32';
const mode = (file: string) => statSync(file).mode & 0o777;
let dir: ReturnType<typeof tempDir>;
let file: string;

beforeEach(() => {
  dir = tempDir();
  file = join(dir.path, 'kb.sqlite');
});
afterEach(() => dir.remove());

/** Every byte the cache has on disk: the database and whatever -wal/-shm/-journal lies beside it. */
const bytesOnDisk = () =>
  Buffer.concat(readdirSync(dir.path).filter((name) => name.startsWith('kb.sqlite')).map((name) => readFileSync(join(dir.path, name))));

function fill(store: Store): void {
  store.customers.upsertMany(
    [person({ naam: 'Bert Burger', emailadressen: ['bert.burger@example.nl'] }), person({ naam: 'Zwaantje Zilverberg', bsn: '999990019' })],
    NOW,
  );
}

describe('the encrypted cache', () => {
  it('reads as noise on disk, also its WAL, while name search (FTS5) works through the key', () => {
    const key = newCacheKey();
    const store = Store.open(file, { key });
    fill(store);
    expect(store.customers.search('Burger', 10).map((c) => c.naam)).toEqual(['Bert Burger']);
    expect(existsSync(`${file}-wal`)).toBe(true); // the WAL is checked too, before a checkpoint folds it in
    for (const bytes of [bytesOnDisk(), readFileSync(file)]) {
      expect(bytes.includes('Burger')).toBe(false);
      expect(bytes.includes('Zilverberg')).toBe(false);
      expect(bytes.includes('999993653')).toBe(false);
      expect(bytes.includes('example.nl')).toBe(false);
    }
    store.close();
    expect(isPlainDatabase(file)).toBe(false);
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const reopened = Store.open(file, { key });
    expect(reopened.customers.search('Zilver', 10).map((c) => c.naam)).toEqual(['Zwaantje Zilverberg']);
    reopened.close();
  });

  it('cannot be read without the key, and another key is refused in Dutch without touching the file', () => {
    const store = Store.open(file, { key: newCacheKey() });
    fill(store);
    store.close();
    const before = readFileSync(file);
    const raw = new Database(file);
    expect(() => raw.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/not a database/);
    raw.close();
    expect(() => openDatabase(file, { key: newCacheKey() })).toThrow(CacheKeyMismatchError);
    expect(() => openDatabase(file, { key: newCacheKey() })).toThrow(/andere sleutel/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('encrypts a plain cache from an older version once, in place: same rows, no plain file or side file left', () => {
    const plain = Store.open(file);
    fill(plain);
    const rows = plain.db.prepare('SELECT naam, bsn FROM customers ORDER BY naam').all();
    plain.close();
    // A plain cache as an older Klantbeeld leaves it (WAL mode, a last change).
    const older = new Database(file);
    older.pragma('journal_mode = WAL');
    older.prepare(`UPDATE customers SET naam = 'Bert Burger-de Wit' WHERE naam = 'Bert Burger'`).run();
    expect(isPlainDatabase(file)).toBe(true);
    expect(readFileSync(file).includes('Zilverberg')).toBe(true);
    const key = newCacheKey();
    older.close();

    const store = Store.open(file, { key });
    const expected = rows.map((row) => ((row as { naam: string }).naam === 'Bert Burger' ? { ...(row as object), naam: 'Bert Burger-de Wit' } : row));
    expect(store.db.prepare('SELECT naam, bsn FROM customers ORDER BY naam').all()).toEqual(expected);
    expect(store.customers.search('Burger', 10).map((c) => c.naam)).toEqual(['Bert Burger-de Wit']);
    store.close();

    expect(isPlainDatabase(file)).toBe(false);
    expect(existsSync(`${file}-journal`)).toBe(false);
    expect(bytesOnDisk().includes('Zilverberg')).toBe(false);
    expect(bytesOnDisk().includes('de Wit')).toBe(false);
    // Once: the next open just keys it.
    const again = Store.open(file, { key });
    expect(again.db.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 2 });
    again.close();
  });

  it('recovers when the one-time encryption is cut off halfway (the process killed): same rows, then encrypted', async () => {
    const plain = Store.open(file);
    // About 16 MB, so the encryption takes long enough to be caught in the middle.
    plain.db.exec('CREATE TABLE ballast (x BLOB)');
    const insert = plain.db.prepare('INSERT INTO ballast VALUES (randomblob(4000))');
    plain.transaction(() => {
      for (let i = 0; i < 4_000; i++) insert.run();
    });
    fill(plain);
    plain.close();
    const key = newCacheKey();
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, key.toString('hex')], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Killed in the middle: the rekey's rollback journal is there and the first page already encrypted.
    await vi.waitFor(() => expect(existsSync(`${file}-journal`) && !isPlainDatabase(file)).toBe(true), { timeout: 30_000, interval: 1 });
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(`${file}-journal`)).toBe(true);

    const store = Store.open(file, { key });
    expect(store.customers.search('Zilverberg', 10).map((c) => c.naam)).toEqual(['Zwaantje Zilverberg']);
    expect(store.db.prepare('SELECT count(*) AS n FROM ballast').get()).toEqual({ n: 4_000 });
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    store.close();
    expect(isPlainDatabase(file)).toBe(false);
    expect(existsSync(`${file}-journal`)).toBe(false);
  });

  it('opens an encrypted cache that has a rollback journal of its own beside it (cut off before WAL mode was on)', () => {
    const key = newCacheKey();
    const store = Store.open(file, { key });
    fill(store);
    store.close();
    // A hot journal as a crash in rollback mode leaves it: written by a keyed connection, then the process gone.
    const keyed = new Database(file);
    useCacheKey(keyed, key, file);
    keyed.pragma('journal_mode = DELETE');
    keyed.pragma('cache_size = 1');
    keyed.exec('BEGIN');
    keyed.prepare(`UPDATE customers SET naam = 'Half geschreven'`).run();
    copyFileSync(`${file}-journal`, `${file}.hot`);
    keyed.exec('ROLLBACK');
    keyed.close();
    copyFileSync(`${file}.hot`, `${file}-journal`);
    rmSync(`${file}.hot`);

    const reopened = Store.open(file, { key });
    expect(reopened.customers.search('Burger', 10).map((c) => c.naam)).toEqual(['Bert Burger']);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it.runIf(posix)('keeps the database, its WAL and SHM readable by their owner only, also when an older file was 0644', () => {
    const store = Store.open(file, { key: newCacheKey() });
    fill(store);
    for (const name of ['', '-wal', '-shm']) expect(mode(`${file}${name}`)).toBe(0o600);
    store.close();

    const old = join(dir.path, 'old.sqlite');
    const plain = new Database(old);
    plain.pragma('journal_mode = WAL');
    plain.exec('CREATE TABLE t (x)');
    plain.close();
    expect(mode(old)).toBe(0o644 & ~process.umask());
    const reopened = openDatabase(old, { key: newCacheKey() });
    reopened.exec('INSERT INTO t VALUES (1)');
    for (const name of ['', '-wal', '-shm']) expect(mode(`${old}${name}`)).toBe(0o600);
    reopened.close();
  });
});

describe('the cache key of the browser host', () => {
  it('comes from KLANTBEELD_CACHE_KEY, or is made once into the data folder, owner-only', () => {
    const given = newCacheKey();
    expect(cacheKeyFor(dir.path, { [CACHE_KEY_ENV]: given.toString('hex') }).equals(given)).toBe(true);
    expect(existsSync(join(dir.path, CACHE_KEY_FILE))).toBe(false);

    const made = cacheKeyFor(dir.path, {});
    expect(made.length).toBe(32);
    if (posix) expect(mode(join(dir.path, CACHE_KEY_FILE))).toBe(0o600);
    expect(cacheKeyFor(dir.path, {}).equals(made)).toBe(true);
  });

  it('refuses a malformed key in Dutch, without echoing it', () => {
    const attempt = () => cacheKeyFor(dir.path, { [CACHE_KEY_ENV]: 'geheim-wachtwoord' });
    expect(attempt).toThrow(CacheKeyError);
    expect(attempt).toThrow(/64 hexadecimale tekens/);
    expect(attempt).not.toThrow(/geheim-wachtwoord/);
  });
});
