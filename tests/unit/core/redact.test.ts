import { describe, expect, it } from 'vitest';
import { safeLog } from '../../../src/main/core/log-line';
import { maskBsnsIn } from '../../../src/main/core/util/redact';

describe('BSNs masked in log lines', () => {
  it('masks every nine-digit number that passes the elfproef, wherever it stands in the line', () => {
    expect(maskBsnsIn('HTTP 400: Ongeldige invoer: 999993653.')).toBe('HTTP 400: Ongeldige invoer: *****3653.');
    expect(maskBsnsIn('inpBsn=999993653&x=999991772')).toBe('inpBsn=*****3653&x=*****1772');
  });

  it('leaves other numbers alone: failing the elfproef, longer runs, parts of ids', () => {
    for (const line of ['nummer 123456789', 'tijd 1733600000999993653', 'id a999993653', 'rsin 0999993653']) expect(maskBsnsIn(line)).toBe(line);
  });

  it('safeLog (every log sink) masks before the line is written', () => {
    const written: string[] = [];
    safeLog((line) => written.push(line))('sync: parked: 999993653');
    expect(written).toEqual(['sync: parked: *****3653']);
  });
});
