/**
 * customers.searchRemote for achternaam + geboortedatum: the BRP finds BSNs, cached customers
 * answer, the rest is fetched from the zaaksysteem by BSN; no BRP, a BRP failure, and a person
 * the BRP knows without a partij.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrpPersoon, BrpVraag, Personen } from '../../../src/main/core/adapters/brp/client';
import { RegisterSearch } from '../../../src/main/core/services/register-search';
import type { RemoteCustomerQuery } from '../../../src/main/core/adapters/types';
import { EventBus } from '../../../src/main/core/events';
import { CustomerService } from '../../../src/main/core/services/customers';
import { Store } from '../../../src/main/core/store';
import { SyncEngine } from '../../../src/main/core/sync/engine';
import { ScriptedAdapter } from '../../support/fake-adapter';
import { person } from '../../support/records';
import { tempDir } from '../../support/tmp';

class BsnAdapter extends ScriptedAdapter {
  partijen = new Map<string, ReturnType<typeof person>>();
  queries: RemoteCustomerQuery[] = [];
  async searchCustomers(query: RemoteCustomerQuery) {
    this.queries.push(query);
    const p = query.kind === 'bsn' ? this.partijen.get(query.value) : undefined;
    return p ? [p] : [];
  }
}

class FakeBrp implements Personen {
  vragen: BrpVraag[] = [];
  personen: BrpPersoon[] = [];
  fail = false;
  readonly gemeenteVanInschrijving = '1990';
  async zoek(vraag: BrpVraag): Promise<BrpPersoon[]> {
    this.vragen.push(vraag);
    if (this.fail) throw new Error('de BRP is niet bereikbaar');
    return this.personen;
  }
}

const brpPersoon = (bsn: string, geslachtsnaam: string): BrpPersoon => ({ burgerservicenummer: bsn, geslachtsnaam, voornamen: null, voorvoegsel: null, geboortedatum: '1968-03-12' });

let dir: ReturnType<typeof tempDir>;
let store: Store;
let adapter: BsnAdapter;
let brp: FakeBrp;
let service: (withBrp?: boolean) => CustomerService;
let logged: string[][];

beforeEach(() => {
  dir = tempDir();
  store = Store.open(join(dir.path, 'kb.sqlite'));
  adapter = new BsnAdapter();
  brp = new FakeBrp();
  const events = new EventBus();
  const sync = new SyncEngine(store, adapter, events, { prefetchPartijen: false, outboxIntervalMs: 3_600_000, partijenRefreshMs: 3_600_000, log: () => {} });
  logged = [];
  service = (withBrp = true) => new CustomerService(store, sync, adapter, events, withBrp ? new RegisterSearch(brp, undefined, (bsns) => logged.push([...bsns])) : undefined);
});
afterEach(() => {
  store.close();
  dir.remove();
});

describe('customers.searchRemote: achternaam + geboortedatum', () => {
  it('asks the BRP, answers cached customers and fetches the others by BSN', async () => {
    store.customers.upsertMany([person({ naam: 'Bert Burger', bsn: '999993653' })], new Date().toISOString());
    adapter.partijen.set('111222333', person({ naam: 'Anna van der Burger', bsn: '111222333' }));
    brp.personen = [brpPersoon('999993653', 'Burger'), brpPersoon('111222333', 'Burger'), brpPersoon('123456782', 'Burger')];
    const answer = await service().searchRemote('van der Burger 12-3-1968', 20);
    expect(brp.vragen).toEqual([{ type: 'ZoekMetGeslachtsnaamEnGeboortedatum', geslachtsnaam: 'Burger', geboortedatum: '1968-03-12', voorvoegsel: 'van der' }]);
    // Every person the BRP returned is in the verwerkingenlog.
    expect(logged).toEqual([['999993653', '111222333', '123456782']]);
    expect(answer.kind).toBe('naam-geboortedatum');
    expect(answer.searched).toBe(true);
    expect(answer.results.map((r) => r.naam).sort()).toEqual(['Anna van der Burger', 'Bert Burger']);
    expect(answer.results.map((r) => r.bron)).toEqual(['brp', 'brp']);
    // The one without a partij comes back as a register-only hit, its BSN masked.
    expect(answer.registers).toMatchObject([{ bron: 'brp', soort: 'persoon', bsnMasked: '*****6782', naam: 'Burger' }]);
    // Only the BSNs not cached went to the zaaksysteem; the one without a partij is left out.
    expect(adapter.queries).toEqual([{ kind: 'bsn', value: '111222333' }, { kind: 'bsn', value: '123456782' }]);
    // The fetched partij is cached now.
    expect(store.customers.searchClassified({ kind: 'bsn', bsn: '111222333' }, 5)).toHaveLength(1);
  });

  it('says so when the BRP knows the person but the zaaksysteem has no customer', async () => {
    brp.personen = [brpPersoon('123456782', 'Burger')];
    const answer = await service().searchRemote('Burger 12-03-1968', 20);
    expect(answer.results).toEqual([]);
    expect(answer.message).toMatch(/BRP kent deze persoon/);
  });

  it('the local search explains an invalid date and finds nothing for a name + date', () => {
    expect(service().search('Burger 30-02-1968', 20).message).toMatch(/geen geldige geboortedatum/);
    expect(service().search('Burger 12-03-1968', 20)).toMatchObject({ results: [], kind: 'naam-geboortedatum', message: null });
  });

  it('without a BRP: not searched, with a message; a BRP failure is unavailable', async () => {
    const without = await service(false).searchRemote('Burger 12-03-1968', 20);
    expect(without).toMatchObject({ searched: false, results: [] });
    expect(without.message).toMatch(/BRP/);
    brp.fail = true;
    await expect(service().searchRemote('Burger 12-03-1968', 20)).rejects.toMatchObject({ code: 'unavailable' });
  });
});
