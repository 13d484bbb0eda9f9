import { randomUUID } from 'node:crypto';
import type { SyncState } from '../../../shared/contract';
import type { CallbackRecord } from '../adapters/types';
import { resultaatUit } from '../callbacks/toelichting';
import { CallbackHistory } from './callback-history';
import { CallbackMeldingen } from './callback-meldingen';
import type { Db } from './database';

export interface CallbackRow {
  id: string;
  source_url: string | null;
  customer_id: string | null;
  contact_id: string | null;
  klantcontact_url: string | null;
  klant_naam: string | null;
  onderwerp: string | null;
  vraag: string;
  /** As the zaaksysteem holds it: the clerk's note plus the structured block (callback-text.ts). */
  toelichting: string;
  status: 'te_verwerken' | 'verwerkt';
  toegewezen_aan: string;
  toegewezen_op: string | null;
  afgehandeld_op: string | null;
  aangemaakt_op: string;
  sync_state: SyncState;
  sync_error: string | null;
  team: string | null;
  medewerker: string | null;
  norm_werkdagen: number | null;
  deadline: string | null;
  resultaat: string | null;
  pogingen: number;
  laatste_poging_op: string | null;
  telefoonnummers: string;
  emailadressen: string;
  voorkeur_moment: string | null;
  antwoorden: string;
}

/** A row as lists show it: with the state of changes still in the outbox. */
export interface CallbackListRow extends CallbackRow {
  /** 1: a change waits in the outbox; 2: a change is parked; null: none. */
  wijziging_state: number | null;
  wijziging_error: string | null;
}

export interface Assignee {
  soort: string;
  code: string | null;
  naam: string;
}

export interface NewCallback {
  customerId: string | null;
  contactId: string;
  klantNaam: string | null;
  onderwerp: string;
  vraag: string;
  toelichting: string;
  toegewezenAan: Assignee[];
  aangemaaktOp: string;
  team: string | null;
  medewerker: string | null;
  normWerkdagen: number | null;
  deadline: string | null;
  telefoonnummers: string[];
  emailadressen: string[];
  /** JSON of the contract's VoorkeurMoment, or null. */
  voorkeurMoment: string | null;
  antwoorden: { vraag: string; antwoord: string }[];
  /** The work queues (queue keys) it is in from the start. */
  queues: string[];
  /** Notices the creator need not be given (they know it is there). */
  meldingen: string[];
  door: { naam: string; email: string | null };
}

/** What the store derives for a pulled record the first time (team, norm and deadline). */
export interface Derived {
  team: string | null;
  medewerker: string | null;
  normWerkdagen: number | null;
  deadline: string | null;
}

export interface ListFilter {
  status: 'open' | 'afgehandeld';
  /** Open lists: the queue keys to show; null: every callback (the team leader's "alle"). */
  queues: readonly string[] | null;
  /** Handled lists (queues are of open taken only): handled by this medewerker / in these teams. */
  handledBy?: { medewerker: string } | { teams: readonly string[] } | null;
  team?: string;
  medewerker?: string;
  urgentie?: 'op_tijd' | 'vandaag' | 'te_laat';
  /** Today (Amsterdam, YYYY-MM-DD): the urgentie filter compares the deadline with it. */
  today: string;
  sort: 'deadline' | 'aangemaakt' | 'klant';
  richting: 'op' | 'af';
  limit: number;
}

/** Fields a local change may set; undefined leaves the column as it is. */
export interface CallbackChange {
  status?: 'te_verwerken' | 'verwerkt';
  toegewezenAan?: Assignee[];
  team?: string | null;
  medewerker?: string | null;
  toelichting?: string;
  resultaat?: string | null;
  afgehandeldOp?: string | null;
  toegewezenOp?: string | null;
  /** A parked callback corrected in the wachtrij: the new numbers, and the team's norm and deadline. */
  telefoonnummers?: string[];
  emailadressen?: string[];
  normWerkdagen?: number | null;
  deadline?: string | null;
}

/** Outbox entries of a callback that still count (waiting or parked, not given up). */
const OPEN_CHANGES = "SELECT entity_id FROM outbox WHERE state != 'done'";

