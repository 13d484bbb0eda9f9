/**
 * Runs after the browser and soak tests (vitest project `scan`): no BSN in anything the host
 * processes logged (stdout, stderr), in the window titles the browser saw, or in any CSV or
 * text file the tests exported under test-results/. The demo seeds many valid BSNs and the
 * tests search, open and reveal them, so a BSN that leaks into a log is caught here.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanForBsns } from '../support/bsn-scan';
import { LOG_DIR } from '../support/process-log';

describe('no BSN leaves the app through logs', () => {
  it('finds none in the logs and window titles of every host process the tests started', () => {
    const { scanned, findings } = scanForBsns(LOG_DIR);
    expect(scanned.length, `no logs under ${LOG_DIR}: run the e2e tests first (npm test does)`).toBeGreaterThan(0);
    expect(findings).toEqual([]);
  });

  it('finds none in exported CSV and text files under test-results/', () => {
    expect(scanForBsns(resolve(LOG_DIR, '..'), /\.(csv|txt)$/i).findings).toEqual([]);
  });
});
