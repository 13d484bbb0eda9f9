/**
 * Older servers that silently differ (issue 11): an Open Klant without metadata is refused before
 * anything is written; 2.16-2.17's 100-character metadata is respected; identificator filters a
 * server ignores are checked again here; an Open Zaak without `pageSize` is read without it; a
 * refused JWT is signed anew once, then reported. The real demo, its answers altered on the way.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_CREDENTIALS, startDemoServer, type DemoServer } from '../../../src/demo';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import { ApiClient } from '../../../src/main/core/adapters/zgw/http';
import { RemoteError, type OutgoingContact } from '../../../src/main/core/adapters/types';
import { Store } from '../../../src/main/core/store';
import { memoryLog } from '../../support/step-log';
import { demoConnection } from '../../support/sync-rig';
import { tempDir } from '../../support/tmp';

const BERT_BSN = '999993653';
const medewerker = { id: 'bianca.de.vries', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl' };

let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let store: Store;
let bert: { sourceUrl: string; bsn: string; kvkNummer: null };
const sent: { method: string; url: string; body: unknown }[] = [];

/** Passes every request on to the demo, after `alter` may change the URL or answer instead. */
function alterFetch(alter: (url: URL, init: RequestInit | undefined) => { url?: URL; response?: Response; apiVersion?: string } | undefined): void {
  const original = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(String(input));
    const change = alter(url, init) ?? {};
    sent.push({ method: init?.method ?? 'GET', url: String(change.url ?? url), body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    if (change.response) return change.response;
    const response = await original(String(change.url ?? url), init);
    if (!change.apiVersion) return response;
    const headers = new Headers(response.headers);
    headers.set('API-version', change.apiVersion);
    return new Response(await response.arrayBuffer(), { status: response.status, headers });
  });
}

const adapter = () => new ZgwAdapter(demoConnection(server, { timeoutMs: 10_000 }), medewerker, store.remoteCache);
const contact = (key: string): OutgoingContact => ({
  idempotencyKey: key,
  customer: bert,
  kanaal: 'telefoon',
  onderwerp: 'Versietest',
  inhoud: '',
  plaatsgevondenOp: new Date().toISOString(),
  medewerker,
  gespreksresultaat: 'zelfstandig_afgehandeld',
  kennisartikelen: Array.from({ length: 12 }, (_, i) => ({ id: `artikel-${String(i).padStart(3, '0')}`, titel: 'Artikel' })),
});

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  store = Store.open(join(dir.path, 'kb.sqlite'));
  const [found] = await adapter().searchCustomers({ kind: 'bsn', value: BERT_BSN });
  bert = { sourceUrl: found!.sourceUrl, bsn: BERT_BSN, kvkNummer: null };
});
afterEach(() => {
  vi.restoreAllMocks();
  sent.length = 0;
});
afterAll(async () => {
  store.close();
  await server.close();
  dir.remove();
});

