import { describe, expect, it } from 'vitest';
import { KlantbeeldError } from '../../../src/shared/contract/errors';
import { codeOf, fieldIssues, messageOf } from '../../../src/renderer/src/lib/errors';

describe('reading failed calls', () => {
  const error = new KlantbeeldError({
    code: 'invalid_input',
    message: 'Controleer de invoer.',
    issues: [
      { path: 'onderwerp', message: 'Vul het onderwerp in.' },
      { path: 'inhoud', message: 'Maximaal 1000 tekens.' },
    ],
  });

  it('reads a KlantbeeldError', () => {
    expect(messageOf(error, 'x')).toBe('Controleer de invoer.');
    expect(codeOf(error)).toBe('invalid_input');
    expect(fieldIssues(error)).toEqual({ onderwerp: 'Vul het onderwerp in.', inhoud: 'Maximaal 1000 tekens.' });
  });

  it('reads the plain clone that crosses the Electron contextBridge', () => {
    const bridged = { name: 'KlantbeeldError', code: 'unavailable', message: 'Het zaaksysteem is niet bereikbaar.' };
    expect(messageOf(bridged, 'x')).toBe('Het zaaksysteem is niet bereikbaar.');
    expect(codeOf(bridged)).toBe('unavailable');
    expect(fieldIssues(bridged)).toEqual({});
  });

  it('falls back for anything else', () => {
    expect(messageOf(new Error('internal detail'), 'Er ging iets mis.')).toBe('Er ging iets mis.');
    expect(messageOf(undefined, 'Er ging iets mis.')).toBe('Er ging iets mis.');
    expect(codeOf('boom')).toBeNull();
  });

  it('groups several issues of one field, and nested paths under their field', () => {
    const e = new KlantbeeldError({ code: 'invalid_input', message: 'x', issues: [{ path: 'onderwerp', message: 'A.' }, { path: 'onderwerp.0', message: 'B.' }] });
    expect(fieldIssues(e)).toEqual({ onderwerp: 'A. B.' });
  });
});
