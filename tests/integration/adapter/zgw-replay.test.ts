/**
 * Every request the ZGW adapter can send to Open Zaak's Zaken, Catalogi and Documenten APIs,
 * replayed against the strict demo zaaksysteem with Klantbeeld's own autorisaties: starting a
 * zaak with its rol and status (and the look-ups after lost responses), the zaaktypen, a
 * person's and an organisation's zaken, a zaak's detail and its documents. Any 4xx fails, and so
 * does a query parameter, a body or a response the official specs do not declare.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DEMO_PATHS, startDemoServer, type DemoServer } from '../../../src/demo';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import { Store } from '../../../src/main/core/store';
import { expectValidAgainstSpec, expectValidRequest, loadSpec, specPath, type SpecApi } from '../../support/spec-validator';
import { demoConnection } from '../../support/sync-rig';
import { memoryLog } from '../../support/step-log';
import { tempDir } from '../../support/tmp';

const BERT_BSN = '999993653';
const medewerker = { id: 'bianca.de.vries', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl' };
const ZGW_APIS = ['zaken', 'catalogi', 'documenten'] as const;

interface Sent { api: SpecApi; method: string; url: string; body: unknown; status: number; response: unknown }

let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let store: Store;
const sent: Sent[] = [];

function apiOf(url: string): (typeof ZGW_APIS)[number] | null {
  const path = new URL(url).pathname;
  return ZGW_APIS.find((api) => path.startsWith(DEMO_PATHS[api])) ?? null;
}

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  store = Store.open(join(dir.path, 'kb.sqlite'));
  const original = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const response = await original(input, init);
    const api = apiOf(String(input));
    if (api) {
      const json = response.headers.get('content-type')?.includes('json');
      const text = json ? await response.clone().text() : '';
      sent.push({
        api,
        method: (init?.method ?? 'GET').toUpperCase(),
        url: String(input),
        body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
        status: response.status,
        response: text ? (JSON.parse(text) as unknown) : undefined,
      });
    }
    return response;
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  store.close();
  await server.close();
  dir.remove();
});

/** The query parameters the spec declares for this operation (path-level and operation-level). */
function declaredQuery(api: SpecApi, method: string, url: string): Set<string> {
  const item = loadSpec(api).paths[specPath(api, url)] as Record<string, unknown>;
  const params = [...((item.parameters as unknown[] | undefined) ?? []), ...(((item[method.toLowerCase()] as Record<string, unknown> | undefined)?.parameters as unknown[] | undefined) ?? [])];
  return new Set(params.flatMap((p) => ((p as { in?: string }).in === 'query' ? [(p as { name: string }).name] : [])));
}

it('sends Open Zaak only requests it accepts, for every feature', async () => {
  const adapter = new ZgwAdapter(demoConnection(server, { timeoutMs: 10_000 }), medewerker, store.remoteCache);

  // The zaaktypen picker.
  const zaaktypen = await adapter.listZaaktypen();
  const mor = zaaktypen.find((zt) => zt.identificatie === 'MOR')!;

  // Starting a zaak, with every look-up after a lost response on the way.
  const zaak = {
    idempotencyKey: 'b0000000-0000-4000-8000-000000000001',
    customer: { sourceUrl: 'https://example.invalid/partijen/x', bsn: BERT_BSN, kvkNummer: null },
    zaaktypeUrl: mor.url,
    omschrijving: 'Losliggende stoeptegels',
    startdatum: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date()),
    kanaal: 'telefoon',
  };
  const log = memoryLog();
  for (const path of [/\/zaken$/, /\/rollen$/, /\/statussen$/]) {
    server.faults.add({ method: 'POST', path, fault: { kind: 'drop-after-commit' }, times: 1 });
    await adapter.pushZaak(zaak, log).catch(() => undefined);
  }
  const started = await adapter.pushZaak(zaak, log);
  // An organisation as initiator.
  const kvk = server.db.prepare('SELECT kvk_nummer FROM rol WHERE kvk_nummer IS NOT NULL LIMIT 1').pluck().get() as string;
  await adapter.pushZaak({ ...zaak, idempotencyKey: 'b0000000-0000-4000-8000-000000000002', customer: { sourceUrl: 'https://example.invalid/partijen/y', bsn: null, kvkNummer: kvk } }, memoryLog());

  // A person's and an organisation's zaken in the dossier.
  const dossier = await adapter.fetchDossier({ sourceUrl: 'https://example.invalid/partijen/00000000-0000-4000-8000-000000000000', bsn: BERT_BSN, kvkNummer: null });
  expect(dossier.zaken.some((z) => z.sourceUrl === started.sourceUrl)).toBe(true);
  await adapter.fetchDossier({ sourceUrl: 'https://example.invalid/partijen/00000000-0000-4000-8000-000000000001', bsn: null, kvkNummer: kvk });

  // A zaak's detail with its documents, and a document's content (text and PDF).
  const dakkapel = server.db.prepare("SELECT uuid FROM zaak WHERE omschrijving LIKE '%akkapel%' AND id IN (SELECT zaak_id FROM rol WHERE inp_bsn = ?)").pluck().get(BERT_BSN) as string;
  const detail = await adapter.fetchZaakDetail(`${server.url}${DEMO_PATHS.zaken}/zaken/${dakkapel}`);
  for (const formaat of ['text/plain', 'application/pdf']) {
    const doc = detail.documenten.find((d) => d.formaat === formaat)!;
    expect((await adapter.fetchDocumentContent(doc.url)).bytes.length).toBeGreaterThan(0);
  }
  await adapter.fetchZaakDetail(started.sourceUrl);

  const refused = sent.filter((s) => s.status >= 400 && s.status < 500).map((s) => `${s.method} ${s.url} → ${s.status} ${JSON.stringify(s.response)}`);
  expect(refused).toEqual([]);
  const undeclared = sent.flatMap((s) => {
    const declared = declaredQuery(s.api, s.method, s.url);
    return [...new URL(s.url).searchParams.keys()].filter((name) => !declared.has(name)).map((name) => `${s.method} ${specPath(s.api, s.url)}: ${name}`);
  });
  expect([...new Set(undeclared)]).toEqual([]);
  for (const s of sent) {
    if (s.body !== undefined) expectValidRequest(s.api, s.method, s.url, s.body);
    if (s.response !== undefined) expectValidAgainstSpec(s.api, s.method, s.url, s.status, s.response);
  }
  // Every kind of request was made.
  const kinds = new Set(sent.map((s) => `${s.method} ${specPath(s.api, s.url)}`));
  for (const k of ['GET /zaaktypen', 'GET /roltypen', 'GET /statustypen', 'POST /zaken', 'POST /rollen', 'POST /statussen', 'GET /zaken', 'GET /rollen', 'GET /statussen',
    'GET /zaken/{uuid}', 'GET /zaakinformatieobjecten', 'GET /enkelvoudiginformatieobjecten/{uuid}', 'GET /enkelvoudiginformatieobjecten/{uuid}/download']) {
    expect(kinds).toContain(k);
  }
});
