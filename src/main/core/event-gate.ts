import { events } from '../../shared/contract';
import type { EventListener } from './api';

/**
 * Holds back the core's pushes while nobody is signed in or the screen is locked: they may carry
 * personal data (a refreshed dossier, a callback notice, an incoming call), and the window's
 * stores must not fill up behind the lock screen. Only events marked `beforeSignIn` pass. The
 * window re-reads what it shows after unlocking (renderer api/index.ts: onMissedEvents).
 */
export function gateEvents(listener: EventListener, open: () => boolean): EventListener {
  return (name, payload) => {
    if (events[name].beforeSignIn || open()) listener(name, payload);
  };
}
