import { randomUUID } from 'node:crypto';
import type { CustomerDetail, CustomerSummary } from '../../../shared/contract';
import { maskBsn } from '../../../shared/bsn';
import type { Db } from './database';
import type { CustomerRecord } from './records';

interface CustomerRow {
  id: string;
  soort: 'persoon' | 'organisatie';
  naam: string;
  bsn: string | null;
  kvk_nummer: string | null;
  vestigingsnummer: string | null;
  adres: string | null;
  telefoonnummers: string;
  emailadressen: string;
  geheimhouding: number;
  fetched_at: string;
  dossier_refreshed_at: string | null;
  source_url: string;
}

const SUMMARY_COLUMNS = 'c.id, c.soort, c.naam, c.bsn, c.kvk_nummer, c.adres';

function toSummary(row: Pick<CustomerRow, 'id' | 'soort' | 'naam' | 'bsn' | 'kvk_nummer' | 'adres'>): CustomerSummary {
  return {
    id: row.id,
    soort: row.soort,
    naam: row.naam,
    bsnMasked: row.bsn ? maskBsn(row.bsn) : null,
    kvkNummer: row.kvk_nummer,
    adres: row.adres,
  };
}

/** Turns what a clerk typed into an FTS5 query: every word a quoted prefix, all required. */
export function nameQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replaceAll('"', '')}"*`).join(' ');
}

export class CustomerStore {
  private readonly byBsn;
  private readonly byKvk;
  private readonly byName;
  private readonly byId;
  private readonly bySourceUrl;
  private readonly upsertStmt;
  private readonly touchStmt;
  private readonly refreshedStmt;

  constructor(private readonly db: Db) {
    this.byBsn = db.prepare<[string, number], CustomerRow>(`SELECT ${SUMMARY_COLUMNS} FROM customers c WHERE c.bsn = ? LIMIT ?`);
    this.byKvk = db.prepare<[string, number], CustomerRow>(`SELECT ${SUMMARY_COLUMNS} FROM customers c WHERE c.kvk_nummer = ? LIMIT ?`);
    this.byName = db.prepare<[string, number], CustomerRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM customers_fts f JOIN customers c ON c.rowid = f.rowid
       WHERE customers_fts MATCH ? ORDER BY bm25(customers_fts, 10.0, 1.0), c.naam LIMIT ?`,
    );
    this.byId = db.prepare<[string], CustomerRow>('SELECT * FROM customers WHERE id = ?');
    this.bySourceUrl = db.prepare<[string], { id: string }>('SELECT id FROM customers WHERE source_url = ?');
    this.upsertStmt = db.prepare(
      `INSERT INTO customers (id, source_url, soort, naam, bsn, kvk_nummer, vestigingsnummer, adres, telefoonnummers, emailadressen, geheimhouding, fetched_at)
       VALUES (@id, @sourceUrl, @soort, @naam, @bsn, @kvkNummer, @vestigingsnummer, @adres, @telefoonnummers, @emailadressen, @geheimhouding, @fetchedAt)
       ON CONFLICT (source_url) DO UPDATE SET soort = excluded.soort, naam = excluded.naam, bsn = excluded.bsn,
         kvk_nummer = excluded.kvk_nummer, vestigingsnummer = excluded.vestigingsnummer, adres = excluded.adres,
         telefoonnummers = excluded.telefoonnummers, emailadressen = excluded.emailadressen,
         geheimhouding = excluded.geheimhouding, fetched_at = excluded.fetched_at`,
    );
    this.touchStmt = db.prepare('UPDATE customers SET last_used_at = ? WHERE id = ?');
    this.refreshedStmt = db.prepare('UPDATE customers SET dossier_refreshed_at = ? WHERE id = ?');
  }

  /** By BSN (9 digits, exact), KvK-nummer (8 digits, exact) or name/address words (prefixes). */
  search(query: string, limit: number): CustomerSummary[] {
    const digits = query.replace(/[\s.-]/g, '');
    if (/^\d{9}$/.test(digits)) return this.byBsn.all(digits, limit).map(toSummary);
    if (/^\d{8}$/.test(digits)) return this.byKvk.all(digits, limit).map(toSummary);
    const match = nameQuery(query);
    return match ? this.byName.all(match, limit).map(toSummary) : [];
  }

  get(id: string): (CustomerDetail & { sourceUrl: string; bsn: string | null; refreshedAt: string | null }) | undefined {
    const row = this.byId.get(id);
    if (!row) return undefined;
    return {
      ...toSummary(row),
      telefoonnummers: JSON.parse(row.telefoonnummers) as string[],
      emailadressen: JSON.parse(row.emailadressen) as string[],
      geheimhouding: row.geheimhouding === 1,
      fetchedAt: row.fetched_at,
      sourceUrl: row.source_url,
      bsn: row.bsn,
      refreshedAt: row.dossier_refreshed_at,
    };
  }

  /** Inserts or updates by source URL; returns the local id (stable across refreshes). */
  upsert(record: CustomerRecord, fetchedAt: string): string {
    const existing = this.bySourceUrl.get(record.sourceUrl);
    const id = existing?.id ?? randomUUID();
    this.upsertStmt.run({
      ...record,
      id,
      telefoonnummers: JSON.stringify(record.telefoonnummers),
      emailadressen: JSON.stringify(record.emailadressen),
      geheimhouding: record.geheimhouding ? 1 : 0,
      fetchedAt,
    });
    return id;
  }

  upsertMany(records: readonly CustomerRecord[], fetchedAt: string): void {
    this.db.transaction(() => {
      for (const record of records) this.upsert(record, fetchedAt);
    })();
  }

  markUsed(id: string, at: string): void {
    this.touchStmt.run(at, id);
  }

  markRefreshed(id: string, at: string): void {
    this.refreshedStmt.run(at, id);
  }
}
