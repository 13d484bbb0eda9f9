import { describe, expect, it } from 'vitest';
import { mergeSecrets, SECRETS_ENV, secretsFromEnv, splitSecrets } from '../../../src/main/core/config/secret-fields';

describe('secret fields of the configuration', () => {
  it('splits every secret off, by dotted path, and leaves everything else', () => {
    const { config, secrets } = splitSecrets({
      adapter: { kind: 'zgw', zgwClientId: 'kb', zgwSecret: 'a', klantinteractiesToken: 'b', extraZaaksystemen: [{ label: 'x', zgwSecret: 'c' }, { label: 'y', zgwSecret: 'd' }] },
      brp: { url: 'https://brp.example', apiKey: 'e' },
      screenpop: { secret: null, port: 0 },
    });
    expect(secrets).toEqual({
      'adapter.zgwSecret': 'a',
      'adapter.klantinteractiesToken': 'b',
      'adapter.extraZaaksystemen.0.zgwSecret': 'c',
      'adapter.extraZaaksystemen.1.zgwSecret': 'd',
      'brp.apiKey': 'e',
    });
    expect(config).toEqual({
      adapter: { kind: 'zgw', zgwClientId: 'kb', extraZaaksystemen: [{ label: 'x' }, { label: 'y' }] },
      brp: { url: 'https://brp.example' },
      screenpop: { secret: null, port: 0 },
    });
  });

  it('puts secrets back only where the configuration still has their section, and never over a typed value', () => {
    const merged = mergeSecrets({ adapter: { kind: 'zgw', zgwSecret: 'nieuw' } }, { 'adapter.zgwSecret': 'oud', 'adapter.klantinteractiesToken': 'b', 'kennisbank.token': 'k', 'adapter.extraZaaksystemen.0.zgwSecret': 'c' });
    expect(merged).toEqual({ adapter: { kind: 'zgw', zgwSecret: 'nieuw', klantinteractiesToken: 'b' } });
  });

  it('takes nothing from a malformed KLANTBEELD_SECRETS', () => {
    expect(secretsFromEnv({ [SECRETS_ENV]: 'geen json' })).toEqual({});
    expect(secretsFromEnv({ [SECRETS_ENV]: '{"a": 1}' })).toEqual({});
    expect(secretsFromEnv({})).toEqual({});
    expect(secretsFromEnv({ [SECRETS_ENV]: '{"brp.apiKey":"e"}' })).toEqual({ 'brp.apiKey': 'e' });
  });
});
