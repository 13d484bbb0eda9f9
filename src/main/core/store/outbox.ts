import type { Db } from './database';

export type OutboxState = 'pending' | 'done' | 'parked';

export interface OutboxEntry {
  id: number;
  idempotencyKey: string;
  kind: string;
  entityId: string;
  payload: unknown;
  /** Results of the remote steps already completed, by step name. */
  steps: Record<string, unknown>;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}

interface OutboxRow {
  id: number;
  idempotency_key: string;
  kind: string;
  entity_id: string;
  payload: string;
  steps: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
}

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    kind: row.kind,
    entityId: row.entity_id,
    payload: JSON.parse(row.payload) as unknown,
    steps: JSON.parse(row.steps) as Record<string, unknown>,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
  };
}

function byState(rows: { state: OutboxState; n: number }[]): { pending: number; parked: number } {
  const out = { pending: 0, parked: 0 };
  for (const row of rows) {
    if (row.state === 'pending') out.pending = row.n;
    if (row.state === 'parked') out.parked = row.n;
  }
  return out;
}

/** The outbox table. Callers add entries inside the same transaction as the domain row. */
/** An entry as a person reviewing the outbox sees it. */
export interface OutboxReviewItem {
  id: number;
  kind: string;
  payload: unknown;
  state: 'pending' | 'parked';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
}

export class OutboxStore {
  private readonly insertStmt;
  private readonly dueStmt;
  private readonly stepStmt;
  private readonly doneStmt;
  private readonly retryStmt;
  private readonly parkStmt;
  private readonly countsStmt;
  private readonly kindCountsStmt;
  private readonly kindErrorStmt;
  private readonly nextDueStmt;

