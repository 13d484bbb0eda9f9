/**
 * Identify (issue 3): "achternaam geboortedatum" search keys, answered by the BRP.
 */
import { describe, expect, it } from 'vitest';
import { GEBOORTEDATUM_INVALID_MESSAGE, classifySearch, isoDate } from '../../../src/shared/identify';

describe('classifySearch: achternaam + geboortedatum', () => {
  it.each([
    ['Burger 12-03-1968', 'Burger', null, '1968-03-12'],
    ['Burger 12-3-1968', 'Burger', null, '1968-03-12'],
    ['  burger   1-3-1968 ', 'burger', null, '1968-03-01'],
    ['Burger 1968-03-12', 'Burger', null, '1968-03-12'],
    ['van der Berg 1968-03-12', 'Berg', 'van der', '1968-03-12'],
    ['Van Dijk 29-02-2000', 'Dijk', 'van', '2000-02-29'],
    ["d'Ancona 05-11-1950", "d'Ancona", null, '1950-11-05'],
    ['de Vries-Jansen 31-12-1999', 'Vries-Jansen', 'de', '1999-12-31'],
    ['Öztürk 07-07-1977', 'Öztürk', null, '1977-07-07'],
  ])('%s', (query, achternaam, voorvoegsel, geboortedatum) => {
    expect(classifySearch(query)).toEqual({ kind: 'naam-geboortedatum', achternaam, voorvoegsel, geboortedatum });
  });

  it('a lone voorvoegsel-like word is the achternaam itself', () => {
    expect(classifySearch('Van 12-03-1968')).toMatchObject({ kind: 'naam-geboortedatum', achternaam: 'Van', voorvoegsel: null });
  });

  it.each(['Burger 31-02-1968', 'Burger 12-13-1968', 'Burger 00-03-1968', 'Burger 1968-02-30', 'Burger 29-02-1999', 'Burger 12-03-1700', 'Burger 12-03-2999'])(
    '%s is a name with an invalid date',
    (query) => {
      expect(classifySearch(query)).toEqual({ kind: 'geboortedatum-invalid', text: query });
    },
  );

  it('other forms stay what they were', () => {
    expect(classifySearch('Burger').kind).toBe('naam');
    expect(classifySearch('Turfmarkt 12').kind).toBe('naam');
    expect(classifySearch('Burger 1968').kind).toBe('naam');
    expect(classifySearch('Burger 12/03/1968').kind).toBe('naam');
    expect(classifySearch('12-03-1968').kind).not.toBe('naam-geboortedatum');
    expect(classifySearch('8441 BB 12').kind).toBe('postcode');
    expect(classifySearch('999993653').kind).toBe('bsn');
  });

  it('isoDate checks the calendar and refuses the future', () => {
    const today = new Date('2026-11-28T12:00:00Z');
    expect(isoDate(1968, 3, 12, today)).toBe('1968-03-12');
    expect(isoDate(2026, 11, 28, today)).toBe('2026-11-28');
    expect(isoDate(2026, 11, 29, today)).toBeNull();
    expect(isoDate(2023, 2, 29, today)).toBeNull();
    expect(isoDate(2024, 2, 29, today)).toBe('2024-02-29');
  });

  it('explains an invalid date in Dutch', () => {
    expect(GEBOORTEDATUM_INVALID_MESSAGE).toMatch(/geen geldige geboortedatum/);
    expect(GEBOORTEDATUM_INVALID_MESSAGE).toMatch(/dd-mm-jjjj/);
  });
});
