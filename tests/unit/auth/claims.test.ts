import { describe, expect, it } from 'vitest';
import { userFromClaims } from '../../../src/main/core/auth/claims';

const oidc = {
  roleClaim: 'groups',
  roleMapping: { 'GG-KCC': ['kcc' as const], 'GG-TL': ['teamleider' as const, 'kcc' as const], 'GG-Redactie': ['kennisredacteur' as const] },
  groepenClaim: 'groepen',
};

describe('claims → Klantbeeld user', () => {
  it('maps every value of the role claim through roleMapping, once per role', () => {
    const result = userFromClaims({ sub: 'abc-123', name: 'Marloes Kuipers', email: 'marloes@turfbrug.nl', preferred_username: 'm.kuipers', groups: ['GG-TL', 'GG-KCC', 'Iedereen'], groepen: ['KCC'] }, oidc);
    expect(result).toEqual({
      ok: true,
      user: { id: 'm.kuipers', naam: 'Marloes Kuipers', email: 'marloes@turfbrug.nl', roles: ['teamleider', 'kcc'], groepen: ['KCC'], via: { kind: 'oidc', sub: 'abc-123' } },
    });
  });

  it('reads a role claim given as one string (space or comma separated)', () => {
    expect(userFromClaims({ sub: 'x', groups: 'GG-KCC GG-Redactie' }, oidc)).toMatchObject({ ok: true, user: { roles: ['kcc', 'kennisredacteur'] } });
    expect(userFromClaims({ sub: 'x', groups: 'GG-Redactie,GG-KCC' }, oidc)).toMatchObject({ ok: true, user: { roles: ['kennisredacteur', 'kcc'] } });
  });

  it('refuses a user without any mapped role, and claims without a subject', () => {
    expect(userFromClaims({ sub: 'x', groups: ['Iedereen'] }, oidc)).toEqual({ ok: false, message: expect.stringMatching(/geen rol in Klantbeeld/) });
    expect(userFromClaims({ sub: 'x' }, oidc)).toMatchObject({ ok: false });
    expect(userFromClaims({ sub: 'x', groups: { 'GG-KCC': true } }, oidc)).toMatchObject({ ok: false });
    expect(userFromClaims({ sub: 'x', groups: ['constructor', '__proto__', 'toString'] }, oidc)).toMatchObject({ ok: false });
    expect(userFromClaims({ groups: ['GG-KCC'] }, oidc)).toMatchObject({ ok: false, message: expect.stringMatching(/sub/) });
  });

  it('builds a name from given and family name, and falls back to the subject for the id', () => {
    expect(userFromClaims({ sub: 'abc', given_name: 'Kevin', family_name: 'Mulder', groups: ['GG-KCC'] }, oidc)).toMatchObject({
      ok: true,
      user: { id: 'abc', naam: 'Kevin Mulder', email: '', groepen: [] },
    });
  });
});
