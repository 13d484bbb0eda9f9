/**
 * Issue 11, the Open Zaak side: what Open Zaak 1.30 refuses or answers differently from the old
 * demo, each against the strict demo zaaksysteem (scopes per client, maximum vertrouwelijkheid,
 * zaaktype versions, no future datumStatusGezet).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PATHS, startDemoServer, type DemoServer, type ZgwClient } from '../../../src/demo';
import { RemoteError, type OutgoingZaak } from '../../../src/main/core/adapters/types';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import { ZgwApi } from '../../../src/main/core/adapters/zgw/api';
import { ZaakWrites } from '../../../src/main/core/adapters/zgw/zaak-writes';
import type { ZgwConnection } from '../../../src/main/core/config/schema';
import { Store } from '../../../src/main/core/store';
import { demoConnection } from '../../support/sync-rig';
import { memoryLog } from '../../support/step-log';
import { tempDir } from '../../support/tmp';

const BERT_BSN = '999993653';
const medewerker = { id: 'bianca.de.vries', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl' };
const KLANTBEELD_ZRC = ['zaken.lezen', 'zaken.aanmaken', 'zaken.bijwerken'];

/** Klantbeeld as many beheerders first set it up: the scopes the old docs named, no zaken.bijwerken. */
const ZONDER_BIJWERKEN: ZgwClient = {
  clientId: 'kb-zonder-bijwerken', secret: 'kb-zonder-bijwerken-secret-012345',
  autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen', 'zaken.aanmaken', 'zaken.statussen.toevoegen'] }, { component: 'ztc', scopes: ['catalogi.lezen'] }],
};
/** Documents up to `openbaar` only. */
const ALLEEN_OPENBAAR: ZgwClient = {
  clientId: 'kb-openbaar', secret: 'kb-openbaar-secret-0123456789abcdef',
  autorisaties: [
    { component: 'zrc', scopes: KLANTBEELD_ZRC },
    { component: 'ztc', scopes: ['catalogi.lezen'] },
    { component: 'drc', scopes: ['documenten.lezen'], maxVertrouwelijkheidaanduiding: 'openbaar' },
  ],
};

/** Catalogi only: no zaken.lezen at all. */
const ZONDER_ZAKEN: ZgwClient = { clientId: 'kb-zonder-zaken', secret: 'kb-zonder-zaken-secret-0123456789', autorisaties: [{ component: 'ztc', scopes: ['catalogi.lezen'] }] };

let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let other: DemoServer;
let store: Store;

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({
    dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {},
    credentials: { ...DEMO_CREDENTIALS, zgwClients: [ZONDER_BIJWERKEN, ALLEEN_OPENBAAR, ZONDER_ZAKEN] },
  });
  // Another zaaksysteem that knows only its own client: the main system's JWT is refused there.
  other = await startDemoServer({
    dbPath: join(dir.path, 'other.sqlite'), size: 'demo', seed: 7, log: () => {},
    credentials: { ...DEMO_CREDENTIALS, zgwClientId: 'kb-sociaal-domein', zgwSecret: 'sociaal-domein-secret-0123456789' },
  });
  store = Store.open(join(dir.path, 'kb.sqlite'));
});
afterAll(async () => {
  store.close();
  await server.close();
  await other.close();
  dir.remove();
});

const connection = (client?: ZgwClient, overrides: Partial<ZgwConnection> = {}): ZgwConnection =>
  demoConnection(server, { timeoutMs: 10_000, ...(client ? { zgwClientId: client.clientId, zgwSecret: client.secret } : {}), ...overrides });

async function zaaktypeUrl(adapter: ZgwAdapter, identificatie: string): Promise<string> {
  const found = (await adapter.listZaaktypen()).find((zt) => zt.identificatie === identificatie);
  if (!found) throw new Error(`zaaktype ${identificatie} not in the list`);
  return found.url;
}

function outgoing(zaaktypeUrl: string, idempotencyKey: string): OutgoingZaak {
  return {
    idempotencyKey,
    customer: { sourceUrl: 'https://example.invalid/partijen/x', bsn: BERT_BSN, kvkNummer: null },
    zaaktypeUrl,
    omschrijving: 'Kapotte lantaarnpaal Turfmarkt',
    startdatum: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date()),
    kanaal: 'telefoon',
  };
}

