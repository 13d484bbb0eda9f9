/**
 * Finds BSNs in text: any 9-digit number standing on its own that passes the elfproef
 * (src/shared/bsn.ts). Used on the logs, exported files and window titles the tests leave
 * behind; a masked BSN (`*****3653`) is not one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isValidBsn, maskBsn } from '../../src/shared/bsn';

/** Nine digits not part of a longer run of digits or letters (ids, hashes, timestamps). */
const NINE_DIGITS = /(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])/g;

export interface BsnFinding {
  file: string;
  line: number;
  /** Masked: the finding itself must not spread the BSN further. */
  bsn: string;
}

export function findBsns(text: string): { line: number; bsn: string }[] {
  const found: { line: number; bsn: string }[] = [];
  text.split('\n').forEach((content, index) => {
    for (const [candidate] of content.matchAll(NINE_DIGITS)) if (isValidBsn(candidate)) found.push({ line: index + 1, bsn: candidate });
  });
  return found;
}

const filesUnder = (dir: string, wanted: RegExp): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path, wanted) : wanted.test(entry.name) ? [path] : [];
  });

/** Scans every matching file under `dir`; returns what it scanned and every BSN found (masked). */
export function scanForBsns(dir: string, wanted = /\.(log|csv|txt)$/i): { scanned: string[]; findings: BsnFinding[] } {
  let scanned: string[] = [];
  try {
    if (statSync(dir).isDirectory()) scanned = filesUnder(dir, wanted);
  } catch {
    scanned = [];
  }
  const findings = scanned.flatMap((file) =>
    findBsns(readFileSync(file, 'utf8')).map(({ line, bsn }) => ({ file: relative(dir, file), line, bsn: maskBsn(bsn) })),
  );
  return { scanned, findings };
}
