/**
 * The auth.* operations: sign in (local account or the organisation's OpenID provider), sign
 * out, lock, unlock by re-authenticating, and the activity heartbeat.
 */
import type { AuthStatus } from '../../../shared/contract';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import { AttemptLimiter } from './attempts';
import type { AuthConfig, LocalAccount } from './config';
import type { ClaimsResult } from './claims';
import { OidcSignIn, OidcUnavailable } from './oidc';
import { verifyPassword } from './password';
import type { Session, SessionUser } from './session';

/** Verified for unknown account names, so the answer takes as long as for a known one. */
const UNKNOWN_ACCOUNT_HASH = '$scrypt$ln=15,r=8,p=1$dU7elsWmSszW2z6br+/b6w$Ybt5T/cpubam8u66i4LJ5jcLjKVSm9vq43k0Jlaj588';
const WRONG = 'Onbekend account of onjuist wachtwoord.';

const UNAVAILABLE_FIXED = new ServiceError('unavailable', 'Niet beschikbaar: Klantbeeld draait met een vaste gebruiker (ontwikkelmodus).');

const sameOidcUser = (a: SessionUser, b: SessionUser) => a.via.kind === 'oidc' && b.via.kind === 'oidc' && a.via.sub === b.via.sub;

export function userOfAccount(account: LocalAccount): SessionUser {
  const { id, naam, email, roles, groepen, functie, telefoonnummer } = account;
  return { id, naam, email, roles, groepen, functie, telefoonnummer, via: { kind: 'lokaal', account: account.account } };
}

export class AuthService {
  private readonly limiter = new AttemptLimiter();
  private readonly oidc: OidcSignIn | null;
  private melding: string | null = null;

  constructor(
    private readonly session: Session,
    private readonly config: AuthConfig,
    private readonly accounts: readonly LocalAccount[],
    private readonly log: (line: string) => void,
  ) {
    this.oidc = config.mode === 'oidc' && config.oidc ? new OidcSignIn(config.oidc, (result) => void this.session.signedOut().then(() => this.oidcResult(result)), log) : null;
  }

  status(): AuthStatus {
    const user = this.session.current();
    const lockAt = this.session.lockAt();
    return {
      state: this.session.state,
      mode: this.config.mode,
      user: user ? { id: user.id, naam: user.naam, email: user.email, roles: user.roles, groepen: user.groepen, via: user.via.kind } : null,
      methods: {
        lokaal: this.accounts.length > 0,
        oidc: this.oidc !== null,
        oidcLabel: this.config.oidc?.label ?? null,
      },
      lockReason: this.session.lockReason(),
      idle: {
        lockSeconds: this.session.idle ? this.session.idle.lockMs / 1000 : null,
        warnSeconds: this.session.idle ? this.session.idle.warnMs / 1000 : null,
        lockAt: lockAt === null ? null : new Date(lockAt).toISOString(),
      },
      melding: this.melding,
    };
  }

  async signIn(accountName: string, wachtwoord: string): Promise<AuthStatus> {
    this.notFixed();
    this.mustBeSignedOut();
    const key = accountName.trim().toLowerCase();
    this.limiter.check(key);
    const account = this.accounts.find((a) => a.account === key);
    const ok = await verifyPassword(wachtwoord, account?.wachtwoordHash ?? UNKNOWN_ACCOUNT_HASH);
    if (!ok || !account) {
      this.limiter.failed(key);
      throw new ServiceError('unauthenticated', WRONG, [{ path: 'wachtwoord', message: WRONG }]);
    }
    this.limiter.succeeded(key);
    // The previous user's purge first (session.signedOut); another sign-in may have finished meanwhile.
    await this.session.signedOut();
    this.mustBeSignedOut();
    this.oidc?.cancel();
    this.melding = null;
    this.session.signIn(userOfAccount(account));
    return this.status();
  }

