/**
 * The beheerder's sluitingsdagen under a machine-wide configuration (issue 15): a locked list is
 * refused in Dutch and the user file is not touched; an unlocked list from the machine file is
 * the one a new sluitingsdag is added to.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type StartedCore } from '../../../src/main/core';
import { MACHINE_CONFIG_ENV } from '../../../src/main/core/config/machine-config';
import type { KalenderOverzicht } from '../../../src/shared/contract/areas/beheer';
import { writeOfflineConfig } from '../../support/offline-core';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let core: StartedCore | null = null;
beforeEach(() => {
  dir = tempDir();
});
afterEach(async () => {
  await core?.close();
  core = null;
  dir.remove();
});

const koningsdagBrug = { datum: '2026-04-28', omschrijving: 'Brugdag na Koningsdag' };
const hemelvaartBrug = { datum: '2026-05-15', omschrijving: 'Vrijdag na Hemelvaart' };

async function beheerderWith(machine: unknown): Promise<{ core: StartedCore; userFile: string }> {
  const dataDir = join(dir.path, 'gebruiker');
  writeOfflineConfig(dataDir, {});
  const machineFile = join(dir.path, 'machine.json');
  writeFileSync(machineFile, JSON.stringify(machine));
  core = await startCore({ dataDir, env: { KLANTBEELD_AUTH: 'vast', KLANTBEELD_USER_ROLES: 'beheerder', [MACHINE_CONFIG_ENV]: machineFile }, log: () => {} });
  return { core, userFile: join(dataDir, 'klantbeeld.config.json') };
}

describe('beheer under a machine-wide configuration', () => {
  it('refuses to change sluitingsdagen the machine file locks, and leaves the user file alone', async () => {
    const { core, userFile } = await beheerderWith({ instellingen: { werkdagen: { sluitingsdagen: [koningsdagBrug] } }, vergrendeld: ['werkdagen'] });
    const before = readFileSync(userFile, 'utf8');
    const result = await core.dispatch('beheer.sluitingsdagToevoegen', hemelvaartBrug);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/De sluitingsdagen worden centraal vastgelegd \(.*machine\.json\); wijzig ze daar\./);
    expect(readFileSync(userFile, 'utf8')).toBe(before);
    expect(core.kalender.get().isWerkdag(koningsdagBrug.datum)).toBe(false);
  });

  it('adds a sluitingsdag to the machine file’s list when that is not locked', async () => {
    const { core } = await beheerderWith({ instellingen: { werkdagen: { sluitingsdagen: [koningsdagBrug] } } });
    const result = await core.dispatch('beheer.sluitingsdagToevoegen', hemelvaartBrug);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const overzicht = result.ok ? (result.value as KalenderOverzicht) : null;
    expect(overzicht?.dagen.filter((d) => d.soort === 'sluitingsdag').map((d) => d.datum)).toEqual([koningsdagBrug.datum, hemelvaartBrug.datum]);
  });
});
