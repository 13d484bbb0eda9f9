import { maskBsnsIn } from '../core/util/redact';

/** One log line for the application log. Callers never pass personal data (no BSN, names, phone numbers); a BSN quoted from elsewhere is masked all the same. */
export type Log = (line: string) => void;

export function createLog(scope: string): Log {
  return (line) => console.error(`[klantbeeld:${scope}] ${maskBsnsIn(line)}`);
}
