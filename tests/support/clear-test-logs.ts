/** globalSetup of the browser tests: start every run with empty test-results/logs (read by the BSN scan). */
import { rmSync } from 'node:fs';
import { LOG_DIR } from './process-log';

export function setup(): void {
  rmSync(LOG_DIR, { recursive: true, force: true });
}
