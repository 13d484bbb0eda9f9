/**
 * Retention of cached personal data (issue 7, docs/privacy.md). A customer's dossier (contact
 * notes, zaken, zaak details, closed callbacks, acknowledged outbox entries) is removed after a
 * configurable number of werkdagen since the clerk last opened it (default 1: at the end of the
 * next werkdag). Never removed: anything with an unsent write (an outbox entry not yet
 * acknowledged, a pending or failed row), an open callback, an open draft.
 *
 * The partij search index (the `customers` rows the prefetch fills for search-as-you-type) holds
 * only search fields and is replaced from Open Klant on each refresh, so the purge keeps those
 * rows while the prefetch is on and drops them when it is off. Sign-out drops everything
 * personal, the index included (`purgeAll`).
 *
 * The work runs in chunks, each its own short transaction, yielding to the event loop between
 * them: a lookup waits for one chunk at most, never for the whole purge. The chunk size adapts
 * to a time budget per transaction (`chunkMs`), so a busy machine gets smaller ones. When every
 * row of a dossier table goes (every dossier expired, or sign-out), it goes as a whole table
 * first (whole-table.ts: row by row, 100k dossiers took six minutes; whole, a second or two).
 */
import type { Store } from '../store';
import { acknowledgedUpTo, VERWERKINGSACTIES_KIND } from '../sync/kinds/verwerkingsacties';
import { dropWholeSearchIndex, purgeWholeDossierTables } from './whole-table';

export interface Kalender {
  addWerkdagen(datum: string, n: number): string;
  lokaleDatum(instant: string | Date): string;
}

export interface RetentionOptions {
  /** Werkdagen after the day of last use at whose end the dossier goes (0: the same day). */
  bewaarWerkdagen: number;
  /** Keep the partij rows themselves (the search index), because the prefetch refills them anyway. */
  keepSearchIndex: boolean;
  /** Customers in the first transaction; later ones adapt to `chunkMs` (default 50). */
  chunk?: number;
  /** Time one transaction may hold the core (default 25 ms): lookups wait at most about this long. */
  chunkMs?: number;
  /** Days the local verwerkingenlog keeps rows already handed to the outbox; null: forever. */
  logBewaarDagen?: number | null;
}

export interface PurgeResult {
  customers: number;
  contacts: number;
  zaken: number;
  zaakDetails: number;
  callbacks: number;
  outbox: number;
  searchIndex: number;
  logRows: number;
  ms: number;
}

/** What happens to the partij rows (the search index): kept, dropped with an expired dossier, or all dropped (sign-out). */
type PartijRows = 'keep' | 'expired' | 'all';

const yieldToLookups = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Time one transaction may take on sign-out, when no one waits for a lookup. */
const SIGN_OUT_CHUNK_MS = 500;

/** The UTC instant of 00:00 in Amsterdam on `datum`. */
export function startOfLocalDay(kalender: Kalender, datum: string): Date {
  for (const offset of ['+01:00', '+02:00']) {
    const at = new Date(`${datum}T00:00:00${offset}`);
    if (kalender.lokaleDatum(at) === datum && kalender.lokaleDatum(new Date(at.getTime() - 1)) !== datum) return at;
  }
  throw new RangeError(`Geen middernacht gevonden voor ${datum}.`);
}

/**
 * Last use before this instant has expired at `now`: a use on day D expires at the end of the
 * `werkdagen`-th werkdag after D, so every day D whose expiry day lies before today is out.
 */
export function retentionCutoff(kalender: Kalender, now: Date, werkdagen: number): string {
  const today = kalender.lokaleDatum(now);
  let day = today;
  // Walk back from today to the last day whose expiry lies before today (at most a few weeks of holidays).
  for (let i = 0; i < 60 && kalender.addWerkdagen(day, werkdagen) >= today; i++) day = previousDay(day);
  return startOfLocalDay(kalender, nextDay(day)).toISOString();
}

