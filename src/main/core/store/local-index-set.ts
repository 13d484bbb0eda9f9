/**
 * The workstation's working set (migration 013): which partijen its clerks opened and when, by
 * Open Klant URL only. It survives a sign-out so the next sign-in can re-read exactly these from
 * Open Klant (sync/local-index.ts); the rows with names and BSNs do not.
 */
import type { Db } from './database';

export class LocalIndexSet {
  private readonly workedStmt;
  private readonly sinceStmt;
  private readonly pruneStmt;

  constructor(db: Db) {
    this.workedStmt = db.prepare<{ id: string; at: string }>(
      `INSERT INTO local_index_set (source_url, worked_at) SELECT source_url, @at FROM customers WHERE id = @id
         ON CONFLICT (source_url) DO UPDATE SET worked_at = excluded.worked_at`,
    );
    this.sinceStmt = db.prepare<[string, number], { source_url: string }>('SELECT source_url FROM local_index_set WHERE worked_at >= ? ORDER BY worked_at DESC LIMIT ?');
    this.pruneStmt = db.prepare<[string]>('DELETE FROM local_index_set WHERE worked_at < ?');
  }

  /** A clerk worked with this customer now (opened it). */
  worked(customerId: string, at: string): void {
    this.workedStmt.run({ id: customerId, at });
  }

  /** The partij URLs worked with since `since`, newest first, at most `max`; older entries are removed. */
  since(since: string, max: number): string[] {
    this.pruneStmt.run(since);
    return this.sinceStmt.all(since, max).map((r) => r.source_url);
  }
}
