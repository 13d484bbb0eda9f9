import type { Db } from './database';

export interface DraftRow {
  id: string;
  customerId: string | null;
  data: unknown;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  customer_id: string | null;
  data: string;
  created_at: string;
  updated_at: string;
}

const toDraft = (row: Row): DraftRow => ({
  id: row.id,
  customerId: row.customer_id,
  data: JSON.parse(row.data) as unknown,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Open contacts as the clerk typed them, one row per open contact (several at once: two chats),
 * each with its owner: the medewerker who typed it. Another user on the same workstation neither
 * sees nor overwrites nor discards it. A draft from before owners (migration 010) goes to the
 * first user who lists drafts, once.
 */
export class DraftStore {
  private readonly saveStmt;
  private readonly claimStmt;
  private readonly listStmt;
  private readonly getStmt;
  private readonly deleteStmt;

  constructor(private readonly db: Db) {
    this.saveStmt = db.prepare(
      `INSERT INTO drafts (id, owner, customer_id, data, created_at, updated_at) VALUES (@id, @owner, @customerId, @data, @now, @now)
       ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, customer_id = excluded.customer_id, data = excluded.data, updated_at = excluded.updated_at
       WHERE drafts.owner IS NULL OR drafts.owner = excluded.owner`,
    );
    this.claimStmt = db.prepare('UPDATE drafts SET owner = ? WHERE owner IS NULL');
    this.listStmt = db.prepare<[string], Row>('SELECT * FROM drafts WHERE owner = ? ORDER BY created_at, id');
    this.getStmt = db.prepare<[string], Row>('SELECT * FROM drafts WHERE id = ?');
    this.deleteStmt = db.prepare('DELETE FROM drafts WHERE id = @id AND (owner IS NULL OR owner = @owner)');
  }

  /** False when the id is another user's draft (nothing written). */
  save(id: string, owner: string, customerId: string | null, data: unknown, now: string): boolean {
    return this.saveStmt.run({ id, owner, customerId, data: JSON.stringify(data), now }).changes > 0;
  }

  /** The owner's drafts; drafts without an owner (from before migration 010) become this owner's. */
  list(owner: string): DraftRow[] {
    return this.db.transaction(() => {
      this.claimStmt.run(owner);
      return this.listStmt.all(owner).map(toDraft);
    })();
  }

  get(id: string): DraftRow | undefined {
    const row = this.getStmt.get(id);
    return row ? toDraft(row) : undefined;
  }

  /** True when a draft of this owner (or without owner) was removed. */
  delete(id: string, owner: string): boolean {
    return this.deleteStmt.run({ id, owner }).changes > 0;
  }
}