  async startOidc(): Promise<{ url: string }> {
    this.notFixed();
    if (!this.oidc) throw new ServiceError('unavailable', 'Inloggen met een organisatie-account is op deze werkplek niet ingesteld.');
    const user = this.session.current();
    if (this.session.state === 'ingelogd') throw new ServiceError('conflict', 'U bent al ingelogd.');
    if (user && user.via.kind !== 'oidc') throw new ServiceError('conflict', 'Ontgrendel met uw wachtwoord.');
    try {
      return { url: await this.oidc.start(user !== null) };
    } catch (error) {
      if (error instanceof OidcUnavailable) throw new ServiceError('unavailable', error.message);
      throw error;
    }
  }

  async signOut(): Promise<AuthStatus> {
    this.notFixed();
    this.oidc?.cancel();
    await this.session.signOut();
    return this.status();
  }

  lock(): AuthStatus {
    this.notFixed();
    if (this.session.state === 'uit') throw new ServiceError('niet_ingelogd', 'U bent niet ingelogd.');
    this.session.lock('handmatig');
    return this.status();
  }

  async unlock(wachtwoord: string): Promise<AuthStatus> {
    this.notFixed();
    const user = this.session.current();
    if (!user || this.session.state !== 'vergrendeld') throw new ServiceError('conflict', 'Het scherm is niet vergrendeld.');
    if (user.via.kind !== 'lokaal') throw new ServiceError('conflict', 'Ontgrendel via uw organisatie-account.');
    const key = user.via.account;
    this.limiter.check(key);
    const account = this.accounts.find((a) => a.account === key);
    if (!account || !(await verifyPassword(wachtwoord, account.wachtwoordHash))) {
      this.limiter.failed(key);
      throw new ServiceError('unauthenticated', 'Onjuist wachtwoord.', [{ path: 'wachtwoord', message: 'Onjuist wachtwoord.' }]);
    }
    this.limiter.succeeded(key);
    this.session.unlock();
    return this.status();
  }

  touch(): { lockAt: string | null } {
    this.session.touch();
    const lockAt = this.session.lockAt();
    return { lockAt: lockAt === null ? null : new Date(lockAt).toISOString() };
  }

  close(): void {
    this.oidc?.cancel();
  }

  /** The browser came back to the loopback listener: sign in, or unlock when it is the same person. */
  private oidcResult(result: ClaimsResult): void {
    const current = this.session.current();
    const locked = this.session.state === 'vergrendeld';
    if (!result.ok) {
      this.melding = result.message;
    } else if (!current) {
      this.melding = null;
      this.session.signIn(result.user);
      return;
    } else if (locked && sameOidcUser(current, result.user)) {
      this.melding = null;
      this.session.unlock();
      return;
    } else if (locked) {
      this.log('auth: an OpenID sign-in for another account arrived while the screen was locked; refused');
      this.melding = 'Er werd met een ander account ingelogd; het scherm blijft vergrendeld. Meld af om van gebruiker te wisselen.';
    } else {
      return; // Signed in another way meanwhile: nothing to do.
    }
    this.session.notify();
  }

  private notFixed(): void {
    if (this.config.mode === 'vast') throw UNAVAILABLE_FIXED;
  }

  private mustBeSignedOut(): void {
    if (this.session.state === 'vergrendeld') throw new ServiceError('vergrendeld', 'Het scherm is vergrendeld: ontgrendel het of meld af.');
    if (this.session.state === 'ingelogd') throw new ServiceError('conflict', 'Er is al iemand ingelogd; meld eerst af.');
  }
}

export function authHandlers(service: AuthService): Pick<Handlers, 'auth.status' | 'auth.signIn' | 'auth.startOidc' | 'auth.signOut' | 'auth.lock' | 'auth.unlock' | 'auth.touch'> {
  return {
    'auth.status': () => service.status(),
    'auth.signIn': ({ account, wachtwoord }) => service.signIn(account, wachtwoord),
    'auth.startOidc': () => service.startOidc(),
    'auth.signOut': () => service.signOut(),
    'auth.lock': () => service.lock(),
    'auth.unlock': ({ wachtwoord }) => service.unlock(wachtwoord),
    'auth.touch': () => service.touch(),
  };
}