describe('an Open Klant that silently differs', () => {
  it('before 2.16 (no metadata): nothing is written, and the beheerder is told', async () => {
    alterFetch((url) => (url.pathname.startsWith('/klantinteracties') ? { apiVersion: '0.6.0' } : undefined));
    const error = await adapter()
      .pushContact(contact('8a3b9d7e-1f2c-4d5e-8a9b-0c1d2e3f4a61'), memoryLog())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ kind: 'permanent', forBeheerder: true, message: expect.stringMatching(/Open Klant is te oud.*0\.6\.0.*2\.16/) });
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('2.16-2.17: metadata values within 100 characters (kennisartikelen by whole ids)', async () => {
    alterFetch((url) => (url.pathname.startsWith('/klantinteracties') ? { apiVersion: '0.8.0' } : undefined));
    await adapter().pushContact(contact('8a3b9d7e-1f2c-4d5e-8a9b-0c1d2e3f4a62'), memoryLog());
    const post = sent.find((r) => r.method === 'POST' && /maak-klantcontact|klantcontacten$/.test(r.url));
    const metadata = ((post!.body as { klantcontact?: { metadata: Record<string, string> } }).klantcontact?.metadata ?? (post!.body as { metadata: Record<string, string> }).metadata);
    expect(Object.values(metadata).every((v) => v.length <= 100)).toBe(true);
    expect(metadata.kennisartikelen).toMatch(/^artikel-000(,artikel-\d{3})*$/);
  });

  it('a dossier filter the server ignores (before 2.4) still shows only this customer’s contacts', async () => {
    const honest = (await adapter().fetchDossier(bert)).contacts.map((c) => c.sourceUrl).sort();
    alterFetch((url) => {
      if (!url.searchParams.has('hadBetrokkene__wasPartij__uuid')) return undefined;
      const everyone = new URL(url);
      everyone.searchParams.delete('hadBetrokkene__wasPartij__uuid');
      return { url: everyone };
    });
    const read = (await adapter().fetchDossier(bert)).contacts.map((c) => c.sourceUrl);
    // Everyone's contacts came back (the first pages of them): only Bert's are kept.
    expect(sent.some((r) => new URL(r.url).pathname.endsWith('/klantcontacten'))).toBe(true);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((url) => !honest.includes(url))).toEqual([]);
  });

  it('a BSN search the server does not filter finds only that person', async () => {
    alterFetch((url) => {
      if (!url.searchParams.has('partijIdentificator__objectId')) return undefined;
      const everyone = new URL(url);
      everyone.searchParams.delete('partijIdentificator__objectId');
      everyone.searchParams.delete('partijIdentificator__codeSoortObjectId');
      return { url: everyone };
    });
    const found = await adapter().searchCustomers({ kind: 'bsn', value: BERT_BSN });
    expect(found.map((c) => c.sourceUrl)).toEqual([bert.sourceUrl]);
  });
});

describe('Open Zaak', () => {
  it('before 1.15 (no pageSize, refused as an unknown parameter): read without it from then on', async () => {
    alterFetch((url) =>
      url.pathname.startsWith('/zaken') && url.searchParams.has('pageSize')
        ? {
            response: new Response(
              JSON.stringify({ code: 'invalid', title: 'Invalid input.', status: 400, invalidParams: [{ name: 'nonFieldErrors', code: 'unknown-parameters', reason: 'Onbekende query parameters: pageSize' }] }),
              { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
            ),
          }
        : undefined,
    );
    const a = adapter();
    expect((await a.fetchDossier(bert)).zaken.length).toBeGreaterThan(0);
    const zaken = sent.filter((r) => new URL(r.url).pathname.endsWith('/zaken/api/v1/zaken'));
    expect(zaken.map((r) => new URL(r.url).searchParams.has('pageSize'))).toEqual([true, false]);
    await a.fetchDossier(bert);
    expect(sent.filter((r) => new URL(r.url).pathname.endsWith('/zaken/api/v1/zaken')).map((r) => new URL(r.url).searchParams.has('pageSize'))).toEqual([true, false, false]);
  });

  it('a refused JWT is signed anew and retried; refused again, it is the beheerder’s to fix', async () => {
    let refusals = 2;
    alterFetch(() =>
      refusals-- > 0
        ? { response: new Response(JSON.stringify({ code: 'not_authenticated', title: 'Niet geautoriseerd.', status: 401 }), { status: 401, headers: { 'Content-Type': 'application/problem+json' } }) }
        : undefined,
    );
    const client = new ApiClient(`${server.url}/zaken/api/v1`, { kind: 'zgw-jwt', clientId: DEMO_CREDENTIALS.zgwClientId, secret: DEMO_CREDENTIALS.zgwSecret, userId: 'u', userRepresentation: 'U' }, 5_000, true);
    const first = await client.request(client.url('/zaken?pageSize=1')).catch((e: unknown) => e);
    expect(first).toMatchObject({ kind: 'transient', status: 401 });
    const second = await client.request(client.url('/zaken?pageSize=1')).catch((e: unknown) => e);
    expect(second).toMatchObject({ kind: 'permanent', status: 401, forBeheerder: true, message: expect.stringMatching(/zgwClientId en zgwSecret/) });
    // A later success forgets the refusal: the next 401 is again one of a token's age.
    expect((await client.request(client.url('/zaken?pageSize=1'))).status).toBe(200);
  });
});
