import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../../src/demo';
import { KCC_TERUGBELLEN } from '../../../src/demo/seed/gen-terugbellen';
import { call, followPages, startTestServer, type Page } from './helpers';

type J = Record<string, unknown>;
type Ref = { uuid: string; url: string };
let server: DemoServer;
let cleanup: () => Promise<void>;
let bert: J;
beforeAll(async () => {
  ({ server, cleanup } = await startTestServer());
  const r = await call<Page<J>>(server, 'klantinteracties', 'GET',
    '/partijen?partijIdentificator__codeSoortObjectId=bsn&partijIdentificator__objectId=999993653&partijIdentificator__codeRegister=brp&partijIdentificator__codeObjecttype=natuurlijk_persoon&soortPartij=persoon&expand=digitaleAdressen');
  expect(r.body.count).toBe(1);
  bert = r.body.results[0]!;
});
afterAll(async () => cleanup());

describe('Klantinteracties: reading', () => {
  it('finds Bert Burger by BSN with his digitale adressen expanded', () => {
    expect((bert.partijIdentificatie as J).volledigeNaam).toBe('Bert Burger');
    const adressen = ((bert._expand as J).digitaleAdressen as J[]).map((d) => d.adres);
    expect(adressen).toEqual(expect.arrayContaining(['06-12345678', 'bert.burger@example.nl']));
    expect((bert.bezoekadres as J).stad).toBe('Turfbrug');
  });
  it('lists his klantcontacten newest first on several channels, with expansions', async () => {
    const r = await call<Page<J>>(server, 'klantinteracties', 'GET', `/klantcontacten?hadBetrokkene__wasPartij__uuid=${bert.uuid as string}&expand=gingOverOnderwerpobjecten,hadBetrokkenen,hadBetrokkenen.digitaleAdressen,leiddeTotInterneTaken`);
    expect(r.body.count).toBeGreaterThanOrEqual(6);
    expect(new Set(r.body.results.map((k) => k.kanaal)).size).toBeGreaterThanOrEqual(3);
    const times = r.body.results.map((k) => k.plaatsgevondenOp as string);
    expect([...times].sort().reverse()).toEqual(times);
    const latest = r.body.results[0]!;
    expect((latest.metadata as J).gespreksresultaat).toBe('terugbelverzoek');
    expect(((latest._expand as J).leiddeTotInterneTaken as J[])[0]!.status).toBe('te_verwerken');
    expect((((latest._expand as J).hadBetrokkenen as J[])[0]!.wasPartij as Ref).uuid).toBe(bert.uuid);
    expect((latest.hadBetrokkenActoren as J[])[0]!.naam).toBe('Bianca de Vries');
    const oo = ((latest._expand as J).gingOverOnderwerpobjecten as J[])[0]!.onderwerpobjectidentificator as J;
    expect(oo).toMatchObject({ codeObjecttype: 'zgw-Zaak', codeRegister: 'openzaak', codeSoortObjectId: 'uuid' });
    const byZaak = await call<Page<J>>(server, 'klantinteracties', 'GET', `/klantcontacten?onderwerpobject__onderwerpobjectidentificatorObjectId=${oo.objectId as string}`);
    expect(byZaak.body.results.map((k) => k.uuid)).toContain(latest.uuid);
  });
  it('follows next over all klantcontacten (3000 generated, plus the KCC callbacks and their attempts)', async () => {
    const all = await followPages(server, 'klantinteracties', '/klantcontacten?pageSize=500');
    const attempts = await call<Page<J>>(server, 'klantinteracties', 'GET', '/klantcontacten?onderwerpobject__onderwerpobjectidentificatorCodeObjecttype=internetaak');
    expect(all.count).toBe(3000 + KCC_TERUGBELLEN.open + KCC_TERUGBELLEN.afgehandeld + attempts.body.count);
    expect(all.pages).toBe(Math.ceil(all.count / 500));
    expect(new Set(all.results.map((k) => k.uuid)).size).toBe(all.count);
    expect(new Set(all.results.map((k) => k.kanaal))).toEqual(new Set(['telefoon', 'balie', 'e-mail', 'chat', 'social media', 'brief', 'contactformulier']));
  });
  it('filters actoren, internetaken, digitale adressen, betrokkenen', async () => {
    const bianca = await call<Page<J>>(server, 'klantinteracties', 'GET', '/actoren?actoridentificatorObjectId=bianca.de.vries@turfbrug.nl&soortActor=medewerker');
    expect(bianca.body.count).toBe(1);
    const groepen = await call<Page<J>>(server, 'klantinteracties', 'GET', '/actoren?soortActor=organisatorische_eenheid');
    expect(groepen.body.count).toBe(10);
    const verg = groepen.body.results.find((a) => (a.actoridentificator as J).objectId === 'VERG')!;
    const open = await call<Page<J>>(server, 'klantinteracties', 'GET', `/internetaken?status=te_verwerken&toegewezenAanActor__uuid=${verg.uuid as string}`);
    expect(open.body.count).toBeGreaterThanOrEqual(1);
    expect(open.body.results.every((t) => t.status === 'te_verwerken')).toBe(true);
    const all = await followPages(server, 'klantinteracties', '/internetaken');
    expect(all.count).toBe(150 + KCC_TERUGBELLEN.open + KCC_TERUGBELLEN.afgehandeld);
    const da = await call<Page<J>>(server, 'klantinteracties', 'GET', `/digitaleadressen?verstrektDoorPartij__uuid=${bert.uuid as string}&soortDigitaalAdres=email`);
    expect(da.body.results.map((d) => d.adres)).toEqual(['bert.burger@example.nl']);
    const icontains = await call<Page<J>>(server, 'klantinteracties', 'GET', '/digitaleadressen?adres__icontains=BERT.BURGER');
    expect(icontains.body.count).toBe(1);
    const bt = await call<Page<J>>(server, 'klantinteracties', 'GET', `/betrokkenen?wasPartij__uuid=${bert.uuid as string}`);
    expect(bt.body.count).toBeGreaterThanOrEqual(6);
  });
  it('404 for unknown uuid and bad page', async () => {
    expect((await call(server, 'klantinteracties', 'GET', '/partijen/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const r = await call(server, 'klantinteracties', 'GET', '/klantcontacten?page=0');
    expect(r.status).toBe(404);
    expect(r.body.detail).toBe('Ongeldige pagina.');
  });
});

describe('Klantinteracties: writing', () => {
  const kc = { kanaal: 'telefoon', onderwerp: 'Vraag over afvalpas', inhoud: 'Afvalpas kwijt, nieuwe aangevraagd.', taal: 'nld', vertrouwelijk: false,
    indicatieContactGelukt: true, plaatsgevondenOp: '2026-11-28T10:00:00+01:00', metadata: { gespreksresultaat: 'zelfstandig_afgehandeld', afdeling: 'Afval en Reiniging' } };
  it('registers a contactverzoek step by step (KISS pattern) and handles it', async () => {
    const k = await call(server, 'klantinteracties', 'POST', '/klantcontacten', { body: kc });
    expect(k.status).toBe(201);
    expect(k.body.plaatsgevondenOp).toBe('2026-11-28T09:00:00Z');
    const b = await call(server, 'klantinteracties', 'POST', '/betrokkenen', { body: { hadKlantcontact: { uuid: k.body.uuid }, wasPartij: { uuid: bert.uuid }, rol: 'klant', initiator: true,
      contactnaam: { voorletters: 'B.', voornaam: 'Bert', voorvoegselAchternaam: '', achternaam: 'Burger' } } });
    expect(b.status).toBe(201);
    const d = await call(server, 'klantinteracties', 'POST', '/digitaleadressen', { body: { verstrektDoorBetrokkene: { uuid: b.body.uuid }, adres: '0687654321', soortDigitaalAdres: 'telefoonnummer', omschrijving: 'Terugbelnummer' } });
    expect(d.status).toBe(201);
    const bianca = (await call<Page<J>>(server, 'klantinteracties', 'GET', '/actoren?actoridentificatorObjectId=bianca.de.vries@turfbrug.nl')).body.results[0]!;
    const akc = await call(server, 'klantinteracties', 'POST', '/actorklantcontacten', { body: { actor: { uuid: bianca.uuid }, klantcontact: { uuid: k.body.uuid } } });
    expect(akc.status).toBe(201);
    const t = await call(server, 'klantinteracties', 'POST', '/internetaken', { body: { gevraagdeHandeling: 'Contact opnemen met betrokkene', aanleidinggevendKlantcontact: { uuid: k.body.uuid },
      toegewezenAanActoren: [{ uuid: bianca.uuid }], toelichting: 'Graag terugbellen.', status: 'te_verwerken' } });
    expect(t.status).toBe(201);
    expect(t.body.afgehandeldOp).toBeNull();
    const p = await call(server, 'klantinteracties', 'PATCH', t.body.url as string, { body: { status: 'verwerkt' } });
    expect(p.status).toBe(200);
    expect(p.body.status).toBe('verwerkt');
    expect(p.body.afgehandeldOp).toEqual(expect.any(String));
    const again = await call(server, 'klantinteracties', 'GET', `/klantcontacten/${k.body.uuid as string}?expand=hadBetrokkenen,hadBetrokkenen.digitaleAdressen`);
    expect((again.body.leiddeTotInterneTaken as Ref[])[0]!.uuid).toBe(t.body.uuid);
    expect(((((again.body._expand as J).hadBetrokkenen as J[])[0]!._expand as J).digitaleAdressen as J[])[0]!.adres).toBe('0687654321');
  });
  it('maak-klantcontact creates klantcontact, betrokkene and onderwerpobject in one request', async () => {
    const r = await call(server, 'klantinteracties', 'POST', '/maak-klantcontact', { body: { klantcontact: { ...kc, kanaal: 'balie' },
      betrokkene: { wasPartij: { uuid: bert.uuid }, rol: 'klant', initiator: true, contactnaam: { voornaam: 'Bert', achternaam: 'Burger' } },
      onderwerpobject: { onderwerpobjectidentificator: { objectId: '7d5f3f55-1b0e-4c51-9a7a-0d4e8a6f0c11', codeObjecttype: 'zgw-Zaak', codeRegister: 'openzaak', codeSoortObjectId: 'uuid' } } } });
    expect(r.status).toBe(201);
    const k = r.body.klantcontact as J;
    expect((r.body.betrokkene as J).hadKlantcontact).toEqual({ uuid: k.uuid, url: k.url });
    expect((r.body.onderwerpobject as J).klantcontact).toEqual({ uuid: k.uuid, url: k.url });
    expect((k.hadBetrokkenen as Ref[]).length).toBe(1);
  });
  it('creates a partij with a BSN identificator and rejects a bad BSN', async () => {
    const ok = await call(server, 'klantinteracties', 'POST', '/partijen', { body: { soortPartij: 'persoon', indicatieActief: true, voorkeurstaal: 'nld',
      partijIdentificatie: { contactnaam: { voornaam: 'Anna', achternaam: 'Zonneveld' } },
      partijIdentificatoren: [{ partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: '999990019', codeRegister: 'brp' } }] } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const bad = await call(server, 'klantinteracties', 'POST', '/partij-identificatoren', { body: { identificeerdePartij: { uuid: ok.body.uuid },
      partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: '999990018', codeRegister: 'brp' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams).toEqual([expect.objectContaining({ name: 'partijIdentificator.objectId', code: 'invalid' })]);
  });
  it('validation errors: maxLength, required, enum, unknown reference', async () => {
    const r = await call(server, 'klantinteracties', 'POST', '/klantcontacten', { body: { ...kc, onderwerp: 'x'.repeat(201), kanaal: undefined, inhoud: 'y'.repeat(1001) }, validateRequest: false });
    expect(r.status).toBe(400);
    const params = r.body.invalidParams as J[];
    expect(params).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'onderwerp', code: 'max_length' }), expect.objectContaining({ name: 'kanaal', code: 'required' }),
      expect.objectContaining({ name: 'inhoud', code: 'max_length' })]));
    const t = await call(server, 'klantinteracties', 'POST', '/internetaken', { body: { gevraagdeHandeling: 'x', aanleidinggevendKlantcontact: { uuid: '00000000-0000-4000-8000-000000000000' },
      toegewezenAanActoren: [], status: 'open' }, validateRequest: false });
    expect(t.status).toBe(400);
    expect(t.body.invalidParams).toEqual([expect.objectContaining({ name: 'status', code: 'invalid_choice' })]);
    const b = await call(server, 'klantinteracties', 'POST', '/betrokkenen', { body: { hadKlantcontact: { uuid: '00000000-0000-4000-8000-000000000000' }, rol: 'klant', initiator: true } });
    expect(b.status).toBe(400);
    expect(b.body.invalidParams).toEqual([expect.objectContaining({ name: 'hadKlantcontact', code: 'does_not_exist' })]);
    const plain = await call(server, 'klantinteracties', 'POST', '/klantcontacten', { headers: { 'Content-Type': 'text/plain' } });
    expect(plain.status).toBe(415);
    const broken = await fetch(`${server.url}/klantinteracties/api/v1/klantcontacten`, { method: 'POST', headers: { Authorization: 'Token turfbrug-demo-token', 'Content-Type': 'application/json' }, body: '{kapot' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as J).code).toBe('parse_error');
    const m = await call(server, 'klantinteracties', 'POST', '/maak-klantcontact', { body: { klantcontact: { ...kc, onderwerp: '' } }, validateRequest: false });
    expect(m.body.invalidParams).toEqual([expect.objectContaining({ name: 'klantcontact.onderwerp', code: 'blank' })]);
  });
});
