/**
 * The demo zaaksysteem's Documenten API subset and the zaakinformatieobjecten on the Zaken side,
 * every body validated against the official specs; then the ZGW adapter's identify and zaak
 * detail calls against it (issue 3).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PATHS, startDemoServer, type DemoServer } from '../../../src/demo';
import { simplePdf } from '../../../src/demo/api/documenten/seed';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import { Store } from '../../../src/main/core/store';
import { expectValidAgainstSpec } from '../../support/spec-validator';
import { tempDir } from '../../support/tmp';
import { zgwToken } from './helpers';

const BERT_BSN = '999993653';
let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let store: Store;

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  store = Store.open(join(dir.path, 'kb.sqlite'));
});
afterAll(async () => {
  store?.close();
  await server?.close();
  dir?.remove();
});

async function get(api: 'zaken' | 'documenten', path: string): Promise<{ status: number; body: unknown; headers: Headers }> {
  const url = path.startsWith('http') ? path : `${server.url}${DEMO_PATHS[api]}${path}`;
  const headers: Record<string, string> = { Authorization: `Bearer ${await zgwToken()}`, Accept: 'application/json' };
  if (api === 'zaken') headers['Accept-Crs'] = 'EPSG:4326';
  const res = await fetch(url, { headers });
  const text = await res.text();
  const body = res.headers.get('content-type')?.includes('json') && text ? (JSON.parse(text) as unknown) : text;
  if (res.headers.get('content-type')?.includes('json')) expectValidAgainstSpec(api, 'get', url, res.status, body);
  return { status: res.status, body, headers: res.headers };
}

async function bertZaken(): Promise<{ url: string; identificatie: string; omschrijving: string }[]> {
  const r = await get('zaken', `/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${BERT_BSN}`);
  return (r.body as { results: { url: string; identificatie: string; omschrijving: string }[] }).results;
}

describe('demo Documenten API', () => {
  it('links documents to Bert Burger\'s zaken, with title, date and vertrouwelijkheid', async () => {
    const dakkapel = (await bertZaken()).find((z) => z.omschrijving.includes('Dakkapel'));
    expect(dakkapel).toBeDefined();
    const links = await get('zaken', `/zaakinformatieobjecten?zaak=${encodeURIComponent(dakkapel!.url)}`);
    expect(links.status).toBe(200);
    const list = links.body as { informatieobject: string; url: string; zaak: string }[];
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(4);
    expect(list.every((l) => l.zaak === dakkapel!.url)).toBe(true);
    const detail = await get('zaken', list[0]!.url);
    expect(detail.status).toBe(200);

    const docs = await Promise.all(list.map((l) => get('documenten', l.informatieobject)));
    const titels = docs.map((d) => (d.body as { titel: string }).titel);
    expect(titels).toContain('Aanvraagformulier omgevingsvergunning dakkapel');
    const aanvraag = docs.map((d) => d.body as Record<string, unknown>).find((d) => d.titel === 'Aanvraagformulier omgevingsvergunning dakkapel')!;
    expect(aanvraag).toMatchObject({ formaat: 'application/pdf', vertrouwelijkheidaanduiding: 'zaakvertrouwelijk', creatiedatum: '2026-10-05' });
    expect(docs[0]!.headers.get('etag')).toBeTruthy();

    const download = await fetch(`${aanvraag.url as string}/download`, { headers: { Authorization: `Bearer ${await zgwToken()}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toMatch(/attachment/);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(bytes.length).toBe(aanvraag.bestandsomvang);
  });

  it('lists, filters and refuses without a token', async () => {
    const page = await get('documenten', '/enkelvoudiginformatieobjecten?pageSize=5');
    expect(page.status).toBe(200);
    expect((page.body as { count: number }).count).toBeGreaterThan(800);
    const missing = await get('documenten', '/enkelvoudiginformatieobjecten/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    const anonymous = await fetch(`${server.url}${DEMO_PATHS.documenten}/enkelvoudiginformatieobjecten`);
    expect(anonymous.status).toBe(403);
  });

  it('writes a well-formed PDF (xref offsets point at the objects)', () => {
    const pdf = simplePdf(['Titel', 'Regel (met haakjes)']).toString('latin1');
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...pdf.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((o, i) => expect(pdf.slice(o, o + 8)).toBe(`${i + 1} 0 obj\n`));
  });
});

describe('the ZGW adapter: identify and zaak detail', () => {
  const adapter = () =>
    new ZgwAdapter(
      {
        kind: 'zgw', label: 'Demo', zakenUrl: `${server.url}${DEMO_PATHS.zaken}`, catalogiUrl: `${server.url}${DEMO_PATHS.catalogi}`,
        klantinteractiesUrl: `${server.url}${DEMO_PATHS.klantinteracties}`, zgwClientId: DEMO_CREDENTIALS.zgwClientId, zgwSecret: DEMO_CREDENTIALS.zgwSecret,
        klantinteractiesToken: DEMO_CREDENTIALS.klantinteractiesToken, bronorganisatie: '002220647', timeoutMs: 10_000, pageSize: 100,
      },
      { id: 'bianca.de.vries', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl' },
      store.remoteCache,
    );

  it('finds Bert Burger by BSN, by phone number in another notation and by e-mail', async () => {
    const a = adapter();
    const byBsn = await a.searchCustomers({ kind: 'bsn', value: BERT_BSN });
    expect(byBsn.map((r) => r.naam)).toEqual(['Bert Burger']);
    expect(byBsn[0]).toMatchObject({ postcode: '8441BB', huisnummer: 12 });
    expect((await a.searchCustomers({ kind: 'telefoon', value: '+31612345678' })).map((r) => r.naam)).toContain('Bert Burger');
    expect((await a.searchCustomers({ kind: 'email', value: 'bert.burger@example.nl' })).map((r) => r.naam)).toEqual(['Bert Burger']);
    expect(await a.searchCustomers({ kind: 'telefoon', value: '+31699999999' })).toEqual([]);
  });

  it('fetches a zaak with statushistorie, rollen and documents, and a document\'s content', async () => {
    const dakkapel = (await bertZaken()).find((z) => z.omschrijving.includes('Dakkapel'))!;
    const detail = await adapter().fetchZaakDetail(dakkapel.url);
    expect(detail.identificatie).toBe(dakkapel.identificatie);
    expect(detail.statussen.length).toBeGreaterThanOrEqual(2);
    expect(detail.statussen[0]!.datum >= detail.statussen.at(-1)!.datum).toBe(true);
    expect(detail.rollen.map((r) => r.naam)).toContain('Bert Burger');
    expect(detail.documenten.map((d) => d.titel)).toContain('Bouwtekening dakkapel voorzijde');
    const txt = detail.documenten.find((d) => d.formaat === 'text/plain')!;
    const content = await adapter().fetchDocumentContent(txt.url);
    expect(content.bytes.toString('utf8')).toMatch(/Gemeente Turfbrug/);
    await expect(adapter().fetchDocumentContent('http://elders.example/documenten/api/v1/enkelvoudiginformatieobjecten/x')).rejects.toThrow(/Documenten API/);
  });
});
