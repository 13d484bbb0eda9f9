/**
 * The identify operations through the dispatcher: search answers with its kind and the
 * elfproef message, remote search merges partijen from the zaaksysteem, revealing the BSN is
 * logged, and a screen-pop finds the caller (also through the zaaksysteem) and pushes `screenpop`.
 * Zaak detail: live with a cache, the last copy when the zaaksysteem is away, documents only
 * from that zaak.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RemoteError, type RemoteCustomerQuery, type ZaakDetailRecord } from '../../../src/main/core/adapters/types';
import { Dispatcher, type Handlers } from '../../../src/main/core/dispatcher';
import { VerwerkingenRecorder } from '../../../src/main/core/privacy/recorder';
import { EventBus } from '../../../src/main/core/events';
import { CustomerService, customerHandlers } from '../../../src/main/core/services/customers';
import { ZaakService, zaakHandlers } from '../../../src/main/core/services/zaken';
import { Store } from '../../../src/main/core/store';
import { SyncEngine } from '../../../src/main/core/sync/engine';
import { ScriptedAdapter } from '../../support/fake-adapter';
import { person } from '../../support/records';
import { tempDir } from '../../support/tmp';

class IdentifyAdapter extends ScriptedAdapter {
  remote: ReturnType<typeof person>[] = [];
  queries: RemoteCustomerQuery[] = [];
  detail: ZaakDetailRecord | Error = new Error('not set');
  async searchCustomers(query: RemoteCustomerQuery) {
    this.queries.push(query);
    return this.remote;
  }
  async fetchZaakDetail() {
    if (this.detail instanceof Error) throw this.detail;
    return this.detail;
  }
  async fetchDocumentContent(url: string) {
    return { bytes: Buffer.from(`inhoud van ${url}`), contentType: 'application/octet-stream' };
  }
}

let dir: ReturnType<typeof tempDir>;
let store: Store;
let adapter: IdentifyAdapter;
let events: EventBus;
let dispatch: (op: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
let pushed: { name: string; payload: unknown }[];

beforeEach(() => {
  dir = tempDir();
  store = Store.open(join(dir.path, 'kb.sqlite'));
  adapter = new IdentifyAdapter();
  events = new EventBus();
  pushed = [];
  events.on((name, payload) => pushed.push({ name, payload }));
  const sync = new SyncEngine(store, adapter, events, { prefetchPartijen: false, outboxIntervalMs: 3_600_000, partijenRefreshMs: 3_600_000, log: () => {} });
  const handlers = { ...customerHandlers(new CustomerService(store, sync, adapter, events)), ...zaakHandlers(new ZaakService(store, adapter)) } as Handlers;
  const recorder = new VerwerkingenRecorder(store, { uitvoerder: '00000001002220647000', systeem: 'Klantbeeld test', activiteitenUrl: null });
  const dispatcher = new Dispatcher(handlers, () => ({ id: 'bianca.de.vries', naam: 'Bianca', roles: ['kcc'] }), () => {}, recorder);
  dispatch = (op, input) => dispatcher.dispatch(op, input) as never;
});
afterEach(() => {
  store.close();
  dir.remove();
});

describe('identify operations', () => {
  it('search says what it searched for, and why a BSN failing the elfproef finds no one', async () => {
    store.customers.upsert(person(), new Date().toISOString());
    expect(await dispatch('customers.search', { query: '06 1234 5678' })).toMatchObject({ ok: true, value: { kind: 'telefoon', message: null, results: [{ naam: 'Bert Burger' }] } });
    expect(await dispatch('customers.search', { query: '999993654' })).toMatchObject({ ok: true, value: { kind: 'bsn-invalid', results: [], message: expect.stringMatching(/elfproef/) } });
  });

  it('remote search caches what the zaaksysteem knows; names are not sent (no such filter)', async () => {
    adapter.remote = [person({ naam: 'Nina Nieuwkomer', bsn: '999990019', telefoonnummers: [], emailadressen: ['nina@example.nl'] })];
    const answer = await dispatch('customers.searchRemote', { query: 'Nina@Example.nl' });
    expect(answer).toMatchObject({ ok: true, value: { searched: true, results: [{ naam: 'Nina Nieuwkomer' }] } });
    expect(adapter.queries).toEqual([{ kind: 'email', value: 'nina@example.nl' }]);
    expect(await dispatch('customers.search', { query: 'nina@example.nl' })).toMatchObject({ value: { results: [{ naam: 'Nina Nieuwkomer' }] } });
    expect(await dispatch('customers.searchRemote', { query: 'Nina' })).toMatchObject({ ok: true, value: { searched: false } });
    expect(adapter.queries).toHaveLength(1);
  });

  it('reveals the BSN only on request and logs who did it, never the BSN', async () => {
    const id = store.customers.upsert(person(), new Date().toISOString());
    const open = await dispatch('customers.open', { customerId: id, refresh: false });
    expect(JSON.stringify(open)).not.toContain('999993653');
    expect(await dispatch('customers.revealBsn', { customerId: id })).toEqual({ ok: true, value: { bsn: '999993653' } });
    // Opening and revealing are both verwerkingsacties (the contract's `verwerking`), by the clerk, about Bert's BSN.
    const rows = store.db.prepare('SELECT gebruiker, actie_naam FROM verwerkingsacties ORDER BY seq').all();
    expect(rows).toEqual([{ gebruiker: 'bianca.de.vries', actie_naam: 'Klantbeeld geopend' }, { gebruiker: 'bianca.de.vries', actie_naam: 'BSN getoond' }]);
  });

  it('screen-pop: one, several (also found through the zaaksysteem) and none; each pushed as `screenpop`', async () => {
    const bert = store.customers.upsert(person(), new Date().toISOString());
    expect(await dispatch('customers.screenPop', { nummer: '+31 6 12345678' })).toMatchObject({ ok: true, value: { nummer: '+31612345678', customerId: bert, candidates: [{ id: bert }] } });
    adapter.remote = [person({ naam: 'A', telefoonnummers: ['0655501234'] }), person({ naam: 'B', telefoonnummers: ['+31 6 5550 1234'] })];
    expect(await dispatch('customers.screenPop', { nummer: '06-55501234' })).toMatchObject({ ok: true, value: { customerId: null, candidates: [{ naam: 'A' }, { naam: 'B' }] } });
    adapter.remote = [];
    expect(await dispatch('customers.screenPop', { nummer: '0699990000' })).toMatchObject({ ok: true, value: { customerId: null, candidates: [] } });
    expect(pushed.filter((e) => e.name === 'screenpop').map((e) => (e.payload as { candidates: unknown[] }).candidates.length)).toEqual([1, 2, 0]);
  });
});

describe('zaak detail', () => {
  const detail: ZaakDetailRecord = {
    identificatie: 'ZAAK-1', omschrijving: 'Dakkapel', toelichting: '', zaaktype: 'Omgevingsvergunning', vertrouwelijkheid: 'openbaar',
    statussen: [{ naam: 'Ontvangen', datum: '2026-10-05T10:45:00.000Z', toelichting: '' }],
    rollen: [{ rol: 'Aanvrager', betrokkeneType: 'natuurlijk_persoon', naam: 'Bert Burger' }],
    documenten: [{ url: 'http://zs.test/documenten/api/v1/enkelvoudiginformatieobjecten/3f1c1a56-5d8e-4a43-9a4b-0d8d2f6e9b11', uuid: '3f1c1a56-5d8e-4a43-9a4b-0d8d2f6e9b11', titel: 'Tekening', datum: '2026-10-05', vertrouwelijkheid: 'zaakvertrouwelijk', formaat: 'application/pdf', bestandsnaam: 'tekening.pdf', bestandsomvang: 10 }],
  };
  const zaakId = () => {
    const id = store.customers.upsert(person(), new Date().toISOString());
    store.zaken.replace(id, [{ sourceUrl: 'http://zs.test/zaken/1', identificatie: 'ZAAK-1', omschrijving: 'Dakkapel', zaaktype: 'Omgevingsvergunning', status: 'Ontvangen', startdatum: '2026-10-05', einddatumGepland: null, uiterlijkeEinddatumAfdoening: null, einddatum: null }], new Date().toISOString(), true);
    return store.zaken.list(id, 1)[0]!.id;
  };

  it('fetches live, keeps a copy for when the zaaksysteem is away, and opens only that zaak\'s documents', async () => {
    const id = zaakId();
    adapter.detail = detail;
    expect(await dispatch('zaken.detail', { zaakId: id })).toMatchObject({ ok: true, value: { live: true, statussen: [{ naam: 'Ontvangen' }], documenten: [{ id: '3f1c1a56-5d8e-4a43-9a4b-0d8d2f6e9b11', titel: 'Tekening' }] } });
    const doc = await dispatch('zaken.document', { zaakId: id, documentId: '3f1c1a56-5d8e-4a43-9a4b-0d8d2f6e9b11' });
    expect(doc).toMatchObject({ ok: true, value: { bestandsnaam: 'tekening.pdf', formaat: 'application/pdf', tekst: null } });
    expect(Buffer.from((doc.value as { base64: string }).base64, 'base64').toString()).toContain('enkelvoudiginformatieobjecten/3f1c1a56');
    expect(await dispatch('zaken.document', { zaakId: id, documentId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    store.db.prepare("UPDATE zaak_details SET fetched_at = '2026-01-01T00:00:00.000Z'").run();
    adapter.detail = new RemoteError('Het zaaksysteem is niet bereikbaar.', 'transient');
    expect(await dispatch('zaken.detail', { zaakId: id })).toMatchObject({ ok: true, value: { live: false, message: expect.stringMatching(/niet bereikbaar/), rollen: [{ naam: 'Bert Burger' }] } });
  });

  it('says so when the zaaksysteem is away and there is no copy', async () => {
    const id = zaakId();
    adapter.detail = new RemoteError('Het zaaksysteem is niet bereikbaar.', 'transient');
    expect(await dispatch('zaken.detail', { zaakId: id })).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/niet bereikbaar/) } });
  });
});
