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

/** The outbox table. Callers add entries inside the same transaction as the domain row. */
export class OutboxStore {
  private readonly insertStmt;
  private readonly dueStmt;
  private readonly stepStmt;
  private readonly doneStmt;
  private readonly retryStmt;
  private readonly parkStmt;
  private readonly countsStmt;
  private readonly nextDueStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO outbox (idempotency_key, kind, entity_id, payload, state, next_attempt_at, created_at)
       VALUES (@idempotencyKey, @kind, @entityId, @payload, 'pending', @now, @now)`,
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
    this.countsStmt = db.prepare<[], { state: OutboxState; n: number }>(
      "SELECT state, count(*) AS n FROM outbox WHERE state != 'done' GROUP BY state",
    );
    this.nextDueStmt = db.prepare<[], { at: string | null }>(
      "SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'pending'",
    );
  }

  add(entry: { idempotencyKey: string; kind: string; entityId: string; payload: unknown }, now: string): void {
    this.insertStmt.run({ ...entry, payload: JSON.stringify(entry.payload), now });
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

  park(id: number, error: string): void {
    this.parkStmt.run({ id, error });
  }

  counts(): { pending: number; parked: number } {
    const out = { pending: 0, parked: 0 };
    for (const row of this.countsStmt.all()) {
      if (row.state === 'pending') out.pending = row.n;
      if (row.state === 'parked') out.parked = row.n;
    }
    return out;
  }

  nextDueAt(): string | null {
    return this.nextDueStmt.get()?.at ?? null;
  }
}
