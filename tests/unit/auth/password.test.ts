import { describe, expect, it } from 'vitest';
import { hashPassword, MINIMUM_COST, parseHash, PasswordHashError, verifyPassword } from '../../../src/main/core/auth/password';
import { DEMO_ACCOUNTS } from '../../../src/main/core/auth/demo-accounts';
import { AttemptLimiter } from '../../../src/main/core/auth/attempts';
import { ServiceError } from '../../../src/main/core/errors';

// scrypt is slow on purpose: on a busy machine a few hashes take seconds.
describe('scrypt password hashes', { timeout: 30_000 }, () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct paard batterij');
    expect(stored).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword('correct paard batterij', stored)).toBe(true);
    expect(await verifyPassword('correct paard batterij ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('zelfde', MINIMUM_COST)).not.toBe(await hashPassword('zelfde', MINIMUM_COST));
  });

  it('refuses a tampered hash: another key, salt or cost no longer matches', async () => {
    const stored = await hashPassword('geheim-123', MINIMUM_COST);
    const [, , params, salt, key] = stored.split('$') as [string, string, string, string, string];
    const flip = (b64: string) => (b64[0] === 'A' ? 'B' : 'A') + b64.slice(1);
    expect(await verifyPassword('geheim-123', `$scrypt$${params}$${salt}$${flip(key)}`)).toBe(false);
    expect(await verifyPassword('geheim-123', `$scrypt$${params}$${flip(salt)}$${key}`)).toBe(false);
    expect(await verifyPassword('geheim-123', `$scrypt$ln=15,r=8,p=1$${salt}$${key}`)).toBe(false);
    await expect(verifyPassword('geheim-123', `$scrypt$${params}$${salt}$${key.slice(0, 20)}`)).rejects.toThrow(PasswordHashError);
    await expect(verifyPassword('geheim-123', 'geheim-123')).rejects.toThrow(PasswordHashError);
  });

  it('refuses a hash below the minimum cost, and one that would cost too much', async () => {
    const stored = await hashPassword('geheim-123', MINIMUM_COST);
    const [, , , salt, key] = stored.split('$') as [string, string, string, string, string];
    for (const weak of ['ln=10,r=8,p=1', 'ln=15,r=1,p=1', 'ln=13,r=8,p=1']) {
      expect(() => parseHash(`$scrypt$${weak}$${salt}$${key}`)).toThrow(/te zwak/);
      await expect(verifyPassword('geheim-123', `$scrypt$${weak}$${salt}$${key}`)).rejects.toThrow(PasswordHashError);
    }
    expect(() => parseHash(`$scrypt$ln=30,r=8,p=1$${salt}$${key}`)).toThrow(/te zwaar/);
    await expect(hashPassword('x', { ln: 10, r: 8, p: 1 })).rejects.toThrow(/te zwak/);
  });

  it('the demo accounts have usable hashes of turfbrug-<account>', async () => {
    const bianca = DEMO_ACCOUNTS.find((a) => a.account === 'bianca');
    expect(bianca && (await verifyPassword('turfbrug-bianca', bianca.wachtwoordHash))).toBe(true);
    expect(bianca && (await verifyPassword('turfbrug-kevin', bianca.wachtwoordHash))).toBe(false);
    for (const account of DEMO_ACCOUNTS) expect(() => parseHash(account.wachtwoordHash)).not.toThrow();
  });
});

describe('attempt limiter', () => {
  it('blocks a name after five failures, doubling the wait, and forgets it after a success', () => {
    let now = 1_000_000;
    const limiter = new AttemptLimiter(() => now);
    for (let i = 0; i < 4; i++) {
      limiter.check('bianca');
      limiter.failed('bianca');
    }
    limiter.check('bianca');
    limiter.failed('bianca');
    expect(() => limiter.check('bianca')).toThrow(/over 30 seconden/);
    expect(() => limiter.check('kevin')).not.toThrow();
    now += 30_000;
    limiter.check('bianca');
    limiter.failed('bianca');
    const blocked = (() => {
      try {
        limiter.check('bianca');
        return null;
      } catch (error) {
        return error as ServiceError;
      }
    })();
    expect(blocked?.code).toBe('te_veel_pogingen');
    expect(blocked?.message).toMatch(/over 60 seconden/);
    now += 60_000;
    limiter.succeeded('bianca');
    limiter.failed('bianca');
    expect(() => limiter.check('bianca')).not.toThrow();
  });
});
