/**
 * klantbeeld:// links, e.g. `klantbeeld://bel?nummer=0201234567` from the telephony client
 * (screen-pop), and `--bel=<nummer>` on the command line of a second start. They arrive from
 * outside, so they are validated strictly; a valid one is handed to the core
 * (customers.screenPop), which finds the caller and tells the window. Phone numbers are
 * personal data: they are never logged.
 */
import type { Log } from './log';

export const PROTOCOL_SCHEME = 'klantbeeld';

export type ProtocolLink = { action: 'bel'; nummer: string };

const MAX_LINK_LENGTH = 512;
/** What telephony clients send: digits, an optional leading +, and spaces, dashes, brackets. */
const PHONE_NUMBER_AS_SENT = /^[+0-9 ()-]{3,30}$/;
/** The number itself once the separators are gone (E.164 has at most 15 digits). */
const PHONE_NUMBER = /^\+?[0-9]{3,15}$/;

export function parseProtocolLink(raw: string): ProtocolLink | null {
  if (raw.length > MAX_LINK_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${PROTOCOL_SCHEME}:` || url.username || url.password || url.port) return null;
  // klantbeeld://bel?nummer=… (host form) and klantbeeld:bel?nummer=… (path form) are both seen in the wild.
  const action = (url.host || url.pathname).replace(/\/+$/, '').toLowerCase();
  if (action !== 'bel') return null;
  const sent = url.searchParams.get('nummer')?.trim() ?? '';
  const nummer = sent.replace(/[ ()-]/g, '');
  if (!PHONE_NUMBER_AS_SENT.test(sent) || !PHONE_NUMBER.test(nummer)) return null;
  return { action: 'bel', nummer };
}

/** The klantbeeld:// link among the command line arguments (Windows and Linux pass it there). */
export function protocolLinkFromArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${PROTOCOL_SCHEME}:`)) ?? null;
}

/** Validates a link and hands a valid number to `screenPop` (the core); logs without the number. */
export function handleProtocolLink(raw: string, log: Log, screenPop?: (nummer: string) => void): ProtocolLink | null {
  const link = parseProtocolLink(raw);
  if (!link) {
    log('ignored an invalid klantbeeld:// link');
    return null;
  }
  log(`received a klantbeeld://${link.action} link${screenPop ? '; screen-pop' : ''}`);
  screenPop?.(link.nummer);
  return link;
}

/** `--bel=0612345678` or `--bel 0612345678` among the arguments of a (second) start, validated like a link. */
export function screenPopNumberFromArgv(argv: readonly string[]): string | null {
  const index = argv.findIndex((arg) => arg === '--bel' || arg.startsWith('--bel='));
  if (index < 0) return null;
  const arg = argv[index] ?? '';
  const raw = arg === '--bel' ? (argv[index + 1] ?? '') : arg.slice('--bel='.length);
  return parseProtocolLink(`${PROTOCOL_SCHEME}://bel?nummer=${encodeURIComponent(raw)}`)?.nummer ?? null;
}
