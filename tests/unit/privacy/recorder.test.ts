/**
 * The dispatcher writes a verwerkingsactie after every successful call of an operation with a
 * `verwerking` descriptor, about the person(s) its paths point to, and nothing for a refused,
 * invalid or failed call (the security suite relies on "refused touches nothing").
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserInfo } from '../../../src/shared/contract';
import { Dispatcher, type Handlers } from '../../../src/main/core/dispatcher';
import { ServiceError } from '../../../src/main/core/errors';
import { VerwerkingenRecorder } from '../../../src/main/core/privacy/recorder';
import { privacyHandlers } from '../../../src/main/core/services/privacy';
import { Store } from '../../../src/main/core/store';
import { person } from '../../support/records';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let store: Store;
let recorder: VerwerkingenRecorder;
let user: UserInfo;
let bert: string;

const objects = () =>
  store.verwerkingen.range(0, 1_000, 1_000).map((a) => ({ actie: a.actieNaam, gebruiker: a.gebruiker, objecten: a.verwerkteObjecten.map((o) => `${o.soortObjectId}:${o.objectId}`) }));

function dispatcher(handlers: Partial<Handlers>): Dispatcher {
  return new Dispatcher({ ...privacyHandlers(store), ...handlers } as Handlers, () => user, () => {}, recorder);
}

beforeEach(() => {
  dir = tempDir();
  store = Store.open(join(dir.path, 'kb.sqlite'));
  recorder = new VerwerkingenRecorder(store, { uitvoerder: '00000001002220647000', systeem: 'Klantbeeld test', activiteitenUrl: 'https://var.turfbrug.nl/api/v1/verwerkingsactiviteiten/' });
  user = { id: 'bianca', naam: 'Bianca de Vries', roles: ['kcc'] };
  bert = store.customers.upsert(person(), new Date().toISOString());
});
afterEach(() => {
  store.close();
  dir.remove();
});

describe('the verwerking hook of the dispatcher', () => {
  it('logs a successful call with every VNG field, about the person by BSN', async () => {
    const d = dispatcher({ 'customers.revealBsn': ({ customerId }) => ({ bsn: store.customers.get(customerId)!.bsn }) });
    expect(await d.dispatch('customers.revealBsn', { customerId: bert })).toEqual({ ok: true, value: { bsn: '999993653' } });
    const [actie] = store.verwerkingen.range(0, 10, 10);
    expect(actie).toMatchObject({
      seq: 1,
      actieNaam: 'BSN getoond',
      handelingNaam: 'Raadplegen',
      verwerkingNaam: 'Klantcontact afhandelen',
      verwerkingsactiviteitId: '7ec3525d-6d9e-4059-a371-261ceb51bd24',
      verwerkingsactiviteitUrl: 'https://var.turfbrug.nl/api/v1/verwerkingsactiviteiten/7ec3525d-6d9e-4059-a371-261ceb51bd24',
      vertrouwelijkheid: 'vertrouwelijk',
      bewaartermijn: 'P10Y',
      uitvoerder: '00000001002220647000',
      systeem: 'Klantbeeld test',
      gebruiker: 'bianca',
      verwerkteObjecten: [{ objecttype: 'persoon', soortObjectId: 'BSN', objectId: '999993653', betrokkenheid: 'klant', verwerkteSoortenGegevens: [{ soortGegeven: 'BSN' }] }],
    });
    expect(actie!.actieId).toMatch(/^[0-9a-f-]{36}$/);
    expect(actie!.verwerkingId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs nothing for a refused, an invalid or a failed call', async () => {
    const d = dispatcher({
      'customers.revealBsn': ({ customerId }) => {
        if (customerId !== bert) throw new ServiceError('not_found', 'Niet gevonden.');
        return { bsn: null };
      },
    });
    user = { id: 'beheer', naam: 'Beheer', roles: ['beheerder'] };
    expect(await d.dispatch('customers.revealBsn', { customerId: bert })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    user = { id: 'bianca', naam: 'Bianca', roles: ['kcc'] };
    expect(await d.dispatch('customers.revealBsn', { customerId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await d.dispatch('customers.revealBsn', { customerId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(store.verwerkingen.lastSeq()).toBe(0);
  });

  it('logs nothing for an operation without personal data, and nothing when the paths find no one', async () => {
    const d = dispatcher({});
    user = { id: 'beheer', naam: 'Beheer', roles: ['beheerder'] };
    expect(await d.dispatch('verwerkingen.verify', {})).toMatchObject({ ok: true });
    expect(await d.dispatch('verwerkingen.list', { van: '2026-01-01T00:00:00Z', tot: '2030-01-01T00:00:00Z' })).toMatchObject({ ok: true });
    expect(store.verwerkingen.lastSeq()).toBe(0);
    // A search in the log by BSN is itself a verwerking about that person.
    expect(await d.dispatch('verwerkingen.list', { van: '2026-01-01T00:00:00Z', tot: '2030-01-01T00:00:00Z', bsn: '999993653' })).toMatchObject({ ok: true });
    expect(objects()).toEqual([{ actie: 'Verwerkingenlog doorzocht op BSN', gebruiker: 'beheer', objecten: ['BSN:999993653'] }]);
  });

  it('resolves input paths before the handler: forgetting a person is logged with the BSN it removes', async () => {
    const d = dispatcher({});
    expect(await d.dispatch('customers.forget', { customerId: bert })).toEqual({ ok: true, value: { vergeten: true, onverzonden: 0 } });
    expect(store.customers.get(bert)).toBeUndefined();
    expect(objects()).toEqual([{ actie: 'Lokale gegevens van klant verwijderd', gebruiker: 'bianca', objecten: ['BSN:999993653'] }]);
  });

  it('resolves output paths, organisations by KvK, zaken to their customer, unknown callers to the callback', () => {
    const org = store.customers.upsert(person({ soort: 'organisatie', naam: 'Bakkerij Turf', bsn: null, kvkNummer: '12345678' }), new Date().toISOString());
    const screenPop = recorder.begin('customers.screenPop', { nummer: '0612345678' }, user)!;
    screenPop({ nummer: '+31612345678', customerId: null, candidates: [{ id: bert }, { id: org }, { id: bert }], at: new Date().toISOString() });
    store.db.prepare("INSERT INTO zaken (id, customer_id, source_url, identificatie, omschrijving, zaaktype, startdatum, fetched_at) VALUES ('z1', ?, 'http://zs/zaken/1', 'Z-1', 'Paspoort', 'Paspoort', '2026-01-01', '2026-01-01T00:00:00Z')").run(bert);
    recorder.begin('zaken.detail', { zaakId: 'z1' }, user)!({});
    store.db.prepare("INSERT INTO callbacks (id, vraag, status, aangemaakt_op, sync_state) VALUES ('cb1', 'Bellen', 'te_verwerken', '2026-01-01T00:00:00Z', 'pending')").run();
    recorder.begin('callbacks.create', {}, user)!({ id: 'cb1' });
    expect(objects()).toEqual([
      { actie: 'Beller herkend', gebruiker: 'bianca', objecten: ['BSN:999993653', 'KVK:12345678'] },
      { actie: 'Zaak ingezien', gebruiker: 'bianca', objecten: ['BSN:999993653'] },
      { actie: 'Terugbelverzoek vastgelegd', gebruiker: 'bianca', objecten: ['KLANTBEELD_TERUGBELVERZOEK:cb1'] },
    ]);
    expect(store.verwerkingen.verify().ok).toBe(true);
  });

  it('can be switched off (the bench compares both)', () => {
    const off = new VerwerkingenRecorder(store, { uitvoerder: '00000001002220647000', systeem: 'x', activiteitenUrl: null, enabled: false });
    expect(off.begin('customers.open', { customerId: bert }, user)).toBeNull();
  });
});