function shiftDay(datum: string, days: number): string {
  const d = new Date(`${datum}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const previousDay = (datum: string) => shiftDay(datum, -1);
const nextDay = (datum: string) => shiftDay(datum, 1);

/** Rows with a write not yet acknowledged: an outbox entry not done points at them. */
const UNSENT = "SELECT entity_id FROM outbox WHERE state != 'done'";

export class Retention {
  private running: Promise<PurgeResult> | null = null;
  private readonly stmts;

  constructor(
    private readonly store: Store,
    private readonly kalender: Kalender,
    private readonly options: RetentionOptions,
    private readonly log: (line: string) => void = () => {},
  ) {
    const db = store.db;
    const ids = 'SELECT value FROM json_each(@ids)';
    this.stmts = {
      candidates: db.prepare<{ cutoff: string; lu: string; id: string; n: number }, { id: string; last_used_at: string }>(
        `SELECT c.id, c.last_used_at FROM customers c
         WHERE c.last_used_at IS NOT NULL AND c.last_used_at < @cutoff AND (c.last_used_at, c.id) > (@lu, @id)
         ORDER BY c.last_used_at, c.id LIMIT @n`,
      ),
      withDraft: db.prepare<{ ids: string }, { customer_id: string }>(`SELECT DISTINCT customer_id FROM drafts WHERE customer_id IN (${ids})`),
      // Driven from contact_articles (a few rows: only contacts registered here have them), not from the contacts.
      contactArticles: db.prepare(
        `DELETE FROM contact_articles WHERE contact_id IN (SELECT a.contact_id FROM contact_articles a JOIN contacts t ON t.id = a.contact_id
           WHERE t.customer_id IN (${ids}) AND t.sync_state = 'sent' AND t.id NOT IN (${UNSENT}))`,
      ),
      contacts: db.prepare(`DELETE FROM contacts WHERE customer_id IN (${ids}) AND sync_state = 'sent' AND id NOT IN (${UNSENT})`),
      zaakDetails: db.prepare(
        `DELETE FROM zaak_details WHERE source_url IN (SELECT source_url FROM zaken WHERE customer_id IN (${ids}) AND sync_state = 'sent' AND id NOT IN (${UNSENT}))`,
      ),
      zaken: db.prepare(`DELETE FROM zaken WHERE customer_id IN (${ids}) AND sync_state = 'sent' AND id NOT IN (${UNSENT})`),
      callbacks: db.prepare(
        `DELETE FROM callbacks WHERE customer_id IN (${ids}) AND status = 'verwerkt' AND sync_state = 'sent' AND id NOT IN (${UNSENT})
           AND NOT EXISTS (SELECT 1 FROM callback_events e WHERE e.callback_id = callbacks.id AND e.sync_state != 'sent')`,
      ),
      // Nothing of the dossier left: the clock stops (until the next open). Something kept: looked at again next run.
      reset: db.prepare(
        `UPDATE customers SET last_used_at = NULL, dossier_refreshed_at = NULL WHERE id IN (${ids})
           AND NOT EXISTS (SELECT 1 FROM contacts t WHERE t.customer_id = customers.id)
           AND NOT EXISTS (SELECT 1 FROM zaken z WHERE z.customer_id = customers.id)
           AND NOT EXISTS (SELECT 1 FROM callbacks b WHERE b.customer_id = customers.id)`,
      ),
      dropRow: db.prepare(
        `DELETE FROM customers WHERE id IN (${ids})
           AND NOT EXISTS (SELECT 1 FROM contacts t WHERE t.customer_id = customers.id)
           AND NOT EXISTS (SELECT 1 FROM zaken z WHERE z.customer_id = customers.id)
           AND NOT EXISTS (SELECT 1 FROM callbacks b WHERE b.customer_id = customers.id)
           AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.customer_id = customers.id)
           AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.state != 'done' AND json_extract(o.payload, '$.customerId') = customers.id)`,
      ),
      // A discarded batch of the verwerkingenlog stays: it marks actions that never reached the central log (no personal data in it).
      outboxDone: db.prepare<{ cutoff: string; n: number }>(
        `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE state = 'done' AND done_at < @cutoff
           AND NOT (kind = '${VERWERKINGSACTIES_KIND}' AND discarded_at IS NOT NULL) LIMIT @n)`,
      ),
      indexChunk: db.prepare<{ after: string; n: number }, { id: string }>('SELECT id FROM customers WHERE id > @after ORDER BY id LIMIT @n'),
      orphanDetails: db.prepare('DELETE FROM zaak_details WHERE source_url NOT IN (SELECT source_url FROM zaken)'),
    };
  }

  /** The hourly (and start-up) run; a second call while one runs joins it. */
  purgeExpired(now = new Date()): Promise<PurgeResult> {
    return this.once(() => this.run(retentionCutoff(this.kalender, now, this.options.bewaarWerkdagen), now, this.options.keepSearchIndex ? 'keep' : 'expired', this.options.chunkMs ?? 25));
  }

  /**
   * Sign-out: every customer's cached data, and the search index, whatever the last use. Nobody
   * is signed in to wait for a lookup, so the transactions are large (fewer rewrites of the same
   * index pages, a faster sign-out); they still yield, for the background sync.
   */
  purgeAll(now = new Date()): Promise<PurgeResult> {
    return this.once(async () => {
      const started = performance.now();
      const result = await this.run('9999-12-31T23:59:59.999Z', now, 'all', SIGN_OUT_CHUNK_MS);
      result.searchIndex += await this.dropSearchIndex();
      this.store.db.prepare('UPDATE customers SET last_used_at = NULL, dossier_refreshed_at = NULL').run();
      result.ms = Math.round(performance.now() - started);
      return result;
    });
  }

  private once(work: () => Promise<PurgeResult>): Promise<PurgeResult> {
    this.running ??= work().finally(() => (this.running = null));
    return this.running;
  }

  private async run(cutoff: string, now: Date, rows: PartijRows, budget: number): Promise<PurgeResult> {
    const started = performance.now();
    // Deleting scatters over the random-key indexes (uuid, source URL): a larger page cache for the run.
    const cacheSize = this.store.db.pragma('cache_size', { simple: true }) as number;
    this.store.db.pragma('cache_size = -65536');
    try {
      return await this.runChunks(cutoff, now, rows, budget, started);
    } finally {
      this.store.db.pragma(`cache_size = ${cacheSize}`);
    }
  }

  private async runChunks(cutoff: string, now: Date, rows: PartijRows, budget: number, started: number): Promise<PurgeResult> {
    let n = this.options.chunk ?? 50;
    // Every dossier expired (or sign-out): whole tables at once; then the chunks find little left to delete.
    const whole = await purgeWholeDossierTables(this.store.db, cutoff, yieldToLookups);
    const result: PurgeResult = { customers: 0, ...whole, callbacks: 0, outbox: 0, searchIndex: 0, logRows: 0, ms: 0 };
    // Sign-out: the partij rows too, at once when nothing needs one (else row by row below).
    if (rows === 'all') result.searchIndex += dropWholeSearchIndex(this.store.db) ?? 0;
    let position = { lu: '', id: '' };
    for (;;) {
      const chunk = this.stmts.candidates.all({ cutoff, ...position, n });
      if (chunk.length === 0) break;
      position = { lu: chunk.at(-1)!.last_used_at, id: chunk.at(-1)!.id };
      const chunkStarted = performance.now();
      this.store.transaction(() => {
        const busy = new Set(this.stmts.withDraft.all({ ids: JSON.stringify(chunk.map((c) => c.id)) }).map((r) => r.customer_id));
        const ids = JSON.stringify(chunk.map((c) => c.id).filter((id) => !busy.has(id)));
        this.stmts.contactArticles.run({ ids });
        result.contacts += this.stmts.contacts.run({ ids }).changes;
        result.zaakDetails += this.stmts.zaakDetails.run({ ids }).changes;
        result.zaken += this.stmts.zaken.run({ ids }).changes;
        result.callbacks += this.stmts.callbacks.run({ ids }).changes;
        result.customers += this.stmts.reset.run({ ids }).changes;
        if (rows !== 'keep') result.searchIndex += this.stmts.dropRow.run({ ids }).changes;
      });
      // Adapt the chunk to the time budget: a busy machine gets smaller transactions, an idle one larger.
      const took = performance.now() - chunkStarted;
      n = took > budget ? Math.max(5, Math.floor(n / 2)) : took < budget / 2 ? Math.min(10_000, n * 2) : n;
      await yieldToLookups();
    }
    for (;;) {
      const removed = this.store.transaction(() => this.stmts.outboxDone.run({ cutoff: cutoff < now.toISOString() ? cutoff : now.toISOString(), n: 1_000 }).changes);
      result.outbox += removed;
      if (removed === 0) break;
      await yieldToLookups();
    }
    result.logRows = this.pruneLog(now);
    result.ms = Math.round(performance.now() - started);
    if (result.customers + result.contacts + result.zaken + result.outbox > 0) {
      this.log(`retention: ${result.customers} dossiers, ${result.contacts} contacts, ${result.zaken} zaken, ${result.callbacks} callbacks, ${result.outbox} outbox entries removed in ${result.ms} ms`);
    }
    return result;
  }

  /** Every partij row that nothing unsent refers to: all at once when none is needed, else in chunks. */
  private async dropSearchIndex(): Promise<number> {
    let removed = dropWholeSearchIndex(this.store.db) ?? 0;
    let after = '';
    const n = 5_000;
    for (;;) {
      const chunk = this.stmts.indexChunk.all({ after, n });
      if (chunk.length === 0) break;
      after = chunk.at(-1)!.id;
      removed += this.store.transaction(() => this.stmts.dropRow.run({ ids: JSON.stringify(chunk.map((c) => c.id)) }).changes);
      await yieldToLookups();
    }
    this.stmts.orphanDetails.run();
    return removed;
  }

  /**
   * Local retention of the verwerkingenlog: rows older than the configured days that the central
   * Verwerkingenlogging acknowledged (handed to the outbox, and no entry for them still waiting).
   * See VerwerkingStore.pruneUpTo for how the chain stays verifiable.
   */
  private pruneLog(now: Date): number {
    const days = this.options.logBewaarDagen;
    if (days === null || days === undefined) return 0;
    const before = new Date(now.getTime() - days * 86_400_000).toISOString();
    const upTo = Math.min(this.store.verwerkingen.lastSeqBefore(before), acknowledgedUpTo(this.store));
    return upTo > 0 ? this.store.verwerkingen.pruneUpTo(upTo, now.toISOString()) : 0;
  }
}
