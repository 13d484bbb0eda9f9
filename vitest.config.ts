import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') };

/** Tests that start many processes and kill them: alone, after everything else, one at a time. */
const SOAK = ['tests/integration/sync/kill.test.ts', 'tests/integration/sync/many-clients.test.ts'];

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Measured by `npm test` (--coverage) over the test processes themselves: the core, the demo,
    // the shared code. The floor is the core's (docs/testing.md names what is not yet covered).
    coverage: {
      provider: 'v8',
      // Vue components run under Chromium (e2e), not in these processes.
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.d.ts'],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: 'test-results/coverage',
      // Just below what the unit and integration tests measured (2026-12-07: 94.1 / 82.1 / 95.6 / 96.1 %).
      thresholds: {
        'src/main/core/**': { statements: 93, branches: 81, functions: 94, lines: 95 },
      },
    },
    // Group orders start at 1: with one worker (a 2-core machine) vitest runs group 0 after all the
    // others, so unit and integration would follow e2e and the BSN scan would not see their logs.
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 1 } },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: SOAK,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // The browser tests start their own host and Chromium: after the unit and integration tests.
          sequence: { groupOrder: 2 },
          // Host output goes to test-results/logs (tests/support/process-log.ts); each run starts empty.
          globalSetup: ['./tests/support/clear-test-logs.ts'],
        },
      },
      { resolve: { alias }, test: { name: 'electron', include: ['tests/electron/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false, sequence: { groupOrder: 2 } } },
      {
        resolve: { alias },
        test: {
          name: 'soak',
          include: SOAK,
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
      {
        resolve: { alias },
        test: {
          // Last: scans what the browser and soak tests' host processes logged for BSNs.
          name: 'scan',
          include: ['tests/scan/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 4 },
        },
      },
    ],
  },
});
