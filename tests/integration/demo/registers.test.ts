/**
 * The register clients (BRP, KvK) against the demo registers over real HTTP: every BRP question
 * Klantbeeld asks with a role's fields, the flags the clerk must see, the Handelsregister's
 * Zoeken and Basisprofiel, and the Dutch errors (wrong key, unreachable).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PATHS, type DemoServer } from '../../../src/demo';
import { DEMO_GEMEENTECODE } from '../../../src/demo/api/brp';
import { DEMO_KVK_API_KEY, KVK_API } from '../../../src/demo/api/kvk';
import { BrpClient, brpFieldsFor } from '../../../src/main/core/adapters/brp/client';
import { KvkClient } from '../../../src/main/core/adapters/kvk/client';
import { RemoteError } from '../../../src/main/core/adapters/types';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import type { ZgwConnection } from '../../../src/main/core/config/schema';
import { EventBus } from '../../../src/main/core/events';
import { CustomerService } from '../../../src/main/core/services/customers';
import { RegisterSearch } from '../../../src/main/core/services/register-search';
import { Store } from '../../../src/main/core/store';
import { SyncEngine } from '../../../src/main/core/sync/engine';
import { demoEndpoints } from '../../../src/demo';
import { tempDir } from '../../support/tmp';
import { join } from 'node:path';
import { startTestServer } from './helpers';

let server: DemoServer;
let cleanup: () => Promise<void>;
let brp: BrpClient;
let kvk: KvkClient;
beforeAll(async () => {
  ({ server, cleanup } = await startTestServer({ size: { persons: 60, organisations: 5, klantcontacten: 20, zaken: 5 } }));
  brp = new BrpClient({ url: `${server.url}${DEMO_PATHS.brp}`, apiKey: DEMO_CREDENTIALS.brpApiKey, gemeenteVanInschrijving: DEMO_GEMEENTECODE });
  kvk = new KvkClient({ url: `${server.url}${KVK_API.prefix}`, apiKey: DEMO_KVK_API_KEY });
});
afterAll(async () => cleanup());

const kcc = brpFieldsFor(['kcc']);

describe('BRP client', () => {
  it('asks the five questions with the role’s fields and reads name, birth date and address', async () => {
    const [bert] = await brp.zoek({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999993653'] }, kcc);
    expect(bert).toMatchObject({ burgerservicenummer: '999993653', voornamen: 'Bert', geslachtsnaam: 'Burger', geboortedatum: '1968-03-12', geheimhouding: false, overleden: false, rni: false });
    expect(bert?.adres).toMatch(/TURFBRUG/);
    const byNaam = await brp.zoek({ type: 'ZoekMetNaamEnGemeenteVanInschrijving', voornamen: 'Ber*', geslachtsnaam: 'Burger', gemeenteVanInschrijving: DEMO_GEMEENTECODE }, kcc);
    expect(byNaam.map((p) => p.burgerservicenummer)).toContain('999993653');
    const byDatum = await brp.zoekMetGeslachtsnaamEnGeboortedatum({ geslachtsnaam: 'Burger', geboortedatum: '1968-03-12' });
    expect(byDatum.map((p) => p.burgerservicenummer)).toContain('999993653');
    const byPostcode = await brp.zoek({ type: 'ZoekMetPostcodeEnHuisnummer', postcode: '1991AB', huisnummer: 40 }, kcc);
    expect(byPostcode.map((p) => p.voornamen)).toEqual(['Anouk']);
    const byStraat = await brp.zoek({ type: 'ZoekMetStraatHuisnummerEnGemeenteVanInschrijving', straat: 'Turfmarkt', huisnummer: 40, gemeenteVanInschrijving: DEMO_GEMEENTECODE }, kcc);
    expect(byStraat.map((p) => p.voornamen)).toEqual(['Anouk']);
  });

  it('shows overleden and RNI; a role without BRP fields asks nothing', async () => {
    const personen = await brp.zoek({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999990020', '999990032'] }, kcc);
    expect(personen.map((p) => [p.voornamen, p.overleden, p.rni])).toEqual([['Hendrik', true, false], ['Sofie', false, true]]);
    expect(brpFieldsFor(['kennisredacteur', 'beheerder'])).toEqual([]);
    expect(await brp.zoek({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999993653'] }, [])).toEqual([]);
  });

  it('Dutch errors: a wrong key is refused, an unreachable BRP is transient', async () => {
    const wrong = new BrpClient({ url: `${server.url}${DEMO_PATHS.brp}`, apiKey: 'verkeerd' });
    await expect(wrong.zoek({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999993653'] }, kcc)).rejects.toMatchObject({ message: 'De BRP weigert de toegang (HTTP 401).', kind: 'permanent' });
    const gone = new BrpClient({ url: 'http://127.0.0.1:9/brp', apiKey: 'x', timeoutMs: 1000 });
    const error = await gone.zoek({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999993653'] }, kcc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ message: 'De BRP is niet bereikbaar.', kind: 'transient' });
    // Asked twice: once more after a transient failure.
    expect(gone.http.counters.requests).toBe(2);
  });
});

describe('KvK client', () => {
  it('finds organisations by naam, kvkNummer and vestigingsnummer; nothing found is an empty list', async () => {
    const org = server.db.prepare(`SELECT p.naam, k.object_id AS kvk FROM partij p JOIN partij_identificator k ON k.partij_id = p.id AND k.code_soort_object_id = 'kvk_nummer' LIMIT 1`).get() as { naam: string; kvk: string };
    const byNaam = await kvk.zoek({ naam: org.naam.slice(0, 6) });
    expect(byNaam.map((i) => i.kvkNummer)).toContain(org.kvk);
    expect((await kvk.zoek({ kvkNummer: org.kvk }))[0]).toMatchObject({ kvkNummer: org.kvk, naam: org.naam });
    expect(await kvk.zoek({ naam: 'Bestaat echt niet BV' })).toEqual([]);
    expect(await kvk.zoek({ vestigingsnummer: '000000000001' })).toEqual([]);
    expect(await kvk.basisprofiel(org.kvk)).toMatchObject({ kvkNummer: org.kvk, naam: org.naam });
    expect(await kvk.basisprofiel('00000001')).toBeNull();
  });

  it('refuses an unknown query parameter as KVK does, and a wrong key in Dutch', async () => {
    const response = await fetch(`${server.url}${KVK_API.prefix}/v2/zoeken?bsn=123`, { headers: { apikey: DEMO_KVK_API_KEY } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fout: [{ code: 'IPD1999' }] });
    const wrong = new KvkClient({ url: `${server.url}${KVK_API.prefix}`, apiKey: 'verkeerd' });
    await expect(wrong.zoek({ naam: 'Turf' })).rejects.toMatchObject({ message: 'Het Handelsregister weigert de toegang (HTTP 401).' });
  });
});

describe('customers.searchRemote through the registers', () => {
  it('finds Bert by name through the BRP, an organisation through KvK, both marked; a BRP-only person apart; every BRP answer logged', async () => {
    const dir = tempDir();
    const store = Store.open(join(dir.path, 'kb.sqlite'));
    try {
      const { brpUrl: _b, brpApiKey: _k, verwerkingenloggingUrl: _v, ...endpoints } = demoEndpoints(server.url);
      const conn: ZgwConnection = { kind: 'zgw', label: 'Demo', ...endpoints, bronorganisatie: '002220647', timeoutMs: 30_000, pageSize: 100 };
      const adapter = new ZgwAdapter(conn, { id: 'test', naam: 'Test', email: 'test@turfbrug.nl' }, store.remoteCache);
      const sync = new SyncEngine(store, adapter, new EventBus(), { prefetchPartijen: false, outboxIntervalMs: 3_600_000, partijenRefreshMs: 3_600_000, log: () => {} });
      const logged: string[][] = [];
      const service = new CustomerService(store, sync, adapter, new EventBus(), new RegisterSearch(brp, kvk, (bsns) => logged.push([...bsns])));

      const bert = await service.searchRemote('Bert Burger', 20, ['kcc']);
      expect(bert.results).toMatchObject([{ naam: 'Bert Burger', bron: 'brp', bsnMasked: '*****3653' }]);
      expect(logged.flat()).toContain('999993653');
      // Cached now: the local search answers at once.
      expect(service.search('Burger', 20).results).toMatchObject([{ naam: 'Bert Burger', bron: 'lokaal' }]);

      const anouk = await service.searchRemote('Anouk Veenstra', 20, ['kcc']);
      expect(anouk.results).toEqual([]);
      expect(anouk.registers).toMatchObject([{ naam: 'Anouk Veenstra', bron: 'brp', bsnMasked: '*****0019', meldingen: [] }]);

      const org = server.db.prepare(`SELECT naam FROM partij WHERE soort_partij = 'organisatie' ORDER BY id LIMIT 1`).get() as { naam: string };
      const found = await service.searchRemote(org.naam, 20, ['kcc']);
      expect(found.results.find((r) => r.naam === org.naam)).toMatchObject({ soort: 'organisatie', bron: 'kvk' });
    } finally {
      store.close();
      dir.remove();
    }
  });
});
