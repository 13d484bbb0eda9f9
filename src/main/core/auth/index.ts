/**
 * Sign-in, wired: the session every part of the core reads the user from, the auth.* handlers
 * and the auth.changed event. `config.user` is only used in the explicit development mode
 * `auth.mode: 'vast'` (KLANTBEELD_AUTH=vast).
 */
import type { ActorTarget, Medewerker } from '../adapters/types';
import type { KlantbeeldConfig } from '../config/schema';
import type { EventBus } from '../events';
import { workQueuesOf } from '../services/callbacks';
import type { LocalAccount } from './config';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { AuthService, authHandlers } from './service';
import { Session, type SessionUser } from './session';

export { Session } from './session';
export type { SessionUser } from './session';

export interface Auth {
  session: Session;
  handlers: ReturnType<typeof authHandlers>;
  close(): void;
}

/** The local accounts: configured ones (checked by the config schema), or with the embedded demo and none configured, the demo users. */
function accountsOf(config: KlantbeeldConfig): readonly LocalAccount[] {
  return config.auth.accounts ?? (config.adapter.kind === 'demo' ? DEMO_ACCOUNTS : []);
}

export function setupAuth(config: KlantbeeldConfig, events: EventBus, log: (line: string) => void): Auth {
  const fixed = config.auth.mode === 'vast';
  const idle = fixed ? null : { lockMs: config.auth.idleLockMinutes * 60_000, warnMs: config.auth.idleWarnSeconds * 1000 };
  const session = new Session(idle, log);
  const service = new AuthService(session, config.auth, fixed ? [] : accountsOf(config), log);
  session.onChange(() => events.emit('auth.changed', service.status()));
  if (fixed) {
    log('auth: vaste gebruiker (ontwikkelmodus, KLANTBEELD_AUTH=vast): geen inloggen en geen vergrendeling');
    session.signIn({ ...config.user, groepen: config.user.groepen ?? [], via: { kind: 'vast' } });
  }
  return {
    session,
    handlers: authHandlers(service),
    close() {
      service.close();
      session.close();
    },
  };
}

/** The adapter's medewerker, read at each request: the signed-in user (or background work). */
export function liveMedewerker(session: Session): Medewerker {
  return {
    get id() {
      return session.medewerker().id;
    },
    get naam() {
      return session.medewerker().naam;
    },
    get email() {
      return session.medewerker().email;
    },
    get functie() {
      return session.medewerker().functie;
    },
    get telefoonnummer() {
      return session.medewerker().telefoonnummer;
    },
  };
}

/** The work queues to poll: the signed-in user's own and their groepen's; none without a user. */
export function workQueuesOfSession(session: Session): ActorTarget[] {
  const user = session.current();
  if (!user) return [];
  const { mine, groups } = workQueuesOf(user);
  return [...mine, ...groups];
}

/**
 * The configuration as services see it, with `user` read from the session at each use. Services
 * run behind the dispatcher, which already refused calls without a signed-in, unlocked user.
 */
export function withSessionUser<C extends { user: unknown }>(config: C, session: Session): Omit<C, 'user'> & { readonly user: SessionUser } {
  return {
    ...config,
    get user() {
      return session.requireUser();
    },
  };
}

/**
 * Per-user work that runs only while a matching user is signed in (locked counts as signed
 * in: the work is theirs); it stops at sign-out.
 */
export function followSession(session: Session, wanted: (user: SessionUser) => boolean, work: { start(): void; stop(): Promise<void> }): void {
  let running = false;
  const follow = () => {
    const user = session.current();
    const want = user !== null && wanted(user);
    if (want && !running) work.start();
    if (!want && running) void work.stop();
    running = want;
  };
  session.onChange(follow);
  follow();
}
