/**
 * Writes from the contact form against the real demo zaaksysteem over HTTP: a zaak with its
 * initiator rol and first status (resumable), the zaaktypen list, a klantcontact carrying
 * gespreksresultaat/afdeling and a linked zaak, and an unknown caller without partij. Every
 * exchange is validated against the official OpenAPI specs.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PATHS, startDemoServer, type DemoServer } from '../../../src/demo';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import type { ZgwConnection } from '../../../src/main/core/config/schema';
import { Store } from '../../../src/main/core/store';
import { recordFetch } from '../../support/recording-fetch';
import { expectValidAgainstSpec, expectValidRequest, type SpecApi } from '../../support/spec-validator';
import { memoryLog } from '../../support/step-log';
import { demoConnection } from '../../support/sync-rig';
import { tempDir } from '../../support/tmp';
import { checkSpecTraffic } from '../../support/spec-traffic';

const BERT_BSN = '999993653';
const medewerker = { id: 'bianca.de.vries', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl' };

let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let store: Store;
let recorder: ReturnType<typeof recordFetch>;
let adapter: ZgwAdapter;
let bertUrl: string;

function connection(): ZgwConnection {
  return demoConnection(server, { timeoutMs: 10_000 });
}

function apiOf(url: string): SpecApi {
  for (const api of ['zaken', 'catalogi', 'klantinteracties'] as const) if (new URL(url).pathname.startsWith(DEMO_PATHS[api])) return api;
  throw new Error(`unknown API for ${url}`);
}

async function get(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${path}`, {
    headers: { Authorization: `Token ${DEMO_CREDENTIALS.klantinteractiesToken}`, Accept: 'application/json' },
  });
  return (await response.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  store = Store.open(join(dir.path, 'kb.sqlite'));
  recorder = recordFetch();
  adapter = new ZgwAdapter(connection(), medewerker, store.remoteCache);
  const partijen = await get(`${DEMO_PATHS.klantinteracties}/partijen?partijIdentificator__codeSoortObjectId=bsn&partijIdentificator__objectId=${BERT_BSN}`);
  bertUrl = String((partijen.results as { url: string }[])[0]!.url);
});
afterAll(async () => {
  recorder.restore();
  store.close();
  await server.close();
  dir.remove();
});
// Every request the demo receives (the adapter's and the tests' own) is checked against the specs.
checkSpecTraffic(() => server);

describe('writes from the contact form', () => {
  let zaakUrl = '';

  it('lists the published zaaktypen, sorted by name', async () => {
    const list = await adapter.listZaaktypen();
    expect(list.length).toBeGreaterThan(5);
    expect(list.map((z) => z.omschrijving)).toEqual([...list.map((z) => z.omschrijving)].sort((a, b) => a.localeCompare(b, 'nl')));
    expect(list.every((z) => z.url.startsWith(server.url))).toBe(true);
  });

  it('starts a zaak: zaak, initiator rol (inpBsn) and first status; a retry repeats nothing', async () => {
    const zaaktype = (await adapter.listZaaktypen()).find((z) => /parkeer/i.test(z.omschrijving))!;
    const log = memoryLog();
    const zaak = {
      idempotencyKey: '6a3b9d7e-1f2c-4d5e-8a9b-0c1d2e3f4a5b',
      customer: { sourceUrl: bertUrl, bsn: BERT_BSN, kvkNummer: null },
      zaaktypeUrl: zaaktype.url,
      omschrijving: 'Bewonersvergunning tweede auto',
      startdatum: '2026-11-28',
      kanaal: 'telefoon',
    };
    const result = await adapter.pushZaak(zaak, log);
    expect(result.identificatie).toMatch(/^ZAAK-\d{4}-\d{7}$/);
    expect(Object.keys(log.steps)).toEqual(expect.arrayContaining(['zaak', 'zaak:identificatie', 'rol', 'status']));
    zaakUrl = result.sourceUrl;

    const before = recorder.exchanges.length;
    const again = await adapter.pushZaak(zaak, log);
    expect(again).toEqual(result);
    expect(recorder.exchanges.slice(before).filter((e) => e.method === 'POST')).toEqual([]);

    const posted = recorder.exchanges.filter((e) => e.method === 'POST' && e.url.startsWith(`${server.url}${DEMO_PATHS.zaken}`));
    expect(posted.map((e) => new URL(e.url).pathname.split('/').at(-1))).toEqual(['zaken', 'rollen', 'statussen']);
    expect(posted[0]!.requestHeaders['content-crs']).toBe('EPSG:4326');
    expect(posted[0]!.requestHeaders['accept-crs']).toBe('EPSG:4326');
    expect(posted[1]!.requestBody).toMatchObject({ betrokkeneType: 'natuurlijk_persoon', betrokkeneIdentificatie: { inpBsn: BERT_BSN } });
  });

  it('resumes a zaak after a failed step (the rol is sent once, the zaak not again)', async () => {
    const zaaktype = (await adapter.listZaaktypen())[0]!;
    const log = memoryLog();
    const zaak = {
      idempotencyKey: '7a3b9d7e-1f2c-4d5e-8a9b-0c1d2e3f4a5c',
      customer: { sourceUrl: bertUrl, bsn: BERT_BSN, kvkNummer: null },
      zaaktypeUrl: zaaktype.url,
      omschrijving: 'Tweede poging',
      startdatum: '2026-11-28',
      kanaal: null,
    };
    // The rol fails after the zaak was made; then a crash lost the zaak's identificatie line: only its step is in the log.
    server.faults.add({ method: 'POST', path: /\/rollen$/, fault: { kind: 'status', status: 503 }, times: 1 });
    await expect(adapter.pushZaak(zaak, log)).rejects.toThrow(/503/);
    const first = log.steps['zaak:identificatie'];
    const partial = memoryLog();
    partial.record('zaak', log.steps.zaak);
    const before = recorder.exchanges.length;
    const resumed = await adapter.pushZaak(zaak, partial);
    expect(resumed.sourceUrl).toBe((log.steps.zaak as { url: string }).url);
    expect(resumed.identificatie).toBe(first); // read back when its log line was lost
    const posts = recorder.exchanges.slice(before).filter((e) => e.method === 'POST').map((e) => new URL(e.url).pathname.split('/').at(-1));
    expect(posts).toEqual(['rollen', 'statussen']);
  });

  it('registers a klantcontact with gespreksresultaat, afdeling and the zaak as onderwerpobject', async () => {
    const log = memoryLog();
    const zaakUuid = zaakUrl.split('/').at(-1)!;
    const result = await adapter.pushContact(
      {
        idempotencyKey: '8a3b9d7e-1f2c-4d5e-8a9b-0c1d2e3f4a5d',
        customer: { sourceUrl: bertUrl, bsn: BERT_BSN, kvkNummer: null },
        kanaal: 'telefoon',
        onderwerp: 'Bewonersvergunning aangevraagd',
        inhoud: 'Zaak gestart.',
        plaatsgevondenOp: new Date().toISOString(),
        medewerker,
        gespreksresultaat: 'zaak_aangemaakt',
        afdeling: 'Parkeren',
        zaakUuids: [zaakUuid],
      },
      log,
    );
    expect(result.record).toMatchObject({ gespreksresultaat: 'zaak_aangemaakt', afdeling: 'Parkeren' });
    const kc = await get(`${new URL(result.sourceUrl).pathname}?expand=gingOverOnderwerpobjecten`);
    expect(kc.metadata).toMatchObject({ gespreksresultaat: 'zaak_aangemaakt', afdeling: 'Parkeren' });
    const list = await get(`${DEMO_PATHS.klantinteracties}/klantcontacten?onderwerpobject__onderwerpobjectidentificatorObjectId=${zaakUuid}`);
    expect((list.results as { url: string }[]).map((k) => k.url)).toEqual([result.sourceUrl]);
  });

  it('an unknown caller: betrokkene without partij, contactnaam, the number as digitaal adres', async () => {
    const log = memoryLog();
    const result = await adapter.pushContact(
      {
        idempotencyKey: '9a3b9d7e-1f2c-4d5e-8a9b-0c1d2e3f4a5e',
        customer: null,
        kanaal: 'telefoon',
        onderwerp: 'Openingstijden stadhuis',
        inhoud: '',
        plaatsgevondenOp: new Date().toISOString(),
        medewerker,
        gespreksresultaat: 'zelfstandig_afgehandeld',
        beller: { naam: 'Jan de Beller', nummer: '0612345670' },
      },
      log,
    );
    const uuid = result.sourceUrl.split('/').at(-1)!;
    const betrokkenen = await get(`${DEMO_PATHS.klantinteracties}/betrokkenen?hadKlantcontact__uuid=${uuid}`);
    const [b] = betrokkenen.results as Record<string, unknown>[];
    expect(b).toMatchObject({ wasPartij: null, contactnaam: { voornaam: 'Jan de', achternaam: 'Beller' } });
    const adressen = await get(`${DEMO_PATHS.klantinteracties}/digitaleadressen?verstrektDoorBetrokkene__uuid=${String(b!.uuid)}`);
    expect((adressen.results as Record<string, unknown>[])[0]).toMatchObject({ adres: '0612345670', soortDigitaalAdres: 'telefoonnummer' });
  });

  it('sent only spec-valid requests and accepted only spec-valid responses', () => {
    const checked = recorder.exchanges.filter((e) => e.url.startsWith(server.url) && e.status < 400);
    expect(checked.length).toBeGreaterThan(15);
    for (const e of checked) {
      const api = apiOf(e.url);
      if (e.requestBody !== undefined) expectValidRequest(api, e.method, e.url, e.requestBody);
      if (e.status !== 304) expectValidAgainstSpec(api, e.method, e.url, e.status, e.responseBody);
    }
  });
});
