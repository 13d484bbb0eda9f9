import type { KalenderBron } from '../calendar';
import type { EventBus } from '../events';
import type { Store } from '../store';
import type { CallbackListRow } from '../store/callbacks';
import { queueKey } from '../sync/engine';

type Soort = 'toegewezen_aan_mij' | 'toegewezen_aan_groep' | 'vandaag' | 'te_laat';

export interface NoticeUser {
  email: string;
  groepen: readonly string[];
}

/**
 * After each poll of the work queues: tell the clerk about callbacks newly in their own queue
 * or their groep's (not yet picked up), and about their own that became due today or overdue.
 * Each kind once per callback and user (callback_meldingen); the window rate-limits and mutes.
 * A user's first poll on this machine is quiet: what was open before they signed in here is
 * marked as told, not announced one by one (the work queue shows it all, with its counts).
 */
export function announceCallbacks(store: Store, events: EventBus, kalender: KalenderBron, user: NoticeUser, now: Date): number {
  const meldingen = store.callbacks.meldingen;
  const mine = [queueKey({ soort: 'medewerker', code: user.email })];
  const groups = user.groepen.map((code) => queueKey({ soort: 'groep', code }));
  const vandaag = kalender.get().lokaleDatum(now);
  const quiet = meldingen.since(user.email) === null;
  const notices: { callbackId: string; soort: Soort; klantNaam: string | null; vraag: string }[] = [];
  const tell = (row: CallbackListRow, soort: Soort, emit = true) => {
    meldingen.markAnnounced(user.email, row.id, soort);
    if (emit && !quiet) notices.push({ callbackId: row.id, soort, klantNaam: row.klant_naam, vraag: row.vraag });
  };
  store.transaction(() => {
    for (const row of meldingen.unannounced(user.email, mine, 'toegewezen_aan_mij')) tell(row, 'toegewezen_aan_mij');
    // A groep's callback someone already picked up is theirs to know about.
    for (const row of meldingen.unannounced(user.email, groups, 'toegewezen_aan_groep')) tell(row, 'toegewezen_aan_groep', row.medewerker === null);
    for (const row of meldingen.unannounced(user.email, mine, 'te_laat', vandaag)) {
      if (row.deadline !== null && row.deadline < vandaag) {
        // Overdue says more than due today: the earlier notice is not given any more.
        meldingen.markAnnounced(user.email, row.id, 'vandaag');
        tell(row, 'te_laat');
      }
    }
    for (const row of meldingen.unannounced(user.email, mine, 'vandaag', vandaag)) if (row.deadline === vandaag) tell(row, 'vandaag');
    if (quiet) meldingen.start(user.email, now.toISOString());
  });
  for (const notice of notices) events.emit('callback.notify', notice);
  return notices.length;
}

/** Runs the announcements after every poll, for whoever is signed in. */
export function startCallbackNotices(events: EventBus, store: Store, kalender: KalenderBron, currentUser: () => { email: string; groepen?: readonly string[] } | null): () => void {
  return events.on((name, payload) => {
    if (name !== 'callbacks.changed' || (payload as { reason?: string }).reason !== 'poll') return;
    const user = currentUser();
    if (!user) return;
    announceCallbacks(store, events, kalender, { email: user.email, groepen: user.groepen ?? [] }, new Date());
  });
}
