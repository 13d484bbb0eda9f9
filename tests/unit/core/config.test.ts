import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_FILE, ConfigError, loadConfig } from '../../../src/main/core/config/load';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const zgw = {
  kind: 'zgw',
  zakenUrl: 'https://openzaak.example.nl/zaken/api/v1',
  catalogiUrl: 'https://openzaak.example.nl/catalogi/api/v1',
  klantinteractiesUrl: 'https://openklant.example.nl/klantinteracties/api/v1',
  zgwClientId: 'klantbeeld',
  zgwSecret: 's3cret',
  klantinteractiesToken: 'tok',
  bronorganisatie: '002756419',
};

describe('configuration', () => {
  it('defaults to the embedded demo and writes a documented default file on first start', () => {
    const config = loadConfig(dir.path, {});
    expect(config.adapter).toEqual({ kind: 'demo', port: 0 });
    expect(config.kanalen).toContain('telefoon');
    const written = JSON.parse(readFileSync(join(dir.path, CONFIG_FILE), 'utf8')) as { adapter: { kind: string } };
    expect(written.adapter.kind).toBe('demo');
  });

  it('reads a real zaaksysteem from the file, with defaults for the rest', () => {
    writeFileSync(join(dir.path, CONFIG_FILE), JSON.stringify({ adapter: zgw }));
    const config = loadConfig(dir.path, {});
    expect(config.adapter).toMatchObject({ ...zgw, pageSize: 100, timeoutMs: 15_000 });
  });

  it('requires the bronorganisatie of a real zaaksysteem: no example RSIN registers zaken under another organisation', () => {
    const { bronorganisatie: _missing, ...withoutRsin } = zgw;
    writeFileSync(join(dir.path, CONFIG_FILE), JSON.stringify({ adapter: withoutRsin }));
    expect(() => loadConfig(dir.path, {})).toThrow(ConfigError);
    expect(() => loadConfig(dir.path, {})).toThrow(/adapter\.bronorganisatie: Verplicht: het RSIN van de gemeente/);
    writeFileSync(join(dir.path, CONFIG_FILE), JSON.stringify({ adapter: { ...zgw, bronorganisatie: '123456789' } }));
    expect(() => loadConfig(dir.path, {})).toThrow(/adapter\.bronorganisatie: Geen geldig RSIN/);
  });

  it('lets KLANTBEELD_* variables override the file', () => {
    writeFileSync(join(dir.path, CONFIG_FILE), JSON.stringify({ adapter: zgw }));
    const config = loadConfig(dir.path, {
      KLANTBEELD_ZAKEN_URL: 'https://other.example.nl/zaken/api/v1',
      KLANTBEELD_KLANTINTERACTIES_TOKEN: 'other',
      KLANTBEELD_USER_ROLES: 'teamleider, kcc',
    });
    expect(config.adapter).toMatchObject({ zakenUrl: 'https://other.example.nl/zaken/api/v1', klantinteractiesToken: 'other' });
    expect(config.user.roles).toEqual(['teamleider', 'kcc']);
  });

  it('switches the full partij copy on or off by environment; anything but true/false is refused in Dutch', () => {
    writeFileSync(join(dir.path, CONFIG_FILE), JSON.stringify({ adapter: zgw, sync: { workQueueSeconds: 30 } }));
    expect(loadConfig(dir.path, { KLANTBEELD_PREFETCH_PARTIJEN: 'true' }).sync).toMatchObject({ prefetchPartijen: true, workQueueSeconds: 30 });
    expect(loadConfig(dir.path, { KLANTBEELD_PREFETCH_PARTIJEN: 'false' }).sync.prefetchPartijen).toBe(false);
    expect(loadConfig(dir.path, {}).sync.prefetchPartijen).toBeUndefined();
    expect(() => loadConfig(dir.path, { KLANTBEELD_PREFETCH_PARTIJEN: 'ja' })).toThrow(/sync\.prefetchPartijen/);
  });

  it('switches to a real zaaksysteem by environment alone', () => {
    const env = Object.fromEntries(
      Object.entries({ KLANTBEELD_ADAPTER: 'zgw', KLANTBEELD_ZAKEN_URL: zgw.zakenUrl, KLANTBEELD_CATALOGI_URL: zgw.catalogiUrl, KLANTBEELD_KLANTINTERACTIES_URL: zgw.klantinteractiesUrl, KLANTBEELD_ZGW_CLIENT_ID: 'c', KLANTBEELD_ZGW_SECRET: 's', KLANTBEELD_KLANTINTERACTIES_TOKEN: 't', KLANTBEELD_BRONORGANISATIE: '002756419' }),
    );
    expect(loadConfig(dir.path, env).adapter.kind).toBe('zgw');
  });

  it('names the broken field and never replaces a broken file', () => {
    writeFileSync(join(dir.path, CONFIG_FILE), JSON.stringify({ adapter: { ...zgw, zakenUrl: 'ftp://nope' } }));
    expect(() => loadConfig(dir.path, {})).toThrow(ConfigError);
    expect(() => loadConfig(dir.path, {})).toThrow(/adapter\.zakenUrl/);
    writeFileSync(join(dir.path, CONFIG_FILE), '{ kapot');
    expect(() => loadConfig(dir.path, {})).toThrow(/geen geldige JSON/);
    expect(readFileSync(join(dir.path, CONFIG_FILE), 'utf8')).toBe('{ kapot');
  });

  it('refuses unknown roles', () => {
    expect(() => loadConfig(dir.path, { KLANTBEELD_USER_ROLES: 'admin' })).toThrow(/user\.roles/);
  });

  it('tells the beheerder what is wrong in Dutch, naming the field (issue 11)', () => {
    const messageOf = () => {
      try {
        loadConfig(dir.path, {});
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    };
    writeFileSync(join(dir.path, CONFIG_FILE), JSON.stringify({ adapter: { kind: 'openklant' }, sync: { outboxIntervalSeconds: 'twee' } }));
    const message = messageOf();
    expect(message).toContain("adapter.kind: Ongeldige waarde: verwacht één van 'demo' | 'zgw'");
    expect(message).toContain('sync.outboxIntervalSeconds: Ongeldige invoer: verwacht getal');
    expect(message).not.toMatch(/Invalid|Expected|expected|received/);
    writeFileSync(join(dir.path, CONFIG_FILE), '{"adapter": {"kind": "demo"},}');
    expect(messageOf()).toMatch(/is geen geldige JSON \(regel 1, kolom \d+\)\.$/);
  });
});
