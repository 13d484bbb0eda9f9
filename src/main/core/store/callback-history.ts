import type { SyncState } from '../../../shared/contract';
import { amsterdamDatum, logRegels, type LogRegel } from '../callbacks/log-regels';
import type { Assignee } from './callbacks';
import type { Db } from './database';

export type EventSoort = 'aangemaakt' | 'opgepakt' | 'vrijgegeven' | 'poging' | 'doorgestuurd' | 'afgehandeld' | 'heropend' | 'gecorrigeerd';

export interface NewEvent {
  callbackId: string;
  at: string;
  soort: EventSoort;
  door: { naam: string; email: string | null };
  uitkomst?: string | null;
  naar?: Assignee | null;
  notitie?: string;
  syncState?: SyncState;
  sourceUrl?: string | null;
}

export interface EventRow {
  id: number;
  callback_id: string;
  at: string;
  soort: EventSoort;
  door_naam: string;
  door_email: string | null;
  uitkomst: string | null;
  naar: string | null;
  notitie: string;
  sync_state: SyncState;
  source_url: string | null;
}

/**
 * A callback's history (callback_events): the changes made here (each with the state of its
 * outbox entry) and the attempts read from the zaaksysteem (by their klantcontact URL, once).
 * The attempt count on the callback row follows every change of its attempts.
 */
export class CallbackHistory {
  constructor(private readonly db: Db) {}

