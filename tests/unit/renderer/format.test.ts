import { describe, expect, it } from 'vitest';
import { daysUntil, formatDate, formatDateTime, formatTime, todayInAmsterdam } from '../../../src/renderer/src/lib/format';

describe('formatting for the clerk (Europe/Amsterdam)', () => {
  it('shows times in Amsterdam whatever the offset of the input', () => {
    expect(formatTime('2025-01-15T09:30:00Z', 'nl')).toBe('10:30'); // winter: UTC+1
    expect(formatTime('2025-07-15T09:30:00Z', 'nl')).toBe('11:30'); // summer: UTC+2
    expect(formatTime('2025-07-15T11:30:00+02:00', 'nl')).toBe('11:30');
  });

  it('formats a date-time in Dutch', () => {
    const text = formatDateTime('2025-11-24T13:05:00Z', 'nl');
    expect(text).toContain('24 nov');
    expect(text).toContain('2025');
    expect(text).toContain('14:05');
  });

  it('never shifts a calendar date', () => {
    expect(formatDate('2025-03-01', 'nl')).toMatch(/^1 mrt\.? 2025$/);
  });

  it('knows the Amsterdam calendar day around midnight', () => {
    expect(todayInAmsterdam(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
    expect(todayInAmsterdam(new Date('2025-12-31T22:59:00Z'))).toBe('2025-12-31');
  });

  it('counts whole days until a date, negative when past', () => {
    const now = new Date('2025-06-30T22:30:00Z'); // 1 July in Amsterdam
    expect(daysUntil('2025-07-01', now)).toBe(0);
    expect(daysUntil('2025-07-08', now)).toBe(7);
    expect(daysUntil('2025-06-29', now)).toBe(-2);
    // Across the switch to winter time, still whole days.
    expect(daysUntil('2025-10-27', new Date('2025-10-25T10:00:00Z'))).toBe(2);
  });
});
