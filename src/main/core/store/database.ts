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

/** Opens (and migrates) the local store: WAL, synchronous=NORMAL, foreign keys on. One writer. */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
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
