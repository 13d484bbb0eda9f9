import { describe, expect, it } from 'vitest';
import { prefillContactPoints } from '../../../src/renderer/src/lib/callback-prefill';

describe('prefillContactPoints', () => {
  it('a known customer: their numbers and e-mail addresses, at most three of each', () => {
    const customer = { telefoonnummers: ['0612345678', '0512140599', '0201234567', '0301234567'], emailadressen: ['bert@example.nl'] };
    expect(prefillContactPoints({ bellerNummer: '0699990000' }, customer)).toEqual({
      nummers: ['0612345678', '0512140599', '0201234567'],
      emails: ['bert@example.nl'],
    });
  });

  it('a known customer without a number: one empty field to type in', () => {
    expect(prefillContactPoints({ bellerNummer: '' }, { telefoonnummers: [], emailadressen: [] })).toEqual({ nummers: [''], emails: [] });
  });

  it('an unknown caller: the number they called from, trimmed', () => {
    expect(prefillContactPoints({ bellerNummer: ' 06-99990001 ' }, null)).toEqual({ nummers: ['06-99990001'], emails: [] });
  });

  it('an unknown caller without a number: one empty field', () => {
    expect(prefillContactPoints({ bellerNummer: '  ' }, null)).toEqual({ nummers: [''], emails: [] });
  });
});
