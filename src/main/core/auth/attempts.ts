/**
 * Slows down password guessing: after FREE_FAILURES wrong passwords for one account name, that
 * name is blocked for 30 s, doubling with each further failure up to 15 minutes. Kept in memory
 * (the core is one process per workstation; a restart costs an attacker more than it gains).
 * Unknown names are tracked too, so the answer never tells whether an account exists.
 */
import { ServiceError } from '../errors';

const FREE_FAILURES = 5;
const FIRST_BLOCK_MS = 30_000;
const MAX_BLOCK_MS = 15 * 60_000;
/** Names remembered at most; the oldest are forgotten first (a flood of names cannot grow memory). */
const MAX_TRACKED = 1000;

interface Failures {
  count: number;
  blockedUntil: number;
}

export class AttemptLimiter {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws when this name may not try now. */
  check(name: string): void {
    const entry = this.failures.get(name);
    const wait = entry ? entry.blockedUntil - this.now() : 0;
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new ServiceError('te_veel_pogingen', `Te veel mislukte pogingen. Probeer het over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} opnieuw.`);
    }
  }

  failed(name: string): void {
    const entry = this.failures.get(name) ?? { count: 0, blockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= FREE_FAILURES) {
      entry.blockedUntil = this.now() + Math.min(MAX_BLOCK_MS, FIRST_BLOCK_MS * 2 ** (entry.count - FREE_FAILURES));
    }
    this.failures.delete(name);
    this.failures.set(name, entry);
    if (this.failures.size > MAX_TRACKED) this.failures.delete(this.failures.keys().next().value ?? '');
  }

  succeeded(name: string): void {
    this.failures.delete(name);
  }
}
