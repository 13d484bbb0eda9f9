import Database from 'better-sqlite3-multiple-ciphers';
import { INDEXES, TABLES } from './schema';

export type Db = Database.Database;

/** Opens (and creates) the demo database in WAL mode with the schema in place. */
export function openDemoDb(dbPath: string): Db {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -65536');
  db.exec(TABLES);
  return db;
}

export function createIndexes(db: Db, analyze = true): void {
  db.pragma('threads = 2');
  db.exec(INDEXES);
  if (analyze) {
    db.pragma('analysis_limit = 1000');
    db.exec('ANALYZE');
  }
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM demo_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO demo_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