const count = (sql: string, ...params: unknown[]) => server.db.prepare(sql).pluck().get(...params) as number;

describe('starting a zaak', () => {
  it('names the missing scope zaken.bijwerken when Open Zaak refuses the initiator rol, for the clerk and the beheerder', async () => {
    const adapter = new ZgwAdapter(connection(ZONDER_BIJWERKEN), medewerker, store.remoteCache);
    const log = memoryLog();
    const error = await adapter.pushZaak(outgoing(await zaaktypeUrl(adapter, 'MOR'), 'a0000000-0000-4000-8000-000000000001'), log).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).kind).toBe('permanent');
    expect((error as RemoteError).message).toContain("'zaken.bijwerken'");
    expect((error as RemoteError).message).toContain('beheerder');
    // The zaak itself was made (zaken.aanmaken); a resend after the beheerder adds the scope resumes at the rol.
    expect(log.steps.zaak).toBeTruthy();
    expect(log.steps.rol).toBeUndefined();
  });

  it("with Klantbeeld's scopes the zaak gets its initiator and first status", async () => {
    const adapter = new ZgwAdapter(connection(), medewerker, store.remoteCache);
    const result = await adapter.pushZaak(outgoing(await zaaktypeUrl(adapter, 'MOR'), 'a0000000-0000-4000-8000-000000000002'), memoryLog());
    const uuid = result.sourceUrl.split('/').pop();
    expect(count("SELECT count(*) FROM rol r JOIN zaak z ON z.id = r.zaak_id WHERE z.uuid = ? AND r.omschrijving_generiek = 'initiator'", uuid)).toBe(1);
    expect(count('SELECT count(*) FROM status s JOIN zaak z ON z.id = s.zaak_id WHERE z.uuid = ?', uuid)).toBe(1);
  });

  it('after a lost response of POST /zaken, /rollen or /statussen, a retry finds what was made instead of making a twin', async () => {
    const adapter = new ZgwAdapter(connection(), medewerker, store.remoteCache);
    const key = 'a0000000-0000-4000-8000-000000000003';
    const zaak = outgoing(await zaaktypeUrl(adapter, 'MOR'), key);
    const log = memoryLog();
    for (const path of [/\/zaken\/api\/v1\/zaken$/, /\/zaken\/api\/v1\/rollen$/, /\/zaken\/api\/v1\/statussen$/]) {
      server.faults.add({ method: 'POST', path, fault: { kind: 'drop-after-commit' }, times: 1 });
      await expect(adapter.pushZaak(zaak, log)).rejects.toBeInstanceOf(RemoteError);
    }
    const result = await adapter.pushZaak(zaak, log);
    expect(count("SELECT count(*) FROM zaak WHERE json_extract(extra, '$.kenmerken[0].kenmerk') = ?", key)).toBe(1);
    const uuid = result.sourceUrl.split('/').pop();
    expect(count('SELECT count(*) FROM rol r JOIN zaak z ON z.id = r.zaak_id WHERE z.uuid = ?', uuid)).toBe(1);
    expect(count('SELECT count(*) FROM status s JOIN zaak z ON z.id = s.zaak_id WHERE z.uuid = ?', uuid)).toBe(1);
    expect(result.identificatie).toMatch(/^ZAAK-/);
  });

  it('sends a datumStatusGezet the server does not find in the future when the desktop clock runs ahead', async () => {
    const conn = connection();
    const api = new ZgwApi(conn, medewerker, store.remoteCache);
    const ahead = new ZaakWrites(api, () => new Date(Date.now() + 15_000));
    const adapter = new ZgwAdapter(conn, medewerker, store.remoteCache);
    const result = await ahead.pushZaak(outgoing(await zaaktypeUrl(adapter, 'MOR'), 'a0000000-0000-4000-8000-000000000004'), memoryLog());
    const datum = server.db.prepare('SELECT s.datum_status_gezet FROM status s JOIN zaak z ON z.id = s.zaak_id WHERE z.uuid = ?').pluck().get(result.sourceUrl.split('/').pop()) as string;
    expect(Date.parse(datum)).toBeLessThanOrEqual(Date.now());
  });
});

