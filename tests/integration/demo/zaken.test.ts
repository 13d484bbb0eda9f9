import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, type DemoServer, type ZgwClient } from '../../../src/demo';
import { call, followPages, startTestServer, zgwToken, type Page } from './helpers';

type J = Record<string, unknown>;
let server: DemoServer;
let cleanup: () => Promise<void>;
/** A zaakafhandelcomponent: may set every status, not only the first. */
const AFHANDELING: ZgwClient = {
  clientId: 'zaakafhandeling', secret: 'zaakafhandeling-secret-0123456789', autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen', 'zaken.statussen.toevoegen'] }],
};
beforeAll(async () => ({ server, cleanup } = await startTestServer({ credentials: { ...DEMO_CREDENTIALS, zgwClients: [AFHANDELING] } })));
afterAll(async () => cleanup());

const BERT_BSN = '999993653';

describe('Zaken API: Crs headers', () => {
  it('GET /zaken without Accept-Crs → 412, wrong value → 406', async () => {
    const r = await call(server, 'zaken', 'GET', '/zaken', { crs: false });
    expect(r.status).toBe(412);
    expect(r.body.detail).toContain('Accept-Crs');
    const r2 = await call(server, 'zaken', 'GET', '/zaken', { crs: false, headers: { 'Accept-Crs': 'EPSG:28992' } });
    expect(r2.status).toBe(406);
  });
  it('POST /zaken without Content-Crs → 412', async () => {
    const r = await call(server, 'zaken', 'POST', '/zaken', { crs: false, headers: { 'Accept-Crs': 'EPSG:4326' }, body: {}, validateRequest: false });
    expect(r.status).toBe(412);
    expect(r.body.detail).toContain('Content-Crs');
  });
  it('responses carry Content-Crs and API-version; /statussen needs no Crs', async () => {
    const r = await call(server, 'zaken', 'GET', '/zaken?pageSize=1');
    expect(r.headers.get('content-crs')).toBe('EPSG:4326');
    expect(r.headers.get('api-version')).toBe('1.5.1');
    expect((await call(server, 'zaken', 'GET', '/statussen?pageSize=1', { crs: false })).status).toBe(200);
  });
});

