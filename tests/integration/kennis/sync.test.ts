/**
 * The Objects API source against the real demo zaaksysteem over HTTP, into a real SQLite
 * store: first sync writes everything; later syncs rewrite what changed and delete what is gone.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../src/demo';
import { KENNIS_OBJECTS_PREFIX, KENNIS_OBJECTS_TOKEN, KENNIS_OBJECTTYPES } from '../../../src/demo/api/kennis-objects';
import { kennisConnection } from '../../../src/main/core/kennis';
import { DEMO_KENNIS_OBJECTTYPES, DEMO_KENNIS_TOKEN } from '../../../src/main/core/kennis/demo-defaults';
import { ObjectsApiKennisSource } from '../../../src/main/core/kennis/objects-source';
import { KennisService } from '../../../src/main/core/kennis/service';
import { KennisStore } from '../../../src/main/core/kennis/store';
import { KennisSync } from '../../../src/main/core/kennis/sync';
import { Store } from '../../../src/main/core/store';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let demo: DemoServer;
let store: Store;
let kennis: KennisService;
let sync: KennisSync;
let objectsUrl: string;

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${objectsUrl}${path}`, {
    ...init,
    headers: { Authorization: `Token ${KENNIS_OBJECTS_TOKEN}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
  });

async function objectOf(slug: string): Promise<{ uuid: string; type: string; record: { index: number; data: Record<string, unknown> } }> {
  const list = (await (await api(`/objects?type=${encodeURIComponent(`x/${KENNIS_OBJECTTYPES.kennisartikel}`)}&pageSize=500`)).json()) as {
    results: { uuid: string; type: string; record: { index: number; data: Record<string, unknown> } }[];
  };
  const found = list.results.find((o) => o.record.data.id === slug);
  if (!found) throw new Error(`no object ${slug}`);
  return found;
}

beforeAll(async () => {
  dir = tempDir('kennis-sync-');
  demo = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), port: 0 });
  objectsUrl = `${demo.url}${KENNIS_OBJECTS_PREFIX}`;
  store = Store.open(join(dir.path, 'klantbeeld.sqlite'));
  const kennisStore = new KennisStore(store.db);
  kennis = new KennisService(kennisStore, 'demo');
  const connection = kennisConnection({ kennisbank: undefined }, demo.url)!;
  sync = new KennisSync(kennisStore, new ObjectsApiKennisSource({ ...connection, pageSize: 40 }), () => kennis.search.invalidate());
});
afterAll(async () => {
  await sync.stop();
  store.close();
  await demo.close();
  dir.remove();
});

describe('demo Objects API', () => {
  it('uses the objecttypes and token the core defaults to', () => {
    expect(DEMO_KENNIS_OBJECTTYPES).toEqual(KENNIS_OBJECTTYPES);
    expect(DEMO_KENNIS_TOKEN).toBe(KENNIS_OBJECTS_TOKEN);
  });
  it('refuses a request without the token (401, WWW-Authenticate: Token)', async () => {
    const res = await fetch(`${objectsUrl}/objects`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Token');
  });
  it('lists objects of one objecttype in DRF pages with Objects API records', async () => {
    const type = `${demo.url}/objecttypes/api/v2/objecttypes/${KENNIS_OBJECTTYPES.kennisartikel}`;
    const page = (await (await api(`/objects?type=${encodeURIComponent(type)}&pageSize=100`)).json()) as {
      count: number; next: string | null; previous: string | null; results: { uuid: string; type: string; record: Record<string, unknown> }[];
    };
    expect(page.count).toBe(150);
    expect(page.next).toContain('page=2');
    expect(page.previous).toBeNull();
    expect(page.results[0]!.type).toBe(type);
    expect(Object.keys(page.results[0]!.record).sort()).toEqual(
      ['correctedBy', 'correctionFor', 'data', 'endAt', 'geometry', 'index', 'registrationAt', 'startAt', 'typeVersion'].sort(),
    );
  });
});

describe('kennisbank sync from the Objects API', () => {
  it('first run: every article, VAC and current news item', async () => {
    const result = await sync.syncNow();
    expect(result).toMatchObject({ added: 156, changed: 0, deleted: 0 });
    expect(kennis.syncStatus()).toMatchObject({ count: 156, error: null });
    expect(kennis.find('paspoort', 1).hits[0]?.id).toBe('paspoort-aanvragen');
    expect(kennis.find('openingstijden gemeentehuis', 5).hits.map((h) => h.soort)).toContain('vac');
    const news = kennis.news('bianca');
    expect(news.length).toBe(4); // the expired one is outside its publication window
    expect(news[0]!.belangrijk).toBe(true);
  });

  it('second run with nothing changed rewrites nothing', async () => {
    expect(await sync.syncNow()).toMatchObject({ added: 0, changed: 0, deleted: 0, unchanged: 156 });
  });

  it('added, changed and deleted at the source show up after the next sync', async () => {
    const added = await api('/objects', {
      method: 'POST',
      body: JSON.stringify({
        type: `${demo.url}/objecttypes/api/v2/objecttypes/${KENNIS_OBJECTTYPES.kennisartikel}`,
        record: { typeVersion: 1, startAt: '2026-11-28', data: { id: 'drone-ontheffing', titel: 'Ontheffing drone vliegen', samenvatting: 'Een drone boven de Turfbrugse markt vraagt een ontheffing.', afdeling: 'Vergunningen', trefwoorden: ['drone'], synoniemen: ['quadcopter'], secties: { inleiding: '<p>Vliegen boven mensen mag niet zomaar.</p>' }, kanaalAntwoorden: { telefoon: 'Verwijs naar de ILT.' } } },
      }),
    });
    expect(added.status).toBe(201);

    const paspoort = await objectOf('paspoort-aanvragen');
    const changed = await api(`/objects/${paspoort.uuid}`, {
      method: 'PUT',
      body: JSON.stringify({ type: paspoort.type, record: { typeVersion: 1, startAt: '2026-01-01', data: { ...paspoort.record.data, titel: 'Paspoort aanvragen of verlengen (nieuw tarief)' } } }),
    });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { record: { index: number } }).record.index).toBe(paspoort.record.index + 1);

    const hondenbelasting = await objectOf('hondenbelasting');
    expect((await api(`/objects/${hondenbelasting.uuid}`, { method: 'DELETE' })).status).toBe(204);

    expect(await sync.syncNow()).toMatchObject({ added: 1, changed: 1, deleted: 1, unchanged: 154 });
    expect(kennis.find('quadcopter', 1).hits[0]?.id).toBe('drone-ontheffing');
    expect(kennis.get('paspoort-aanvragen').titel).toBe('Paspoort aanvragen of verlengen (nieuw tarief)');
    expect(kennis.find('hondenbelasting', 10).hits.map((h) => h.id)).not.toContain('hondenbelasting');
    expect(() => kennis.get('hondenbelasting')).toThrow(/niet \(meer\)/);
  });

  it('a failing source keeps the local copy and records the error', async () => {
    const broken = new KennisSync(new KennisStore(store.db), new ObjectsApiKennisSource({ url: objectsUrl, token: 'wrong', objecttypes: { artikel: 'x' } }), () => {});
    await expect(broken.syncNow()).rejects.toThrow(/401/);
    expect(kennis.syncStatus()).toMatchObject({ count: 156, error: expect.stringContaining('401') });
    expect(kennis.find('paspoort', 1).hits).toHaveLength(1);
  });
});
