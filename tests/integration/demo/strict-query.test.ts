/**
 * The demo as strict as Open Klant 2.18 and Open Zaak: unknown query parameters (every API, from
 * the official specs), nested expand without its parent, telefoonnummers, medewerker fields,
 * metadata limits and the API-version header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../../src/demo';
import { KNOWN_QUERY_PARAMS } from '../../../src/demo/server/known-query-params';
import { specQueryParams } from '../../support/spec-query-params';
import { call, startTestServer, zgwToken, type Page } from './helpers';

type J = Record<string, unknown>;
let server: DemoServer;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ server, cleanup } = await startTestServer()));
afterAll(async () => cleanup());

describe('unknown query parameters', () => {
  it('the demo knows the query parameters exactly as the official specs list them', () => {
    expect(KNOWN_QUERY_PARAMS).toEqual(specQueryParams());
  });

  it('are a 400 on every API, list and detail, named as commonground-api-common names them', async () => {
    const expected = { invalidParams: [{ name: 'nonFieldErrors', code: 'unknown-parameters', reason: 'Onbekende query parameters: hadBetrokkene__partij' }] };
    const ki = await call(server, 'klantinteracties', 'GET', '/klantcontacten?hadBetrokkene__partij=x');
    expect(ki).toMatchObject({ status: 400, body: { ...expected, code: 'invalid' } });
    const uuid = ((await call<Page<J>>(server, 'klantinteracties', 'GET', '/actoren?page=1')).body.results[0]!.uuid) as string;
    expect((await call(server, 'klantinteracties', 'GET', `/actoren/${uuid}?expand=x`)).status).toBe(400);
    expect((await call(server, 'zaken', 'GET', '/zaken?bsn=999993653')).body).toMatchObject({ invalidParams: [{ code: 'unknown-parameters', reason: 'Onbekende query parameters: bsn' }] });
    expect((await call(server, 'catalogi', 'GET', '/zaaktypen?naam=x')).status).toBe(400);
    const documenten = await fetch(`${server.url}/documenten/api/v1/enkelvoudiginformatieobjecten?naam=x`, { headers: { Authorization: `Bearer ${await zgwToken()}` } });
    expect(documenten.status).toBe(400);
  });

  it('known ones, page and pageSize pass; authentication comes first', async () => {
    expect((await call(server, 'klantinteracties', 'GET', '/klantcontacten?kanaal=telefoon&page=1&pageSize=5')).status).toBe(200);
    expect((await call(server, 'klantinteracties', 'GET', '/klantcontacten?onbekend=1', { auth: false })).status).toBe(401);
  });
});

describe('Open Klant 2.18 rules', () => {
  let klantcontact: J;
  beforeAll(async () => {
    klantcontact = (await call(server, 'klantinteracties', 'POST', '/klantcontacten', { body: { kanaal: 'telefoon', onderwerp: 'Strikt', taal: 'nld', vertrouwelijk: false } })).body;
    const betrokkene = (await call(server, 'klantinteracties', 'POST', '/betrokkenen', { body: { hadKlantcontact: { uuid: klantcontact.uuid }, rol: 'klant', initiator: true } })).body;
    await call(server, 'klantinteracties', 'POST', '/digitaleadressen', { body: { verstrektDoorBetrokkene: { uuid: betrokkene.uuid }, adres: '0612345678', soortDigitaalAdres: 'telefoonnummer' } });
  });

  it('a nested expand needs its parent: hadBetrokkenen.digitaleAdressen alone expands nothing', async () => {
    const alone = await call(server, 'klantinteracties', 'GET', `/klantcontacten/${klantcontact.uuid as string}?expand=hadBetrokkenen.digitaleAdressen`);
    expect((alone.body._expand as J).hadBetrokkenen).toBeUndefined();
    const both = await call(server, 'klantinteracties', 'GET', `/klantcontacten/${klantcontact.uuid as string}?expand=hadBetrokkenen,hadBetrokkenen.digitaleAdressen`);
    const [b] = (both.body._expand as J).hadBetrokkenen as J[];
    expect(((b!._expand as J).digitaleAdressen as J[]).map((d) => d.adres)).toEqual(['0612345678']);
  });

  it('telefoonnummers: the pattern as sent (no dashes) and no 0800/0900/140x', async () => {
    const post = (adres: string) => call(server, 'klantinteracties', 'POST', '/digitaleadressen', { body: { adres, soortDigitaalAdres: 'telefoonnummer' } });
    for (const adres of ['06-12345678', '000000', '+3161234']) {
      expect((await post(adres)).body).toMatchObject({ invalidParams: [{ name: 'adres', reason: 'Het opgegeven telefoonnummer is ongeldig.' }] });
    }
    expect((await post('09001234567')).body).toMatchObject({ invalidParams: [{ name: 'adres', reason: expect.stringMatching(/0800, 0900, 1400 of 140xx/) }] });
    for (const adres of ['0612345678', '+31612345678', '0031612345678']) expect((await post(adres)).status).toBe(201);
  });

  it('a medewerker needs functie and a valid telefoonnummer when its actorIdentificatie is sent; without one it is an actor all the same', async () => {
    const actor = (actorIdentificatie?: J) =>
      call(server, 'klantinteracties', 'POST', '/actoren', {
        body: { naam: 'Strikte Collega', soortActor: 'medewerker', actoridentificator: { objectId: `s${Math.random()}@turfbrug.nl`, codeObjecttype: 'mdw', codeRegister: 'msei', codeSoortObjectId: 'email' }, ...(actorIdentificatie ? { actorIdentificatie } : {}) },
        validateRequest: false,
      });
    expect((await actor({ functie: 'KCC', emailadres: 'a@turfbrug.nl', telefoonnummer: '' })).status).toBe(400);
    expect((await actor({ emailadres: 'a@turfbrug.nl', telefoonnummer: '0512140512' })).status).toBe(400);
    expect((await actor({ functie: 'KCC', telefoonnummer: '0800-1234' })).status).toBe(400);
    expect((await actor({ functie: 'KCC', telefoonnummer: '0512140512' })).status).toBe(201);
    expect((await actor()).status).toBe(201);
  });

  it('metadata values are strings of at most 255 characters', async () => {
    const post = (metadata: unknown) =>
      call(server, 'klantinteracties', 'POST', '/klantcontacten', { body: { kanaal: 'telefoon', onderwerp: 'Metadata', taal: 'nld', vertrouwelijk: false, metadata }, validateRequest: false });
    expect((await post({ a: 'x'.repeat(255) })).status).toBe(201);
    expect((await post({ a: 'x'.repeat(256) })).status).toBe(400);
    expect((await post({ a: 1 })).status).toBe(400);
  });

  it('every answer carries API-version 0.9.0, as Open Klant 2.18 sends it', async () => {
    expect((await call(server, 'klantinteracties', 'GET', '/actoren?page=1')).headers.get('api-version')).toBe('0.9.0');
    expect((await call(server, 'klantinteracties', 'GET', '/actoren?x=1')).headers.get('api-version')).toBe('0.9.0');
    expect((await call(server, 'klantinteracties', 'GET', '/actoren', { auth: false })).headers.get('api-version')).toBe('0.9.0');
  });
});
