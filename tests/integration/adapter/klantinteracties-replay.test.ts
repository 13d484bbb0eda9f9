/**
 * Every request the adapter can send to Klantinteracties, replayed against the strict demo
 * (unknown query parameters, nested expand, phone pattern, medewerker fields, metadata as Open
 * Klant 2.18 refuses them): contacts, callbacks, their changes and attempts, look-ups, reads and
 * searches. Any 4xx fails the suite; every request body is checked against the official spec.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PATHS, startDemoServer, type DemoServer } from '../../../src/demo';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import type { OutgoingContact } from '../../../src/main/core/adapters/types';
import { Store } from '../../../src/main/core/store';
import { recordFetch } from '../../support/recording-fetch';
import { expectValidRequest } from '../../support/spec-validator';
import { memoryLog } from '../../support/step-log';
import { demoConnection } from '../../support/sync-rig';
import { tempDir } from '../../support/tmp';

const BERT_BSN = '999993653';
/** A medewerker the demo does not know yet and without a phone number: no actorIdentificatie is sent. */
const medewerker = { id: 'nieuwe.collega', naam: 'Nieuwe Collega', email: 'nieuwe.collega@turfbrug.nl' };
const KI = DEMO_PATHS.klantinteracties;

let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let store: Store;
let recorder: ReturnType<typeof recordFetch>;
let adapter: ZgwAdapter;
let bert: { sourceUrl: string; bsn: string; kvkNummer: null };

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${KI}${path}`, {
    method,
    headers: { Authorization: `Token ${DEMO_CREDENTIALS.klantinteractiesToken}`, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const contact = (key: string, extra: Partial<OutgoingContact> = {}): OutgoingContact => ({
  idempotencyKey: key,
  customer: bert,
  kanaal: 'telefoon',
  onderwerp: 'Afvalpas kwijt',
  inhoud: 'Nieuwe pas aangevraagd.',
  plaatsgevondenOp: new Date().toISOString(),
  medewerker,
  gespreksresultaat: 'zelfstandig_afgehandeld',
  afdeling: 'PZ',
  kennisartikelen: [{ id: 'afvalpas', titel: 'Afvalpas' }],
  antwoordGevonden: true,
  ...extra,
});

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  store = Store.open(join(dir.path, 'kb.sqlite'));
  adapter = new ZgwAdapter(demoConnection(server, { timeoutMs: 10_000 }), medewerker, store.remoteCache);
  const [found] = await adapter.searchCustomers({ kind: 'bsn', value: BERT_BSN });
  bert = { sourceUrl: found!.sourceUrl, bsn: BERT_BSN, kvkNummer: null };
  recorder = recordFetch();
});
afterAll(async () => {
  recorder.restore();
  store.close();
  await server.close();
  dir.remove();
});

describe('every Klantinteracties request of the adapter, against the strict demo', () => {
  let zaakUuid = '';
  let taakUrl = '';

  it('a contact: klantcontact with metadata, betrokkene, a new medewerker without phone number, linked zaak (as zaak and zgw-Zaak)', async () => {
    const [zaak] = (await adapter.fetchDossier(bert)).zaken;
    zaakUuid = zaak!.sourceUrl.split('/').at(-1)!;
    const result = await adapter.pushContact(contact('7a3b9d7e-1f2c-4d5e-8a9b-0c1d2e3f4a51', { zaakUuids: [zaakUuid] }), memoryLog());
    const kcUuid = result.sourceUrl.split('/').at(-1)!;
    const actoren = await api('GET', `/actoren?actoridentificatorObjectId=${encodeURIComponent(medewerker.email)}`);
    expect((actoren.body.results as unknown[]).length).toBe(1);
    const links = await api('GET', `/onderwerpobjecten?klantcontact__uuid=${kcUuid}`);
    const codes = (links.body.results as { onderwerpobjectidentificator: { codeObjecttype: string; codeRegister: string; codeSoortObjectId: string } }[]).map(
      (o) => `${o.onderwerpobjectidentificator.codeObjecttype}/${o.onderwerpobjectidentificator.codeRegister}/${o.onderwerpobjectidentificator.codeSoortObjectId}`,
    );
    expect(codes.sort()).toEqual(['zaak/openzaak/uuid', 'zgw-Zaak/openzaak/uuid']);
    // Read back as the one zaak it is.
    const read = (await adapter.fetchDossier(bert)).contacts.find((c) => c.sourceUrl === result.sourceUrl);
    expect(read?.zaakIdentificaties).toEqual([zaak!.identificatie]);
  });

  it('an unknown caller: the number as typed (06-…) is sent as Open Klant stores it', async () => {
    const result = await adapter.pushContact(contact('7a3b9d7e-1f2c-4d5e-8a9b-0c1d2e3f4a52', { customer: null, beller: { naam: 'Jan de Beller', nummer: '06-12345678' } }), memoryLog());
    const betrokkenen = await api('GET', `/betrokkenen?hadKlantcontact__uuid=${result.sourceUrl.split('/').at(-1)!}`);
    const [b] = betrokkenen.body.results as { uuid: string }[];
    const adressen = await api('GET', `/digitaleadressen?verstrektDoorBetrokkene__uuid=${b!.uuid}`);
    expect((adressen.body.results as { adres: string }[]).map((a) => a.adres)).toEqual(['0612345678']);
  });

  it('a callback with numbers in every format, its changes and an attempt; the work queue shows who to call', async () => {
    const log = memoryLog();
    const made = await adapter.pushCallback(
      {
        contact: contact('7a3b9d7e-1f2c-4d5e-8a9b-0c1d2e3f4a53'),
        vraag: 'Contact opnemen met betrokkene',
        toelichting: 'Graag voor vijf uur.',
        toegewezenAan: [{ soort: 'groep', code: 'KCC' }],
        telefoonnummers: ['06-87654321', '+31 (0)512 140 512'],
        emailadressen: ['bert@example.nl'],
      },
      log,
    );
    taakUrl = made.sourceUrl;
    await adapter.patchTaak({ taakUrl, actoren: [{ soort: 'afdeling', code: 'PZ' }], regel: 'Doorgezet naar Publiekszaken.' }, memoryLog());
    await adapter.pushAttempt(
      contact('7a3b9d7e-1f2c-4d5e-8a9b-0c1d2e3f4a54', { poging: { interneTaakUuid: taakUrl.split('/').at(-1)!, uitkomst: 'niet_bereikt', gelukt: false } }),
      memoryLog(),
    );
    expect((await adapter.listAttempts(taakUrl)).map((a) => a.uitkomst)).toEqual(['niet_bereikt']);

    const queue = await adapter.listWorkQueue([{ soort: 'afdeling', code: 'PZ' }]);
    const mine = queue.find((c) => c.sourceUrl === taakUrl);
    // The customer and the numbers come along: the expand names its parent (issue 11, item 1).
    expect(mine).toMatchObject({ partijUrl: bert.sourceUrl });
    expect(mine!.telefoonnummers.sort()).toEqual(['+31512140512', '0687654321']);
    expect(mine!.emailadressen).toEqual(['bert@example.nl']);

    await adapter.patchTaak({ taakUrl, status: 'verwerkt' }, memoryLog());
    expect((await adapter.fetchTaken([taakUrl]))[0]).toMatchObject({ status: 'verwerkt', partijUrl: bert.sourceUrl });
    expect((await adapter.listTaken('verwerkt', 1)).length).toBeGreaterThan(0);
  });

  it('a read that came back without betrokkenen is not kept in the cache', async () => {
    const kc = await api('POST', '/klantcontacten', { kanaal: 'telefoon', onderwerp: 'Zonder betrokkene', taal: 'nld', vertrouwelijk: false });
    const [kcc] = (await api('GET', '/actoren?actoridentificatorObjectId=KCC')).body.results as { uuid: string }[];
    const taak = await api('POST', '/internetaken', { gevraagdeHandeling: 'Terugbellen', aanleidinggevendKlantcontact: { uuid: kc.body.uuid }, toegewezenAanActoren: [{ uuid: kcc!.uuid }], status: 'te_verwerken' });
    const [record] = await adapter.fetchTaken([String(taak.body.url)]);
    expect(record).toMatchObject({ klantNaam: null, telefoonnummers: [] });
    const read = recorder.exchanges.filter((e) => e.url.startsWith(String(kc.body.url)));
    expect(read.length).toBe(1);
    expect(store.remoteCache.get(read[0]!.url)).toBeUndefined();
  });

  it('look-ups, reads and searches: partijen, dossier, digitale adressen, reporting', async () => {
    expect((await adapter.searchCustomers({ kind: 'bsn', value: BERT_BSN }))[0]?.sourceUrl).toBe(bert.sourceUrl);
    await adapter.searchCustomers({ kind: 'kvk', value: '69599084' });
    await adapter.searchCustomers({ kind: 'email', value: 'bert@example.nl' });
    await adapter.searchCustomers({ kind: 'telefoon', value: '+31612345678' });
    const dossier = await adapter.fetchDossier(bert);
    expect(dossier.contacts.length).toBeGreaterThan(0);
    await adapter.klantcontactenPage(1);
    let pages = 0;
    await adapter.listCustomers(() => {
      pages += 1;
    });
    expect(pages).toBeGreaterThan(0);
  });

  it('no Klantinteracties request was refused, and every body is valid against the spec', () => {
    const ki = recorder.exchanges.filter((e) => new URL(e.url).pathname.startsWith(KI));
    expect(ki.length).toBeGreaterThan(40);
    const refused = ki.filter((e) => e.status >= 400 && e.status < 500).map((e) => `${e.method} ${e.url} → ${e.status} ${JSON.stringify(e.responseBody)}`);
    expect(refused).toEqual([]);
    for (const e of ki) if (e.requestBody !== undefined) expectValidRequest('klantinteracties', e.method, e.url, e.requestBody);
  });
});
