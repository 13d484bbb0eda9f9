/**
 * Who works at this workstation now. One session per core (one clerk per desktop app or
 * browser host): the dispatcher asks it for the caller, the adapter for the medewerker, the sync
 * engine for the work queues and the services for the user. The core owns the idle timer, so a
 * frozen renderer still locks.
 */
import type { UserInfo } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import type { Medewerker } from '../adapters/types';
import type { NoCaller } from '../dispatcher';
import { ServiceError } from '../errors';

export interface SessionUser {
  id: string;
  naam: string;
  email: string;
  roles: Role[];
  groepen: string[];
  functie?: string;
  telefoonnummer?: string;
  /** How this user signed in: re-authentication to unlock must be the same way and the same person. */
  via: { kind: 'lokaal'; account: string } | { kind: 'oidc'; sub: string } | { kind: 'vast' };
}

export type AuthState = 'uit' | 'ingelogd' | 'vergrendeld';
export type LockReason = 'inactief' | 'handmatig';

export interface IdlePolicy {
  lockMs: number;
  warnMs: number;
}

type SignOutHook = (user: SessionUser) => void | Promise<void>;

/** Background work (outbox retries) while nobody is signed in runs under this name in ZGW JWTs. */
const BACKGROUND: Medewerker = { id: 'klantbeeld', naam: 'Klantbeeld (achtergrond)', email: '' };

export class Session {
  private user: SessionUser | null = null;
  private locked: LockReason | null = null;
  private lastActivity = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly signOutHooks = new Set<SignOutHook>();
  /** The sign-out hooks still running (the purge): the next sign-in waits for them. */
  private signingOut: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    /** null: no idle lock (the fixed development user). */
    readonly idle: IdlePolicy | null,
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): AuthState {
    return this.user === null ? 'uit' : this.locked ? 'vergrendeld' : 'ingelogd';
  }

  current(): SessionUser | null {
    return this.user;
  }

  lockReason(): LockReason | null {
    return this.locked;
  }

  /** When the idle timer locks (ms since epoch), or null when it does not run. */
  lockAt(): number | null {
    return this.idle && this.state === 'ingelogd' ? this.lastActivity + this.idle.lockMs : null;
  }

  /** For the dispatcher: the user, or why there is none. */
  caller(): UserInfo | NoCaller {
    if (this.user === null) return { refused: 'niet_ingelogd' };
    if (this.locked) return { refused: 'vergrendeld' };
    return { id: this.user.id, naam: this.user.naam, roles: this.user.roles };
  }

  /** For services (behind the dispatcher, which already refused calls without a session). */
  requireUser(): SessionUser {
    if (this.user === null) throw new ServiceError('niet_ingelogd', 'U bent niet ingelogd.');
    return this.user;
  }

  /** The medewerker the zaaksysteem sees, read at each request. */
  medewerker(): Medewerker {
    const user = this.user;
    return user ? { id: user.id, naam: user.naam, email: user.email, functie: user.functie, telefoonnummer: user.telefoonnummer } : BACKGROUND;
  }

  signIn(user: SessionUser): void {
    if (this.user !== null) throw new ServiceError('conflict', 'Er is al iemand ingelogd; meld eerst af.');
    this.user = user;
    this.locked = null;
    this.touch();
    this.notify();
  }

  /** Ends the session; the sign-out hooks (purge of cached personal data, …) run first. */
  async signOut(): Promise<void> {
    const user = this.user;
    if (user === null) return;
    this.user = null;
    this.locked = null;
    this.clearTimer();
    this.signingOut = this.runSignOutHooks(user);
    try {
      await this.signingOut;
    } finally {
      this.signingOut = null;
    }
    this.notify();
  }

  /**
   * Resolves when the last sign-out's hooks are done. A sign-in waits for this: the purge runs in
   * chunks, and a next user's sign-in during it would have its freshly read index purged after it.
   */
  signedOut(): Promise<void> {
    return this.signingOut ?? Promise.resolve();
  }

  private async runSignOutHooks(user: SessionUser): Promise<void> {
    for (const hook of this.signOutHooks) {
      try {
        await hook(user);
      } catch (error) {
        this.log(`auth: a sign-out hook failed: ${(error as Error).message}`);
      }
    }
  }

  lock(reason: LockReason): void {
    if (this.state !== 'ingelogd') return;
    this.locked = reason;
    this.clearTimer();
    this.notify();
  }

  /** After the caller re-authenticated the same person. */
  unlock(): void {
    if (this.state !== 'vergrendeld') return;
    this.locked = null;
    this.touch();
    this.notify();
  }

  /** Keyboard or mouse activity: the idle timer starts again. */
  touch(): void {
    if (this.state !== 'ingelogd' || !this.idle) return;
    this.lastActivity = this.now();
    this.clearTimer();
    this.timer = setTimeout(() => this.expire(), this.idle.lockMs);
    this.timer.unref?.();
  }

  /** Registers work to do when a user signs out (e.g. purging their cached personal data). */
  onSignOut(hook: SignOutHook): () => void {
    this.signOutHooks.add(hook);
    return () => this.signOutHooks.delete(hook);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.clearTimer();
  }

  private expire(): void {
    this.timer = null;
    const at = this.lockAt();
    // A touch may have landed between the timer firing and now.
    if (at !== null && at > this.now()) {
      this.timer = setTimeout(() => this.expire(), at - this.now());
      this.timer.unref?.();
      return;
    }
    this.lock('inactief');
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Tells the listeners (the auth.changed event) that the status changed. */
  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
