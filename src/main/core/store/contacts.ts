import { randomUUID } from 'node:crypto';
import type { ContactItem, SyncState } from '../../../shared/contract';
import type { Db } from './database';
import type { ContactRecord } from './records';

interface ContactRow {
  id: string;
  customer_id: string;
  kanaal: string;
  onderwerp: string;
  inhoud: string;
  plaatsgevonden_op: string;
  gespreksresultaat: string | null;
  afdeling: string | null;
  medewerker: string | null;
  zaak_identificaties: string;
  sync_state: SyncState;
  sync_error: string | null;
  antwoord_gevonden?: number | null;
  kennisartikelen?: string | null;
}

function toItem(row: ContactRow): ContactItem {
  return {
    id: row.id,
    customerId: row.customer_id,
    kanaal: row.kanaal,
    onderwerp: row.onderwerp,
    inhoud: row.inhoud,
    plaatsgevondenOp: row.plaatsgevonden_op,
    gespreksresultaat: row.gespreksresultaat,
    afdeling: row.afdeling,
    medewerker: row.medewerker,
    zaakIdentificaties: JSON.parse(row.zaak_identificaties) as string[],
    syncState: row.sync_state,
    syncError: row.sync_error,
    ...(row.kennisartikelen && row.kennisartikelen !== '[]' ? { kennisartikelen: JSON.parse(row.kennisartikelen) as { id: string; titel: string }[] } : {}),
    ...(row.antwoord_gevonden === 0 || row.antwoord_gevonden === 1 ? { antwoordGevonden: row.antwoord_gevonden === 1 } : {}),
  };
}

export interface NewContact {
  customerId: string;
  kanaal: string;
  onderwerp: string;
  inhoud: string;
  plaatsgevondenOp: string;
  medewerker: string;
}

export class ContactStore {
  private readonly listStmt;
  private readonly getStmt;
  private readonly insertLocal;
  private readonly upsertRemote;
  private readonly sentUrls;
  private readonly deleteByUrl;
  private readonly stateStmt;
  private readonly detailsStmt;

  constructor(private readonly db: Db) {
    this.listStmt = db.prepare<[string, number], ContactRow>(
      `SELECT *, (SELECT json_group_array(json_object('id', ca.article_id, 'titel', ca.titel)) FROM (SELECT ca.article_id, ca.titel FROM contact_articles ca WHERE ca.contact_id = contacts.id ORDER BY ca.rowid) ca) AS kennisartikelen FROM contacts WHERE customer_id = ? ORDER BY plaatsgevonden_op DESC LIMIT ?`,
    );
    this.getStmt = db.prepare<[string], ContactRow>(
      `SELECT *, (SELECT json_group_array(json_object('id', ca.article_id, 'titel', ca.titel)) FROM (SELECT ca.article_id, ca.titel FROM contact_articles ca WHERE ca.contact_id = contacts.id ORDER BY ca.rowid) ca) AS kennisartikelen FROM contacts WHERE id = ?`,
    );
    this.insertLocal = db.prepare(
      `INSERT INTO contacts (id, customer_id, kanaal, onderwerp, inhoud, plaatsgevonden_op, medewerker, sync_state)
       VALUES (@id, @customerId, @kanaal, @onderwerp, @inhoud, @plaatsgevondenOp, @medewerker, 'pending')`,
    );
    this.upsertRemote = db.prepare(
      `INSERT INTO contacts (id, customer_id, source_url, kanaal, onderwerp, inhoud, plaatsgevonden_op, gespreksresultaat,
         afdeling, medewerker, zaak_identificaties, sync_state, fetched_at)
       VALUES (@id, @customerId, @sourceUrl, @kanaal, @onderwerp, @inhoud, @plaatsgevondenOp, @gespreksresultaat,
         @afdeling, @medewerker, @zaakIdentificaties, 'sent', @fetchedAt)
       ON CONFLICT (source_url) DO UPDATE SET kanaal = excluded.kanaal, onderwerp = excluded.onderwerp,
         inhoud = excluded.inhoud, plaatsgevonden_op = excluded.plaatsgevonden_op,
         gespreksresultaat = excluded.gespreksresultaat, afdeling = excluded.afdeling,
         medewerker = coalesce(excluded.medewerker, contacts.medewerker),
         zaak_identificaties = excluded.zaak_identificaties, sync_state = 'sent', sync_error = NULL,
         fetched_at = excluded.fetched_at`,
    );
    this.sentUrls = db.prepare<[string], { source_url: string }>(
      "SELECT source_url FROM contacts WHERE customer_id = ? AND sync_state = 'sent' AND source_url IS NOT NULL",
    );
    this.deleteByUrl = db.prepare('DELETE FROM contacts WHERE source_url = ?');
    this.detailsStmt = db.prepare(
      'UPDATE contacts SET gespreksresultaat = @gespreksresultaat, afdeling = @afdeling, zaak_identificaties = @zaakIdentificaties WHERE id = @id',
    );
    this.stateStmt = db.prepare(
      'UPDATE contacts SET sync_state = @state, sync_error = @error, source_url = coalesce(@sourceUrl, source_url) WHERE id = @id',
    );
  }

  /** The timeline of one customer, newest first (all channels). */
  list(customerId: string, limit: number): ContactItem[] {
    return this.listStmt.all(customerId, limit).map(toItem);
  }

  get(id: string): ContactItem | undefined {
    const row = this.getStmt.get(id);
    return row ? toItem(row) : undefined;
  }

  /** A contact registered here; it stays `pending` until the zaaksysteem acknowledges it. */
  addLocal(contact: NewContact): ContactItem {
    const id = randomUUID();
    this.insertLocal.run({ ...contact, id });
    return this.get(id) as ContactItem;
  }

  /**
   * Replaces the acknowledged part of a customer's timeline with what the source holds.
   * Local contacts not yet sent are never touched. `complete` says the source list was read to
   * the end; only then do contacts missing from it disappear locally.
   */
  replaceRemote(customerId: string, records: readonly ContactRecord[], fetchedAt: string, complete: boolean): void {
    const seen = new Set(records.map((r) => r.sourceUrl));
    for (const record of records) {
      this.upsertRemote.run({
        ...record,
        id: randomUUID(),
        customerId,
        zaakIdentificaties: JSON.stringify(record.zaakIdentificaties),
        fetchedAt,
      });
    }
    if (!complete) return;
    for (const { source_url } of this.sentUrls.all(customerId)) {
      if (!seen.has(source_url)) this.deleteByUrl.run(source_url);
    }
  }

  /** Outcome, afdeling and linked zaken of a contact registered here (before it is sent). */
  setDetails(id: string, gespreksresultaat: string | null, afdeling: string | null, zaakIdentificaties: string[]): void {
    this.detailsStmt.run({ id, gespreksresultaat, afdeling, zaakIdentificaties: JSON.stringify(zaakIdentificaties) });
  }

  setSyncState(id: string, state: SyncState, error: string | null, sourceUrl: string | null = null): void {
    this.stateStmt.run({ id, state, error, sourceUrl });
  }

  /** A person corrected a parked contact before resending: the timeline shows what is sent. */
  correct(id: string, onderwerp: string, inhoud: string): void {
    this.db.prepare("UPDATE contacts SET onderwerp = ?, inhoud = ?, sync_state = 'pending', sync_error = NULL WHERE id = ?").run(onderwerp, inhoud, id);
  }

  /** A contact a person chose not to send: it never reached the zaaksysteem, so it goes. */
  remove(id: string): void {
    this.db.prepare("DELETE FROM contacts WHERE id = ? AND sync_state != 'sent'").run(id);
  }
}
