/**
 * Reads every klantcontact of the municipality into the reporting table (migration 008), for
 * a team leader only. The Klantinteracties API lists klantcontacten newest first and has no
 * date filter, so:
 * - the first full read goes page by page to the end and records the next page after every
 *   page: a restart resumes there (new contacts only push older ones down: read twice, never
 *   skipped);
 * - after that, each read starts at the top and stops at the first page that reaches back
 *   before the newest contact already held, minus a margin for contacts registered late.
 * Pages are written in small transactions with a turn of the event loop between them, so a
 * clerk's call never waits behind a page; progress shows in the sync status.
 */
import type { SyncStatus } from '../../../shared/contract';
import type { ReportingAdapter } from '../adapters/types';
import type { KalenderBron } from '../calendar';
import type { Store } from '../store';
import type { ReportContactRecord } from '../store/reporting';

/** Contacts written per transaction. */
const CHUNK = 100;
/** A contact registered up to this long after it took place is still picked up. */
const LATE_MARGIN_MS = 2 * 86_400_000;

export interface ReportingPollerOptions {
  intervalMs: number;
  log: (line: string) => void;
  /** How far a long read is (shown like the partijen prefetch); null when done. */
  progress: (progress: SyncStatus['progress']) => void;
  now?: () => Date;
}

export class ReportingPoller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    private readonly adapter: ReportingAdapter,
    private readonly kalender: Pick<KalenderBron, 'get'>,
    private readonly options: ReportingPollerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One read: the rest of the first full read, or the new contacts since the last one. */
  read(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.readOnce()
      .catch((error: unknown) => this.options.log(`reporting: klantcontacten lezen mislukt: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = null;
        this.options.progress(null);
      });
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    // One timer at a time, also when a stop and a start came while a read was running.
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.read().then(() => this.schedule(this.options.intervalMs));
    }, delayMs);
    this.timer.unref?.();
  }

  private async readOnce(): Promise<void> {
    const reporting = this.store.reporting;
    const state = reporting.syncState();
    const backfill = state.backfillPage !== null;
    const newest = reporting.newestAt();
    const cutoff = newest === null ? null : new Date(Date.parse(newest) - LATE_MARGIN_MS).toISOString();
    let page = state.backfillPage ?? 1;
    let done = backfill ? reporting.count() : 0;
    let lastAnnounced = 0;
    for (;;) {
      if (this.stopped) return;
      const { records, total, last } = await this.adapter.klantcontactenPage(page);
      const at = this.now().toISOString();
      const { countable, skipped } = this.sortOut(records);
      if (skipped.length > 0) this.skip(skipped, at);
      for (let i = 0; i < countable.length; i += CHUNK) {
        reporting.upsertMany(countable.slice(i, i + CHUNK), (iso) => this.kalender.get().lokaleDatum(iso), at);
        await new Promise((resolve) => setImmediate(resolve));
      }
      done += records.length;
      if (backfill) reporting.setBackfillPage(last ? null : page + 1, at);
      // At most twice a second: progress must not flood the window.
      if (Date.now() - lastAnnounced > 500) {
        lastAnnounced = Date.now();
        this.options.progress({ what: 'klantcontacten voor rapportage', done, total: backfill ? total : null });
      }
      // Newest first: once one contact lies before the cutoff, all that follow do too.
      const caughtUp = !backfill && cutoff !== null && countable.some((r) => r.plaatsgevondenOp < cutoff);
      if (last || caughtUp) break;
      page += 1;
    }
    reporting.markRead(this.now().toISOString());
  }

  /**
   * A contact whose moment the werkdagen calendar cannot place (year 1 or 9999, typed on a
   * machine with a wrong clock) is left out of the figures instead of stopping every read;
   * the team leader sees how many (`report_skipped`).
   */
  private sortOut(records: readonly ReportContactRecord[]): { countable: ReportContactRecord[]; skipped: { sourceUrl: string; plaatsgevondenOp: string; reden: string }[] } {
    const kalender = this.kalender.get();
    const countable: ReportContactRecord[] = [];
    const skipped: { sourceUrl: string; plaatsgevondenOp: string; reden: string }[] = [];
    for (const r of records) {
      try {
        kalender.lokaleDatum(r.plaatsgevondenOp);
        countable.push(r);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        skipped.push({ sourceUrl: r.sourceUrl, plaatsgevondenOp: r.plaatsgevondenOp, reden: error.message });
      }
    }
    return { countable, skipped };
  }

  /** Kept and logged once per contact: a page read again does not log it again. */
  private skip(skipped: { sourceUrl: string; plaatsgevondenOp: string; reden: string }[], at: string): void {
    const before = this.store.reporting.skippedCount();
    this.store.reporting.skip(skipped, at);
    const nieuw = this.store.reporting.skippedCount() - before;
    if (nieuw > 0) this.options.log(`reporting: ${nieuw} klantcontact(en) overgeslagen: tijdstip buiten de werkdagenkalender (bijv. ${skipped[0]!.plaatsgevondenOp})`);
  }
}
