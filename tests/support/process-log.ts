/**
 * Everything a host process started by the tests writes (stdout and stderr) also goes to a file
 * under test-results/logs/, so that tests/scan/bsn-scan.test.ts can prove afterwards that no
 * BSN ever reached an application log. Window titles seen by the browser tests go there too.
 */
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOG_DIR = resolve(import.meta.dirname, '../../test-results/logs');
/** Written by clear-test-logs.ts when a run starts: `{ pid, at }` of that vitest process. */
export const RUN_MARKER = join(LOG_DIR, 'run.json');

/**
 * Whether test-results/logs was emptied by this vitest run (the marker names this process or its
 * parent: test files run in the main process's threads or forks), so what it holds is this run's.
 */
export function logsAreFromThisRun(): { fresh: boolean; why: string } {
  let marker: { pid?: unknown; at?: unknown };
  try {
    marker = JSON.parse(readFileSync(RUN_MARKER, 'utf8')) as { pid?: unknown; at?: unknown };
  } catch {
    return { fresh: false, why: `no run marker ${RUN_MARKER}: the browser tests' globalSetup (tests/support/clear-test-logs.ts) did not run in this run` };
  }
  if (marker.pid === process.pid || marker.pid === process.ppid) return { fresh: true, why: `logs of this run (since ${String(marker.at)})` };
  return { fresh: false, why: `the logs are from another run (started ${String(marker.at)}), not this one` };
}

/** Lines written to the log file by the tests themselves (not the process), e.g. window titles. */
export type LogNote = (line: string) => void;

/** Tees the process's output into test-results/logs/<label>-<pid>.log; returns a way to add a note. */
export function captureProcessLog(child: ChildProcess, label: string): LogNote {
  mkdirSync(LOG_DIR, { recursive: true });
  const file: WriteStream = createWriteStream(join(LOG_DIR, `${label.replace(/[^a-z0-9-]+/gi, '-')}-${child.pid ?? 'x'}.log`), { flags: 'a' });
  const tee = (chunk: Buffer | string) => file.write(chunk);
  child.stdout?.on('data', tee);
  child.stderr?.on('data', tee);
  child.once('close', () => file.end());
  return (line) => {
    if (!file.writableEnded) file.write(`${line}\n`);
  };
}
