/**
 * Issue 5, the werkdagen calendar: `deadline()` amortised over 1M calls on random instants
 * (2020–2030, every hour of the day, so weekends, holidays, evenings and DST days all occur),
 * in batches of 1,000 calls (p50/p95 of a batch; ms per 1,000 calls = µs per call), side by
 * side with the obvious way: the Amsterdam date through Intl, then a walk day by day. Also
 * `werkdagenTussen()`, and building the calendar (first in a process, and again after a new
 * sluitingsdag, which is what `beheer.sluitingsdagToevoegen` costs).
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Prng } from '../../../src/demo/seed/prng';
import { WerkdagenKalender } from '../../../src/main/core/calendar/werkdagen';
import { summarise, timeCalls, type BenchReport } from '../harness';

const BATCH = 1000;
const MODULE = new URL('../../../src/main/core/calendar/werkdagen.ts', import.meta.url).href;
const FIRST_BUILD = `const { WerkdagenKalender } = await import(${JSON.stringify(MODULE)}); const t = performance.now(); new WerkdagenKalender(); process.stdout.write(String(performance.now() - t));`;
const DAG = 86_400_000;
const CONFIG = { sluitingsdagen: [{ datum: '2026-05-15', omschrijving: 'Vrijdag na Hemelvaart' }] };

const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The naive deadline: local date and time through Intl, then day by day with the same isWerkdag. */
function naiveDeadline(k: WerkdagenKalender, iso: string, n: number): string {
  const p = Object.fromEntries(amsterdam.formatToParts(Date.parse(iso)).map((x) => [x.type, x.value]));
  let t = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
  const datum = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  let over = n;
  if (!k.isWerkdag(datum(t)) || Number(p.hour) * 60 + Number(p.minute) >= 17 * 60) {
    do t += DAG;
    while (!k.isWerkdag(datum(t)));
  }
  while (over > 0) {
    t += DAG;
    if (k.isWerkdag(datum(t))) over--;
  }
  return datum(t);
}

export async function werkdagenSuite(report: BenchReport, quick: boolean): Promise<void> {
  const dataset = 'calendar 2000–2100, instants 2020–2030';
  // The first build in a process computes the holidays and Amsterdam offsets (cached after
  // that, per process), so it is timed in fresh processes: other suites may have built one here.
  const eerste = Array.from({ length: quick ? 3 : 5 }, () => Number(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', FIRST_BUILD], { encoding: 'utf8' })));
  report.add({ name: 'werkdagen: build the calendar, first in a process (date-holidays 2000–2100)', unit: 'ms', dataset, ...summarise(eerste) });
  const kalender = new WerkdagenKalender(CONFIG);
  report.add({
    name: 'werkdagen: rebuild after a new sluitingsdag',
    unit: 'ms',
    dataset,
    ...(await timeCalls(20, (i) => new WerkdagenKalender({ sluitingsdagen: [...CONFIG.sluitingsdagen, { datum: `2027-01-${String(i + 2).padStart(2, '0')}`, omschrijving: 'x' }] }))),
  });

  const calls = quick ? 100_000 : 1_000_000;
  const prng = new Prng(5);
  const van = Date.UTC(2020, 0, 1);
  const span = Date.UTC(2030, 0, 1) - van;
  const instants = Array.from({ length: calls }, () => new Date(van + Math.floor(prng.float() * span)).toISOString());
  const normen = Array.from({ length: calls }, () => prng.range(1, 5));
  const later = instants.map((iso, i) => new Date(Date.parse(iso) + ((normen[i]! * 37) % 20) * DAG).toISOString());

  let sink = 0;
  const batches = (fn: (i: number) => string | number) => (b: number) => {
    const start = b * BATCH;
    for (let i = start; i < start + BATCH; i++) {
      const r = fn(i);
      sink += typeof r === 'string' ? r.length : r;
    }
  };

  const deadline = batches((i) => kalender.deadline(instants[i]!, normen[i]!));
  const fast = await timeCalls(calls / BATCH, deadline, 5);
  // Amortised: one more run over every call without timing each batch.
  const start = performance.now();
  for (let b = 0; b < calls / BATCH; b++) deadline(b);
  const amortisedNs = ((performance.now() - start) * 1e6) / calls;
  report.add({ name: 'werkdagen: deadline(), 1,000 calls per sample (ms = µs per call)', unit: 'ms', dataset, ...fast, note: `amortised ${amortisedNs.toFixed(0)} ns per call over ${calls.toLocaleString('en')} calls; target < 1,000 ns` });
  process.stdout.write(`  werkdagen: deadline() amortised ${amortisedNs.toFixed(0)} ns per call over ${calls.toLocaleString('en')} calls\n`);

  const tussen = await timeCalls(calls / BATCH, batches((i) => kalender.werkdagenTussen(instants[i]!, later[i]!)), 5);
  report.add({ name: 'werkdagen: werkdagenTussen(), 1,000 calls per sample (ms = µs per call)', unit: 'ms', dataset, ...tussen });

  // The naive walk is slow: a tenth of the calls is plenty for stable figures.
  const naiveBatches = Math.max(20, calls / BATCH / 10);
  const naive = await timeCalls(naiveBatches, batches((i) => naiveDeadline(kalender, instants[i]!, normen[i]!)), 2);
  report.add({ name: 'werkdagen: naive deadline (Intl + day-by-day walk), 1,000 calls per sample', unit: 'ms', dataset, ...naive });
  for (let i = 0; i < 2000; i++) {
    if (naiveDeadline(kalender, instants[i]!, normen[i]!) !== kalender.deadline(instants[i]!, normen[i]!)) throw new Error(`deadline differs from the walk for ${instants[i]}`);
  }
  if (sink === 0) throw new Error('no results: the loops were optimised away');
  report.add({ name: 'werkdagen: ratio naive / deadline() (per batch, p50 and p95)', unit: 'ratio', dataset, n: naive.n, p50: naive.p50 / fast.p50, p95: naive.p95 / fast.p95 });
}
