/**
 * Every credential in the configuration stays in the core: no operation's answer and no event
 * pushed to the window carries one, for every operation in the contract called with a valid input
 * by a user who has every role. The list of secret fields is taken from the product
 * (src/main/core/config/secret-fields.ts) AND pinned here by hand, so a new secret field fails this
 * test until it is added below, with a value in the configuration the core starts with.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../../src/shared/contract';
import { ROLES } from '../../../src/shared/roles';
import { startCore, type StartedCore } from '../../../src/main/core';
import { SECRET_FIELDS, splitSecrets } from '../../../src/main/core/config/secret-fields';
import { person } from '../../support/records';
import { tempDir } from '../../support/tmp';
import { validInput } from '../security/samples';

/** Pinned by hand: every secret field of klantbeeld.config.json (docs/configuration.md). */
const PINNED = [
  'adapter.zgwSecret',
  'adapter.klantinteractiesToken',
  'adapter.extraZaaksystemen.*.zgwSecret',
  'brp.apiKey',
  'kennisbank.token',
  'screenpop.secret',
  'verwerkingenlogging.secret',
];

/** A distinct value per secret, long and unlike anything else in an answer. */
const SECRET = {
  'adapter.zgwSecret': 'geheim-zgw-7f3a91c2e8d4b605',
  'adapter.klantinteractiesToken': 'geheim-klantinteracties-4b8e2d71a9c3',
  'adapter.extraZaaksystemen.0.zgwSecret': 'geheim-tweede-zaaksysteem-c61d0e9a',
  'brp.apiKey': 'geheim-brp-api-key-52e7f1b8d3a0',
  'kennisbank.token': 'geheim-kennisbank-token-9d04c6e2b7f1',
  'screenpop.secret': 'geheim-screenpop-e3b95a0c17d8',
  'verwerkingenlogging.secret': 'geheim-verwerkingenlogging-08f2c4d6a1b9',
};

const NOWHERE = 'http://127.0.0.1:9';
const CONFIG = {
  adapter: {
    kind: 'zgw',
    label: 'Onbereikbaar testsysteem',
    bronorganisatie: '002756419',
    zakenUrl: `${NOWHERE}/zaken/api/v1`,
    catalogiUrl: `${NOWHERE}/catalogi/api/v1`,
    klantinteractiesUrl: `${NOWHERE}/klantinteracties/api/v1`,
    zgwClientId: 'test',
    zgwSecret: SECRET['adapter.zgwSecret'],
    klantinteractiesToken: SECRET['adapter.klantinteractiesToken'],
    timeoutMs: 500,
    extraZaaksystemen: [{ label: 'Tweede', zakenUrl: `${NOWHERE}/z2/zaken/api/v1`, catalogiUrl: `${NOWHERE}/z2/catalogi/api/v1`, zgwClientId: 'test2', zgwSecret: SECRET['adapter.extraZaaksystemen.0.zgwSecret'] }],
  },
  brp: { url: `${NOWHERE}/haalcentraal/api/brp`, apiKey: SECRET['brp.apiKey'], timeoutMs: 500 },
  kennisbank: { url: `${NOWHERE}/objecten/api/v2`, token: SECRET['kennisbank.token'], objecttype: `${NOWHERE}/objecttypen/api/v2/objecttypes/1` },
  screenpop: { secret: SECRET['screenpop.secret'], port: 0 },
  verwerkingenlogging: { url: `${NOWHERE}/verwerkingenlogging/api/v1`, clientId: 'test', secret: SECRET['verwerkingenlogging.secret'] },
  sync: { prefetchPartijen: false, outboxIntervalSeconds: 3600, partijenRefreshMinutes: 60 },
};

let dir: ReturnType<typeof tempDir>;
let core: StartedCore;
const pushed: string[] = [];

beforeAll(async () => {
  dir = tempDir();
  const dataDir = join(dir.path, 'data');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'klantbeeld.config.json'), JSON.stringify(CONFIG));
  core = await startCore({ dataDir, env: { KLANTBEELD_AUTH: 'vast', KLANTBEELD_USER_ROLES: ROLES.join(',') }, log: () => {} });
  core.onEvent((name, payload) => pushed.push(`${name} ${JSON.stringify(payload)}`));
  core.store.customers.upsert(person(), new Date().toISOString());
});
afterAll(async () => {
  await core?.close();
  dir?.remove();
});

describe('every secret stays in the core', () => {
  it('the product’s list of secret fields is the pinned one', () => {
    expect(SECRET_FIELDS.map((field) => field.join('.'))).toEqual(PINNED);
  });

  it('the configuration sets every one of them (so the search below covers them all)', () => {
    const { secrets } = splitSecrets(CONFIG);
    expect(secrets).toEqual(SECRET);
    const loaded = JSON.stringify(core.config);
    for (const value of Object.values(SECRET)) expect(loaded).toContain(value);
  });

  it.each(operationNames)('%s answers without any secret', async (name) => {
    const answer = JSON.stringify(await core.dispatch(name, validInput(name)));
    for (const [field, value] of Object.entries(SECRET)) expect(answer, field).not.toContain(value);
  });

  it('no event pushed to the window carries one', () => {
    const all = pushed.join('\n');
    for (const [field, value] of Object.entries(SECRET)) expect(all, field).not.toContain(value);
  });
});