const LIST_COLUMNS = `c.*,
  (SELECT max(CASE o.state WHEN 'parked' THEN 2 ELSE 1 END) FROM outbox o WHERE o.entity_id = c.id AND o.state != 'done') AS wijziging_state,
  (SELECT o.last_error FROM outbox o WHERE o.entity_id = c.id AND o.state = 'parked' ORDER BY o.id DESC LIMIT 1) AS wijziging_error`;

/** Team codes are compared upper-case, e-mail addresses lower-case. */
export const teamKey = (code: string) => code.toUpperCase();
export const emailKey = (email: string) => email.toLowerCase();

/** Local callbacks: the ones registered here (pending until sent) and the ones pulled from work queues. */
export class CallbackStore {
  /** Every change in a callback's life, in order: the visible history. */
  readonly history: CallbackHistory;
  /** The notices given per user. */
  readonly meldingen: CallbackMeldingen;
  /** A pulled record: inserted, or updated unless a change of ours is still on its way. */
  private readonly upsertStmt;

  constructor(private readonly db: Db) {
    this.history = new CallbackHistory(db);
    this.meldingen = new CallbackMeldingen(db, LIST_COLUMNS);
    this.upsertStmt = this.db.prepare(
      `INSERT INTO callbacks (id, source_url, customer_id, klantcontact_url, klant_naam, onderwerp, vraag, toelichting, status, toegewezen_aan, toegewezen_op, afgehandeld_op, aangemaakt_op, sync_state, fetched_at,
         team, medewerker, norm_werkdagen, deadline, telefoonnummers, emailadressen, resultaat)
       VALUES (@id, @sourceUrl, @customerId, @klantcontactUrl, coalesce(@klantNaam, (SELECT naam FROM customers WHERE id = @customerId)), @onderwerp, @vraag, @toelichting, @status, @toegewezenAan, @toegewezenOp, @afgehandeldOp, coalesce(@ontvangenOp, @toegewezenOp, @fetchedAt), 'sent', @fetchedAt,
         @team, @medewerker, @normWerkdagen, @deadline, @telefoonnummers, @emailadressen, @resultaat)
       ON CONFLICT (source_url) DO UPDATE SET customer_id = coalesce(excluded.customer_id, callbacks.customer_id),
         klant_naam = coalesce(excluded.klant_naam, callbacks.klant_naam), onderwerp = coalesce(excluded.onderwerp, callbacks.onderwerp),
         vraag = excluded.vraag, toelichting = excluded.toelichting, status = excluded.status, toegewezen_aan = excluded.toegewezen_aan,
         toegewezen_op = excluded.toegewezen_op, afgehandeld_op = excluded.afgehandeld_op, sync_state = 'sent', sync_error = NULL,
         fetched_at = excluded.fetched_at, team = excluded.team, medewerker = excluded.medewerker,
         norm_werkdagen = coalesce(callbacks.norm_werkdagen, excluded.norm_werkdagen), deadline = coalesce(callbacks.deadline, excluded.deadline),
         resultaat = CASE WHEN excluded.status = 'te_verwerken' THEN NULL ELSE coalesce(excluded.resultaat, callbacks.resultaat) END,
         telefoonnummers = CASE WHEN excluded.telefoonnummers = '[]' THEN callbacks.telefoonnummers ELSE excluded.telefoonnummers END,
         emailadressen = CASE WHEN excluded.emailadressen = '[]' THEN callbacks.emailadressen ELSE excluded.emailadressen END
       WHERE callbacks.id NOT IN (${OPEN_CHANGES})`,
    );
  }

