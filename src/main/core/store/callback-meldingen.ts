import type { CallbackListRow } from './callbacks';
import type { Db } from './database';

/** A user is known by their e-mail address, lower-case. */
const userKey = (email: string) => email.toLowerCase();

/**
 * The notices (callback.notify) given per user on this machine: each kind once per callback
 * and user, so a colleague signing in here later still hears of what concerns them. Also since
 * when a user hears of callbacks here (their first poll on this machine).
 */
export class CallbackMeldingen {
  constructor(
    private readonly db: Db,
    private readonly listColumns: string,
  ) {}

  /** When this user's notices started on this machine; null: never yet. */
  since(email: string): string | null {
    return this.db.prepare<[string], { sinds: string }>('SELECT sinds FROM callback_melding_gebruikers WHERE gebruiker = ?').get(userKey(email))?.sinds ?? null;
  }

  start(email: string, at: string): void {
    this.db.prepare('INSERT OR IGNORE INTO callback_melding_gebruikers (gebruiker, sinds) VALUES (?, ?)').run(userKey(email), at);
  }

  /** Open callbacks in these queues this user was not yet told about with this kind of notice. */
  unannounced(email: string, queues: readonly string[], soort: string, deadlineOnOrBefore: string | null = null): CallbackListRow[] {
    if (queues.length === 0) return [];
    return this.db
      .prepare<unknown[], CallbackListRow>(
        `SELECT ${this.listColumns} FROM callbacks c
         WHERE +c.status = 'te_verwerken' AND c.id IN (SELECT callback_id FROM callback_queues WHERE queue IN (${queues.map(() => '?').join(', ')}))
           AND NOT EXISTS (SELECT 1 FROM callback_meldingen m WHERE m.gebruiker = ? AND m.callback_id = c.id AND m.soort = ?)
           ${deadlineOnOrBefore ? 'AND c.deadline <= ?' : ''}`,
      )
      .all(...queues, userKey(email), soort, ...(deadlineOnOrBefore ? [deadlineOnOrBefore] : []));
  }

  markAnnounced(email: string, callbackId: string, soort: string): void {
    this.db.prepare('INSERT OR IGNORE INTO callback_meldingen (gebruiker, callback_id, soort) VALUES (?, ?, ?)').run(userKey(email), callbackId, soort);
  }
}