  add(event: NewEvent): number {
    const result = this.db
      .prepare(
        `INSERT INTO callback_events (callback_id, at, soort, door_naam, door_email, uitkomst, naar, notitie, sync_state, source_url)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        event.callbackId, event.at, event.soort, event.door.naam, event.door.email, event.uitkomst ?? null,
        event.naar ? JSON.stringify(event.naar) : null, event.notitie ?? '', event.syncState ?? 'sent', event.sourceUrl ?? null,
      );
    if (event.soort === 'poging') this.recountAttempts(event.callbackId);
    return Number(result.lastInsertRowid);
  }

  /** An event's change reached the zaaksysteem (or was parked); an attempt keeps its klantcontact URL. */
  setSyncState(eventId: number, state: SyncState, sourceUrl: string | null = null): void {
    this.db.prepare('UPDATE callback_events SET sync_state = ?, source_url = coalesce(?, source_url) WHERE id = ?').run(state, sourceUrl, eventId);
  }

  remove(eventId: number): void {
    const row = this.db.prepare<[number], { callback_id: string; soort: string }>('SELECT callback_id, soort FROM callback_events WHERE id = ?').get(eventId);
    this.db.prepare('DELETE FROM callback_events WHERE id = ?').run(eventId);
    if (row?.soort === 'poging') this.recountAttempts(row.callback_id);
  }

  /**
   * The creation line (and a correction made before it was sent) follow the create's outbox
   * entry; once sent the creation line is known by its klantcontact's URL.
   */
  setCreatedEventSyncState(callbackId: string, state: SyncState, klantcontactUrl: string | null = null): void {
    this.db
      .prepare("UPDATE callback_events SET sync_state = ?, source_url = coalesce(?, source_url) WHERE callback_id = ? AND soort = 'aangemaakt'")
      .run(state, klantcontactUrl, callbackId);
    this.db.prepare("UPDATE callback_events SET sync_state = ? WHERE callback_id = ? AND soort = 'gecorrigeerd'").run(state, callbackId);
  }

  /** The creation line of a callback registered elsewhere (once, by its klantcontact's URL). */
  addCreatedElsewhere(callbackId: string, at: string, door: string, vraag: string, klantcontactUrl: string): void {
    this.db
      .prepare(
        `INSERT INTO callback_events (callback_id, at, soort, door_naam, notitie, sync_state, source_url)
         VALUES (?, ?, 'aangemaakt', ?, ?, 'sent', ?) ON CONFLICT (source_url) DO NOTHING`,
      )
      .run(callbackId, at, door, vraag, klantcontactUrl);
  }

  /**
   * The forwards, handles and reopens in a taak's toelichting (made on any machine) as history
   * lines, once each by their key. A line of a change made here claims that change's own line
   * (same kind, who, day and reason; not yet keyed) instead of adding a second one.
   */
  mergeLogRegels(callbackId: string, toelichting: string): void {
    const regels = logRegels(callbackId, toelichting);
    if (regels.length === 0) return;
    const known = this.db.prepare<[string], { at: string }>('SELECT at FROM callback_events WHERE source_url = ?');
    const unkeyed = this.db.prepare<[string, string], EventRow>('SELECT * FROM callback_events WHERE callback_id = ? AND soort = ? AND source_url IS NULL ORDER BY at, id');
    const claim = this.db.prepare('UPDATE callback_events SET source_url = ? WHERE id = ?');
    const insert = this.db.prepare(
      `INSERT INTO callback_events (callback_id, at, soort, door_naam, uitkomst, naar, notitie, sync_state, source_url)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'sent', ?)`,
    );
    this.db.transaction(() => {
      // The lines are in the order of the changes, but state the minute only: a line never goes
      // before the line above it (a handle here at 14:05:40, a reopen elsewhere "14:05").
      let floor = '';
      for (const regel of regels) {
        let at = known.get(regel.key)?.at;
        if (at === undefined) {
          const own = unkeyed.all(callbackId, regel.soort).find((e) => sameChange(e, regel));
          if (own) claim.run(regel.key, own.id);
          else insert.run(callbackId, regel.at > floor ? regel.at : floor, regel.soort, regel.door, regel.uitkomst, regel.naar ? JSON.stringify({ soort: 'onbekend', code: null, naam: regel.naar }) : null, regel.reden, regel.key);
          at = own?.at ?? (regel.at > floor ? regel.at : floor);
        }
        if (at > floor) floor = at;
      }
    })();
  }

  list(callbackId: string): EventRow[] {
    return this.db.prepare<[string], EventRow>('SELECT * FROM callback_events WHERE callback_id = ? ORDER BY at, id').all(callbackId);
  }

  /** Attempts read from the zaaksysteem (any machine's): added once, by their klantcontact URL. */
  mergeRemoteAttempts(callbackId: string, attempts: readonly { sourceUrl: string; at: string; door: string; uitkomst: string | null; notitie: string }[], readAt: string): void {
    const insert = this.db.prepare(
      `INSERT INTO callback_events (callback_id, at, soort, door_naam, uitkomst, notitie, sync_state, source_url)
       VALUES (?, ?, 'poging', ?, ?, ?, 'sent', ?) ON CONFLICT (source_url) DO NOTHING`,
    );
    this.db.transaction(() => {
      for (const a of attempts) insert.run(callbackId, a.at, a.door, a.uitkomst, a.notitie, a.sourceUrl);
      this.recountAttempts(callbackId);
      this.db.prepare('UPDATE callbacks SET pogingen_gelezen_op = ? WHERE id = ?').run(readAt, callbackId);
    })();
  }

  /** Open, sent callbacks in these queues whose attempts were read longest ago (never first). */
  attemptsToRead(queues: readonly string[], limit: number): { id: string; source_url: string }[] {
    if (queues.length === 0) return [];
    return this.db
      .prepare<unknown[], { id: string; source_url: string }>(
        `SELECT c.id, c.source_url FROM callbacks c
         WHERE +c.status = 'te_verwerken' AND c.source_url IS NOT NULL AND c.id IN (SELECT callback_id FROM callback_queues WHERE queue IN (${queues.map(() => '?').join(', ')}))
         ORDER BY c.pogingen_gelezen_op IS NOT NULL, c.pogingen_gelezen_op LIMIT ?`,
      )
      .all(...queues, limit);
  }

  private recountAttempts(callbackId: string): void {
    this.db
      .prepare(
        `UPDATE callbacks SET pogingen = (SELECT count(*) FROM callback_events WHERE callback_id = @id AND soort = 'poging'),
           laatste_poging_op = (SELECT max(at) FROM callback_events WHERE callback_id = @id AND soort = 'poging') WHERE id = @id`,
      )
      .run({ id: callbackId });
  }
}

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** A history line made here is the change a toelichting line tells of. */
function sameChange(event: EventRow, regel: LogRegel): boolean {
  if (event.door_naam !== regel.door || amsterdamDatum(event.at) !== regel.datum) return false;
  if (regel.soort === 'afgehandeld') return event.uitkomst === regel.uitkomst;
  if (oneLine(event.notitie) !== regel.reden) return false;
  return regel.soort !== 'doorgestuurd' || (event.naar !== null && (JSON.parse(event.naar) as Assignee).naam === regel.naar);
}
