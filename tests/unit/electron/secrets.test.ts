import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFakeElectron, safeStorage } from './fake-electron';
import { CONFIG_FILE, loadConfig } from '../../../src/main/core/config/load';
import { SECRETS_ENV } from '../../../src/main/core/config/secret-fields';
import { prepareSecrets, SECRETS_FILE, SECRETS_MESSAGES, SecretsError, secretsEnv } from '../../../src/main/electron/secrets';
import { tempDir } from '../../support/tmp';

vi.mock('electron', () => import('./fake-electron'));

const CONFIG = {
  adapter: {
    kind: 'zgw',
    zakenUrl: 'https://zaken.turfbrug.example/zaken/api/v1',
    catalogiUrl: 'https://zaken.turfbrug.example/catalogi/api/v1',
    klantinteractiesUrl: 'https://klant.turfbrug.example/klantinteracties/api/v1',
    zgwClientId: 'klantbeeld',
    zgwSecret: 'zgw-geheim-1234567890',
    klantinteractiesToken: 'ok-token-abcdef',
    bronorganisatie: '002756419',
    extraZaaksystemen: [
      { label: 'Omgevingsloket', zakenUrl: 'https://vth.example/zaken/api/v1', catalogiUrl: 'https://vth.example/catalogi/api/v1', zgwClientId: 'kb', zgwSecret: 'vth-geheim-42' },
    ],
  },
  brp: { url: 'https://brp.example/haalcentraal/api/brp', apiKey: 'brp-sleutel-99' },
  kennisbank: { url: 'https://objecten.example/api/v2', token: 'objecten-token-7', objecttype: 'https://types.example/kennisartikel' },
  screenpop: { secret: 'telefonie-geheim-0123456789', port: 0 },
  verwerkingenlogging: { url: 'https://vlog.example/api/v1', clientId: 'klantbeeld', secret: 'vlog-geheim-31' },
};
const SECRET_VALUES = ['zgw-geheim-1234567890', 'ok-token-abcdef', 'vth-geheim-42', 'brp-sleutel-99', 'objecten-token-7', 'telefonie-geheim-0123456789', 'vlog-geheim-31'];

let dir: ReturnType<typeof tempDir>;
const log = vi.fn();
const configFile = () => join(dir.path, CONFIG_FILE);
const secretsFile = () => join(dir.path, SECRETS_FILE);
const writeConfig = (config: unknown) => writeFileSync(configFile(), JSON.stringify(config, null, 2));
const prepare = () => prepareSecrets({ dataDir: dir.path, log, platform: 'linux' });

beforeEach(() => {
  resetFakeElectron();
  log.mockClear();
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('zaaksysteem secrets in safeStorage', () => {
  it('moves every clear-text secret out of the config file into an encrypted file', () => {
    writeConfig(CONFIG);
    const secrets = prepare();
    expect(Object.values(secrets).sort()).toEqual([...SECRET_VALUES].sort());
    const config = readFileSync(configFile(), 'utf8');
    for (const secret of SECRET_VALUES) expect(config).not.toContain(secret);
    expect(JSON.parse(config)).toMatchObject({ adapter: { zgwClientId: 'klantbeeld', extraZaaksystemen: [{ label: 'Omgevingsloket' }] }, brp: { url: CONFIG.brp.url } });
    const stored = readFileSync(secretsFile());
    for (const secret of SECRET_VALUES) expect(stored.toString('latin1')).not.toContain(secret);
    expect(safeStorage.encryptString).toHaveBeenCalled();
    expect(statSync(secretsFile()).mode & 0o077).toBe(0);
    expect(log.mock.calls.flat().join(' ')).not.toMatch(/geheim|token-|sleutel/);
  });

  it('hands them to the core, which puts them back in place before it validates its configuration', () => {
    writeConfig(CONFIG);
    const env = secretsEnv(prepare());
    expect(Object.keys(env)).toEqual([SECRETS_ENV]);
    // A later start: nothing left in clear, the core still gets a complete configuration.
    const again = secretsEnv(prepare());
    const config = loadConfig(dir.path, again);
    expect(config.adapter).toMatchObject({ zgwSecret: 'zgw-geheim-1234567890', klantinteractiesToken: 'ok-token-abcdef', extraZaaksystemen: [{ zgwSecret: 'vth-geheim-42' }] });
    expect(config.brp?.apiKey).toBe('brp-sleutel-99');
    expect(config.kennisbank?.token).toBe('objecten-token-7');
    expect(config.screenpop.secret).toBe('telefonie-geheim-0123456789');
    expect(config.verwerkingenlogging.secret).toBe('vlog-geheim-31');
  });

  it('lets a secret typed into the config file replace the stored one', () => {
    writeConfig(CONFIG);
    prepare();
    const changed = JSON.parse(readFileSync(configFile(), 'utf8')) as typeof CONFIG;
    changed.adapter.zgwSecret = 'nieuw-zgw-geheim-5678';
    writeConfig(changed);
    const secrets = prepare();
    expect(secrets['adapter.zgwSecret']).toBe('nieuw-zgw-geheim-5678');
    expect(secrets['brp.apiKey']).toBe('brp-sleutel-99');
    expect(readFileSync(configFile(), 'utf8')).not.toContain('nieuw-zgw-geheim');
  });

  it('refuses the plain-text fallback on Linux without a keyring, with a Dutch message, and leaves the files alone', () => {
    writeConfig(CONFIG);
    safeStorage.backend = 'basic_text';
    expect(prepare).toThrow(SecretsError);
    expect(prepare).toThrow(SECRETS_MESSAGES.noKeyring);
    expect(SECRETS_MESSAGES.noKeyring).toMatch(/sleutelbos/);
    expect(existsSync(secretsFile())).toBe(false);
    expect(readFileSync(configFile(), 'utf8')).toContain('zgw-geheim-1234567890');
  });

  it('refuses when encryption is not available at all', () => {
    writeConfig(CONFIG);
    safeStorage.available = false;
    expect(prepare).toThrow(SECRETS_MESSAGES.noKeyring);
  });

  it('needs no keyring when there are no secrets (the embedded demo)', () => {
    writeConfig({ adapter: { kind: 'demo' } });
    safeStorage.backend = 'basic_text';
    expect(prepare()).toEqual({});
    expect(existsSync(secretsFile())).toBe(false);
    expect(secretsEnv({})).toEqual({});
  });

  it('says so in Dutch when the stored secrets cannot be decrypted', () => {
    writeConfig(CONFIG);
    prepare();
    writeFileSync(secretsFile(), 'niet versleuteld');
    expect(prepare).toThrow(SECRETS_MESSAGES.unreadable);
  });
});
