/**
 * Brings the local kennisbank in line with its source: the first run writes everything, later
 * runs rewrite only what changed (fingerprint) and delete what the source no longer lists.
 * Runs at start and every `refreshMinutes`; a failure keeps the local copy as it is.
 */
import type { KennisStore } from './store';
import type { KennisSource } from './source';

export interface KennisSyncResult {
  added: number;
  changed: number;
  deleted: number;
  unchanged: number;
}

export class KennisSync {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<KennisSyncResult> | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly store: KennisStore,
    private readonly source: KennisSource,
    private readonly onChange: () => void,
    private readonly log: (line: string) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(refreshMinutes: number): void {
    const tick = (): void => void this.syncNow().catch(() => {});
    tick();
    this.timer = setInterval(tick, refreshMinutes * 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.abort.abort();
    await this.running?.catch(() => {});
  }

  /** One sync; concurrent callers share the run in progress. */
  syncNow(): Promise<KennisSyncResult> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<KennisSyncResult> {
    const at = this.now().toISOString();
    try {
      const snapshot = await this.source.list(this.abort.signal);
      const result: KennisSyncResult = { added: 0, changed: 0, deleted: 0, unchanged: 0 };
      this.store.db.transaction(() => {
        const known = this.store.fingerprints();
        for (const a of snapshot.artikelen) {
          const fp = known.get(a.id);
          known.delete(a.id);
          if (fp === a.fingerprint) {
            result.unchanged++;
            continue;
          }
          this.store.upsertArtikel(a, at);
          if (fp === undefined) result.added++;
          else result.changed++;
        }
        for (const id of known.keys()) {
          this.store.deleteArtikel(id);
          result.deleted++;
        }
        const knownNieuws = this.store.nieuwsFingerprints();
        for (const n of snapshot.nieuws) {
          if (knownNieuws.get(n.id) !== n.fingerprint) this.store.upsertNieuws(n, at);
          knownNieuws.delete(n.id);
        }
        for (const id of knownNieuws.keys()) this.store.deleteNieuws(id);
        this.store.setSyncState('kennis', at, snapshot.artikelen.length, null);
      })();
      if (result.added + result.changed + result.deleted > 0) {
        this.log(`kennisbank: ${result.added} nieuw, ${result.changed} gewijzigd, ${result.deleted} verwijderd (${this.source.label})`);
      }
      this.onChange();
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!this.abort.signal.aborted) {
        this.log(`kennisbank: synchroniseren mislukt: ${message}`);
        const prev = this.store.syncState('kennis');
        this.store.setSyncState('kennis', prev?.last_sync_at ?? at, prev?.count ?? 0, message.slice(0, 500));
      }
      throw error;
    }
  }
}
