/**
 * Everything a host process started by the tests writes (stdout and stderr) also goes to a file
 * under test-results/logs/, so that tests/scan/bsn-scan.test.ts can prove afterwards that no
 * BSN ever reached an application log. Window titles seen by the browser tests go there too.
 */
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOG_DIR = resolve(import.meta.dirname, '../../test-results/logs');

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