  private readonly reviewStmt;
  private readonly getStmt;
  private readonly resendStmt;
  private readonly discardStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO outbox (idempotency_key, kind, entity_id, payload, state, next_attempt_at, created_at)
       VALUES (@idempotencyKey, @kind, @entityId, @payload, 'pending', @now, @now)`,
    );
    this.reviewStmt = db.prepare<[string], { id: number; kind: string; payload: string; state: 'pending' | 'parked'; attempts: number; last_error: string | null; created_at: string; next_attempt_at: string }>(
      `SELECT id, kind, payload, state, attempts, last_error, created_at, next_attempt_at FROM outbox
       WHERE state IN ('pending', 'parked') AND discarded_at IS NULL AND kind NOT IN (SELECT value FROM json_each(?))
       ORDER BY state = 'parked' DESC, id LIMIT 500`,
    );
    this.getStmt = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ? AND discarded_at IS NULL');
    this.resendStmt = db.prepare(
      "UPDATE outbox SET state = 'pending', next_attempt_at = @now, payload = @payload, last_error = NULL WHERE id = @id AND state = 'parked'",
    );
    this.discardStmt = db.prepare(
      "UPDATE outbox SET state = 'done', discarded_at = @now, discarded_by = @by, done_at = @now WHERE id = @id AND state = 'parked'",
    );
    this.dueStmt = db.prepare<[string, number], OutboxRow>(
      "SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
    );
    this.stepStmt = db.prepare('UPDATE outbox SET steps = json_set(steps, @path, json(@result)) WHERE id = @id');
    this.doneStmt = db.prepare("UPDATE outbox SET state = 'done', done_at = @now, last_error = NULL WHERE id = @id");
    this.retryStmt = db.prepare(
      'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = @next, last_error = @error WHERE id = @id',
    );
    this.parkStmt = db.prepare(
      "UPDATE outbox SET state = 'parked', attempts = attempts + 1, last_error = @error WHERE id = @id",
    );
    this.countsStmt = db.prepare<[string], { state: OutboxState; n: number }>(
      "SELECT state, count(*) AS n FROM outbox WHERE state != 'done' AND discarded_at IS NULL AND kind NOT IN (SELECT value FROM json_each(?)) GROUP BY state",
    );
    this.kindCountsStmt = db.prepare<[string], { state: OutboxState; n: number }>(
      "SELECT state, count(*) AS n FROM outbox WHERE state != 'done' AND discarded_at IS NULL AND kind = ? GROUP BY state",
    );
    this.kindErrorStmt = db.prepare<[string], { last_error: string }>(
      "SELECT last_error FROM outbox WHERE state != 'done' AND kind = ? AND last_error IS NOT NULL ORDER BY state = 'parked' DESC, id DESC LIMIT 1",
    );
    this.nextDueStmt = db.prepare<[], { at: string | null }>(
      "SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'pending'",
    );
  }

  add(entry: { idempotencyKey: string; kind: string; entityId: string; payload: unknown }, now: string): void {
    this.insertStmt.run({ ...entry, payload: JSON.stringify(entry.payload), now });
  }

  /** What waits and what is parked, parked first: for the clerk and the beheerder (without the kinds left out). */
  review(exceptKinds: readonly string[] = []): OutboxReviewItem[] {
    return this.reviewStmt.all(JSON.stringify(exceptKinds)).map((r) => ({
      id: r.id,
      kind: r.kind,
      payload: JSON.parse(r.payload) as unknown,
      state: r.state,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
      nextAttemptAt: r.next_attempt_at,
    }));
  }

  get(id: number): OutboxEntry | undefined {
    const row = this.getStmt.get(id);
    return row ? toEntry(row) : undefined;
  }

  /** A parked entry goes out again, possibly with a corrected payload; steps already done stay done. */
  resend(id: number, payload: unknown, now: string): boolean {
    return this.resendStmt.run({ id, payload: JSON.stringify(payload), now }).changes === 1;
  }

  /**
   * A parked entry corrected by a person: the new payload and the steps to keep (a correction
   * may make earlier steps stale, e.g. the actoren looked up for the old assignees); only while
   * it is still parked. Sent again with `resend` in the same transaction.
   */
  correctParked(id: number, payload: unknown, steps: Record<string, unknown>): boolean {
    return (
      this.db.prepare("UPDATE outbox SET payload = ?, steps = ? WHERE id = ? AND state = 'parked'").run(JSON.stringify(payload), JSON.stringify(steps), id).changes === 1
    );
  }

  /** A parked entry is given up by a person; the row stays as a record of who and when. */
  discard(id: number, by: string, now: string): boolean {
    return this.discardStmt.run({ id, by, now }).changes === 1;
  }

  due(now: string, limit: number): OutboxEntry[] {
    return this.dueStmt.all(now, limit).map(toEntry);
  }

  /** Persists one remote step's result at once, so a crash after it never repeats it. */
  recordStep(id: number, step: string, result: unknown): void {
    this.stepStmt.run({ id, path: `$."${step}"`, result: JSON.stringify(result) });
  }

  markDone(id: number, now: string): void {
    this.doneStmt.run({ id, now });
  }

  scheduleRetry(id: number, next: string, error: string): void {
    this.retryStmt.run({ id, next, error });
  }

  /** Tried again at `next` without counting as a failed attempt (it waits for another entry). */
  postpone(id: number, next: string, reason: string): void {
    this.db.prepare('UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?').run(next, reason, id);
  }

  /** Whether an earlier entry for the same entity is still waiting or parked (changes go out in order). */
  hasEarlierOpen(entityId: string, id: number): boolean {
    return this.db.prepare("SELECT 1 FROM outbox WHERE entity_id = ? AND state != 'done' AND id < ? LIMIT 1").get(entityId, id) !== undefined;
  }

  /** Entries for this entity still waiting or parked. */
  openFor(entityId: string): number {
    return (this.db.prepare("SELECT count(*) AS n FROM outbox WHERE entity_id = ? AND state != 'done'").get(entityId) as { n: number }).n;
  }

  park(id: number, error: string): void {
    this.parkStmt.run({ id, error });
  }

  /** Waiting and parked entries, without the kinds left out (the clerk's sync status). */
  counts(exceptKinds: readonly string[] = []): { pending: number; parked: number } {
    return byState(this.countsStmt.all(JSON.stringify(exceptKinds)));
  }

  /** Waiting and parked entries of one kind, and the error of the most recent failed one (parked first). */
  openOfKind(kind: string): { pending: number; parked: number; lastError: string | null } {
    return { ...byState(this.kindCountsStmt.all(kind)), lastError: this.kindErrorStmt.get(kind)?.last_error ?? null };
  }

  /** Waiting entries in the order they were written, due or not: the sync engine's lanes (sync/lanes.ts). */
  waiting(limit: number): OutboxEntry[] {
    return this.db.prepare<[number], OutboxRow>("SELECT * FROM outbox WHERE state = 'pending' ORDER BY id LIMIT ?").all(limit).map(toEntry);
  }

  /** When the first waiting entry (without the kinds left out) is tried next, or null. */
  nextAttemptAt(exceptKinds: readonly string[] = []): string | null {
    return (
      this.db
        .prepare<[string], { at: string | null }>("SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'pending' AND kind NOT IN (SELECT value FROM json_each(?))")
        .get(JSON.stringify(exceptKinds))?.at ?? null
    );
  }

  /** An outage: no entry of these kinds is tried before `until` (one probe at a time, not every entry). */
  holdKinds(kinds: readonly string[], until: string): void {
    this.db
      .prepare("UPDATE outbox SET next_attempt_at = @until WHERE state = 'pending' AND next_attempt_at < @until AND kind IN (SELECT value FROM json_each(@kinds))")
      .run({ until, kinds: JSON.stringify(kinds) });
  }

  /** The system answers again: every waiting entry of these kinds is due at `at` (now, or a Retry-After), whatever its backoff. */
  releaseKinds(kinds: readonly string[], at: string): number {
    return this.db
      .prepare("UPDATE outbox SET next_attempt_at = @at WHERE state = 'pending' AND next_attempt_at > @at AND kind IN (SELECT value FROM json_each(@kinds))")
      .run({ at, kinds: JSON.stringify(kinds) }).changes;
  }

  nextDueAt(): string | null {
    return this.nextDueStmt.get()?.at ?? null;
  }
}
