/**
 * The zaaksysteem credentials never reach the window: no operation's answer and no event
 * carries them, for every operation in the contract called with a valid input by a user who
 * has every role.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../../src/shared/contract';
import { ROLES } from '../../../src/shared/roles';
import type { StartedCore } from '../../../src/main/core';
import { startOfflineCore } from '../../support/offline-core';
import { person } from '../../support/records';
import { tempDir } from '../../support/tmp';
import { validInput } from './samples';

/** As configured by startOfflineCore. */
const SECRETS = ['test-secret', 'test-token'];

let dir: ReturnType<typeof tempDir>;
let core: StartedCore;
const pushed: string[] = [];

beforeAll(async () => {
  dir = tempDir();
  core = await startOfflineCore(join(dir.path, 'data'), ROLES.join(','));
  core.onEvent((name, payload) => pushed.push(`${name} ${JSON.stringify(payload)}`));
  core.store.customers.upsert(person(), new Date().toISOString());
});
afterAll(async () => {
  await core.close();
  dir.remove();
});

describe('secrets stay in the core', () => {
  it('are the ones the core was configured with (so the search below means something)', () => {
    expect(JSON.stringify(core.config)).toContain(SECRETS[0]);
    expect(JSON.stringify(core.config)).toContain(SECRETS[1]);
  });

  it.each(operationNames)('%s answers without any secret', async (name) => {
    const answer = JSON.stringify(await core.dispatch(name, validInput(name)));
    for (const secret of SECRETS) expect(answer).not.toContain(secret);
  });

  it('no event pushed to the window carries one', () => {
    for (const secret of SECRETS) expect(pushed.join('\n')).not.toContain(secret);
  });
});