describe('zaaktypen', () => {
  it('lists one version per zaaktype, the one valid today', async () => {
    const adapter = new ZgwAdapter(connection(), medewerker, store.remoteCache);
    const list = await adapter.listZaaktypen();
    const ids = list.map((zt) => zt.identificatie);
    expect(new Set(ids).size).toBe(ids.length);
    const current = server.db.prepare("SELECT uuid FROM zaaktype WHERE identificatie = 'AFVALCONT' AND json_extract(data, '$.eindeGeldigheid') IS NULL").pluck().get() as string;
    const afval = list.find((zt) => zt.identificatie === 'AFVALCONT');
    expect(afval?.url).toBe(`${server.url}${DEMO_PATHS.catalogi}/zaaktypen/${current}`);
    expect(afval?.eindeGeldigheid).toBeNull();
  });
});

describe('zaak detail', () => {
  it("names zaken.lezen when the client may read no zaken at all, for the dossier and a zaak", async () => {
    const adapter = new ZgwAdapter(connection(ZONDER_ZAKEN), medewerker, store.remoteCache);
    await expect(adapter.fetchDossier({ sourceUrl: 'https://example.invalid/partijen/00000000-0000-4000-8000-000000000000', bsn: BERT_BSN, kvkNummer: null })).rejects.toThrow(/'zaken\.lezen'/);
    const uuid = server.db.prepare('SELECT uuid FROM zaak LIMIT 1').pluck().get() as string;
    await expect(adapter.fetchZaakDetail(`${server.url}${DEMO_PATHS.zaken}/zaken/${uuid}`)).rejects.toThrow(/deze zaak te lezen \(HTTP 403\)[\s\S]*'zaken\.lezen'/);
  });

  const dakkapel = () =>
    server.db.prepare("SELECT uuid FROM zaak WHERE omschrijving LIKE '%akkapel%' AND id IN (SELECT zaak_id FROM rol WHERE inp_bsn = ?)").pluck().get(BERT_BSN) as string;

  it('shows a document above the maximum vertrouwelijkheid as not available instead of failing the whole zaak', async () => {
    const adapter = new ZgwAdapter(connection(ALLEEN_OPENBAAR), medewerker, store.remoteCache);
    const detail = await adapter.fetchZaakDetail(`${server.url}${DEMO_PATHS.zaken}/zaken/${dakkapel()}`);
    expect(detail.documenten).toHaveLength(4);
    const available = detail.documenten.filter((d) => d.beschikbaar);
    expect(available.map((d) => d.vertrouwelijkheid)).toEqual(['openbaar']);
    const hidden = detail.documenten.filter((d) => !d.beschikbaar);
    expect(hidden).toHaveLength(3);
    expect(hidden.every((d) => d.titel.length > 0 && d.formaat === null)).toBe(true);
    expect(detail.statussen.length).toBeGreaterThan(0);
  });

  it("reads a zaak of an extra zaaksysteem with that system's own credentials", async () => {
    const adapter = new ZgwAdapter(
      connection(undefined, {
        extraZaaksystemen: [
          { label: 'Sociaal Domein', zakenUrl: `${other.url}${DEMO_PATHS.zaken}`, catalogiUrl: `${other.url}${DEMO_PATHS.catalogi}`, zgwClientId: 'kb-sociaal-domein', zgwSecret: 'sociaal-domein-secret-0123456789' },
        ],
      }),
      medewerker,
      store.remoteCache,
    );
    const uuid = other.db.prepare('SELECT z.uuid FROM zaak z WHERE z.id IN (SELECT zaak_id FROM rol WHERE inp_bsn = ?) LIMIT 1').pluck().get(BERT_BSN) as string;
    const detail = await adapter.fetchZaakDetail(`${other.url}${DEMO_PATHS.zaken}/zaken/${uuid}`);
    expect(detail.identificatie).toMatch(/^ZAAK-/);
    expect(detail.documenten.length).toBeGreaterThan(0);
    const content = await adapter.fetchDocumentContent(detail.documenten[0]!.url);
    expect(content.bytes.length).toBeGreaterThan(0);
  });
});
