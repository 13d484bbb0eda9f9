/**
 * Sign-in and the idle lock (issue 7). These operations are the only ones the dispatcher lets
 * through without a signed-in, unlocked session (`beforeSignIn`); every other call answers
 * `niet_ingelogd` or `vergrendeld` and runs nothing.
 */
import { z } from 'zod';
import { EVERYONE, Role } from '../../roles';
import { event, operation } from '../define';
import { code, IsoDateTime } from '../schemas';

export const AuthUser = z.object({
  id: z.string(),
  naam: z.string(),
  email: z.string(),
  roles: z.array(Role),
  groepen: z.array(z.string()),
  /** How the user signed in; unlocking asks the same way. */
  via: z.enum(['lokaal', 'oidc', 'vast']),
});
export type AuthUser = z.infer<typeof AuthUser>;

export const AuthStatus = z.object({
  state: z.enum(['uit', 'ingelogd', 'vergrendeld']),
  /** `vast`: a fixed development user; no sign-in, sign-out or lock. */
  mode: z.enum(['lokaal', 'oidc', 'vast']),
  /** The signed-in user (also while locked: the lock screen names whose screen it is). */
  user: AuthUser.nullable(),
  /** Which ways to sign in this workstation offers. */
  methods: z.object({ lokaal: z.boolean(), oidc: z.boolean(), oidcLabel: z.string().nullable() }),
  /** Why the screen is locked. */
  lockReason: z.enum(['inactief', 'handmatig']).nullable(),
  idle: z.object({
    /** The idle lock is off for the fixed development user: both null then. */
    lockSeconds: z.number().nullable(),
    warnSeconds: z.number().nullable(),
    /** When the core locks unless there is activity first. */
    lockAt: IsoDateTime.nullable(),
  }),
  /** The outcome of the last sign-in through the organisation's account, when it failed. */
  melding: z.string().nullable(),
});
export type AuthStatus = z.infer<typeof AuthStatus>;

const none = { geen: 'Aanmelden van de medewerker zelf; geen persoonsgegevens van burgers of bedrijven.' } as const;
const open = { roles: EVERYONE, beforeSignIn: true, verwerking: none } as const;
const wachtwoord = z.string().min(1, { message: 'Vul uw wachtwoord in.' }).max(1024);

export const authOperations = {
  'auth.status': operation({
    summary: 'Who is signed in, whether the screen is locked, and which ways to sign in there are.',
    input: z.object({}).strict(),
    output: AuthStatus,
    ...open,
  }),
  'auth.signIn': operation({
    summary: 'Sign in with a local account and password. Repeated failures block the account name for a while.',
    input: z.object({ account: code(100).min(1, { message: 'Vul uw account in.' }), wachtwoord }).strict(),
    output: AuthStatus,
    ...open,
  }),
  'auth.startOidc': operation({
    summary: "Starts signing in (or unlocking) with the organisation's account: returns the URL to open in the system browser.",
    input: z.object({}).strict(),
    output: z.object({ url: z.url({ protocol: /^https?$/ }) }),
    ...open,
  }),
  'auth.signOut': operation({
    summary: 'Ends the session; the per-user work stops.',
    input: z.object({}).strict(),
    output: AuthStatus,
    ...open,
  }),
  'auth.lock': operation({
    summary: 'Locks the screen now (the drafts stay).',
    input: z.object({}).strict(),
    output: AuthStatus,
    ...open,
  }),
  'auth.unlock': operation({
    summary: "Unlocks with the signed-in local account's password (an organisation account unlocks through auth.startOidc).",
    input: z.object({ wachtwoord }).strict(),
    output: AuthStatus,
    ...open,
  }),
  'auth.touch': operation({
    summary: 'Keyboard or mouse activity in the window: the idle timer starts again.',
    input: z.object({}).strict(),
    output: z.object({ lockAt: IsoDateTime.nullable() }),
    ...open,
  }),
} as const;

export const authEvents = {
  'auth.changed': event({
    summary: 'Signed in, signed out, locked or unlocked (or a sign-in through the browser failed).',
    payload: AuthStatus,
    beforeSignIn: true,
  }),
} as const;
