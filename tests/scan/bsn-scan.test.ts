/**
 * Runs after the browser and soak tests (vitest project `scan`): no BSN in anything the host
 * processes logged (stdout, stderr), in the window titles the browser saw, in the desktop app's
 * own log lines (tests/e2e/failure-logs.test.ts), or in any CSV or text file the tests exported
 * under test-results/. The demo seeds many valid BSNs and the tests search, open and reveal them;
 * tests/e2e/failure-logs.test.ts makes a host log its failure lines (refresh failed,
 * entry parked) with a BSN in play, so a BSN that leaks into a log is caught here.
 *
 * Only this run's logs count: clear-test-logs.ts (globalSetup of the browser tests) empties
 * test-results/logs and writes a run marker. Run alone (`npx vitest run tests/scan`), without the
 * browser tests in the same run, the scan says so and skips, instead of passing on stale logs;
 * in a full run, logs without the failure lines or the desktop app's lines fail it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanForBsns } from '../support/bsn-scan';
import { LOG_DIR, logsAreFromThisRun } from '../support/process-log';

const run = logsAreFromThisRun();
if (!run.fresh) process.stdout.write(`BSN scan skipped: ${run.why}. Run it with the e2e project (npm test).\n`);

describe.skipIf(!run.fresh)('no BSN leaves the app through logs', () => {
  it('scans this run’s logs, which hold failure lines and the desktop app’s own lines', () => {
    const { scanned } = scanForBsns(LOG_DIR);
    const text = scanned.map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(scanned.length, `no logs under ${LOG_DIR}`).toBeGreaterThan(0);
    expect(scanned.some((f) => /host-\d+\.log$|e2e-host-\d+\.log$/.test(f)), 'no host process log').toBe(true);
    expect(text, 'no failure line from a host (tests/e2e/failure-logs.test.ts)').toMatch(/parked: /);
    expect(scanned.some((f) => /electron-main-\d+\.log$/.test(f)), 'no desktop app log (tests/e2e/failure-logs.test.ts)').toBe(true);
  });

  it('finds none in the logs and window titles of every host process the tests started', () => {
    expect(scanForBsns(LOG_DIR).findings).toEqual([]);
  });

  it('finds none in exported CSV and text files under test-results/', () => {
    expect(scanForBsns(resolve(LOG_DIR, '..'), /\.(csv|txt)$/i).findings).toEqual([]);
  });
});
