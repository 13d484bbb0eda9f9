/**
 * The retention purge when it covers a whole table (docs/privacy.md, docs/benchmarks.md).
 *
 * Deleting rows one by one costs about 25 µs a row even in one transaction (every row leaves
 * three indexes keyed by random uuids and URLs), and far more in the short transactions that keep
 * lookups answered: 100k dossiers (1.3M rows) took six minutes. When every row of `contacts` or
 * `zaken` is to go (every dossier expired, or sign-out), SQLite can instead drop the table's pages
 * at once ("truncate optimisation", a few hundred ms for 1M rows). It does that only for a
 * DELETE without WHERE on a table without triggers that no enabled foreign key involves, so the
 * delete runs with foreign keys off: safe for a child table (removing a child never breaks a
 * reference), and nothing references `contacts` or `zaken`.
 *
 * Each check runs in the same transaction as its delete, so a row written meanwhile (the core is
 * single-threaded, but between two purge steps a clerk may open a customer) is seen.
 */
import type { Db } from '../store';

const UNSENT = "SELECT entity_id FROM outbox WHERE state != 'done'";

/** `PRAGMA foreign_keys` is a no-op inside a transaction: switch it around the whole one. */
function withoutForeignKeys<T>(db: Db, work: () => T): T {
  db.pragma('foreign_keys = OFF');
  try {
    return db.transaction(work)();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/**
 * Some row of the dossier table `table` must stay: its customer is not expired (or has an open
 * draft), it is not acknowledged, or an outbox entry for it is still open. The cheap checks come
 * first, so a partial purge (the usual hourly run) finds a keeper at once and never scans.
 */
const someRowStays = (table: 'contacts' | 'zaken') => `SELECT
     EXISTS (SELECT 1 FROM customers u WHERE (u.last_used_at IS NULL OR u.last_used_at >= @cutoff OR u.id IN (SELECT customer_id FROM drafts WHERE customer_id IS NOT NULL))
       AND EXISTS (SELECT 1 FROM ${table} t WHERE t.customer_id = u.id))
  OR EXISTS (SELECT 1 FROM ${table} WHERE id IN (${UNSENT}))
  OR EXISTS (SELECT 1 FROM ${table} WHERE sync_state != 'sent')`;

export interface WholeTables {
  contacts: number;
  zaken: number;
  zaakDetails: number;
}

/**
 * Every contact (with its articles) and every zaak (with its cached detail) whose dossier expired
 * before `cutoff`, when that is all of them; otherwise nothing (the chunked purge does the rest).
 * Two transactions, one per table, with a yield between them for waiting lookups.
 */
export async function purgeWholeDossierTables(db: Db, cutoff: string, yieldToLookups: () => Promise<void>): Promise<WholeTables> {
  const removed: WholeTables = { contacts: 0, zaken: 0, zaakDetails: 0 };
  const stays = (table: 'contacts' | 'zaken') => (db.prepare(someRowStays(table)).pluck().get({ cutoff }) as number) === 1;
  withoutForeignKeys(db, () => {
    if (stays('contacts')) return;
    // Driven from the few articles (a probe each), not from a list of a million contact ids.
    db.prepare('DELETE FROM contact_articles WHERE EXISTS (SELECT 1 FROM contacts t WHERE t.id = contact_articles.contact_id)').run();
    removed.contacts = db.prepare('DELETE FROM contacts').run().changes;
  });
  await yieldToLookups();
  withoutForeignKeys(db, () => {
    if (stays('zaken')) return;
    // zaken has no index on source_url alone: the list of every zaak's URL is built only when there are details at all.
    const anyDetails = db.prepare('SELECT EXISTS (SELECT 1 FROM zaak_details)').pluck().get() === 1;
    if (anyDetails) removed.zaakDetails = db.prepare('DELETE FROM zaak_details WHERE source_url IN (SELECT source_url FROM zaken)').run().changes;
    removed.zaken = db.prepare('DELETE FROM zaken').run().changes;
  });
  return removed;
}

/**
 * Sign-out, the search index: every partij row, when nothing still needs one (no dossier row,
 * callback, draft or unsent outbox entry for any customer); returns how many went, or null when
 * something stays (then the rows go one by one). The FTS delete trigger would cost a 'delete'
 * per row and keep the tokens in tombstoned segments; instead, in the same transaction, the
 * trigger is set aside, the table truncated, the index emptied with FTS5's 'delete-all' and the
 * trigger restored from its own stored SQL.
 */
export function dropWholeSearchIndex(db: Db): number | null {
  // Nothing there (a second sign-out step): no schema change for nothing, every prepared statement would re-prepare.
  if (db.prepare('SELECT EXISTS (SELECT 1 FROM customers)').pluck().get() === 0) return 0;
  return withoutForeignKeys(db, () => {
    const needed = db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM zaken) OR EXISTS (SELECT 1 FROM callbacks)
           OR EXISTS (SELECT 1 FROM drafts WHERE customer_id IS NOT NULL)
           OR EXISTS (SELECT 1 FROM outbox WHERE state != 'done' AND json_extract(payload, '$.customerId') IS NOT NULL)`,
      )
      .pluck()
      .get() as number;
    if (needed === 1) return null;
    const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'customers_fts_ad'").pluck().get() as string;
    db.prepare('DELETE FROM customer_contact_points').run();
    db.exec('DROP TRIGGER customers_fts_ad');
    const removed = db.prepare('DELETE FROM customers').run().changes;
    db.prepare("INSERT INTO customers_fts (customers_fts) VALUES ('delete-all')").run();
    db.exec(trigger);
    return removed;
  });
}
