/**
 * The role matrix: every contract operation × every role, through the real dispatcher on a
 * real store, checked against a policy written by hand from the domain (tests/support/policy.ts),
 * not against the contract's own `roles`. A cell the policy allows gets past the role check and
 * the service answers the sample call (a result, or its own answer about that input: proof it
 * ran); a refused cell answers `forbidden` with a Dutch message naming the operation and leaves
 * every table exactly as it was. The policy and the contract list the same operations. Without
 * a signed-in, unlocked session every operation but sign-in is refused the same way.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, operationNames, type ErrorCode, type OperationName } from '../../../src/shared/contract';
import { ROLES, type Role } from '../../../src/shared/roles';
import type { StartedCore } from '../../../src/main/core';
import { startOfflineCore, startSignInCore } from '../../support/offline-core';
import { mayPerform, POLICY } from '../../support/policy';
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

/**
 * What the sample call gets once past the role check, where it is not a result: the service's own
 * answer about this input (ids that exist nowhere, a kanaal or zaaktype not configured; sign-in
 * calls in the fixed-user development mode). Everything else answers ok.
 */
const SERVICE_ANSWER: Partial<Record<OperationName, ErrorCode>> = {
  'auth.signIn': 'unavailable',
  'auth.startOidc': 'unavailable',
  'auth.signOut': 'unavailable',
  'auth.lock': 'unavailable',
  'auth.unlock': 'unavailable',
  'callbacks.create': 'invalid_input',
  'callbacks.get': 'not_found',
  'customers.fromRegister': 'not_found',
  'callbacks.pickUp': 'not_found',
  'callbacks.release': 'not_found',
  'callbacks.logAttempt': 'not_found',
  'callbacks.handle': 'not_found',
  'callbacks.forward': 'not_found',
  'callbacks.reopen': 'not_found',
  'callbacks.reassign': 'invalid_input',
  'outbox.resend': 'not_found',
  'outbox.discard': 'not_found',
  'zaken.detail': 'not_found',
  'zaken.document': 'not_found',
  'zaken.start': 'invalid_input',
  'contacts.register': 'invalid_input',
  'contacts.finish': 'invalid_input',
  'kennis.get': 'not_found',
  'kennis.used': 'not_found',
  'kennis.markRead': 'not_found',
  'kennis.feedback': 'not_found',
  'verwerkingen.revealBsn': 'not_found',
};

const cells = operationNames.flatMap((name) => ROLES.map((role) => ({ name, role, allowed: mayPerform(name, role) })));

describe('the role matrix, against the policy written from the domain', () => {
  it('the policy and the contract list the same operations, each with a reason', () => {
    expect(Object.keys(POLICY).sort()).toEqual([...operationNames].sort());
    for (const [name, rule] of Object.entries(POLICY)) expect(rule.why.length, name).toBeGreaterThan(10);
  });

  it.each(cells.filter((cell) => cell.allowed))('$role may call $name, and the service answers', async ({ name, role }) => {
    const { core, customerId } = cores.get(role)!;
    const result = await core.dispatch(name, inputFor(name, customerId));
    expect(result.ok ? 'ok' : result.error.code).toBe(SERVICE_ANSWER[name] ?? 'ok');
    if (!result.ok) expect(result.error.message).not.toBe(roleRefusal(name));
  });

  it.each(cells.filter((cell) => !cell.allowed))('$role is refused $name, and nothing is touched', async ({ name, role }) => {
    const { core, customerId } = cores.get(role)!;
    const before = snapshotTables(core.store.db);
    const result = await core.dispatch(name, inputFor(name, customerId));
    expect(result.ok ? 'ok' : result.error.code).toBe('forbidden');
    if (result.ok) return;
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
