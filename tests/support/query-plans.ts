/**
 * The query plans of the statements the product itself runs: records the SQL of every prepared
 * statement executed while `run` runs (better-sqlite3's `Statement.source`), then asks SQLite
 * for each one's EXPLAIN QUERY PLAN. So a plan test checks the store's real SQL, not a copy of it
 * written in the test.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { vi } from 'vitest';

type Statement = Database.Statement;
const RUNNERS = ['all', 'get', 'run', 'iterate'] as const;

/** The SQL of every statement `run` executed on `db` (in order, each once). */
export function statementsRunBy(db: Database.Database, run: () => unknown): string[] {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Statement;
  const seen = new Set<string>();
  const spies = RUNNERS.map((name) => {
    const original = proto[name] as (...args: unknown[]) => unknown;
    return vi.spyOn(proto, name).mockImplementation(function (this: Statement, ...args: unknown[]) {
      seen.add(this.source);
      return original.apply(this, args);
    } as never);
  });
  try {
    run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return [...seen];
}

/** EXPLAIN QUERY PLAN of one statement, with a placeholder for every parameter (positional or named). */
export function queryPlan(db: Database.Database, sql: string): string {
  const named = [...new Set([...sql.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (named.length > 0 ? explain.all(Object.fromEntries(named.map((n) => [n, 'x']))) : explain.all(...(sql.match(/\?/g) ?? []).map(() => 'x'))) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

/** The plans of what `run` executed, one line per statement (`sql` → plan), for matching. */
export function plansOf(db: Database.Database, run: () => unknown): { sql: string; plan: string }[] {
  return statementsRunBy(db, run).map((sql) => ({ sql, plan: queryPlan(db, sql) }));
}
