/**
 * The local customer index across shift changes (issue 12). Sign-out drops every personal row,
 * the index included (privacy/retention.ts purgeAll); at the next sign-in what the search needs
 * locally is read again at once, not at the next hourly prefetch: the whole register when the
 * prefetch is on, and the new user's work queues. The window hears `customers.index` (bezig,
 * klaar) and shows the sync progress meanwhile; a search typed before `klaar` is asked again.
 */
import type { SessionUser } from '../auth/session';
import type { EventBus } from '../events';
import type { SyncEngine } from './engine';

export interface LocalIndexOptions {
  /** The full-register prefetch is on (config sync.prefetchPartijen). */
  prefetchPartijen: boolean;
  log: (line: string) => void;
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
    private readonly sync: Pick<SyncEngine, 'prefetchCustomers' | 'pollWorkQueues'>,
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
    this.reading = (async () => {
      const reads: Promise<void>[] = [this.sync.pollWorkQueues()];
      if (this.options.prefetchPartijen) reads.push(this.sync.prefetchCustomers(true));
      const results = await Promise.allSettled(reads);
      for (const result of results) if (result.status === 'rejected') this.options.log(`sync: re-read at sign-in failed: ${String(result.reason)}`);
    })().finally(() => {
      this.reading = null;
      this.events.emit('customers.index', { state: 'klaar', at: new Date().toISOString() });
    });
    return this.reading;
  }
}
