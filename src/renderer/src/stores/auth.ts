/**
 * Sign-in and the idle lock in the window. The core decides (it owns the idle timer and locks
 * itself); this store mirrors its status (auth.status + auth.changed), reports activity
 * (throttled auth.touch) and shows the warning before the lock. Drafts are written before the
 * screen locks.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AuthStatus } from '../../../shared/contract';
import { client, eventsWereHeldBack, onStreamState } from '../api';
import { messageOf } from '../lib/errors';
import { useContactsStore } from './contacts';

/** Activity is reported at most this often (and at least 6 times per idle period). */
const MAX_TOUCH_INTERVAL_MS = 30_000;
const MIN_TOUCH_INTERVAL_MS = 1_000;

export const useAuthStore = defineStore('auth', () => {
  const status = ref<AuthStatus | null>(null);
  const loadError = ref<string | null>(null);
  /** Seconds left before the lock while the warning shows; null: no warning. */
  const warningSeconds = ref<number | null>(null);
  const contacts = useContactsStore();

  const state = computed(() => status.value?.state ?? null);
  const user = computed(() => status.value?.user ?? null);

  let lastActivity = 0;
  let lastTouch = 0;
  let warnTimer: ReturnType<typeof setTimeout> | null = null;
  let countdown: ReturnType<typeof setInterval> | null = null;
  let started = false;

  function apply(next: AuthStatus): void {
    const was = status.value?.state;
    status.value = next;
    loadError.value = null;
    if (next.state !== 'ingelogd') stopWarning();
    scheduleWarning(next.idle.lockAt);
    // Signed out: start afresh, so nothing of the previous user stays in this window's memory.
    if (was && was !== 'uit' && next.state === 'uit') window.location.reload();
    // Unlocked: the core held its events back meanwhile; the stores read again.
    if (was === 'vergrendeld' && next.state === 'ingelogd') eventsWereHeldBack();
  }

  async function load(): Promise<void> {
    try {
      apply(await client.auth.status({}));
    } catch (error) {
      loadError.value = messageOf(error, 'Klantbeeld is niet bereikbaar.');
    }
  }

  function start(): void {
    if (started) return;
    started = true;
    client.events.on('auth.changed', apply);
    // A lock or sign-out may have happened while the push channel was down: read the state again.
    onStreamState((stream) => {
      if (stream === 'open') void load();
    });
    void load();
  }

  async function signIn(account: string, wachtwoord: string): Promise<void> {
    apply(await client.auth.signIn({ account, wachtwoord }));
  }

  async function unlock(wachtwoord: string): Promise<void> {
    apply(await client.auth.unlock({ wachtwoord }));
  }

  /** The URL of the organisation's sign-in page, to open in the system browser. */
  async function startOidc(): Promise<string> {
    return (await client.auth.startOidc({})).url;
  }

  async function lock(): Promise<void> {
    await contacts.flushAll();
    apply(await client.auth.lock({}));
  }

  async function signOut(): Promise<void> {
    await contacts.flushAll();
    apply(await client.auth.signOut({}));
  }

  function touchInterval(): number {
    const lockSeconds = status.value?.idle.lockSeconds;
    if (!lockSeconds) return MAX_TOUCH_INTERVAL_MS;
    return Math.min(MAX_TOUCH_INTERVAL_MS, Math.max(MIN_TOUCH_INTERVAL_MS, (lockSeconds * 1000) / 6));
  }

  async function touch(): Promise<void> {
    lastTouch = Date.now();
    try {
      const { lockAt } = await client.auth.touch({});
      scheduleWarning(lockAt);
    } catch {
      // The core may have locked meanwhile; auth.changed brings the new state.
    }
  }

  /** Keyboard or mouse in the window. While the warning shows only "Ik ben er nog" counts. */
  function activity(): void {
    if (state.value !== 'ingelogd' || warningSeconds.value !== null || !status.value?.idle.lockSeconds) return;
    lastActivity = Date.now();
    if (lastActivity - lastTouch >= touchInterval()) void touch();
  }

  /** "Ik ben er nog". */
  async function stillHere(): Promise<void> {
    stopWarning();
    await touch();
  }

  function scheduleWarning(lockAt: string | null): void {
    if (warnTimer) clearTimeout(warnTimer);
    warnTimer = null;
    const warnSeconds = status.value?.idle.warnSeconds;
    if (!lockAt || !warnSeconds || state.value !== 'ingelogd') return;
    const lockMs = Date.parse(lockAt);
    warnTimer = setTimeout(() => {
      warnTimer = null;
      // Activity the core has not heard of yet (throttled): report it instead of warning.
      if (lastActivity > lastTouch) void touch();
      else showWarning(lockMs);
    }, Math.max(0, lockMs - warnSeconds * 1000 - Date.now()));
  }

  function showWarning(lockMs: number): void {
    const left = () => Math.max(0, Math.ceil((lockMs - Date.now()) / 1000));
    warningSeconds.value = left();
    // What is typed must be saved before the core locks and refuses the autosave.
    void contacts.flushAll();
    countdown = setInterval(() => {
      warningSeconds.value = left();
    }, 1000);
  }

  function stopWarning(): void {
    if (countdown) clearInterval(countdown);
    countdown = null;
    warningSeconds.value = null;
  }

  return { status, loadError, state, user, warningSeconds, start, load, signIn, unlock, startOidc, lock, signOut, activity, stillHere };
});