describe('Zaken API: reading', () => {
  it('finds Bert Burger\'s zaken by BSN of the rol, newest first', async () => {
    const r = await call<Page<J>>(server, 'zaken', 'GET', `/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${BERT_BSN}`);
    expect(r.body.count).toBeGreaterThanOrEqual(3);
    const open = r.body.results.filter((z) => z.einddatum === null);
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(r.body.results.length - open.length).toBeGreaterThanOrEqual(1);
    const starts = r.body.results.map((z) => z.registratiedatum as string);
    expect([...starts].sort().reverse()).toEqual(starts);
    const onlyOpen = await call<Page<J>>(server, 'zaken', 'GET', `/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${BERT_BSN}&einddatum__isnull=true&rol__omschrijvingGeneriek=initiator`);
    expect(onlyOpen.body.count).toBe(open.length);
  });
  it('filters by identificatie, zaaktype, kvkNummer', async () => {
    const first = (await call<Page<J>>(server, 'zaken', 'GET', '/zaken?pageSize=1')).body.results[0]!;
    const byId = await call<Page<J>>(server, 'zaken', 'GET', `/zaken?identificatie=${first.identificatie as string}`);
    expect(byId.body.results.map((z) => z.uuid)).toEqual([first.uuid]);
    const byType = await call<Page<J>>(server, 'zaken', 'GET', `/zaken?zaaktype=${encodeURIComponent(first.zaaktype as string)}&pageSize=500`);
    expect(byType.body.count).toBeGreaterThan(0);
    expect(byType.body.results.every((z) => z.zaaktype === first.zaaktype)).toBe(true);
    const rollen = await call<Page<J>>(server, 'zaken', 'GET', '/rollen?betrokkeneType=niet_natuurlijk_persoon&pageSize=1');
    const kvk = ((rollen.body.results[0]!.betrokkeneIdentificatie as J).kvkNummer) as string;
    const byKvk = await call<Page<J>>(server, 'zaken', 'GET', `/zaken?rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer=${kvk}`);
    expect(byKvk.body.count).toBeGreaterThan(0);
  });
  it('follows next over all 800 zaken in pages of 100', async () => {
    const all = await followPages(server, 'zaken', '/zaken?pageSize=100');
    expect(all.count).toBe(800);
    expect(all.pages).toBe(8);
    expect(new Set(all.results.map((z) => z.uuid)).size).toBe(800);
  });
  it('bad page → 404 "Ongeldige pagina."; unknown uuid → 404', async () => {
    const r = await call(server, 'zaken', 'GET', '/zaken?page=999');
    expect(r.status).toBe(404);
    expect(r.body.detail).toBe('Ongeldige pagina.');
    expect((await call(server, 'zaken', 'GET', '/zaken/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
  it('detail has an ETag and answers 304 to If-None-Match; rollen and statussen of a zaak', async () => {
    const z = (await call<Page<J>>(server, 'zaken', 'GET', `/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${BERT_BSN}`)).body.results[0]!;
    const d = await call(server, 'zaken', 'GET', z.url as string);
    const etag = d.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await call(server, 'zaken', 'GET', z.url as string, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const rollen = await call<Page<J>>(server, 'zaken', 'GET', `/rollen?zaak=${encodeURIComponent(z.url as string)}`);
    expect(rollen.body.results.map((r) => r.url).sort()).toEqual([...(z.rollen as string[])].sort());
    const statussen = await call<Page<J>>(server, 'zaken', 'GET', `/statussen?zaak=${encodeURIComponent(z.url as string)}`);
    expect(statussen.body.results.filter((s) => s.indicatieLaatstGezetteStatus).map((s) => s.url)).toEqual([z.status]);
    const head = await fetch(z.url as string, { method: 'HEAD', headers: { Authorization: `Bearer ${await zgwToken()}`, 'Accept-Crs': 'EPSG:4326' } });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    const st = await call(server, 'zaken', 'GET', z.status as string, { crs: false });
    expect(st.headers.get('etag')).toBeTruthy();
  });
});

describe('Catalogi API', () => {
  it('lists published zaaktypen with statustypen and roltypen', async () => {
    const zt = await call<Page<J>>(server, 'catalogi', 'GET', '/zaaktypen');
    expect(zt.body.count).toBeGreaterThanOrEqual(12);
    expect(zt.body.results.every((z) => z.concept === false)).toBe(true);
    const concept = await call<Page<J>>(server, 'catalogi', 'GET', '/zaaktypen?status=concept');
    expect(concept.body.count).toBe(1);
    const one = zt.body.results[0]!;
    const st = await call<Page<J>>(server, 'catalogi', 'GET', `/statustypen?zaaktype=${encodeURIComponent(one.url as string)}`);
    expect(st.body.count).toBeGreaterThanOrEqual(3);
    expect(st.body.results.filter((s) => s.isEindstatus).length).toBe(1);
    const rt = await call<Page<J>>(server, 'catalogi', 'GET', `/roltypen?zaaktype=${encodeURIComponent(one.url as string)}&omschrijvingGeneriek=initiator`);
    expect(rt.body.count).toBe(1);
    const d = await call(server, 'catalogi', 'GET', one.url as string);
    expect((await call(server, 'catalogi', 'GET', one.url as string, { headers: { 'If-None-Match': d.headers.get('etag')! } })).status).toBe(304);
    expect((await call(server, 'catalogi', 'GET', '/catalogussen')).body.count).toBe(1);
  });
});

describe('Zaken API: creating a zaak with rol and status', () => {
  it('POST /zaken + /rollen + /statussen, with audit of the JWT user', async () => {
    const zt = (await call<Page<J>>(server, 'catalogi', 'GET', '/zaaktypen?identificatie=MOR')).body.results[0]!;
    const z = await call(server, 'zaken', 'POST', '/zaken', { body: { bronorganisatie: '002756419', verantwoordelijkeOrganisatie: '002756419', zaaktype: zt.url, startdatum: '2026-11-28', omschrijving: 'Kapotte lantaarnpaal Turfmarkt' } });
    expect(z.status).toBe(201);
    expect(z.headers.get('location')).toBe(z.body.url);
    expect(z.body.identificatie).toMatch(/^ZAAK-\d{4}-\d{7}$/);
    const audit = server.db.prepare('SELECT user_id, user_representation FROM zaak WHERE uuid = ?').get(z.body.uuid) as J;
    expect(audit).toEqual({ user_id: 'bianca.de.vries', user_representation: 'Bianca de Vries' });
    const roltype = (await call<Page<J>>(server, 'catalogi', 'GET', `/roltypen?zaaktype=${encodeURIComponent(zt.url as string)}&omschrijvingGeneriek=initiator`)).body.results[0]!;
    const rol = await call(server, 'zaken', 'POST', '/rollen', { body: { zaak: z.body.url, betrokkeneType: 'natuurlijk_persoon', roltype: roltype.url, roltoelichting: 'Melder',
      betrokkeneIdentificatie: { inpBsn: BERT_BSN, geslachtsnaam: 'Burger', voornamen: 'Bert' } } });
    expect(rol.status).toBe(201);
    expect(rol.body.omschrijvingGeneriek).toBe('initiator');
    const statustypen = (await call<Page<J>>(server, 'catalogi', 'GET', `/statustypen?zaaktype=${encodeURIComponent(zt.url as string)}`)).body.results;
    const s1 = await call(server, 'zaken', 'POST', '/statussen', { body: { zaak: z.body.url, statustype: statustypen[0]!.url, datumStatusGezet: '2026-11-28T09:00:00Z' } });
    expect(s1.status).toBe(201);
    expect(s1.body.indicatieLaatstGezetteStatus).toBe(true);
    const byBsn = await call<Page<J>>(server, 'zaken', 'GET', `/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${BERT_BSN}`);
    expect(byBsn.body.results.map((x) => x.uuid)).toContain(z.body.uuid);
    const before = await call(server, 'zaken', 'GET', z.body.url as string);
    const eindBody = { zaak: z.body.url, statustype: statustypen.at(-1)!.url, datumStatusGezet: '2026-11-29T10:00:00+01:00' };
    // Klantbeeld's client (zaken.aanmaken) sets only the first status, as in Open Zaak.
    const refused = await call(server, 'zaken', 'POST', '/statussen', { body: eindBody });
    expect(refused.status).toBe(403);
    const afhandeling = `Bearer ${await zgwToken({ client_id: AFHANDELING.clientId }, AFHANDELING.secret)}`;
    const eind = await call(server, 'zaken', 'POST', '/statussen', { body: eindBody, headers: { Authorization: afhandeling } });
    expect(eind.status).toBe(201);
    const after = await call(server, 'zaken', 'GET', z.body.url as string, { headers: { 'If-None-Match': before.headers.get('etag')! } });
    expect(after.status).toBe(200);
    expect(after.body.einddatum).toBe('2026-11-29');
    expect(after.body.status).toBe(eind.body.url);
  });
  it('validation errors name the fields', async () => {
    const r = await call(server, 'zaken', 'POST', '/zaken', { body: { bronorganisatie: '123' }, validateRequest: false });
    expect(r.status).toBe(400);
    const names = (r.body.invalidParams as J[]).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['zaaktype', 'startdatum', 'verantwoordelijkeOrganisatie', 'bronorganisatie']));
    expect((r.body.invalidParams as J[]).find((p) => p.name === 'startdatum')!.code).toBe('required');
    const concept = (await call<Page<J>>(server, 'catalogi', 'GET', '/zaaktypen?status=concept')).body.results[0]!;
    const c = await call(server, 'zaken', 'POST', '/zaken', { body: { bronorganisatie: '002756419', verantwoordelijkeOrganisatie: '002756419', zaaktype: concept.url, startdatum: '2026-11-28' } });
    expect(c.status).toBe(400);
    expect(c.body.invalidParams).toEqual([expect.objectContaining({ name: 'zaaktype', code: 'not-published' })]);
    const z = (await call<Page<J>>(server, 'zaken', 'GET', '/zaken?pageSize=1')).body.results[0]!;
    const roltype = (await call<Page<J>>(server, 'catalogi', 'GET', `/roltypen?zaaktype=${encodeURIComponent(z.zaaktype as string)}`)).body.results[0]!;
    const bad = await call(server, 'zaken', 'POST', '/rollen', { body: { zaak: z.url, betrokkeneType: 'natuurlijk_persoon', roltype: roltype.url, roltoelichting: 'x', betrokkeneIdentificatie: { inpBsn: '999993654' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams).toEqual([expect.objectContaining({ name: 'betrokkeneIdentificatie.inpBsn', code: 'invalid' })]);
  });
});
