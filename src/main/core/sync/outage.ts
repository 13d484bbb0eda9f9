import { RemoteError } from '../adapters/types';
import { retryDelayMs } from './backoff';

/** The system every read and most entries go to; kinds may name another (OutboxKind.system). */
export const ZAAKSYSTEEM = 'zaaksysteem';

/** Answers that say the whole system is away, not that this one request is wrong (a 500 is the entry's own). */
const UNAVAILABLE = new Set([429, 502, 503, 504]);

/** Whether an error means the system is down or overloaded: an outage, not one entry's problem. */
export function meansOutage(error: unknown): error is RemoteError {
  return error instanceof RemoteError && error.kind === 'transient' && (error.status === null || UNAVAILABLE.has(error.status));
}

interface Outage {
  since: Date;
  /** Failed attempts after the first (probes, reads). */
  retries: number;
  /** A network error (no answer at all), not an answer saying "not now". */
  network: boolean;
}

/**
 * Outages per system, for the log and the status: one line when one starts and one when it
 * ends (with its length and the attempts in between), never a line per attempt.
 */
export class Outages {
  private readonly open = new Map<string, Outage>();
  /** A Retry-After the system sent: nothing goes before it, even when another request of it answers meanwhile. */
  private readonly notBefore = new Map<string, number>();

  constructor(
    private readonly log: (line: string) => void,
    private readonly now: () => Date,
  ) {}

  active(system: string): boolean {
    return this.open.has(system);
  }

  /** Since when the system is away and whether it does not answer at all, or null. */
  of(system: string): { since: string; network: boolean } | null {
    const outage = this.open.get(system);
    return outage ? { since: outage.since.toISOString(), network: outage.network } : null;
  }

  /** A request to the system failed for want of it: an outage starts, or one more attempt in it. */
  failed(system: string, error: RemoteError): void {
    if (error.retryAfterMs !== null) this.notBefore.set(system, Math.max(this.notBefore.get(system) ?? 0, this.now().getTime() + error.retryAfterMs));
    const outage = this.open.get(system);
    if (outage) {
      outage.retries += 1;
      outage.network &&= error.status === null;
      return;
    }
    this.open.set(system, { since: this.now(), retries: 0, network: error.status === null });
    this.log(`sync: ${system} niet bereikbaar, storing begonnen: ${error.message}`);
  }

  /** When to try again (a probe): soon, growing to `maxMs`, or when the system asked (Retry-After). */
  delayMs(system: string, error: RemoteError, maxMs: number): number {
    return error.retryAfterMs ?? Math.min(maxMs, retryDelayMs(this.open.get(system)?.retries ?? 0));
  }

  /** The earliest time the system's entries may go again: now, or later when it asked (Retry-After). */
  releaseAt(system: string): Date {
    const now = this.now();
    const until = this.notBefore.get(system) ?? 0;
    if (until <= now.getTime()) this.notBefore.delete(system);
    return new Date(Math.max(now.getTime(), until));
  }

  /** The system answered: the outage, if any, is over. Returns whether one was. */
  answered(system: string): boolean {
    const outage = this.open.get(system);
    if (!outage) return false;
    this.open.delete(system);
    const seconds = Math.round((this.now().getTime() - outage.since.getTime()) / 1000);
    this.log(`sync: ${system} weer bereikbaar, storing voorbij na ${seconds} s en ${outage.retries} mislukte herhalingen`);
    return true;
  }
}
