/**
 * Two users on one terminal server (issue 15): one machine-wide configuration that locks
 * `screenpop` to per-user endpoints; each user's core gets a data folder, a cache key and a
 * screen-pop endpoint of its own, even when a user's own file asks for a shared fixed port.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type StartedCore } from '../../../src/main/core';
import { MACHINE_CONFIG_ENV } from '../../../src/main/core/config/machine-config';
import { SCREENPOP_ENDPOINT_FILE } from '../../../src/main/core/screenpop';
import { CACHE_KEY_FILE } from '../../../src/main/core/store/cache-key';
import { writeOfflineConfig } from '../../support/offline-core';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
const cores: StartedCore[] = [];
beforeEach(() => {
  dir = tempDir();
});
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  dir.remove();
});

describe('a terminal server with a machine-wide configuration', () => {
  it('gives two users two data folders, two cache keys and two screen-pop endpoints', async () => {
    const machineFile = join(dir.path, 'ProgramData-klantbeeld.config.json');
    writeFileSync(machineFile, JSON.stringify({ instellingen: { screenpop: { perUser: true } }, vergrendeld: ['screenpop.perUser'] }));
    const lines: string[] = [];
    const user = async (naam: string, screenpop?: object) => {
      const dataDir = join(dir.path, naam);
      writeOfflineConfig(dataDir, {});
      if (screenpop) {
        const file = join(dataDir, 'klantbeeld.config.json');
        writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), screenpop }));
      }
      const core = await startCore({
        dataDir,
        env: { KLANTBEELD_AUTH: 'vast', KLANTBEELD_USER_ROLES: 'kcc', [MACHINE_CONFIG_ENV]: machineFile },
        log: (line) => lines.push(`${naam}: ${line}`),
      });
      cores.push(core);
      return {
        endpoint: JSON.parse(readFileSync(join(dataDir, SCREENPOP_ENDPOINT_FILE), 'utf8')) as { url: string; secret: string },
        cacheKey: readFileSync(join(dataDir, CACHE_KEY_FILE), 'utf8'),
      };
    };
    const anna = await user('anna');
    // Bram's own file asks for the shared fixed port with a shared secret: the lock keeps him on his own.
    const bram = await user('bram', { perUser: false, port: 4567, secret: 'een-gedeeld-geheim-van-de-balie' });
    expect(anna.endpoint.url).not.toBe(bram.endpoint.url);
    expect(bram.endpoint.url).not.toContain(':4567/');
    expect(anna.endpoint.secret).not.toBe(bram.endpoint.secret);
    expect(anna.cacheKey).not.toBe(bram.cacheKey);
    expect(lines.some((line) => line.startsWith('bram: ') && /screenpop\.perUser is locked/.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith('anna: ') && /is locked/.test(line))).toBe(false);
  });
});
