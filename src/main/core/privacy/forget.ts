/**
 * "Vergeet deze persoon" (customers.forget): every local trace of one customer at once, in one
 * transaction. Unsent writes stay (an outbox entry not yet acknowledged, a pending or failed
 * row, an open draft): deleting them would lose what the clerk registered. They are counted so
 * the clerk is told; the customer row stays only while one of them needs it for sending.
 *
 * Not removed, on purpose: the verwerkingenlog (the accountability record, with its own
 * bewaartermijn; this very action is logged in it). While the partijen prefetch is on, the next
 * refresh brings the partij back into the search index (it mirrors Open Klant; see docs/privacy.md).
 */
import type { Store } from '../store';

const UNSENT = "SELECT entity_id FROM outbox WHERE state != 'done'";

export function forgetCustomer(store: Store, customerId: string): { onverzonden: number } {
  const db = store.db;
  return store.transaction(() => {
    const p = { id: customerId };
    const count = (sql: string) => (db.prepare(sql).get(p) as { n: number }).n;
    const unsentOutbox = count("SELECT count(*) AS n FROM outbox WHERE state != 'done' AND json_extract(payload, '$.customerId') = @id");
    const unsentRows =
      count(`SELECT count(*) AS n FROM contacts WHERE customer_id = @id AND (sync_state != 'sent' OR id IN (${UNSENT}))`) +
      count(`SELECT count(*) AS n FROM zaken WHERE customer_id = @id AND (sync_state != 'sent' OR id IN (${UNSENT}))`) +
      count(`SELECT count(*) AS n FROM callbacks WHERE customer_id = @id AND (sync_state != 'sent' OR id IN (${UNSENT}))`);
    const drafts = count('SELECT count(*) AS n FROM drafts WHERE customer_id = @id');

    const sentContacts = `SELECT id FROM contacts WHERE customer_id = @id AND sync_state = 'sent' AND id NOT IN (${UNSENT})`;
    const sentZaken = `SELECT id FROM zaken WHERE customer_id = @id AND sync_state = 'sent' AND id NOT IN (${UNSENT})`;
    db.prepare(`DELETE FROM contact_articles WHERE contact_id IN (${sentContacts})`).run(p);
    db.prepare(`DELETE FROM contacts WHERE id IN (${sentContacts})`).run(p);
    db.prepare(
      `DELETE FROM zaak_details WHERE source_url IN (SELECT source_url FROM zaken WHERE id IN (${sentZaken}))
         AND source_url NOT IN (SELECT source_url FROM zaken WHERE customer_id != @id)`,
    ).run(p);
    db.prepare(`DELETE FROM zaken WHERE id IN (${sentZaken})`).run(p);
    db.prepare(`DELETE FROM callbacks WHERE customer_id = @id AND sync_state = 'sent' AND id NOT IN (${UNSENT})`).run(p);
    // Acknowledged outbox entries still carry the payload (names, notes): gone too.
    db.prepare("DELETE FROM outbox WHERE state = 'done' AND json_extract(payload, '$.customerId') = @id").run(p);
    // Not re-read at the next sign-in either (the workstation's working set, migration 013).
    db.prepare('DELETE FROM local_index_set WHERE source_url IN (SELECT source_url FROM customers WHERE id = @id)').run(p);
    if (unsentOutbox + unsentRows + drafts === 0) {
      db.prepare('DELETE FROM customers WHERE id = @id').run(p);
    } else {
      db.prepare('UPDATE customers SET last_used_at = NULL, dossier_refreshed_at = NULL WHERE id = @id').run(p);
    }
    return { onverzonden: Math.max(unsentOutbox, unsentRows) + drafts };
  });
}