  /** A callback registered here, its first history line and its queues; call inside the create's transaction. */
  addLocal(callback: NewCallback): string {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO callbacks (id, customer_id, contact_id, klant_naam, onderwerp, vraag, toelichting, status, toegewezen_aan, toegewezen_op, aangemaakt_op, sync_state,
           team, medewerker, norm_werkdagen, deadline, telefoonnummers, emailadressen, voorkeur_moment, antwoorden)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'te_verwerken', ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id, callback.customerId, callback.contactId, callback.klantNaam, callback.onderwerp, callback.vraag, callback.toelichting,
        JSON.stringify(callback.toegewezenAan), callback.aangemaaktOp, callback.aangemaaktOp,
        callback.team === null ? null : teamKey(callback.team), callback.medewerker === null ? null : emailKey(callback.medewerker),
        callback.normWerkdagen, callback.deadline, JSON.stringify(callback.telefoonnummers), JSON.stringify(callback.emailadressen),
        callback.voorkeurMoment, JSON.stringify(callback.antwoorden),
      );
    if (callback.door.email) for (const soort of callback.meldingen) this.meldingen.markAnnounced(callback.door.email, id, soort);
    this.setQueues(id, callback.queues);
    this.history.add({ callbackId: id, at: callback.aangemaaktOp, soort: 'aangemaakt', door: callback.door, notitie: callback.vraag, syncState: 'pending' });
    return id;
  }

  get(id: string): CallbackListRow | undefined {
    return this.db.prepare<[string], CallbackListRow>(`SELECT ${LIST_COLUMNS} FROM callbacks c WHERE c.id = ?`).get(id);
  }

  getMany(ids: readonly string[]): CallbackListRow[] {
    if (ids.length === 0) return [];
    return this.db.prepare<[string], CallbackListRow>(`SELECT ${LIST_COLUMNS} FROM callbacks c WHERE c.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
  }

  setSyncState(id: string, state: SyncState, error: string | null, sourceUrl: string | null = null, klantcontactUrl: string | null = null): void {
    this.db
      .prepare('UPDATE callbacks SET sync_state = ?, sync_error = ?, source_url = coalesce(?, source_url), klantcontact_url = coalesce(?, klantcontact_url) WHERE id = ?')
      .run(state, error, sourceUrl, klantcontactUrl, id);
  }

  remove(id: string): void {
    this.db.prepare("DELETE FROM callbacks WHERE id = ? AND sync_state != 'sent'").run(id);
  }

  /** A local change (pick up, forward, handle …); call inside the transaction with its event and outbox entry. */
  applyChange(id: string, change: CallbackChange): void {
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => {
      sets.push(`${column} = ?`);
      values.push(value);
    };
    if (change.status !== undefined) set('status', change.status);
    if (change.toegewezenAan !== undefined) set('toegewezen_aan', JSON.stringify(change.toegewezenAan));
    if (change.team !== undefined) set('team', change.team === null ? null : teamKey(change.team));
    if (change.medewerker !== undefined) set('medewerker', change.medewerker === null ? null : emailKey(change.medewerker));
    if (change.toelichting !== undefined) set('toelichting', change.toelichting);
    if (change.resultaat !== undefined) set('resultaat', change.resultaat);
    if (change.afgehandeldOp !== undefined) set('afgehandeld_op', change.afgehandeldOp);
    if (change.toegewezenOp !== undefined) set('toegewezen_op', change.toegewezenOp);
    if (change.telefoonnummers !== undefined) set('telefoonnummers', JSON.stringify(change.telefoonnummers));
    if (change.emailadressen !== undefined) set('emailadressen', JSON.stringify(change.emailadressen));
    if (change.normWerkdagen !== undefined) set('norm_werkdagen', change.normWerkdagen);
    if (change.deadline !== undefined) set('deadline', change.deadline);
    if (sets.length === 0) return;
    this.db.prepare(`UPDATE callbacks SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  }

  /** The queues a callback is in after a local change, until the next poll says otherwise. */
  setQueues(id: string, queues: readonly string[]): void {
    this.db.prepare('DELETE FROM callback_queues WHERE callback_id = ?').run(id);
    const link = this.db.prepare('INSERT OR IGNORE INTO callback_queues (queue, callback_id) VALUES (?, ?)');
    for (const queue of queues) link.run(queue, id);
  }

  /**
   * Replaces what a work queue holds with what the source says is in it. Callbacks that left
   * the queue keep their row (handled or reassigned elsewhere) but no longer count for it.
   * A callback with a change still in the outbox keeps its local state and queues: the source
   * has not seen the change yet. Team, norm and deadline are derived the first time only.
   */
  replaceQueue(queue: string, records: readonly CallbackRecord[], customerIdOf: (partijUrl: string) => string | null, fetchedAt: string, derive: (record: CallbackRecord) => Derived): void {
    const changing = this.db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM outbox WHERE entity_id = ? AND state != 'done'`);
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM callback_queues WHERE queue = ? AND callback_id NOT IN (${OPEN_CHANGES})`).run(queue);
      const link = this.db.prepare('INSERT OR IGNORE INTO callback_queues (queue, callback_id) VALUES (?, ?)');
      for (const r of records) {
        const id = this.upsertRecord(r, customerIdOf, fetchedAt, derive);
        if (id && (changing.get(id)?.n ?? 0) === 0) link.run(queue, id);
      }
    })();
  }

  /** Callbacks read one by one (they left the queues polled here): their state, no queue. */
  refresh(records: readonly CallbackRecord[], customerIdOf: (partijUrl: string) => string | null, fetchedAt: string, derive: (record: CallbackRecord) => Derived): void {
    this.db.transaction(() => {
      for (const r of records) this.upsertRecord(r, customerIdOf, fetchedAt, derive);
    })();
  }

  /** Source URLs of the open, sent callbacks in these queues. */
  openSourcesIn(queues: readonly string[]): Set<string> {
    if (queues.length === 0) return new Set();
    const rows = this.db
      .prepare<string[], { source_url: string }>(
        `SELECT c.source_url FROM callbacks c WHERE +c.status = 'te_verwerken' AND c.source_url IS NOT NULL
           AND c.id IN (SELECT callback_id FROM callback_queues WHERE queue IN (${queues.map(() => '?').join(', ')}))`,
      )
      .all(...queues);
    return new Set(rows.map((r) => r.source_url));
  }

  /**
   * Of these source URLs: the callbacks open here that are in none of the polled queues any
   * more (a link to a queue not polled here, left by a local change, does not count), without a
   * change of ours on its way.
   */
  departed(sources: Iterable<string>, polled: readonly string[]): string[] {
    const check = this.db.prepare<unknown[], { id: string }>(
      `SELECT c.id FROM callbacks c WHERE c.source_url = ? AND c.status = 'te_verwerken'
         AND NOT EXISTS (SELECT 1 FROM callback_queues q WHERE q.callback_id = c.id AND q.queue IN (SELECT value FROM json_each(?)))
         AND c.id NOT IN (${OPEN_CHANGES})`,
    );
    const queues = JSON.stringify(polled);
    return [...sources].filter((url) => check.get(url, queues) !== undefined);
  }

  private upsertRecord(r: CallbackRecord, customerIdOf: (partijUrl: string) => string | null, fetchedAt: string, derive: (record: CallbackRecord) => Derived): string | null {
    const derived = derive(r);
    this.upsertStmt.run({
      id: randomUUID(),
      sourceUrl: r.sourceUrl,
      customerId: r.partijUrl ? customerIdOf(r.partijUrl) : null,
      klantcontactUrl: r.klantcontactUrl,
      klantNaam: r.klantNaam,
      onderwerp: r.onderwerp,
      vraag: r.vraag,
      toelichting: r.toelichting,
      status: r.status,
      toegewezenAan: JSON.stringify(r.toegewezenAan),
      toegewezenOp: r.toegewezenOp,
      afgehandeldOp: r.afgehandeldOp,
      ontvangenOp: r.ontvangenOp,
      fetchedAt,
      team: derived.team === null ? null : teamKey(derived.team),
      medewerker: derived.medewerker === null ? null : emailKey(derived.medewerker),
      normWerkdagen: derived.normWerkdagen,
      deadline: derived.deadline,
      telefoonnummers: JSON.stringify(r.telefoonnummers),
      emailadressen: JSON.stringify(r.emailadressen),
      resultaat: r.status === 'verwerkt' ? resultaatUit(r.toelichting) : null,
    });
    const row = this.db.prepare<[string], { id: string; aangemaakt_op: string }>('SELECT id, aangemaakt_op FROM callbacks WHERE source_url = ?').get(r.sourceUrl);
    // Its history starts with its creation, wherever that was (a line of ours carries the same URL).
    if (row && r.klantcontactUrl) this.history.addCreatedElsewhere(row.id, row.aangemaakt_op, r.aangemaaktDoor ?? 'Onbekend', r.vraag, r.klantcontactUrl);
    // Forwards, handles and reopens done elsewhere reach us as lines in the toelichting.
    if (row) this.history.mergeLogRegels(row.id, r.toelichting);
    return row?.id ?? null;
  }

  /** A work queue, filtered and sorted, with the number of matches; at most `limit` rows. */
  list(filter: ListFilter): { rows: CallbackListRow[]; total: number } {
    const byQueue = filter.queues !== null && filter.status === 'open';
    // A queue is small: it drives the query (the unary + keeps the planner off the status index).
    const where: string[] = [`${byQueue ? '+' : ''}c.status = '${filter.status === 'open' ? 'te_verwerken' : 'verwerkt'}'`];
    const params: unknown[] = [];
    if (byQueue && filter.queues) {
      where.push(`c.id IN (SELECT callback_id FROM callback_queues WHERE queue IN (${filter.queues.map(() => '?').join(', ') || "''"}))`);
      params.push(...filter.queues);
    }
    if (filter.status === 'afgehandeld' && filter.handledBy) {
      if ('medewerker' in filter.handledBy) {
        where.push('c.medewerker = ?');
        params.push(emailKey(filter.handledBy.medewerker));
      } else {
        where.push(`c.team IN (${filter.handledBy.teams.map(() => '?').join(', ') || "''"})`);
        params.push(...filter.handledBy.teams.map(teamKey));
      }
    }
    if (filter.team) {
      where.push('c.team = ?');
      params.push(teamKey(filter.team));
    }
    if (filter.medewerker) {
      where.push('c.medewerker = ?');
      params.push(emailKey(filter.medewerker));
    }
    if (filter.urgentie && filter.status === 'open') {
      where.push({ op_tijd: 'c.deadline > ?', vandaag: 'c.deadline = ?', te_laat: 'c.deadline < ?' }[filter.urgentie]);
      params.push(filter.today);
    }
    const dir = filter.richting === 'af' ? 'DESC' : 'ASC';
    const order = {
      deadline: `c.deadline IS NULL, c.deadline ${dir}, c.aangemaakt_op ${dir}`,
      aangemaakt: `c.aangemaakt_op ${dir}`,
      klant: `c.klant_naam IS NULL, c.klant_naam COLLATE NOCASE ${dir}, c.aangemaakt_op`,
    }[filter.sort];
    const clause = where.join(' AND ');
    const rows = this.db.prepare<unknown[], CallbackListRow>(`SELECT ${LIST_COLUMNS} FROM callbacks c WHERE ${clause} ORDER BY ${order} LIMIT ?`).all(...params, filter.limit);
    const total = rows.length < filter.limit ? rows.length : (this.db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM callbacks c WHERE ${clause}`).get(...params)?.n ?? 0);
    return { rows, total };
  }

  /**
   * Open callbacks in any of these queues (null: all open ones). A queue's count looks its ids
   * up in the small index of open ids: reading each callback row for its status cost more than
   * the list itself once the list had pushed those rows out of SQLite's page cache.
   */
  countOpen(queues: readonly string[] | null): number {
    if (queues === null) return this.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM callbacks WHERE status = 'te_verwerken'").get()?.n ?? 0;
    if (queues.length === 0) return 0;
    return (
      this.db
        .prepare<string[], { n: number }>(
          `SELECT count(*) AS n FROM callbacks INDEXED BY callbacks_open_ids
           WHERE status = 'te_verwerken' AND id IN (SELECT callback_id FROM callback_queues WHERE queue IN (${queues.map(() => '?').join(', ')}))`,
        )
        .get(...queues)?.n ?? 0
    );
  }

  /** The queues a callback is in now. */
  queuesOf(id: string): string[] {
    return this.db.prepare<[string], { queue: string }>('SELECT queue FROM callback_queues WHERE callback_id = ?').all(id).map((r) => r.queue);
  }

  /** This interne taak is held here. */
  knows(sourceUrl: string): boolean {
    return this.db.prepare<[string], { id: string }>('SELECT id FROM callbacks WHERE source_url = ?').get(sourceUrl) !== undefined;
  }

  /** A customer's open callbacks, oldest first. */
  listOpenForCustomer(customerId: string, limit: number): CallbackListRow[] {
    return this.db
      .prepare<[string, number], CallbackListRow>(`SELECT ${LIST_COLUMNS} FROM callbacks c WHERE c.customer_id = ? AND c.status = 'te_verwerken' ORDER BY c.aangemaakt_op LIMIT ?`)
      .all(customerId, limit);
  }
}
