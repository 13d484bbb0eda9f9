/**
 * BSNs never reach a log: a failure line may quote what a server answered, and servers echo what
 * they were sent. Every line the core (and the Electron shell) logs passes through here.
 */
import { isValidBsn, maskBsn } from '../../../shared/bsn';

/** Nine digits standing alone (not part of a longer id, hash or timestamp). */
const NINE_DIGITS = /(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])/g;

/** The text with every BSN (nine digits that pass the elfproef) masked as `*****3653`. */
export function maskBsnsIn(text: string): string {
  return text.replace(NINE_DIGITS, (digits) => (isValidBsn(digits) ? maskBsn(digits) : digits));
}

/** A log that masks BSNs in every line before writing it. */
export function withoutBsns(log: (line: string) => void): (line: string) => void {
  return (line) => log(maskBsnsIn(line));
}
