import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PATHS, type DemoServer } from '../../../src/demo';
import { brpGeboortedatum, DEMO_GEMEENTECODE } from '../../../src/demo/api/brp';
import { expectValidAgainstSpec, expectValidRequest, expectValidSchema } from '../../support/spec-validator';
import { startTestServer } from './helpers';

let server: DemoServer;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ server, cleanup } = await startTestServer({ size: { persons: 60, organisations: 3, klantcontacten: 20, zaken: 5 } })));
afterAll(async () => cleanup());

const TYPES = ['ZoekMetGeslachtsnaamEnGeboortedatum', 'RaadpleegMetBurgerservicenummer', 'ZoekMetNaamEnGemeenteVanInschrijving', 'ZoekMetPostcodeEnHuisnummer', 'ZoekMetStraatHuisnummerEnGemeenteVanInschrijving'];
const QUERY_SCHEMA: Record<string, string> = Object.fromEntries(TYPES.map((t) => [t, t]));
const RESPONSE_SCHEMA: Record<string, string> = Object.fromEntries(TYPES.map((t) => [t, `${t}Response`]));

interface Persoon { burgerservicenummer: string; naam: { voornamen?: string; geslachtsnaam: string; voorvoegsel?: string }; geboorte: { datum: { datum: string } }; leeftijd?: number }

