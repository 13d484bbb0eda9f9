/**
 * The `auth` section of the configuration (docs/configuration.md): how clerks sign in and when
 * the screen locks. Kept beside the auth code; schema.ts lists it once.
 */
import { z } from 'zod';
import { Role } from '../../../shared/roles';
import { parseHash } from './password';

/** The hash must be usable and costly enough (password.ts); the message says why not. */
const usableHash = (hash: string, ctx: z.RefinementCtx) => {
  try {
    parseHash(hash);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
};

/** A local account; `wachtwoordHash` is a scrypt hash (password.ts; how to make one: docs/configuration.md). */
export const LocalAccount = z.object({
  /** What the clerk types to sign in, e.g. `bianca`. */
  account: z.string().regex(/^[a-z0-9._-]{2,64}$/, { message: 'Accountnaam: 2–64 tekens a-z, 0-9, punt, streep of liggend streepje.' }),
  /** user_id in ZGW JWTs and in the verwerkingenlogging. */
  id: z.string().min(1).max(100),
  naam: z.string().min(1).max(200),
  email: z.string().min(3).max(254),
  roles: z.array(Role).min(1),
  groepen: z.array(z.string().min(1).max(40)).default([]),
  functie: z.string().min(1).max(40).optional(),
  telefoonnummer: z.string().regex(/^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$/).optional(),
  wachtwoordHash: z.string().startsWith('$scrypt$', { message: 'Verwacht een scrypt-hash ($scrypt$…).' }).superRefine(usableHash),
});
export type LocalAccount = z.infer<typeof LocalAccount>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
export const isLoopbackUrl = (url: string) => LOOPBACK_HOSTS.has(new URL(url).hostname);

export const OidcConfig = z.object({
  /** The issuer (discovery at `<issuer>/.well-known/openid-configuration`); https, or http on loopback for tests. */
  issuer: z.url({ protocol: /^https?$/ }),
  /** A public client (no secret: a desktop app cannot keep one), application type native. */
  clientId: z.string().min(1),
  scopes: z.array(z.string().min(1)).default(['openid', 'profile', 'email']),
  /** The claim holding the user's roles or groups at the municipality (string or array). */
  roleClaim: z.string().min(1).default('roles'),
  /** Claim value → Klantbeeld roles; a user without any mapped role is refused. */
  roleMapping: z.record(z.string(), z.array(Role)),
  /** The claim holding the groepen (work queues), e.g. `groepen`; absent: none. */
  groepenClaim: z.string().min(1).optional(),
  /** Loopback port for the redirect (RFC 8252 §7.3); 0: a free port per sign-in. */
  redirectPort: z.number().int().min(0).max(65535).default(0),
  /** Shown on the button, e.g. "Gemeente Turfbrug". */
  label: z.string().min(1).max(80).optional(),
}).refine((oidc) => oidc.issuer.startsWith('https://') || isLoopbackUrl(oidc.issuer), {
  message: 'De issuer moet https gebruiken (http alleen op deze computer, voor tests).',
  path: ['issuer'],
});
export type OidcConfig = z.infer<typeof OidcConfig>;

export const AuthConfig = z
  .object({
    /**
     * `lokaal`: local accounts (with the embedded demo and no accounts: the demo users);
     * `oidc`: the municipality's OpenID provider (plus any local accounts);
     * `vast`: development and tests only, the fixed `user` of the config is signed in at start.
     */
    mode: z.enum(['lokaal', 'oidc', 'vast']).default('lokaal'),
    oidc: OidcConfig.optional(),
    /** Minutes without keyboard or mouse before the screen locks; warned idleWarnSeconds before. */
    idleLockMinutes: z.number().min(0.05).max(480).default(10),
    idleWarnSeconds: z.number().int().min(1).max(600).default(60),
    accounts: z
      .array(LocalAccount)
      .refine((accounts) => new Set(accounts.map((a) => a.account)).size === accounts.length, { message: 'Elk account mag maar één keer voorkomen.' })
      .optional(),
  })
  .refine((auth) => auth.mode !== 'oidc' || auth.oidc !== undefined, { message: 'auth.mode "oidc" vraagt om auth.oidc.', path: ['oidc'] })
  .refine((auth) => auth.idleWarnSeconds < auth.idleLockMinutes * 60, { message: 'idleWarnSeconds moet korter zijn dan idleLockMinutes.', path: ['idleWarnSeconds'] });
export type AuthConfig = z.infer<typeof AuthConfig>;

export const AUTH_DEFAULTS = { mode: 'lokaal', idleLockMinutes: 10, idleWarnSeconds: 60 } as const;
