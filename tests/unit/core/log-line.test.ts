import { describe, expect, it } from 'vitest';
import { LOG_LINE_MAX, logLine, safeLog } from '../../../src/main/core/log-line';

describe('log lines carry input only escaped', () => {
  it('writes control characters, line breaks, bidi controls and half surrogate pairs as visible escapes', () => {
    expect(logLine('a\u0000b\u0007c\u001b[31md\u007f')).toBe('a\\u0000b\\u0007c\\u001b[31md\\u007f');
    expect(logLine('regel 1\nnep: ingelogd als beheerder\r')).toBe('regel 1\\u000anep: ingelogd als beheerder\\u000d');
    expect(logLine('x\u202Eevil\u2028y')).toBe('x\\u202eevil\\u2028y');
    expect(logLine('a\ud800b\udc00c')).toBe('a\\ud800b\\udc00c');
  });

  it('keeps ordinary text, tabs aside, as it is (accents, emoji)', () => {
    expect(logLine('sync: klantcontact geweigerd — café 😀')).toBe('sync: klantcontact geweigerd — café 😀');
  });

  it('cuts a flood with a mark', () => {
    const line = logLine('x'.repeat(LOG_LINE_MAX + 10));
    expect(line).toBe(`${'x'.repeat(LOG_LINE_MAX)}… (10 tekens weggelaten)`);
  });

  it('safeLog passes every line through', () => {
    const lines: string[] = [];
    safeLog((l) => lines.push(l))('a\nb');
    expect(lines).toEqual(['a\\u000ab']);
  });
});
