/**
 * Log lines may carry what someone typed or what a server echoed (an error message with the
 * input in it). Every log sink passes its lines through here, so nothing from outside can forge
 * a line (a newline), drive a terminal (ESC sequences), reorder text on screen (bidi controls)
 * or flood the log: such characters are written as visible escapes (`\u001b`) and a line is cut
 * at LOG_LINE_MAX characters with a mark. A BSN in it (a server echoing what it was sent) is masked
 * (util/redact.ts).
 */
import { maskBsnsIn } from './util/redact';

export const LOG_LINE_MAX = 4000;

// Control characters are exactly what this pattern is meant to find.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const escape = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One safe log line from any text. */
export function logLine(text: string): string {
  // Masked before the cut, so a BSN standing across the cut cannot leave its first digits behind.
  const masked = maskBsnsIn(text);
  const cut = masked.length > LOG_LINE_MAX ? `${masked.slice(0, LOG_LINE_MAX)}… (${masked.length - LOG_LINE_MAX} tekens weggelaten)` : masked;
  return cut.replace(UNSAFE, escape);
}

/** A log function whose every line goes through logLine. */
export function safeLog(log: (line: string) => void): (line: string) => void {
  return (line) => log(logLine(line));
}
