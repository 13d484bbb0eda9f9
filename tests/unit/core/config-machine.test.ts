import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_FILE, ConfigError, loadConfig } from '../../../src/main/core/config/load';
import { MACHINE_CONFIG_ENV, machineConfigPath } from '../../../src/main/core/config/machine-config';
import { SECRETS_ENV } from '../../../src/main/core/config/secret-fields';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let userDir: string;
let machineFile: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = tempDir();
  userDir = join(dir.path, 'gebruiker');
  mkdirSync(userDir);
  machineFile = join(dir.path, 'ProgramData', 'Klantbeeld', 'klantbeeld.config.json');
  mkdirSync(join(dir.path, 'ProgramData', 'Klantbeeld'), { recursive: true });
  env = { [MACHINE_CONFIG_ENV]: machineFile };
});
afterEach(() => dir.remove());

const turfbrug = {
  kind: 'zgw',
  label: 'Open Zaak gemeente Turfbrug',
  zakenUrl: 'https://openzaak.turfbrug.nl/zaken/api/v1',
  catalogiUrl: 'https://openzaak.turfbrug.nl/catalogi/api/v1',
  klantinteractiesUrl: 'https://openklant.turfbrug.nl/klantinteracties/api/v1',
  zgwClientId: 'klantbeeld',
  bronorganisatie: '002756419',
};
const secrets = { 'adapter.zgwSecret': 'per-gebruiker-geheim', 'adapter.klantinteractiesToken': 'per-gebruiker-token' };

const writeMachine = (content: unknown) => writeFileSync(machineFile, typeof content === 'string' ? content : JSON.stringify(content));
const writeUser = (content: unknown) => writeFileSync(join(userDir, CONFIG_FILE), JSON.stringify(content));

describe('machine-wide configuration', () => {
  it('lives in ProgramData on Windows and in /etc on Linux unless the environment names another file', () => {
    expect(machineConfigPath({ ProgramData: 'D:\\ProgramData' }, 'win32')).toMatch(/^D:\\ProgramData.Klantbeeld.klantbeeld\.config\.json$/);
    expect(machineConfigPath({}, 'linux')).toBe('/etc/klantbeeld/klantbeeld.config.json');
    expect(machineConfigPath({ [MACHINE_CONFIG_ENV]: '/srv/kb.json' }, 'win32')).toBe('/srv/kb.json');
  });

  it('lies under the user file: the machine sets the zaaksysteem, the user keeps his own unlocked settings, secrets come per user', () => {
    writeMachine({ instellingen: { adapter: turfbrug, retentie: { bewaarWerkdagen: 3 }, kanalen: ['telefoon', 'balie'] } });
    writeUser({ kanalen: ['telefoon'] });
    const config = loadConfig(userDir, { ...env, [SECRETS_ENV]: JSON.stringify(secrets) });
    expect(config.adapter).toMatchObject({ ...turfbrug, zgwSecret: 'per-gebruiker-geheim' });
    expect(config.retentie.bewaarWerkdagen).toBe(3);
    expect(config.kanalen).toEqual(['telefoon']);
  });

  it('wins over the user file and KLANTBEELD_* variables for a locked field, and says so in the log', () => {
    writeMachine({
      instellingen: { adapter: turfbrug, retentie: { bewaarWerkdagen: 0 }, screenpop: { perUser: true } },
      vergrendeld: ['adapter', 'retentie.bewaarWerkdagen', 'screenpop.perUser', 'auth'],
    });
    writeUser({ retentie: { bewaarWerkdagen: 20, intervalMinuten: 30 }, screenpop: { perUser: false }, adapter: { kind: 'demo' } });
    const lines: string[] = [];
    const config = loadConfig(
      userDir,
      { ...env, [SECRETS_ENV]: JSON.stringify(secrets), KLANTBEELD_ZAKEN_URL: 'https://elders.example.nl/zaken/api/v1', KLANTBEELD_AUTH: 'vast' },
      (line) => lines.push(line),
    );
    expect(config.adapter).toMatchObject({ ...turfbrug, zgwSecret: 'per-gebruiker-geheim', klantinteractiesToken: 'per-gebruiker-token' });
    expect(config.retentie).toEqual({ bewaarWerkdagen: 0, intervalMinuten: 30 });
    expect(config.screenpop.perUser).toBe(true);
    // Locked without a machine value: the default, whatever the user asks.
    expect(config.auth.mode).not.toBe('vast');
    expect(lines.join('\n')).toMatch(/adapter is locked/);
    expect(lines.join('\n')).toMatch(/retentie\.bewaarWerkdagen is locked/);
    expect(lines.join('\n')).toMatch(/screenpop\.perUser is locked/);
    expect(lines.join('\n')).toMatch(/auth is locked/);
  });

  it('starts a new user with an empty file, so the machine settings are not hidden by written-out defaults', () => {
    writeMachine({ instellingen: { adapter: turfbrug } });
    const config = loadConfig(userDir, { ...env, [SECRETS_ENV]: JSON.stringify(secrets) });
    expect(config.adapter.kind).toBe('zgw');
    expect(JSON.parse(readFileSync(join(userDir, CONFIG_FILE), 'utf8'))).toEqual({});
  });

  it('refuses secrets in the machine file: everyone on the machine can read it', () => {
    writeMachine({ instellingen: { adapter: { ...turfbrug, zgwSecret: 'gedeeld' }, brp: { url: 'https://brp.turfbrug.nl/haalcentraal/api/brp', apiKey: 'k' } } });
    expect(() => loadConfig(userDir, env)).toThrow(ConfigError);
    expect(() => loadConfig(userDir, env)).toThrow(/bevat geheimen \(adapter\.zgwSecret, brp\.apiKey\)/);
  });

  it('names what is wrong with the machine file in Dutch', () => {
    writeMachine('{ kapot');
    expect(() => loadConfig(userDir, env)).toThrow(/Machineconfiguratie .* is geen geldige JSON/);
    writeMachine({ instellingen: {}, vergrendeld: ['adapter', 'retentie.bewaardagen', 'bestaatniet'] });
    expect(() => loadConfig(userDir, env)).toThrow(/vergrendeld noemt onbekende velden: retentie\.bewaardagen, bestaatniet/);
    writeMachine({ instellingen: {}, locked: ['adapter'] });
    expect(() => loadConfig(userDir, env)).toThrow(/onbekende sleutels locked/);
    writeMachine({ vergrendeld: 'adapter' });
    expect(() => loadConfig(userDir, env)).toThrow(/vergrendeld: verwacht een lijst/);
    writeMachine({ instellingen: { adapter: { ...turfbrug, zakenUrl: 'ftp://nee' } }, vergrendeld: ['adapter'] });
    expect(() => loadConfig(userDir, env)).toThrow(/Configuratie ongeldig \(.*ProgramData.*\): adapter\.zakenUrl/);
  });

  it('changes nothing when there is no machine file', () => {
    writeUser({ retentie: { bewaarWerkdagen: 5 } });
    expect(loadConfig(userDir, env).retentie.bewaarWerkdagen).toBe(5);
  });
});
