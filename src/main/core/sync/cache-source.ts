/**
 * The cache belongs to one source. Another Klantinteracties URL, another main Zaken API or
 * another adapter kind in the configuration means other partijen under other URLs: kept, every
 * cached customer would show twice. So the identity of the source is stored (sync_state row
 * `cache.bron`) and on a mismatch at start the cached read model is cleared.
 *
 * Kept, whatever the source: drafts, every outbox entry not yet delivered, and what they refer
 * to (their customer, their local contact, zaak or callback). Their entries were written for
 * the old source (its partij URLs), so those waiting are parked with a Dutch reason: the clerk
 * sees them in the Wachtrij ("n mislukt") and decides to resend or discard; nothing is sent to
 * the new source unseen. The Verwerkingenlogging's batches go to their own system and go on.
 */
import type { KlantbeeldConfig } from '../config/schema';
import type { Store } from '../store';
import { kindsOf } from './lanes';
import { ZAAKSYSTEEM } from './outage';

const KEY = 'cache.bron';

export const NEW_SOURCE_REASON =
  'Geschreven voor een ander zaaksysteem: de bron in de configuratie is gewijzigd. Controleer het bericht en verstuur het opnieuw, of verwijder het.';

const url = (value: string) => {
  const parsed = new URL(value);
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
};

/** What makes the cached data this source's: the adapter kind and its Klantinteracties and Zaken URLs. */
export function sourceIdentity(adapter: KlantbeeldConfig['adapter']): string {
  // The embedded demo's URL has a new port at each start; its data is the same.
  if (adapter.kind === 'demo') return 'demo';
  return JSON.stringify({ kind: adapter.kind, klantinteracties: url(adapter.klantinteractiesUrl), zaken: url(adapter.zakenUrl) });
}

export interface SourceCheck {
  /** The cache was from another source and is cleared. */
  cleared: boolean;
  /** Waiting entries parked because they were written for the old source. */
  parked: number;
}

/** Compares the configured source with the cache's; clears the cached read model on a change (one transaction). */
export function freshCacheForSource(store: Store, identity: string, log: (line: string) => void): SourceCheck {
  return store.transaction(() => {
    const stored = store.db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?').get(KEY)?.value;
    store.db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, identity);
    // A cache from before this check: its source is not known; taken to be this one.
    if (stored === undefined || stored === identity) return { cleared: false, parked: 0 };
    const parked = clearReadModel(store, kindsOf(ZAAKSYSTEEM));
    log(`sync: de bron in de configuratie is gewijzigd; de lokale cache is leeggemaakt, ${parked} wachtende berichten tegengehouden`);
    return { cleared: true, parked };
  });
}

function clearReadModel(store: Store, zaaksysteemKinds: string[]): number {
  const db = store.db;
  const kinds = JSON.stringify(zaaksysteemKinds);
  // What open entries and drafts refer to, by local id: kept.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS bron_kept (id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM bron_kept;');
  db.prepare(
    `INSERT OR IGNORE INTO bron_kept (id)
     SELECT entity_id FROM outbox WHERE state != 'done' AND discarded_at IS NULL
     UNION SELECT json_extract(payload, '$.customerId') FROM outbox WHERE state != 'done' AND discarded_at IS NULL AND json_extract(payload, '$.customerId') IS NOT NULL
     UNION SELECT json_extract(payload, '$.contactId') FROM outbox WHERE state != 'done' AND discarded_at IS NULL AND json_extract(payload, '$.contactId') IS NOT NULL
     UNION SELECT json_extract(payload, '$.callbackId') FROM outbox WHERE state != 'done' AND discarded_at IS NULL AND json_extract(payload, '$.callbackId') IS NOT NULL
     UNION SELECT customer_id FROM drafts WHERE customer_id IS NOT NULL`,
  ).run();
  db.prepare('INSERT OR IGNORE INTO bron_kept (id) SELECT customer_id FROM callbacks WHERE customer_id IS NOT NULL AND id IN (SELECT id FROM bron_kept)').run();
  const parked = db
    .prepare("UPDATE outbox SET state = 'parked', last_error = ? WHERE state = 'pending' AND kind IN (SELECT value FROM json_each(?))")
    .run(NEW_SOURCE_REASON, kinds).changes;
  db.prepare('DELETE FROM callbacks WHERE id NOT IN (SELECT id FROM bron_kept)').run();
  db.prepare('DELETE FROM contact_articles WHERE contact_id IN (SELECT id FROM contacts WHERE id NOT IN (SELECT id FROM bron_kept))').run();
  db.prepare('DELETE FROM contacts WHERE id NOT IN (SELECT id FROM bron_kept)').run();
  db.prepare('DELETE FROM zaken WHERE id NOT IN (SELECT id FROM bron_kept)').run();
  // Cascades to what hangs off a customer (contact points); kept customers lose nothing they own.
  db.prepare('DELETE FROM customers WHERE id NOT IN (SELECT id FROM bron_kept)').run();
  db.prepare('UPDATE customers SET dossier_refreshed_at = NULL').run();
  for (const table of ['remote_cache', 'zaak_details', 'report_contacts', 'report_contact_days', 'report_sync']) db.prepare(`DELETE FROM ${table}`).run();
  db.exec('DELETE FROM bron_kept');
  return parked;
}
