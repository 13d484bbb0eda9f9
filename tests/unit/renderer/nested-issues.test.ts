import { describe, expect, it } from 'vitest';
import { KlantbeeldError } from '../../../src/shared/contract/errors';
import { nestedIssues } from '../../../src/renderer/src/lib/errors';

describe('nestedIssues', () => {
  it('the messages under one field, by the rest of their path; other fields left out', () => {
    const error = new KlantbeeldError({
      code: 'invalid_input',
      message: 'De antwoorden op de vragen van het team kloppen niet.',
      issues: [
        { path: 'antwoorden.adres', message: 'Beantwoord "Adres van het perceel".' },
        { path: 'antwoorden.soort', message: 'Kies een van: Bouwen, Kappen.' },
        { path: 'antwoorden.soort', message: 'Nog een.' },
        { path: 'telefoonnummers.0', message: 'Ongeldig telefoonnummer.' },
        { path: 'antwoorden', message: 'Te veel antwoorden.' },
      ],
    });
    expect(nestedIssues(error, 'antwoorden')).toEqual({ adres: 'Beantwoord "Adres van het perceel".', soort: 'Kies een van: Bouwen, Kappen. Nog een.' });
  });

  it('nothing for an error without issues or anything else thrown', () => {
    expect(nestedIssues(new Error('boom'), 'antwoorden')).toEqual({});
    expect(nestedIssues({ code: 'unavailable', message: 'Weg.' }, 'antwoorden')).toEqual({});
  });
});