/** POSTs to the demo BRP; validates the request (when valid) and the response against the spec. */
async function personen(body: Record<string, unknown>, o: { key?: string | null; validRequest?: boolean } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = `${server.url}${DEMO_PATHS.brp}/personen`;
  if (o.validRequest !== false) {
    expectValidRequest('brp', 'POST', url, body);
    expectValidSchema('brp', 'request', QUERY_SCHEMA[String(body.type)]!, body);
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const key = o.key === undefined ? DEMO_CREDENTIALS.brpApiKey : o.key;
  if (key !== null) headers['X-API-KEY'] = key;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  expect(res.headers.get('content-type') ?? '').toMatch(res.status >= 400 ? /application\/problem\+json/ : /application\/json/);
  expectValidAgainstSpec('brp', 'POST', url, res.status, json);
  if (res.status === 200) expectValidSchema('brp', 'response', RESPONSE_SCHEMA[String(json.type)]!, json);
  return { status: res.status, body: json };
}

const zoek = (extra: Record<string, unknown>) => ({ type: 'ZoekMetGeslachtsnaamEnGeboortedatum', fields: ['burgerservicenummer', 'naam', 'geboorte.datum'], ...extra });

describe('demo BRP API Personen', () => {
  it('derives birth dates from the BSN: deterministic, 1935-2008, Bert on 1968-03-12', () => {
    expect(brpGeboortedatum('999993653')).toBe('1968-03-12');
    for (const bsn of ['111222333', '123456782', '999990019']) {
      const d = brpGeboortedatum(bsn);
      expect(d).toBe(brpGeboortedatum(bsn));
      expect(d >= '1935-01-01' && d <= '2008-12-31').toBe(true);
    }
  });

  it('finds Bert Burger by geslachtsnaam + geboortedatum, case-insensitive and with a wildcard', async () => {
    for (const geslachtsnaam of ['Burger', 'burger', 'BUR*']) {
      const r = await personen(zoek({ geslachtsnaam, geboortedatum: '1968-03-12' }));
      expect(r.status).toBe(200);
      const p = r.body.personen as Persoon[];
      expect(p.map((x) => x.burgerservicenummer)).toContain('999993653');
      const bert = p.find((x) => x.burgerservicenummer === '999993653')!;
      expect(bert.naam.geslachtsnaam).toBe('Burger');
      expect(bert.geboorte.datum.datum).toBe('1968-03-12');
    }
    expect(((await personen(zoek({ geslachtsnaam: 'Burger', geboortedatum: '1968-03-13' }))).body.personen as unknown[]).length).toBe(0);
    expect(((await personen(zoek({ geslachtsnaam: 'Burger', geboortedatum: '1968-03-12', voornamen: 'Piet' }))).body.personen as unknown[]).length).toBe(0);
    expect(((await personen(zoek({ geslachtsnaam: 'Burger', geboortedatum: '1968-03-12', voornamen: 'bert' }))).body.personen as unknown[]).length).toBe(1);
  });

  it('finds another person with the derived date and answers only the asked extras', async () => {
    const row = server.db.prepare(`SELECT i.object_id AS bsn, p.achternaam, p.voorvoegsel_achternaam AS vv FROM partij_identificator i JOIN partij p ON p.id = i.partij_id
      WHERE i.code_soort_object_id = 'bsn' AND p.id > 1 LIMIT 1`).get() as { bsn: string; achternaam: string; vv: string };
    const r = await personen(zoek({ geslachtsnaam: row.achternaam, geboortedatum: brpGeboortedatum(row.bsn), fields: ['burgerservicenummer', 'leeftijd'] }));
    const p = (r.body.personen as Persoon[]).find((x) => x.burgerservicenummer === row.bsn)!;
    expect(p).toBeTruthy();
    expect(typeof p.leeftijd).toBe('number');
    expect(p.naam.geslachtsnaam).toBe(row.achternaam);
  });

  it('raadpleegt by burgerservicenummer (unknown BSNs are left out)', async () => {
    const r = await personen({ type: 'RaadpleegMetBurgerservicenummer', fields: ['burgerservicenummer', 'naam', 'geboorte'], burgerservicenummer: ['999993653', '000000000'] });
    expect(r.status).toBe(200);
    const p = r.body.personen as Persoon[];
    expect(p).toHaveLength(1);
    expect(p[0]!.naam).toMatchObject({ voornamen: 'Bert', geslachtsnaam: 'Burger' });
  });

  it('finds by voornamen + geslachtsnaam within the gemeente (wildcards as the spec allows), not in another gemeente', async () => {
    const naam = (extra: Record<string, unknown>) => ({ type: 'ZoekMetNaamEnGemeenteVanInschrijving', fields: ['burgerservicenummer', 'naam', 'adressering.adresregel1'], gemeenteVanInschrijving: DEMO_GEMEENTECODE, ...extra });
    const r = await personen(naam({ voornamen: 'Ber*', geslachtsnaam: 'Burger' }));
    expect(r.status).toBe(200);
    const bert = (r.body.personen as (Persoon & { adressering?: { adresregel1: string } })[]).find((x) => x.burgerservicenummer === '999993653')!;
    expect(bert.adressering?.adresregel1).toMatch(/\d/);
    expect(((await personen(naam({ voornamen: 'Bert', geslachtsnaam: 'Burger', gemeenteVanInschrijving: '0363' }))).body.personen as unknown[]).length).toBe(0);
    const missing = await personen({ type: 'ZoekMetNaamEnGemeenteVanInschrijving', fields: ['naam'], geslachtsnaam: 'Burger', gemeenteVanInschrijving: DEMO_GEMEENTECODE }, { validRequest: false });
    expect((missing.body.invalidParams as { name: string }[]).map((p) => p.name)).toEqual(['voornamen']);
  });

  it('finds the residents of an address by postcode + huisnummer and by straat + huisnummer; overleden only when asked', async () => {
    const fields = ['burgerservicenummer', 'naam'];
    const pc = await personen({ type: 'ZoekMetPostcodeEnHuisnummer', fields, postcode: '1991AB', huisnummer: 40 });
    expect((pc.body.personen as Persoon[]).map((p) => p.naam.voornamen)).toEqual(['Anouk']);
    const metOverleden = await personen({ type: 'ZoekMetPostcodeEnHuisnummer', fields, postcode: '1991 AB', huisnummer: 40, inclusiefOverledenPersonen: true });
    const hendrik = (metOverleden.body.personen as (Persoon & { opschortingBijhouding?: { reden: { code: string } } })[]).find((p) => p.naam.voornamen === 'Hendrik')!;
    expect(hendrik.opschortingBijhouding?.reden.code).toBe('O');
    const straat = await personen({ type: 'ZoekMetStraatHuisnummerEnGemeenteVanInschrijving', fields, straat: 'Turfmarkt', huisnummer: 40, gemeenteVanInschrijving: DEMO_GEMEENTECODE });
    expect((straat.body.personen as Persoon[]).map((p) => p.naam.voornamen)).toEqual(['Anouk']);
  });

  it('delivers geheimhouding and opschorting (RNI) unasked; refuses them in fields', async () => {
    const rni = await personen({ type: 'RaadpleegMetBurgerservicenummer', fields: ['naam'], burgerservicenummer: ['999990032'] });
    expect((rni.body.personen as { opschortingBijhouding?: { reden: { code: string } } }[])[0]?.opschortingBijhouding?.reden.code).toBe('R');
    const asked = await personen({ type: 'RaadpleegMetBurgerservicenummer', fields: ['geheimhoudingPersoonsgegevens'], burgerservicenummer: ['999993653'] }, { validRequest: false });
    expect(asked.status).toBe(400);
  });

  it('401 without or with a wrong X-API-KEY', async () => {
    for (const key of [null, 'verkeerd']) {
      const r = await personen(zoek({ geslachtsnaam: 'Burger', geboortedatum: '1968-03-12' }), { key });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('authentication');
    }
  });

  it('400 with invalidParams for missing or invalid parameters', async () => {
    const missing = await personen({ type: 'ZoekMetGeslachtsnaamEnGeboortedatum', fields: ['naam'] }, { validRequest: false });
    expect(missing.status).toBe(400);
    expect((missing.body.invalidParams as { name: string }[]).map((p) => p.name).sort()).toEqual(['geboortedatum', 'geslachtsnaam']);
    const bad = await personen(zoek({ geslachtsnaam: 'Bu*', geboortedatum: '1968-02-30', fields: ['naam', 'onbekend'] }), { validRequest: false });
    expect(bad.status).toBe(400);
    expect((bad.body.invalidParams as { name: string; code: string }[]).map((p) => `${p.name}:${p.code}`).sort()).toEqual(['fields:fields', 'geboortedatum:date', 'geslachtsnaam:pattern']);
    const type = await personen({ type: 'ZoekMetPostcodeEnHuisnummer', fields: ['naam'] }, { validRequest: false });
    expect(type.status).toBe(400);
  });
});
