/**
 * BSNs never reach a log: a failure line may quote what a server answered, and servers echo what
 * they were sent. Every line the core (and the Electron shell) logs passes through here, by way of
 * log-line.ts's safeLog.
 */
import { isValidBsn, maskBsn } from '../../../shared/bsn';

/** Nine digits standing alone (not part of a longer id, hash or timestamp). */
const NINE_DIGITS = /(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])/g;

/** The text with every BSN (nine digits that pass the elfproef) masked as `*****3653`. */
export function maskBsnsIn(text: string): string {
  return text.replace(NINE_DIGITS, (digits) => (isValidBsn(digits) ? maskBsn(digits) : digits));
}
