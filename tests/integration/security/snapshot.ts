/**
 * A fingerprint of every table in a store: row count and a hash of the contents. Two equal
 * snapshots mean nothing was written in between, not even half.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';

export type TableSnapshot = Record<string, { rows: number; hash: string }>;

const encode = (value: unknown) => (Buffer.isBuffer(value) ? `x'${value.toString('hex')}'` : JSON.stringify(value));

export function snapshotTables(db: Database.Database): TableSnapshot {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const snapshot: TableSnapshot = {};
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).raw().all() as unknown[][];
    const lines = rows.map((row) => row.map(encode).join(',')).sort();
    snapshot[table] = { rows: rows.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16) };
  }
  return snapshot;
}

/** The snapshot without the tables a refused call may write to (e.g. an append-only log). */
export function without(snapshot: TableSnapshot, tables: readonly string[]): TableSnapshot {
  return Object.fromEntries(Object.entries(snapshot).filter(([name]) => !tables.includes(name)));
}
