import { safeLog } from '../core/log-line';

/** One log line for the application log. Callers never pass personal data (no BSN, names, phone numbers). */
export type Log = (line: string) => void;

export function createLog(scope: string): Log {
  return safeLog((line) => console.error(`[klantbeeld:${scope}] ${line}`));
}
