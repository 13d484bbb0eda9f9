import { randomUUID } from 'node:crypto';
import type { SyncState, ZaakItem } from '../../../shared/contract';
import type { Db } from './database';
import type { ZaakRecord } from './records';

interface ZaakRow {
  id: string;
  source_url: string;
  identificatie: string;
  omschrijving: string;
  zaaktype: string;
  status: string | null;
  startdatum: string;
  einddatum_gepland: string | null;
  uiterlijke_einddatum_afdoening: string | null;
  einddatum: string | null;
  sync_state: SyncState;
  sync_error: string | null;
}

function toItem(row: ZaakRow): ZaakItem {
  return {
    id: row.id,
    identificatie: row.identificatie,
    omschrijving: row.omschrijving,
    zaaktype: row.zaaktype,
    status: row.status,
    startdatum: row.startdatum,
    einddatumGepland: row.einddatum_gepland,
    uiterlijkeEinddatumAfdoening: row.uiterlijke_einddatum_afdoening,
    einddatum: row.einddatum,
    // Only zaken started here carry a state; those from the source are simply there.
    ...(row.sync_state === 'sent' ? {} : { syncState: row.sync_state, syncError: row.sync_error }),
  };
}

export class ZaakStore {
  private readonly listStmt;
  private readonly upsertStmt;
  private readonly urlsStmt;
  private readonly deleteStmt;

  constructor(private readonly db: Db) {
    this.listStmt = db.prepare<[string, number], ZaakRow>(
      'SELECT * FROM zaken WHERE customer_id = ? ORDER BY startdatum DESC LIMIT ?',
    );
    this.upsertStmt = db.prepare(
      `INSERT INTO zaken (id, customer_id, source_url, identificatie, omschrijving, zaaktype, status, startdatum,
         einddatum_gepland, uiterlijke_einddatum_afdoening, einddatum, fetched_at)
       VALUES (@id, @customerId, @sourceUrl, @identificatie, @omschrijving, @zaaktype, @status, @startdatum,
         @einddatumGepland, @uiterlijkeEinddatumAfdoening, @einddatum, @fetchedAt)
       ON CONFLICT (customer_id, source_url) DO UPDATE SET identificatie = excluded.identificatie,
         omschrijving = excluded.omschrijving, zaaktype = excluded.zaaktype, status = excluded.status,
         startdatum = excluded.startdatum, einddatum_gepland = excluded.einddatum_gepland,
         uiterlijke_einddatum_afdoening = excluded.uiterlijke_einddatum_afdoening,
         einddatum = excluded.einddatum, fetched_at = excluded.fetched_at`,
    );
    // Zaken started here and not yet acknowledged are never removed by a refresh.
    this.urlsStmt = db.prepare<[string], { source_url: string }>(
      "SELECT source_url FROM zaken WHERE customer_id = ? AND sync_state = 'sent'",
    );
    this.deleteStmt = db.prepare('DELETE FROM zaken WHERE customer_id = ? AND source_url = ?');
  }

  /** Open and closed zaken of one customer, newest start first; the renderer splits them. */
  list(customerId: string, limit: number): ZaakItem[] {
    return this.listStmt.all(customerId, limit).map(toItem);
  }

  replace(customerId: string, records: readonly ZaakRecord[], fetchedAt: string, complete: boolean): void {
    const seen = new Set(records.map((r) => r.sourceUrl));
    for (const record of records) this.upsertStmt.run({ ...record, id: randomUUID(), customerId, fetchedAt });
    if (!complete) return;
    for (const { source_url } of this.urlsStmt.all(customerId)) {
      if (!seen.has(source_url)) this.deleteStmt.run(customerId, source_url);
    }
  }
}
