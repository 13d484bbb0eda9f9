/**
 * The role matrix: every contract operation × every role, through the real dispatcher on a
 * real store. A permitted call gets past the role check (it may still fail on its input or
 * on the unreachable zaaksysteem); a refused call answers `forbidden` with a Dutch message
 * naming the operation and leaves every table exactly as it was. Without a signed-in, unlocked
 * session every operation but sign-in is refused the same way. The operations come from the
 * contract, so new ones are covered without touching this file.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, operationNames, type OperationName } from '../../../src/shared/contract';
import { ROLES, type Role } from '../../../src/shared/roles';
import type { StartedCore } from '../../../src/main/core';
import { startOfflineCore, startSignInCore } from '../../support/offline-core';
import { person } from '../../support/records';
import { tempDir } from '../../support/tmp';
import { hashPassword, MINIMUM_COST } from '../../../src/main/core/auth/password';
import { validInput } from './samples';
import { snapshotTables } from './snapshot';

let dir: ReturnType<typeof tempDir>;
const cores = new Map<Role, { core: StartedCore; customerId: string }>();

beforeAll(async () => {
  dir = tempDir();
  for (const role of ROLES) {
    const core = await startOfflineCore(join(dir.path, role), role);
    const customerId = core.store.customers.upsert(person(), new Date().toISOString());
    cores.set(role, { core, customerId });
  }
});
afterAll(async () => {
  for (const { core } of cores.values()) await core.close();
  dir.remove();
});

/** A valid input, pointing at the cached customer where the operation takes one. */
function inputFor(name: OperationName, customerId: string): unknown {
  const input = validInput(name);
  return input && typeof input === 'object' && !Array.isArray(input) && 'customerId' in input ? { ...input, customerId } : input;
}

/** The dispatcher's refusal: Dutch, naming the operation. */
const roleRefusal = (name: OperationName) => `U heeft geen toegang tot deze handeling (${name}).`;

const cells = operationNames.flatMap((name) => ROLES.map((role) => ({ name, role, allowed: contract[name].roles.includes(role) })));

describe('the role matrix', () => {
  it.each(cells.filter((cell) => cell.allowed))('$role may call $name', async ({ name, role }) => {
    const { core, customerId } = cores.get(role)!;
    const result = await core.dispatch(name, inputFor(name, customerId));
    // A service may still refuse this particular call (e.g. another clerk's callback); the contract's role check may not.
    if (!result.ok) expect(result.error.message).not.toBe(roleRefusal(name));
  });

  it.each(cells.filter((cell) => !cell.allowed))('$role is refused $name, and nothing is touched', async ({ name, role }) => {
    const { core, customerId } = cores.get(role)!;
    const before = snapshotTables(core.store.db);
    const result = await core.dispatch(name, inputFor(name, customerId));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('forbidden');
    expect(result.error.message).toBe(roleRefusal(name));
    expect(result.error.issues).toBeUndefined();
    expect(snapshotTables(core.store.db)).toEqual(before);
  });
});

/** Sign-in itself (and its status, lock and activity calls) is all that answers without a session. */
const beforeSignIn = (name: OperationName) => (contract[name] as { beforeSignIn?: true }).beforeSignIn === true;

describe('without a signed-in, unlocked session', () => {
  let core: StartedCore;
  let customerId: string;
  const PASSWORD = 'proef-wachtwoord-lang-genoeg';

  beforeAll(async () => {
    const account = { account: 'alles', id: 'alle.rollen', naam: 'Alle Rollen', email: 'alle.rollen@turfbrug.nl', roles: [...ROLES], wachtwoordHash: await hashPassword(PASSWORD, MINIMUM_COST) };
    core = await startSignInCore(join(dir.path, 'zonder-sessie'), { mode: 'lokaal', accounts: [account] });
    customerId = core.store.customers.upsert(person(), new Date().toISOString());
  });
  afterAll(() => core.close());

  const refusedAll = async (code: 'niet_ingelogd' | 'vergrendeld') => {
    for (const name of operationNames.filter((n) => !beforeSignIn(n))) {
      const before = snapshotTables(core.store.db);
      const result = await core.dispatch(name, inputFor(name, customerId));
      expect(result.ok ? 'ok' : result.error.code, name).toBe(code);
      if (!result.ok) expect(result.error.message, name).toMatch(/ingelogd|vergrendeld/);
      expect(snapshotTables(core.store.db), name).toEqual(before);
    }
  };

  it('refuses every operation but sign-in before anyone signed in, and touches nothing', async () => {
    expect(operationNames.filter(beforeSignIn).every((name) => name.startsWith('auth.'))).toBe(true);
    await refusedAll('niet_ingelogd');
  });

  it('refuses every operation but unlocking while the screen is locked, and touches nothing', async () => {
    expect((await core.dispatch('auth.signIn', { account: 'alles', wachtwoord: PASSWORD })).ok).toBe(true);
    expect((await core.dispatch('app.info', {})).ok).toBe(true);
    expect((await core.dispatch('auth.lock', {})).ok).toBe(true);
    await refusedAll('vergrendeld');
  });
});
