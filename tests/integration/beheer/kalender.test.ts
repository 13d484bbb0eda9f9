/**
 * The beheerder's werkdagen calendar through the real dispatcher on a real data folder: roles
 * are checked in the core, a sluitingsdag lands in klantbeeld.config.json (atomically, every
 * other key as it was) and moves deadlines at once, and survives a restart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type StartedCore } from '../../../src/main/core';
import type { KalenderOverzicht } from '../../../src/shared/contract/areas/beheer';
import { startOfflineCore } from '../../support/offline-core';
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

async function start(naam: string, roles: string): Promise<StartedCore> {
  const core = await startOfflineCore(join(dir.path, naam), roles);
  cores.push(core);
  return core;
}
const configFile = (naam: string) => join(dir.path, naam, 'klantbeeld.config.json');
const readConfig = (naam: string) => JSON.parse(readFileSync(configFile(naam), 'utf8')) as Record<string, unknown> & { werkdagen?: { sluitingsdagen: unknown[] } };

async function call<T>(core: StartedCore, operation: string, input: unknown): Promise<T> {
  const result = await core.dispatch(operation, input);
  if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

// Wednesday 13 May 2026, 12:00 in Amsterdam; Thursday 14 is Hemelvaartsdag.
const WOENSDAG = '2026-05-13T10:00:00Z';

describe('beheer: werkdagen calendar', () => {
  it('a kcc clerk is refused every beheer operation, and the file is not touched', async () => {
    const core = await start('kcc', 'kcc');
    const before = readFileSync(configFile('kcc'), 'utf8');
    for (const [operation, input] of [
      ['beheer.kalender', { jaar: 2026 }],
      ['beheer.sluitingsdagToevoegen', { datum: '2026-05-15', omschrijving: 'Vrijdag na Hemelvaart' }],
      ['beheer.sluitingsdagVerwijderen', { datum: '2026-05-15' }],
    ] as const) {
      const result = await core.dispatch(operation, input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('forbidden');
    }
    expect(readFileSync(configFile('kcc'), 'utf8')).toBe(before);
    expect(core.kalender.get().deadline(WOENSDAG, 1)).toBe('2026-05-15');
  });

  it('a beheerder adds the Friday after Ascension: the deadline moves at once, the file keeps everything else, a restart keeps it', async () => {
    const core = await start('beheer', 'beheerder');
    const overzicht = await call<KalenderOverzicht>(core, 'beheer.kalender', { jaar: 2026 });
    expect(overzicht.dagen).toContainEqual({ datum: '2026-05-14', naam: 'Hemelvaartsdag', soort: 'feestdag' });
    expect(overzicht.dagen.some((d) => d.soort === 'sluitingsdag')).toBe(false);
    expect(overzicht.normen).toEqual({ terugbellenWerkdagen: 2, sluitTijd: '17:00', perTeam: [] });
    expect(core.kalender.get().deadline(WOENSDAG, 1)).toBe('2026-05-15');
    const before = readConfig('beheer');

    const na = await call<KalenderOverzicht>(core, 'beheer.sluitingsdagToevoegen', { datum: '2026-05-15', omschrijving: ' Vrijdag na Hemelvaart ' });
    expect(na.dagen).toContainEqual({ datum: '2026-05-15', naam: 'Vrijdag na Hemelvaart', soort: 'sluitingsdag' });
    expect(na.werkdagen).toBe(overzicht.werkdagen - 1);
    expect(core.kalender.get().deadline(WOENSDAG, 1)).toBe('2026-05-18');
    expect(core.kalender.get().deadline(WOENSDAG, core.kalender.norm('KCC'))).toBe('2026-05-19');

    const after = readConfig('beheer');
    expect(after.werkdagen?.sluitingsdagen).toEqual([{ datum: '2026-05-15', omschrijving: 'Vrijdag na Hemelvaart' }]);
    const { werkdagen: _w, ...rest } = after;
    const { werkdagen: _v, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(readdirSync(join(dir.path, 'beheer')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    await core.close();
    cores.splice(cores.indexOf(core), 1);
    // A restart with the same folder (startOfflineCore would write a fresh config file).
    const again = await startCore({ dataDir: join(dir.path, 'beheer'), env: { KLANTBEELD_AUTH: 'vast', KLANTBEELD_USER_ROLES: 'beheerder' }, log: () => {} });
    cores.push(again);
    expect(again.kalender.get().isWerkdag('2026-05-15')).toBe(false);

    const weer = await call<KalenderOverzicht>(again, 'beheer.sluitingsdagVerwijderen', { datum: '2026-05-15' });
    expect(weer.dagen.some((d) => d.soort === 'sluitingsdag')).toBe(false);
    expect(again.kalender.get().deadline(WOENSDAG, 1)).toBe('2026-05-15');
    expect(readConfig('beheer').werkdagen?.sluitingsdagen).toEqual([]);
  });

  it('refuses what makes no sense, in Dutch: weekends, holidays, twice the same day, non-existent dates, unknown closures', async () => {
    const core = await start('beheer', 'beheerder');
    const refused = async (operation: string, input: unknown) => {
      const result = await core.dispatch(operation, input);
      if (result.ok) throw new Error(`${operation} accepted ${JSON.stringify(input)}`);
      return { code: result.error.code, text: [result.error.message, ...(result.error.issues ?? []).map((i) => i.message)].join(' ') };
    };
    expect(await refused('beheer.sluitingsdagToevoegen', { datum: '2026-05-16', omschrijving: 'x' })).toEqual({ code: 'invalid_input', text: 'zaterdag 16 mei 2026 valt in het weekend en is dus al geen werkdag.' });
    expect((await refused('beheer.sluitingsdagToevoegen', { datum: '2026-04-06', omschrijving: 'x' })).text).toMatch(/al een feestdag \(Tweede paasdag\)/);
    expect((await refused('beheer.sluitingsdagToevoegen', { datum: '2026-02-30', omschrijving: 'x' })).text).toMatch(/bestaat niet/);
    expect((await refused('beheer.sluitingsdagToevoegen', { datum: '2026-05-15', omschrijving: '   ' })).text).toMatch(/omschrijving/);
    expect((await refused('beheer.kalender', { jaar: 2101 })).text).toMatch(/tot en met 2100/);
    await call(core, 'beheer.sluitingsdagToevoegen', { datum: '2026-12-24', omschrijving: 'Kerstavond' });
    expect(await refused('beheer.sluitingsdagToevoegen', { datum: '2026-12-24', omschrijving: 'Nog eens' })).toEqual({ code: 'conflict', text: 'donderdag 24 december 2026 is al een sluitingsdag (Kerstavond).' });
    expect((await refused('beheer.sluitingsdagVerwijderen', { datum: '2026-12-23' })).code).toBe('not_found');
    expect(readConfig('beheer').werkdagen?.sluitingsdagen).toEqual([{ datum: '2026-12-24', omschrijving: 'Kerstavond' }]);
  });
});
