/**
 * The bench harness: runs measurements, prints a table with medians and p95, compares each
 * with the same measurement in a baseline file (ratio), and writes all figures as JSON to
 * bench-results/latest.json (format: docs/benchmarks.md).
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  unit: 'ms' | 'ops/s' | 'MB' | 'ratio';
  n: number;
  p50: number;
  p95: number;
  /** Size of the data set it ran on, e.g. "100k persons / 1M klantcontacten / 300k zaken". */
  dataset: string;
  note?: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarise(samples: number[]): { n: number; p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** Times `fn` n times (after a short warm-up) and returns per-call milliseconds. */
export async function timeCalls(n: number, fn: (i: number) => unknown, warmup = Math.min(20, n)): Promise<{ n: number; p50: number; p95: number }> {
  for (let i = 0; i < warmup; i++) await fn(i);
  // Leftover garbage of building the fixture must not be collected inside the measurement
  // (npm run bench starts Node with --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

export class BenchReport {
  readonly measurements: Measurement[] = [];

  add(m: Measurement): void {
    this.measurements.push(m);
    process.stdout.write(`  ${m.name}: p50 ${fmt(m.p50)} ${m.unit}, p95 ${fmt(m.p95)} ${m.unit} (n=${m.n})\n`);
  }

  /** The table for docs/benchmarks.md, with the ratio to the baseline where it has the same measurement. */
  table(baseline: Measurement[]): string {
    // Only like with like: the same measurement on the same data set.
    const key = (m: Measurement) => `${m.name} @ ${m.dataset}`;
    const byName = new Map(baseline.map((m) => [key(m), m]));
    const rows = this.measurements.map((m) => {
      const base = byName.get(key(m));
      const ratio = base && base.p95 > 0 ? `${(m.p95 / base.p95).toFixed(2)}×` : '–';
      return `| ${m.name} | ${m.dataset} | ${m.n} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${m.unit} | ${base ? fmt(base.p95) : '–'} | ${ratio} |`;
    });
    return ['| measurement | data set | n | p50 | p95 | unit | baseline p95 | ratio p95 |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
  }

  write(file: string, meta: Record<string, unknown>): void {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ ...meta, measurements: this.measurements }, null, 2)}\n`);
  }
}

export function readBaseline(file: string): Measurement[] {
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { measurements?: Measurement[] };
  return parsed.measurements ?? [];
}

function fmt(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
}
