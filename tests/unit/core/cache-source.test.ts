/**
 * Issue 11: another Klantinteracties URL (or adapter kind, or main Zaken API) in the
 * configuration means a fresh cache; drafts and unsent work are kept and the clerk is told.
 */
import { describe, expect, it } from 'vitest';
import { ContactService } from '../../../src/main/core/services/contacts';
import type { Store } from '../../../src/main/core/store';
import { freshCacheForSource, NEW_SOURCE_REASON, sourceIdentity } from '../../../src/main/core/sync/cache-source';
import { draftInput, person } from '../../support/records';
import { RIG_USER } from '../../support/sync-rig';
import { storePerTest } from '../../support/temp-store';

let store: Store;
storePerTest((opened) => (store = opened));

const zgw = (klantinteractiesUrl: string, zakenUrl = 'https://openzaak.example.nl/zaken/api/v1') => ({
  kind: 'zgw' as const,
  label: 'Zaaksysteem',
  zakenUrl,
  catalogiUrl: 'https://openzaak.example.nl/catalogi/api/v1',
  klantinteractiesUrl,
  zgwClientId: 'klantbeeld',
  zgwSecret: 's',
  klantinteractiesToken: 't',
  bronorganisatie: '002220647',
  timeoutMs: 15_000,
  pageSize: 100,
  extraZaaksystemen: [],
});

const now = new Date().toISOString();
const idOf = (sourceUrl: string) => store.db.prepare('SELECT id FROM customers WHERE source_url = ?').pluck().get(sourceUrl) as string;
const customerCount = () => store.db.prepare('SELECT count(*) FROM customers').pluck().get() as number;

/** Three cached customers: one with a contact still waiting, one with a draft, one with only remote data. */
function cacheWithWork() {
  const [waiting, drafted, plain] = [person({ naam: 'Anna Wacht' }), person({ naam: 'Bert Concept' }), person({ naam: 'Cees Cache' })];
  store.customers.upsertMany([waiting, drafted, plain], now);
  const ids = { waiting: idOf(waiting.sourceUrl), drafted: idOf(drafted.sourceUrl), plain: idOf(plain.sourceUrl) };
  const remote = { sourceUrl: 'http://zs.test/klantcontacten/1', kanaal: 'telefoon', onderwerp: 'Oud', inhoud: '', plaatsgevondenOp: now, gespreksresultaat: null, afdeling: null, medewerker: null, zaakIdentificaties: [] };
  store.contacts.replaceRemote(ids.plain, [remote], now, true);
  store.contacts.replaceRemote(ids.waiting, [{ ...remote, sourceUrl: 'http://zs.test/klantcontacten/2' }], now, true);
  const contact = new ContactService(store, { kanalen: ['telefoon'], user: RIG_USER }, () => {}).register({ customerId: ids.waiting, kanaal: 'telefoon', onderwerp: 'Nog niet verstuurd', inhoud: 'Belangrijk' });
  store.drafts.save('d1', RIG_USER.id, ids.drafted, { ...draftInput('d1', 'half getypt'), customerId: ids.drafted }, now);
  return { ids, contact };
}

describe('the cache belongs to one source', () => {
  it('the identity is the adapter kind and its Klantinteracties and Zaken URLs (the demo: always the demo)', () => {
    expect(sourceIdentity(zgw('https://openklant.example.nl/klantinteracties/api/v1/'))).toBe(sourceIdentity(zgw('https://OPENKLANT.example.nl/klantinteracties/api/v1')));
    expect(sourceIdentity(zgw('https://openklant.example.nl/klantinteracties/api/v1'))).not.toBe(sourceIdentity(zgw('https://klanten.turfbrug.nl/klantinteracties/api/v1')));
    expect(sourceIdentity(zgw('https://a.nl/k', 'https://z1.nl/zaken'))).not.toBe(sourceIdentity(zgw('https://a.nl/k', 'https://z2.nl/zaken')));
    expect(sourceIdentity({ kind: 'demo', port: 0 })).toBe(sourceIdentity({ kind: 'demo', port: 4000 }));
  });

  it('keeps the cache while the source stays the same (and on the first start with this check)', () => {
    cacheWithWork();
    expect(freshCacheForSource(store, 'bron-a', () => {})).toEqual({ cleared: false, parked: 0 });
    expect(freshCacheForSource(store, 'bron-a', () => {})).toEqual({ cleared: false, parked: 0 });
    expect(customerCount()).toBe(3);
  });

  it('another source: the cached read model is cleared, drafts and unsent work kept, waiting entries parked with a Dutch reason', () => {
    freshCacheForSource(store, 'bron-a', () => {});
    const { ids, contact } = cacheWithWork();
    store.remoteCache.put('http://zs.test/partijen/x', 'partij', { a: 1 }, null, now);
    const lines: string[] = [];
    expect(freshCacheForSource(store, 'bron-b', (l) => lines.push(l))).toEqual({ cleared: true, parked: 1 });
    expect(lines).toEqual([expect.stringMatching(/bron in de configuratie is gewijzigd/)]);
    // Only what unsent work and drafts refer to stays; no customer shows twice after the next prefetch.
    expect(store.customers.get(ids.plain)).toBeUndefined();
    expect(store.customers.get(ids.waiting)).toBeDefined();
    expect(store.customers.get(ids.drafted)).toBeDefined();
    // The remote contacts of the old source are gone; the clerk's own contact is kept.
    expect(store.db.prepare('SELECT onderwerp FROM contacts ORDER BY onderwerp').pluck().all()).toEqual(['Nog niet verstuurd']);
    expect(store.contacts.get(contact.id)).toBeDefined();
    expect(store.drafts.list(RIG_USER.id)).toHaveLength(1);
    // Told, not sent to the new source unseen: parked in the Wachtrij with the reason.
    expect(store.outbox.counts()).toEqual({ pending: 0, parked: 1 });
    expect(store.outbox.review()[0]?.lastError).toBe(NEW_SOURCE_REASON);
    expect(store.db.prepare('SELECT count(*) FROM remote_cache').pluck().get()).toBe(0);
    // The new source is remembered: the next start keeps its cache.
    expect(freshCacheForSource(store, 'bron-b', () => {})).toEqual({ cleared: false, parked: 0 });
  });
});
