/**
 * A zaak starts only on a zaaktype version valid today (issue 11): Open Zaak accepts a zaak on an
 * expired version, so a list cached yesterday must not let one through.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ServiceError } from '../../../src/main/core/errors';
import { ZaakStartService } from '../../../src/main/core/services/zaak-start';
import { Store } from '../../../src/main/core/store';
import { ScriptedAdapter } from '../../support/fake-adapter';
import { person } from '../../support/records';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let store: Store;
let adapter: ScriptedAdapter;
let now: Date;
let service: ZaakStartService;
let customerId: string;

beforeEach(() => {
  dir = tempDir();
  store = Store.open(join(dir.path, 'kb.sqlite'));
  adapter = new ScriptedAdapter();
  adapter.zaaktypen = [
    { url: 'http://zs.test/zaaktypen/oud', identificatie: 'PARKEER', omschrijving: 'Parkeervergunning', beginGeldigheid: '2020-01-01', eindeGeldigheid: '2026-12-06' },
    { url: 'http://zs.test/zaaktypen/straks', identificatie: 'KAVEL', omschrijving: 'Bouwkavel', beginGeldigheid: '2027-01-01', eindeGeldigheid: null },
    { url: 'http://zs.test/zaaktypen/nu', identificatie: 'MOR', omschrijving: 'Melding openbare ruimte', beginGeldigheid: '2024-01-01', eindeGeldigheid: null },
  ];
  now = new Date('2026-12-06T12:00:00Z');
  service = new ZaakStartService(store, adapter, () => {}, () => now);
  customerId = store.customers.upsert(person(), now.toISOString());
});
afterEach(() => {
  store.close();
  dir.remove();
});

it('refuses a zaaktype version that expired since the list was fetched, or has not begun, with a Dutch message', async () => {
  await service.zaaktypen(true);
  // Valid through its last day.
  expect(service.start({ customerId, zaaktypeUrl: 'http://zs.test/zaaktypen/oud', omschrijving: 'x' }).syncState).toBe('pending');
  now = new Date('2026-12-07T08:00:00Z');
  const expired = (() => {
    try {
      service.start({ customerId, zaaktypeUrl: 'http://zs.test/zaaktypen/oud', omschrijving: 'x' });
      return null;
    } catch (error) {
      return error;
    }
  })();
  expect(expired).toBeInstanceOf(ServiceError);
  expect((expired as ServiceError).message).toMatch(/Parkeervergunning" is niet meer geldig \(tot en met 2026-12-06\)/);
  expect(() => service.start({ customerId, zaaktypeUrl: 'http://zs.test/zaaktypen/straks', omschrijving: 'x' })).toThrow(/pas geldig vanaf 2027-01-01/);
  expect(service.start({ customerId, zaaktypeUrl: 'http://zs.test/zaaktypen/nu', omschrijving: 'x' }).syncState).toBe('pending');
  expect(store.db.prepare("SELECT count(*) FROM outbox WHERE kind = 'zaak'").pluck().get()).toBe(2);
});
