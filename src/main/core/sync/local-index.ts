/**
 * The local customer index across shift changes (issue 12). Sign-out drops every personal row,
 * the index included (privacy/retention.ts purgeAll); at the next sign-in what the search needs
 * locally is read again at once, not at the next hourly prefetch:
 * - with the full-register prefetch on (a small municipality): the whole register, fresh;
 * - otherwise (the default, a bounded index): the workstation's working set, the partijen its
 *   clerks opened in the last N werkdagen (store/local-index-set.ts, by URL only), read fresh
 *   from Open Klant, then the new user's work queues (their callbacks link to those partijen).
 * Customers opened and found through the registers join the index during the shift; retention
 * and the next sign-out remove them again. The window hears `customers.index` (bezig, klaar)
 * and shows the progress meanwhile; a search typed before `klaar` is asked again.
 */
import type { SessionUser } from '../auth/session';
import type { KlantbeeldConfig } from '../config/schema';
import { startOfLocalDay, type Kalender } from '../privacy/retention';
import type { EventBus } from '../events';
import type { CustomerRecord } from '../store/records';
import type { SyncEngine } from './engine';

export interface LocalIndexOptions {
  /** The full-register prefetch is on (config sync.prefetchPartijen). */
  prefetchPartijen: boolean;
  /** The partijen of the working set (the bounded index); told how many were read. */
  readRecent?: (progress: (contacts: number) => void) => Promise<CustomerRecord[]>;
  /** Writes partijen into the index. */
  upsert?: (records: CustomerRecord[]) => void;
  log: (line: string) => void;
}

/**
 * The configuration with `sync.prefetchPartijen` decided: as configured, else off, except with
 * the embedded demo (Turfbrug is a small municipality; its 550 partijen are the demo's register).
 */
export function withPrefetchDecided(config: KlantbeeldConfig): KlantbeeldConfig & { sync: { prefetchPartijen: boolean } } {
  return { ...config, sync: { ...config.sync, prefetchPartijen: config.sync.prefetchPartijen ?? config.adapter.kind === 'demo' } };
}

/** The start of the werkdag `werkdagen` werkdagen before today (0: today): work since then is recent. */
export function recentSince(kalender: Kalender, werkdagen: number, now = new Date()): Date {
  return startOfLocalDay(kalender, kalender.addWerkdagen(kalender.lokaleDatum(now), -werkdagen));
}

/** The register is larger than a full copy may be (config sync.prefetchMaxPartijen): the copy is refused, not cut short. */
export class PrefetchCapError extends Error {
  constructor(total: number, cap: number) {
    super(`het klantregister telt ${total.toLocaleString('nl-NL')} partijen, meer dan de ingestelde grens van ${cap.toLocaleString('nl-NL')} (sync.prefetchMaxPartijen); zoeken gaat via de lokale index en de registers`);
  }
}

/** Session changes as the local index needs them: who is signed in now. */
interface SessionLike {
  current(): SessionUser | null;
  onChange(listener: () => void): () => void;
}

export class LocalIndex {
  private signedIn: string | null = null;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly sync: Pick<SyncEngine, 'prefetchCustomers' | 'pollWorkQueues' | 'showProgress'>,
    private readonly events: EventBus,
    private readonly options: LocalIndexOptions,
  ) {}

  /** Re-reads at every new sign-in (not at lock and unlock: the same user keeps the index). */
  follow(session: SessionLike): () => void {
    return session.onChange(() => {
      const user = session.current();
      const was = this.signedIn;
      this.signedIn = user?.id ?? null;
      if (user && was === null) void this.reread();
    });
  }

  /** What must be re-read after a sign-in; resolves when the index is ready again. */
  reread(): Promise<void> {
    if (this.reading) return this.reading;
    this.events.emit('customers.index', { state: 'bezig', at: new Date().toISOString() });
    this.reading = (this.options.prefetchPartijen ? this.rereadRegister() : this.rereadBounded())
      .catch((error: unknown) => this.options.log(`sync: re-read at sign-in failed: ${(error as Error).message}`))
      .finally(() => {
        this.reading = null;
        this.events.emit('customers.index', { state: 'klaar', at: new Date().toISOString() });
      });
    return this.reading;
  }

  private async rereadRegister(): Promise<void> {
    await Promise.all([this.sync.pollWorkQueues(), this.sync.prefetchCustomers(true)]);
  }

  private async rereadBounded(): Promise<void> {
    const { readRecent, upsert } = this.options;
    if (readRecent && upsert) {
      try {
        upsert(await readRecent((done) => this.sync.showProgress({ what: 'klanten', done, total: null })));
      } finally {
        this.sync.showProgress(null);
      }
    }
    await this.sync.pollWorkQueues();
  }
}
