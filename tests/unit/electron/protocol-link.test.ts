import { describe, expect, it, vi } from 'vitest';
import { handleProtocolLink, parseProtocolLink, protocolLinkFromArgv, screenPopNumberFromArgv } from '../../../src/main/electron/protocol-link';

describe('klantbeeld:// links', () => {
  it('accepts a bel link with a phone number, in host and path form', () => {
    expect(parseProtocolLink('klantbeeld://bel?nummer=0201234567')).toEqual({ action: 'bel', nummer: '0201234567' });
    expect(parseProtocolLink('klantbeeld://bel/?nummer=%2B31%2020-123%204567')).toEqual({ action: 'bel', nummer: '+31201234567' });
    expect(parseProtocolLink('KLANTBEELD:bel?nummer=(020)%201234567')).toEqual({ action: 'bel', nummer: '0201234567' });
  });

  it('refuses other actions, schemes, credentials, bad numbers and overlong links', () => {
    for (const raw of [
      'klantbeeld://open?nummer=0201234567',
      'https://bel?nummer=0201234567',
      'klantbeeld://user:pw@bel?nummer=0201234567',
      'klantbeeld://bel?nummer=',
      'klantbeeld://bel?nummer=<script>',
      'klantbeeld://bel?nummer=12',
      'klantbeeld://bel',
      `klantbeeld://bel?nummer=0201234567&x=${'a'.repeat(600)}`,
      'klantbeeld',
    ]) {
      expect(parseProtocolLink(raw), raw).toBeNull();
    }
  });

  it('finds the link among command line arguments', () => {
    expect(protocolLinkFromArgv(['/opt/Klantbeeld/klantbeeld', '--flag', 'klantbeeld://bel?nummer=0201234567'])).toBe(
      'klantbeeld://bel?nummer=0201234567',
    );
    expect(protocolLinkFromArgv(['/opt/Klantbeeld/klantbeeld', '.'])).toBeNull();
  });

  it('logs a received link without the phone number (personal data)', () => {
    const log = vi.fn();
    expect(handleProtocolLink('klantbeeld://bel?nummer=0201234567', log)).toEqual({ action: 'bel', nummer: '0201234567' });
    expect(handleProtocolLink('klantbeeld://bel?nummer=evil', log)).toBeNull();
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls.flat().join(' ')).not.toMatch(/0201234567|evil/);
  });

  it('hands a valid number to the screen-pop, never an invalid one', () => {
    const pop = vi.fn();
    handleProtocolLink('klantbeeld://bel?nummer=06-12345678', () => undefined, pop);
    handleProtocolLink('klantbeeld://bel?nummer=<script>', () => undefined, pop);
    expect(pop.mock.calls).toEqual([['0612345678']]);
  });

  it('reads --bel from the arguments of a second start', () => {
    expect(screenPopNumberFromArgv(['klantbeeld', '--bel=0612345678'])).toBe('0612345678');
    expect(screenPopNumberFromArgv(['klantbeeld', '--bel', '+31 6 12345678'])).toBe('+31612345678');
    expect(screenPopNumberFromArgv(['klantbeeld', '--bel=abc'])).toBeNull();
    expect(screenPopNumberFromArgv(['klantbeeld', '.'])).toBeNull();
  });
});
