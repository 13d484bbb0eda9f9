import { randomUUID } from 'node:crypto';
import type { SyncState } from '../../../shared/contract';
import type { CallbackRecord } from '../adapters/types';
import type { Db } from './database';

export interface CallbackRow {
  id: string;
  source_url: string | null;
  customer_id: string | null;
  klant_naam: string | null;
  onderwerp: string | null;
  vraag: string;
  toelichting: string;
  status: 'te_verwerken' | 'verwerkt';
  toegewezen_aan: string;
  toegewezen_op: string | null;
  afgehandeld_op: string | null;
  aangemaakt_op: string;
  sync_state: SyncState;
  sync_error: string | null;
}

export interface NewCallback {
  customerId: string | null;
  contactId: string;
  klantNaam: string | null;
  onderwerp: string;
  vraag: string;
  toelichting: string;
  toegewezenAan: { soort: string; code: string | null; naam: string }[];
  aangemaaktOp: string;
}

/** Local callbacks: the ones registered here (pending until sent) and the ones pulled from work queues. */
export class CallbackStore {
  constructor(private readonly db: Db) {}

  addLocal(callback: NewCallback): string {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO callbacks (id, customer_id, contact_id, klant_naam, onderwerp, vraag, toelichting, status, toegewezen_aan, toegewezen_op, aangemaakt_op, sync_state)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'te_verwerken', ?, ?, ?, 'pending')`,
      )
      .run(id, callback.customerId, callback.contactId, callback.klantNaam, callback.onderwerp, callback.vraag, callback.toelichting, JSON.stringify(callback.toegewezenAan), callback.aangemaaktOp, callback.aangemaaktOp);
    return id;
  }

  get(id: string): CallbackRow | undefined {
    return this.db.prepare<[string], CallbackRow>('SELECT * FROM callbacks WHERE id = ?').get(id);
  }

  setSyncState(id: string, state: SyncState, error: string | null, sourceUrl: string | null = null, klantcontactUrl: string | null = null): void {
    this.db
      .prepare('UPDATE callbacks SET sync_state = ?, sync_error = ?, source_url = coalesce(?, source_url), klantcontact_url = coalesce(?, klantcontact_url) WHERE id = ?')
      .run(state, error, sourceUrl, klantcontactUrl, id);
  }

  remove(id: string): void {
    this.db.prepare("DELETE FROM callbacks WHERE id = ? AND sync_state != 'sent'").run(id);
  }

  /**
   * Replaces what a work queue holds with what the source says is open in it. Callbacks that
   * left the queue keep their row (handled or reassigned elsewhere) but no longer count for it.
   */
  replaceQueue(queue: string, records: readonly CallbackRecord[], customerIdOf: (partijUrl: string) => string | null, fetchedAt: string): void {
    const upsert = this.db.prepare(
      `INSERT INTO callbacks (id, source_url, customer_id, klantcontact_url, klant_naam, onderwerp, vraag, toelichting, status, toegewezen_aan, toegewezen_op, afgehandeld_op, aangemaakt_op, sync_state, fetched_at)
       VALUES (@id, @sourceUrl, @customerId, @klantcontactUrl, @klantNaam, @onderwerp, @vraag, @toelichting, @status, @toegewezenAan, @toegewezenOp, @afgehandeldOp, coalesce(@toegewezenOp, @fetchedAt), 'sent', @fetchedAt)
       ON CONFLICT (source_url) DO UPDATE SET customer_id = coalesce(excluded.customer_id, callbacks.customer_id),
         klant_naam = coalesce(excluded.klant_naam, callbacks.klant_naam), onderwerp = coalesce(excluded.onderwerp, callbacks.onderwerp),
         vraag = excluded.vraag, toelichting = excluded.toelichting, status = excluded.status, toegewezen_aan = excluded.toegewezen_aan,
         toegewezen_op = excluded.toegewezen_op, afgehandeld_op = excluded.afgehandeld_op, sync_state = 'sent', sync_error = NULL,
         fetched_at = excluded.fetched_at`,
    );
    const idOf = this.db.prepare<[string], { id: string }>('SELECT id FROM callbacks WHERE source_url = ?');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM callback_queues WHERE queue = ?').run(queue);
      const link = this.db.prepare('INSERT OR IGNORE INTO callback_queues (queue, callback_id) VALUES (?, ?)');
      for (const r of records) {
        upsert.run({
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
          fetchedAt,
        });
        const row = idOf.get(r.sourceUrl);
        if (row) link.run(queue, row.id);
      }
    })();
  }

  /** Open callbacks in these queues, plus this machine's own not yet sent; oldest first. */
  listOpen(queues: readonly string[], limit: number): CallbackRow[] {
    const marks = queues.map(() => '?').join(', ') || "''";
    return this.db
      .prepare<unknown[], CallbackRow>(
        `SELECT c.* FROM callbacks c
         WHERE c.status = 'te_verwerken'
           AND (c.sync_state != 'sent' OR EXISTS (SELECT 1 FROM callback_queues q WHERE q.callback_id = c.id AND q.queue IN (${marks})))
         ORDER BY c.aangemaakt_op LIMIT ?`,
      )
      .all(...queues, limit);
  }

  /** A customer's open callbacks, oldest first. */
  listOpenForCustomer(customerId: string, limit: number): CallbackRow[] {
    return this.db
      .prepare<[string, number], CallbackRow>("SELECT * FROM callbacks WHERE customer_id = ? AND status = 'te_verwerken' ORDER BY aangemaakt_op LIMIT ?")
      .all(customerId, limit);
  }
}
