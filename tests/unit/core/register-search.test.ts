/** Which register question a typed search becomes (services/register-search.ts). */
import { describe, expect, it } from 'vitest';
import type { BrpPersoon, BrpVraag, Personen } from '../../../src/main/core/adapters/brp/client';
import { RegisterSearch, splitNaam } from '../../../src/main/core/services/register-search';
import { classifySearch } from '../../../src/shared/identify';

class Brp implements Personen {
  readonly gemeenteVanInschrijving = '1990';
  vragen: { vraag: BrpVraag; fields: readonly string[] }[] = [];
  async zoek(vraag: BrpVraag, fields: readonly string[]): Promise<BrpPersoon[]> {
    this.vragen.push({ vraag, fields });
    return [];
  }
}

describe('register questions', () => {
  it('splits a typed name into voornamen, voorvoegsel and geslachtsnaam, with wildcards from 3 letters', () => {
    expect(splitNaam('Bert Burger')).toEqual({ voornamen: 'Bert*', geslachtsnaam: 'Burger*' });
    expect(splitNaam('jan van der berg')).toEqual({ voornamen: 'jan*', voorvoegsel: 'van der', geslachtsnaam: 'berg*' });
    expect(splitNaam('Bo Li')).toEqual({ voornamen: 'Bo', geslachtsnaam: 'Li' });
    expect(splitNaam('Burger')).toBeNull();
  });

  it('asks the BRP by name within the gemeente, by postcode + huisnummer and by BSN, with the role’s fields only', async () => {
    const brp = new Brp();
    const search = new RegisterSearch(brp, undefined, () => {});
    await search.ask(classifySearch('Bert Burger'), ['kcc']);
    await search.ask(classifySearch('8441 BB 12'), ['balie']);
    await search.ask(classifySearch('999993653'), ['kcc']);
    // One word: the BRP needs voornamen too, so it is not asked; nor for a role without BRP fields.
    await search.ask(classifySearch('Burger'), ['kcc']);
    await search.ask(classifySearch('Bert Burger'), ['kennisredacteur']);
    expect(brp.vragen.map((v) => v.vraag)).toEqual([
      { type: 'ZoekMetNaamEnGemeenteVanInschrijving', voornamen: 'Bert*', geslachtsnaam: 'Burger*', gemeenteVanInschrijving: '1990' },
      { type: 'ZoekMetPostcodeEnHuisnummer', postcode: '8441BB', huisnummer: 12 },
      { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999993653'] },
    ]);
    expect(brp.vragen[0]!.fields).toContain('naam.geslachtsnaam');
    expect(brp.vragen[0]!.fields).not.toContain('nationaliteiten');
  });
});
