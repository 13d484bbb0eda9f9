/**
 * Zaken started from the contact form: a local row in `zaken` with sync_state 'pending' until
 * the zaaksysteem acknowledged it, so it shows under open zaken at once. Until then its
 * source_url is a local placeholder (`local:<id>`), replaced by the real URL on acknowledgement.
 */
import { randomUUID } from 'node:crypto';
import type { SyncState } from '../../../shared/contract';
import type { Db } from './database';

export const LOCAL_URL_PREFIX = 'local:';

export interface NewLocalZaak {
  customerId: string;
  omschrijving: string;
  zaaktype: string;
  startdatum: string;
  fetchedAt: string;
}

export class StartedZaakStore {
  private readonly insertStmt;
  private readonly refStmt;
  private readonly byUrlStmt;
  private readonly ackStmt;
  private readonly deleteStmt;
  private readonly stateStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO zaken (id, customer_id, source_url, identificatie, omschrijving, zaaktype, status, startdatum, fetched_at, sync_state)
       VALUES (@id, @customerId, @sourceUrl, '', @omschrijving, @zaaktype, NULL, @startdatum, @fetchedAt, 'pending')`,
    );
    this.refStmt = db.prepare<[string], { customer_id: string; source_url: string; identificatie: string; sync_state: SyncState }>(
      'SELECT customer_id, source_url, identificatie, sync_state FROM zaken WHERE id = ?',
    );
    this.byUrlStmt = db.prepare<[string, string], { id: string }>('SELECT id FROM zaken WHERE customer_id = ? AND source_url = ?');
    this.ackStmt = db.prepare(
      `UPDATE zaken SET source_url = @sourceUrl, identificatie = @identificatie, status = coalesce(@status, status),
         sync_state = 'sent', sync_error = NULL WHERE id = @id`,
    );
    this.deleteStmt = db.prepare('DELETE FROM zaken WHERE id = ?');
    this.stateStmt = db.prepare('UPDATE zaken SET sync_state = @state, sync_error = @error WHERE id = @id');
  }

  addLocal(zaak: NewLocalZaak): string {
    const id = randomUUID();
    this.insertStmt.run({ ...zaak, id, sourceUrl: `${LOCAL_URL_PREFIX}${id}` });
    return id;
  }

  /** What the outbox needs of a zaak (local or from the source); null when it is gone. */
  ref(id: string): { customerId: string; sourceUrl: string | null; identificatie: string; syncState: SyncState } | null {
    const row = this.refStmt.get(id);
    if (!row) return null;
    return {
      customerId: row.customer_id,
      sourceUrl: row.source_url.startsWith(LOCAL_URL_PREFIX) ? null : row.source_url,
      identificatie: row.identificatie,
      syncState: row.sync_state,
    };
  }

  /**
   * The zaaksysteem acknowledged the zaak. When a refresh already brought it in under its
   * real URL, that copy gives way to the local row, whose id links and the view already hold.
   */
  acknowledge(id: string, sourceUrl: string, identificatie: string, status: string | null): void {
    const ref = this.refStmt.get(id);
    if (!ref) return;
    const twin = this.byUrlStmt.get(ref.customer_id, sourceUrl);
    if (twin && twin.id !== id) this.deleteStmt.run(twin.id);
    this.ackStmt.run({ id, sourceUrl, identificatie, status });
  }

  setSyncState(id: string, state: SyncState, error: string | null): void {
    this.stateStmt.run({ id, state, error });
  }
}
