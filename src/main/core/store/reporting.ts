import type { Db } from './database';

/** One klantcontact as the team leader's figures need it: no inhoud, no partij, no citizen's name. */
export interface ReportContactRecord {
  sourceUrl: string;
  /** ISO instant. */
  plaatsgevondenOp: string;
  kanaal: string;
  onderwerp: string;
  afdeling: string | null;
  gespreksresultaat: string | null;
  /** The medewerker who had the contact (actor name). */
  medewerker: string | null;
}

export type ReportDimensie = 'kanaal' | 'onderwerp' | 'afdeling' | 'gespreksresultaat';

export interface ReportSyncState {
  /** The next page of the first full read; null once it is done. */
  backfillPage: number | null;
  backfillDoneAt: string | null;
  lastReadAt: string | null;
}

/**
 * Every klantcontact of the municipality, for reporting (migration 008). Rows are upserted by
 * source URL; triggers keep the per-day counts in `report_contact_days` exact, and the figures
 * are read from those counts.
 */
export class ReportingStore {
  private readonly upsert;
  private readonly totalsStmt;
  private readonly perWeekStmt;
  private readonly syncStmt;

  constructor(private readonly db: Db) {
    // Unchanged rows are left alone: no trigger churn when a page is read again.
    this.upsert = db.prepare<{ sourceUrl: string; plaatsgevondenOp: string; dag: string; kanaal: string; onderwerp: string; afdeling: string | null; gespreksresultaat: string | null; medewerker: string | null; fetchedAt: string }>(
      `INSERT INTO report_contacts (source_url, plaatsgevonden_op, dag, kanaal, onderwerp, afdeling, gespreksresultaat, medewerker, fetched_at)
       VALUES (@sourceUrl, @plaatsgevondenOp, @dag, @kanaal, @onderwerp, @afdeling, @gespreksresultaat, @medewerker, @fetchedAt)
       ON CONFLICT (source_url) DO UPDATE SET plaatsgevonden_op = excluded.plaatsgevonden_op, dag = excluded.dag, kanaal = excluded.kanaal,
         onderwerp = excluded.onderwerp, afdeling = excluded.afdeling, gespreksresultaat = excluded.gespreksresultaat,
         medewerker = excluded.medewerker, fetched_at = excluded.fetched_at
       WHERE report_contacts.plaatsgevonden_op IS NOT excluded.plaatsgevonden_op OR report_contacts.kanaal IS NOT excluded.kanaal
         OR report_contacts.onderwerp IS NOT excluded.onderwerp OR report_contacts.afdeling IS NOT excluded.afdeling
         OR report_contacts.gespreksresultaat IS NOT excluded.gespreksresultaat OR report_contacts.medewerker IS NOT excluded.medewerker`,
    );
    this.totalsStmt = db.prepare<[string, string], { dimensie: ReportDimensie; waarde: string; aantal: number }>(
      `SELECT dimensie, waarde, sum(aantal) AS aantal FROM report_contact_days
       WHERE dimensie IN ('kanaal', 'onderwerp', 'afdeling', 'gespreksresultaat') AND dag BETWEEN ? AND ?
       GROUP BY dimensie, waarde HAVING sum(aantal) > 0 ORDER BY dimensie, aantal DESC, waarde`,
    );
    // A week starts on Monday (date(dag, '-6 days', 'weekday 1')), or on the period's first day.
    this.perWeekStmt = db.prepare<{ dimensie: ReportDimensie; van: string; tot: string }, { week: string; waarde: string; aantal: number }>(
      `SELECT max(@van, date(dag, '-6 days', 'weekday 1')) AS week, waarde, sum(aantal) AS aantal FROM report_contact_days
       WHERE dimensie = @dimensie AND dag BETWEEN @van AND @tot GROUP BY week, waarde HAVING sum(aantal) > 0 ORDER BY week, waarde`,
    );
    this.syncStmt = db.prepare<[], { backfill_page: number | null; backfill_done_at: string | null; last_read_at: string | null }>(
      'SELECT backfill_page, backfill_done_at, last_read_at FROM report_sync WHERE id = 1',
    );
  }

  /** Upserts records in one transaction; `dagOf` gives the local date an instant counts for. */
  upsertMany(records: readonly ReportContactRecord[], dagOf: (iso: string) => string, fetchedAt: string): void {
    this.db.transaction(() => {
      for (const r of records) {
        this.upsert.run({ ...r, dag: dagOf(r.plaatsgevondenOp), fetchedAt });
      }
    })();
  }

  /** Contacts the figures cannot count (a moment outside the calendar), kept by URL: counted once however often read. */
  skip(records: readonly { sourceUrl: string; plaatsgevondenOp: string; reden: string }[], at: string): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO report_skipped (source_url, plaatsgevonden_op, reden, skipped_at) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const r of records) insert.run(r.sourceUrl, r.plaatsgevondenOp, r.reden, at);
    })();
  }

  /** How many contacts were left out of the figures. */
  skippedCount(): number {
    return this.db.prepare('SELECT count(*) FROM report_skipped').pluck().get() as number;
  }

  /** The newest contact read so far (the incremental read stops below it). */
  newestAt(): string | null {
    return this.db.prepare<[], { at: string | null }>('SELECT max(plaatsgevonden_op) AS at FROM report_contacts').get()?.at ?? null;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) FROM report_contacts').pluck().get() as number) ?? 0;
  }

  syncState(): ReportSyncState {
    const row = this.syncStmt.get();
    if (!row) return { backfillPage: 1, backfillDoneAt: null, lastReadAt: null };
    return { backfillPage: row.backfill_page, backfillDoneAt: row.backfill_done_at, lastReadAt: row.last_read_at };
  }

  /** The first full read got past `page`; null: it reached the end at `at`. */
  setBackfillPage(page: number | null, at: string): void {
    this.db.prepare('UPDATE report_sync SET backfill_page = ?, backfill_done_at = CASE WHEN ? IS NULL THEN ? ELSE backfill_done_at END WHERE id = 1').run(page, page, at);
  }

  markRead(at: string): void {
    this.db.prepare('UPDATE report_sync SET last_read_at = ? WHERE id = 1').run(at);
  }

  /** Contacts per value of each dimension over local dates `van`..`tot` (inclusive), most first. */
  totals(van: string, tot: string): Record<ReportDimensie, { waarde: string; aantal: number }[]> {
    const totals: Record<ReportDimensie, { waarde: string; aantal: number }[]> = { kanaal: [], onderwerp: [], afdeling: [], gespreksresultaat: [] };
    for (const { dimensie, waarde, aantal } of this.totalsStmt.all(van, tot)) totals[dimensie].push({ waarde, aantal });
    return totals;
  }

  /** Contacts per week and value of one dimension over `van`..`tot`; the first week starts at `van`. */
  perWeek(dimensie: ReportDimensie, van: string, tot: string): { week: string; waarde: string; aantal: number }[] {
    return this.perWeekStmt.all({ dimensie, van, tot });
  }
}
