/**
 * The ZGW adapter against the real demo zaaksysteem over HTTP. Every request the adapter sends
 * and every response it accepts is validated against the official OpenAPI specs.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PATHS, startDemoServer, type DemoServer } from '../../../src/demo';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import { RemoteError } from '../../../src/main/core/adapters/types';
import type { ZgwConnection } from '../../../src/main/core/config/schema';
import { Store } from '../../../src/main/core/store';
import type { CustomerRecord } from '../../../src/main/core/store/records';
import { expectValidAgainstSpec, expectValidRequest, type SpecApi } from '../../support/spec-validator';
import { recordFetch, type Exchange } from '../../support/recording-fetch';
import { demoConnection } from '../../support/sync-rig';
import { memoryLog } from '../../support/step-log';
import { tempDir } from '../../support/tmp';
import { checkSpecTraffic } from '../../support/spec-traffic';

const BERT_BSN = '999993653';
const medewerker = { id: 'bianca.de.vries', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl' };

let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let store: Store;
let recorder: ReturnType<typeof recordFetch>;
let bert: CustomerRecord;

function connection(overrides: Partial<ZgwConnection> = {}): ZgwConnection {
  return demoConnection(server, { timeoutMs: 10_000, ...overrides });
}

function apiOf(url: string): SpecApi {
  for (const api of ['zaken', 'catalogi', 'klantinteracties'] as const) if (new URL(url).pathname.startsWith(DEMO_PATHS[api])) return api;
  throw new Error(`unknown API for ${url}`);
}

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  store = Store.open(join(dir.path, 'kb.sqlite'));
  recorder = recordFetch();
});
afterAll(async () => {
  recorder.restore();
  store.close();
  await server.close();
  dir.remove();
});
// Every request the demo receives (the adapter's and the tests' own) is checked against the specs.
checkSpecTraffic(() => server);

describe('ZGW adapter against the demo zaaksysteem', () => {
  it('lists every partij page by page, mapping persons and organisations', async () => {
    const adapter = new ZgwAdapter(connection({ pageSize: 200 }), medewerker, store.remoteCache);
    const pages: number[] = [];
    const all: CustomerRecord[] = [];
    await adapter.listCustomers((records) => {
      pages.push(records.length);
      all.push(...records);
    });
    expect(pages.length).toBeGreaterThan(2);
    expect(all.length).toBeGreaterThanOrEqual(550);
    expect(all.filter((c) => c.soort === 'organisatie').length).toBeGreaterThanOrEqual(50);
    bert = all.find((c) => c.bsn === BERT_BSN)!;
    expect(bert).toMatchObject({ soort: 'persoon', naam: 'Bert Burger', emailadressen: ['bert.burger@example.nl'] });
    expect(bert.telefoonnummers.length).toBeGreaterThan(0);
    expect(bert.adres).toMatch(/Turfbrug/);
    expect(all.find((c) => c.kvkNummer)?.naam).toBeTruthy();
  });

  it("reads Bert Burger's dossier: contacts with medewerker and linked zaak, zaken with zaaktype and status names", async () => {
    const adapter = new ZgwAdapter(connection({ pageSize: 3 }), medewerker, store.remoteCache);
    const dossier = await adapter.fetchDossier({ sourceUrl: bert.sourceUrl, bsn: bert.bsn, kvkNummer: null });
    expect(dossier.complete).toBe(true);
    expect(dossier.contacts.length).toBeGreaterThanOrEqual(6);
    expect(new Set(dossier.contacts.map((c) => c.kanaal)).size).toBeGreaterThan(2);
    expect(dossier.contacts.every((c) => c.medewerker)).toBe(true);
    expect(dossier.contacts.some((c) => c.zaakIdentificaties.length > 0)).toBe(true);
    const zaakIds = new Set(dossier.zaken.map((z) => z.identificatie));
    for (const id of dossier.contacts.flatMap((c) => c.zaakIdentificaties)) expect(zaakIds.has(id) || /^[0-9a-f-]{36}$/.test(id)).toBe(true);
    expect(dossier.zaken.filter((z) => z.einddatum === null).length).toBeGreaterThanOrEqual(2);
    expect(dossier.zaken.filter((z) => z.einddatum !== null).length).toBeGreaterThanOrEqual(1);
    for (const zaak of dossier.zaken) {
      expect(zaak.zaaktype).not.toMatch(/^http/);
      expect(zaak.status).toBeTruthy();
    }
  });

  it('follows next across pages instead of counting', async () => {
    const pageUrls = recorder.exchanges.filter((e) => e.url.includes('/klantcontacten?') && e.url.includes('page=')).map((e) => e.url);
    expect(pageUrls.length).toBeGreaterThan(0);
  });

  it('caches catalogus types and statuses: a second dossier read fetches only lists', async () => {
    const adapter = new ZgwAdapter(connection(), medewerker, store.remoteCache);
    const before = recorder.exchanges.length;
    await adapter.fetchDossier({ sourceUrl: bert.sourceUrl, bsn: bert.bsn, kvkNummer: null });
    const urls = recorder.exchanges.slice(before).map((e) => new URL(e.url).pathname);
    expect(urls.filter((u) => u.includes('/zaaktypen/') || u.includes('/statustypen/') || u.includes('/statussen/'))).toEqual([]);
  });

  it('revalidates day-old catalogus types with If-None-Match and keeps them on a 304', async () => {
    store.db.prepare("UPDATE remote_cache SET fetched_at = '2000-01-01T00:00:00.000Z' WHERE kind IN ('zaaktype', 'statustype', 'status')").run();
    const adapter = new ZgwAdapter(connection(), medewerker, store.remoteCache);
    const before = recorder.exchanges.length;
    const dossier = await adapter.fetchDossier({ sourceUrl: bert.sourceUrl, bsn: bert.bsn, kvkNummer: null });
    const catalogus = recorder.exchanges.slice(before).filter((e) => /\/(zaaktypen|statustypen)\//.test(e.url));
    expect(catalogus.length).toBeGreaterThan(0);
    for (const e of catalogus) {
      expect(e.requestHeaders['if-none-match']).toBeTruthy();
      expect(e.status).toBe(304);
    }
    expect(recorder.exchanges.slice(before).filter((e) => e.url.includes('/statussen/'))).toEqual([]);
    expect(dossier.zaken.every((z) => z.zaaktype && z.status)).toBe(true);
  });

  it('registers a klantcontact with betrokkene and actor, and never repeats a finished step', async () => {
    const adapter = new ZgwAdapter(connection(), medewerker, store.remoteCache);
    const log = memoryLog();
    const contact = {
      idempotencyKey: '2f6b3c5e-7d2a-4e8b-9c1d-0a1b2c3d4e5f',
      customer: { sourceUrl: bert.sourceUrl, bsn: bert.bsn, kvkNummer: null },
      kanaal: 'telefoon',
      onderwerp: 'Vraag over de parkeervergunning',
      inhoud: 'Belde over de wachttijd.',
      plaatsgevondenOp: new Date().toISOString(),
      medewerker,
    };
    const result = await adapter.pushContact(contact, log);
    expect(Object.keys(log.steps).filter((k) => !k.endsWith(':poging')).sort()).toEqual(['actor', 'actorklantcontact', 'betrokkene', 'klantcontact']);

    const before = recorder.exchanges.length;
    const again = await adapter.pushContact(contact, log);
    expect(again.sourceUrl).toBe(result.sourceUrl);
    expect(recorder.exchanges.slice(before).filter((e) => e.method === 'POST')).toEqual([]);

    const dossier = await adapter.fetchDossier({ sourceUrl: bert.sourceUrl, bsn: bert.bsn, kvkNummer: null });
    const mine = dossier.contacts.filter((c) => c.sourceUrl === result.sourceUrl);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kanaal: 'telefoon', onderwerp: 'Vraag over de parkeervergunning', medewerker: 'Bianca de Vries' });
  });

  it('creates the Actor of a medewerker Open Klant does not know yet, with the fields it requires', async () => {
    const nieuw = { id: 'nieuwe.collega', naam: 'Nieuwe Collega', email: 'nieuwe.collega@turfbrug.nl', functie: 'KCC-medewerker', telefoonnummer: '0512140512' };
    const adapter = new ZgwAdapter(connection(), nieuw, store.remoteCache);
    await adapter.pushContact(
      { idempotencyKey: '7c1a0c4e-0000-4000-8000-000000000001', customer: { sourceUrl: bert.sourceUrl, bsn: bert.bsn, kvkNummer: null }, kanaal: 'balie', onderwerp: 'Eerste contact van een nieuwe collega', inhoud: '', plaatsgevondenOp: new Date().toISOString(), medewerker: nieuw },
      memoryLog(),
    );
    const created = recorder.exchanges.find((e) => e.method === 'POST' && e.url.endsWith('/actoren'));
    expect(created?.status).toBe(201);
    expect(created?.requestBody).toMatchObject({ soortActor: 'medewerker', actorIdentificatie: { emailadres: nieuw.email, functie: 'KCC-medewerker', telefoonnummer: '0512140512' } });
  });

  it('sends the user in the ZGW JWT and Accept-Crs to the Zaken API, Token to Klantinteracties', () => {
    const zaken = recorder.exchanges.filter((e) => apiOf(e.url) === 'zaken');
    expect(zaken.length).toBeGreaterThan(0);
    for (const e of zaken) {
      expect(e.requestHeaders['accept-crs']).toBe('EPSG:4326');
      const token = e.requestHeaders.authorization?.replace(/^Bearer /, '') ?? '';
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
      expect(claims).toMatchObject({ iss: DEMO_CREDENTIALS.zgwClientId, client_id: DEMO_CREDENTIALS.zgwClientId, user_id: 'bianca.de.vries', user_representation: 'Bianca de Vries' });
    }
    for (const e of recorder.exchanges.filter((x) => apiOf(x.url) === 'klantinteracties')) {
      expect(e.requestHeaders.authorization).toBe(`Token ${DEMO_CREDENTIALS.klantinteractiesToken}`);
    }
  });

  it('maps refused credentials and invalid writes to clear errors of the right kind', async () => {
    const wrongToken = new ZgwAdapter(connection({ klantinteractiesToken: 'fout' }), medewerker, store.remoteCache);
    const refused = await wrongToken.listCustomers(() => {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RemoteError);
    // A static Token never gets better by retrying: the beheerder's to fix, not a retry loop.
    expect((refused as RemoteError).message).toMatch(/Open Klant weigert het Token \(HTTP 401\).*klantinteractiesToken/);
    expect((refused as RemoteError).kind).toBe('permanent');
    expect((refused as RemoteError).forBeheerder).toBe(true);

    const adapter = new ZgwAdapter(connection(), medewerker, store.remoteCache);
    const invalid = await adapter
      .pushContact(
        { idempotencyKey: 'k', customer: { sourceUrl: bert.sourceUrl, bsn: bert.bsn, kvkNummer: null }, kanaal: 'telefoon', onderwerp: 'x'.repeat(201), inhoud: '', plaatsgevondenOp: new Date().toISOString(), medewerker },
        memoryLog(),
      )
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(RemoteError);
    expect((invalid as RemoteError).kind).toBe('permanent');
    expect((invalid as RemoteError).invalidParams.map((p) => p.name)).toContainEqual(expect.stringMatching(/onderwerp$/));
  });

  it('goes offline cleanly when the zaaksysteem is unreachable', async () => {
    const adapter = new ZgwAdapter(connection({ klantinteractiesUrl: 'http://127.0.0.1:9/klantinteracties/api/v1', timeoutMs: 1000 }), medewerker, store.remoteCache);
    const error = await adapter.listCustomers(() => {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient', status: null, message: 'Het zaaksysteem is niet bereikbaar.' });
  });

  it('sent only spec-valid requests and accepted only spec-valid responses', () => {
    const checked = recorder.exchanges.filter((e) => e.url.startsWith(server.url));
    expect(checked.length).toBeGreaterThan(20);
    for (const e of checked) {
      const api = apiOf(e.url);
      // A request the server refused as invalid (the deliberate 201-character onderwerp above)
      // must be invalid by the spec too; every other request must be valid.
      if (e.requestBody !== undefined && e.status === 400) expect(() => expectValidRequest(api, e.method, e.url, e.requestBody)).toThrow(/voldoet niet/);
      else if (e.requestBody !== undefined) expectValidRequest(api, e.method, e.url, e.requestBody);
      if (e.status !== 304) expectValidAgainstSpec(api, e.method, e.url, e.status, e.responseBody);
    }
  });
});

export type { Exchange };
