/**
 * From the claims of an OpenID provider to a Klantbeeld user: naam, e-mail, roles through the
 * configured roleMapping, groepen. A user whose claims map to no role is refused.
 */
import { z } from 'zod';
import type { Role } from '../../../shared/roles';
import type { OidcConfig } from './config';
import type { SessionUser } from './session';

const text = z.string().trim().min(1).max(300);
const Claims = z
  .object({
    sub: text,
    name: text.optional().catch(undefined),
    given_name: text.optional().catch(undefined),
    family_name: text.optional().catch(undefined),
    preferred_username: text.optional().catch(undefined),
    email: z.string().trim().max(254).optional().catch(undefined),
  })
  .loose();

/** A claim as a list of strings: an array, or one string (space- or comma-separated). */
function valuesOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
  return [];
}

export type ClaimsResult = { ok: true; user: SessionUser } | { ok: false; message: string };

export function userFromClaims(raw: Record<string, unknown>, oidc: Pick<OidcConfig, 'roleClaim' | 'roleMapping' | 'groepenClaim'>): ClaimsResult {
  const parsed = Claims.safeParse(raw);
  if (!parsed.success) return { ok: false, message: 'De organisatie gaf geen geldige identiteit (sub ontbreekt).' };
  const claims = parsed.data;
  const roles = new Set<Role>();
  for (const value of valuesOf(raw[oidc.roleClaim])) {
    // Own keys only: a claim value like "constructor" must not reach Object.prototype.
    for (const role of Object.hasOwn(oidc.roleMapping, value) ? (oidc.roleMapping[value] ?? []) : []) roles.add(role);
  }
  if (roles.size === 0) {
    return { ok: false, message: 'Uw organisatie-account heeft geen rol in Klantbeeld. Vraag functioneel beheer om toegang.' };
  }
  const naam = claims.name ?? ([claims.given_name, claims.family_name].filter(Boolean).join(' ') || claims.preferred_username || claims.sub);
  return {
    ok: true,
    user: {
      id: claims.preferred_username ?? claims.email ?? claims.sub,
      naam,
      email: claims.email ?? '',
      roles: [...roles],
      groepen: oidc.groepenClaim ? valuesOf(raw[oidc.groepenClaim]).slice(0, 50) : [],
      via: { kind: 'oidc', sub: claims.sub },
    },
  };
}
