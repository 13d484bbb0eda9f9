/**
 * `npm run bench` (full: 100k persons / 1M klantcontacten / 300k zaken) or
 * `npm run bench -- --quick` (small set, for everyday use). Data sets are built once and
 * cached in .cache/bench. Results: printed table, bench-results/latest.json, and a ratio to
 * bench-results/baseline.json (or --baseline FILE) where present.
 */
import { cpus, totalmem } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchReport, readBaseline } from './harness';
import { localStore, SIZES } from './fixtures/local-store';
import { callbacksSuite } from './suites/callbacks';
import { contactsSuite } from './suites/contacts';
import { drainSuite } from './suites/drain';
import { coreReads } from './suites/core-reads';
import { encryptionSuite } from './suites/encryption';
import { identifySuite } from './suites/identify';
import { syncSuite } from './suites/sync';
import { kennisSearch } from './suites/kennis';
import { privacySuite } from './suites/privacy';
import { screenpopSuite } from './suites/screenpop';
import { scaleSuite } from './suites/scale';
import { teamleiderSuite } from './suites/teamleider';
import { werkdagenSuite } from './suites/werkdagen';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    baseline: { type: 'string', default: 'bench-results/baseline.json' },
    out: { type: 'string', default: 'bench-results/latest.json' },
    /** Comma-separated suite names (core, contacts, identify, sync, drain, kennis, werkdagen, teamleider, callbacks, privacy, screenpop, encryption, scale); default: all. */
    only: { type: 'string' },
  },
});

const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
const wanted = (suite: string) => only === null || only.has(suite);

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const size = values.quick ? SIZES.quick : SIZES.full;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  log(`Klantbeeld bench (${values.quick ? 'quick' : 'full'}): ${size.label}\n${machine}`);
  // Built (once, cached) only when a suite that reads it runs: `--only drain` needs none.
  const storeFile = ['core', 'contacts', 'identify', 'privacy'].some(wanted) ? localStore(join(root, '.cache/bench'), size, log) : '';
  const workDir = mkdtempSync(join(root, '.cache/bench/run-'));
  const report = new BenchReport();
  try {
    if (wanted('core')) await coreReads(report, storeFile, size, workDir);
    if (wanted('contacts')) await contactsSuite(report, storeFile, size, workDir);
    if (wanted('identify')) await identifySuite(report, storeFile, size, workDir, values.quick);
    if (wanted('sync')) await syncSuite(report, workDir, values.quick);
    if (wanted('drain')) await drainSuite(report, workDir, values.quick);
    if (wanted('kennis')) await kennisSearch(report, join(root, '.cache/bench'), workDir, log);
    if (wanted('privacy')) await privacySuite(report, storeFile, size, workDir);
    if (wanted('teamleider')) await teamleiderSuite(report, join(root, '.cache/bench'), workDir, values.quick, log);
    if (wanted('werkdagen')) await werkdagenSuite(report, values.quick);
    if (wanted('callbacks')) await callbacksSuite(report, workDir, values.quick);
    if (wanted('screenpop')) await screenpopSuite(report, values.quick, log);
    if (wanted('encryption')) await encryptionSuite(report, storeFile, size, workDir);
    if (wanted('scale')) await scaleSuite(report, workDir, values.quick, log);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const baseline = readBaseline(resolve(root, values.baseline));
  log(`\n${report.table(baseline)}\n`);
  report.write(resolve(root, values.out), { date: new Date().toISOString(), mode: values.quick ? 'quick' : 'full', machine });
  log(`Figures written to ${values.out}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
