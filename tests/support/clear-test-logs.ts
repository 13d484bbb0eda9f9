/**
 * globalSetup of the browser tests: start every run with empty test-results/logs (read by the BSN
 * scan) and a run marker naming this vitest process, so the scan can tell this run's logs from
 * stale ones (tests/scan/bsn-scan.test.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { LOG_DIR, RUN_MARKER } from './process-log';

export function setup(): void {
  rmSync(LOG_DIR, { recursive: true, force: true });
  mkdirSync(LOG_DIR, { recursive: true });
  writeFileSync(RUN_MARKER, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
}
