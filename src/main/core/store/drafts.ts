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

/** Open contacts as the clerk typed them, one row per open contact (several at once: two chats). */
export class DraftStore {
  private readonly saveStmt;
  private readonly listStmt;
  private readonly getStmt;
  private readonly deleteStmt;

  constructor(db: Db) {
    this.saveStmt = db.prepare(
      `INSERT INTO drafts (id, customer_id, data, created_at, updated_at) VALUES (@id, @customerId, @data, @now, @now)
       ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, data = excluded.data, updated_at = excluded.updated_at`,
    );
    this.listStmt = db.prepare<[], Row>('SELECT * FROM drafts ORDER BY created_at, id');
    this.getStmt = db.prepare<[string], Row>('SELECT * FROM drafts WHERE id = ?');
    this.deleteStmt = db.prepare('DELETE FROM drafts WHERE id = ?');
  }

  save(id: string, customerId: string | null, data: unknown, now: string): void {
    this.saveStmt.run({ id, customerId, data: JSON.stringify(data), now });
  }

  list(): DraftRow[] {
    return this.listStmt.all().map(toDraft);
  }

  get(id: string): DraftRow | undefined {
    const row = this.getStmt.get(id);
    return row ? toDraft(row) : undefined;
  }

  /** True when a draft was removed. */
  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0;
  }
}
