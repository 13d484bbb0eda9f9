import type { ZaakDetailRecord } from '../adapters/types';
import type { Db } from './database';

/** The last live zaak detail per zaak URL (migration 003), shown when the zaaksysteem is away. */
export class ZaakDetailStore {
  private readonly zaakStmt;
  private readonly getStmt;
  private readonly putStmt;

  constructor(db: Db) {
    this.zaakStmt = db.prepare<[string], { source_url: string; customer_id: string }>('SELECT source_url, customer_id FROM zaken WHERE id = ?');
    this.getStmt = db.prepare<[string], { body: string; fetched_at: string }>('SELECT body, fetched_at FROM zaak_details WHERE source_url = ?');
    this.putStmt = db.prepare(
      `INSERT INTO zaak_details (source_url, body, fetched_at) VALUES (?, ?, ?)
       ON CONFLICT (source_url) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at`,
    );
  }

  zaak(zaakId: string): { sourceUrl: string; customerId: string } | undefined {
    const row = this.zaakStmt.get(zaakId);
    return row ? { sourceUrl: row.source_url, customerId: row.customer_id } : undefined;
  }

  get(sourceUrl: string): { detail: ZaakDetailRecord; fetchedAt: string } | undefined {
    const row = this.getStmt.get(sourceUrl);
    return row ? { detail: JSON.parse(row.body) as ZaakDetailRecord, fetchedAt: row.fetched_at } : undefined;
  }

  put(sourceUrl: string, detail: ZaakDetailRecord, fetchedAt: string): void {
    this.putStmt.run(sourceUrl, JSON.stringify(detail), fetchedAt);
  }
}
