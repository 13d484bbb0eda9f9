/**
 * The demo Verwerkingenlogging API (VNG Bewerking API shape): ZGW JWT required, validation in
 * problem+json, a repeated actieId answered idempotently (a different action under it: 409), the
 * standard's filters and pagination.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATHS, type DemoServer } from '../../../src/demo';
import { startTestServer, zgwToken } from './helpers';

let server: DemoServer;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ server, cleanup } = await startTestServer()));
afterAll(async () => cleanup());

async function request(method: string, path: string, body?: unknown, auth = true): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (auth) headers.Authorization = `Bearer ${await zgwToken()}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${server.url}${DEMO_PATHS.verwerkingenlogging}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const actie = (overrides: Record<string, unknown> = {}) => ({
  actieId: randomUUID(),
  actieNaam: 'Klantbeeld geopend',
  handelingNaam: 'Raadplegen',
  verwerkingNaam: 'Klantcontact afhandelen',
  verwerkingId: randomUUID(),
  verwerkingsactiviteitId: '7ec3525d-6d9e-4059-a371-261ceb51bd24',
  vertrouwelijkheid: 'normaal',
  bewaartermijn: 'P10Y',
  uitvoerder: '00000001002220647000',
  systeem: 'Klantbeeld test',
  gebruiker: 'bianca.de.vries',
  gegevensbron: 'Open Klant',
  tijdstip: '2026-11-27T09:00:00.000Z',
  verwerkteObjecten: [{ objecttype: 'persoon', soortObjectId: 'BSN', objectId: '999990019', betrokkenheid: 'klant', verwerkteSoortenGegevens: [{ soortGegeven: 'naam' }] }],
  ...overrides,
});

describe('the demo Verwerkingenlogging API', () => {
  it('refuses a call without a ZGW JWT', async () => {
    expect((await request('GET', '/verwerkingsacties', undefined, false)).status).toBe(403);
  });

  it('stores an action, answers a repeat with the stored one and a different action under the same id with 409', async () => {
    const a = actie();
    const created = await request('POST', '/verwerkingsacties', a);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ actieId: a.actieId, url: expect.stringContaining(`/verwerkingsacties/${a.actieId}`), tijdstipRegistratie: expect.any(String) });
    expect(created.body.verwerkteObjecten).toEqual([expect.objectContaining({ objectId: '999990019', verwerktObjectId: expect.any(String) })]);
    expect(await request('POST', '/verwerkingsacties', a)).toMatchObject({ status: 200, body: { actieId: a.actieId } });
    expect((await request('POST', '/verwerkingsacties', { ...a, gebruiker: 'iemand.anders' })).status).toBe(409);
    expect(await request('GET', `/verwerkingsacties/${a.actieId}`)).toMatchObject({ status: 200, body: { actieNaam: 'Klantbeeld geopend' } });
  });

  it('validates the body in problem+json', async () => {
    const invalid = await request('POST', '/verwerkingsacties', actie({ bewaartermijn: '10 jaar', uitvoerder: '123', verwerkteObjecten: [] }));
    expect(invalid.status).toBe(400);
    expect((invalid.body.invalidParams as { name: string }[]).map((p) => p.name).sort()).toEqual(['bewaartermijn', 'uitvoerder', 'verwerkteObjecten']);
  });

  it('filters by person, period, vertrouwelijkheid and activiteit, and pages', async () => {
    const bsn = '999990020';
    const objecten = [{ objecttype: 'persoon', soortObjectId: 'BSN', objectId: bsn }];
    await request('POST', '/verwerkingsacties', actie({ verwerkteObjecten: objecten, tijdstip: '2026-10-01T10:00:00Z' }));
    await request('POST', '/verwerkingsacties', actie({ verwerkteObjecten: objecten, vertrouwelijkheid: 'vertrouwelijk', tijdstip: '2026-11-01T10:00:00Z' }));
    const mine = `objecttype=persoon&soortObjectId=BSN&objectId=${bsn}`;
    expect((await request('GET', `/verwerkingsacties?${mine}`)).body.count).toBe(2);
    expect((await request('GET', `/verwerkingsacties?${mine}&beginDatum=2026-10-15`)).body.count).toBe(1);
    expect((await request('GET', `/verwerkingsacties?${mine}&eindDatum=2026-10-15`)).body.count).toBe(1);
    expect((await request('GET', `/verwerkingsacties?${mine}&vertrouwelijkheid=vertrouwelijk`)).body.count).toBe(1);
    expect((await request('GET', `/verwerkingsacties?${mine}&verwerkingsactiviteitId=${randomUUID()}`)).body.count).toBe(0);
    expect((await request('GET', '/verwerkingsacties?beginDatum=1-1-2026')).status).toBe(400);
    for (let i = 0; i < 100; i++) await request('POST', '/verwerkingsacties', actie());
    const first = await request('GET', '/verwerkingsacties');
    expect(first.body).toMatchObject({ next: expect.stringContaining('page=2'), previous: null });
    expect((first.body.results as unknown[]).length).toBe(100);
  });
});
