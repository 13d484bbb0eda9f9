/**
 * The BRP client (src/main/core/adapters/brp/client.ts) against the demo's BRP API Personen:
 * the search keys (and so anything personal) travel only in the POST body, never in the URL or a
 * header; every request is valid by the BRP spec (checked at the demo, tests/support/spec-traffic.ts);
 * the answer is mapped; refusals, timeouts, garbage and an unreachable BRP become Dutch RemoteErrors (adapters/registers/http.ts, one retry for what is transient).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEndpoints, startDemoServer, type DemoServer } from '../../../src/demo';
import { BrpClient } from '../../../src/main/core/adapters/brp/client';
import { RemoteError } from '../../../src/main/core/adapters/types';
import { recordFetch } from '../../support/recording-fetch';
import { checkSpecTraffic } from '../../support/spec-traffic';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
let server: DemoServer;
let recorder: ReturnType<typeof recordFetch>;
let brp: { url: string; apiKey: string };

beforeAll(async () => {
  dir = tempDir();
  server = await startDemoServer({ dbPath: join(dir.path, 'demo.sqlite'), size: 'demo', log: () => {} });
  const endpoints = demoEndpoints(server.url);
  brp = { url: endpoints.brpUrl, apiKey: endpoints.brpApiKey };
  recorder = recordFetch();
});
afterAll(async () => {
  recorder?.restore();
  await server?.close();
  dir?.remove();
});
checkSpecTraffic(() => server);

describe('BRP client', () => {
  it('finds Bert Burger by geslachtsnaam and geboortedatum; the keys and the BSN only in the POST body', async () => {
    const before = recorder.exchanges.length;
    const personen = await new BrpClient(brp).zoekMetGeslachtsnaamEnGeboortedatum({ geslachtsnaam: 'Burger', geboortedatum: '1968-03-12', voornamen: 'Bert' });
    expect(personen).toContainEqual(
      expect.objectContaining({ burgerservicenummer: '999993653', geslachtsnaam: 'Burger', voornamen: expect.stringMatching(/^Bert/), voorvoegsel: null, geboortedatum: '1968-03-12', overleden: false }),
    );
    const [sent, ...more] = recorder.exchanges.slice(before);
    expect(more).toEqual([]);
    expect(sent).toMatchObject({ method: 'POST', url: `${brp.url}/personen`, status: 200 });
    expect(new URL(sent!.url).search).toBe('');
    const headers = JSON.stringify(sent!.requestHeaders);
    for (const personal of ['999993653', 'Burger', '1968-03-12', 'Bert']) {
      expect(sent!.url, personal).not.toContain(personal);
      expect(headers, personal).not.toContain(personal);
    }
    expect(sent!.requestHeaders['x-api-key']).toBe(brp.apiKey);
    expect(sent!.requestBody).toMatchObject({ type: 'ZoekMetGeslachtsnaamEnGeboortedatum', geslachtsnaam: 'Burger', geboortedatum: '1968-03-12', voornamen: 'Bert' });
  });

  it('a wrong key is a refusal with the BRP’s status, in Dutch', async () => {
    const error = await new BrpClient({ ...brp, apiKey: 'fout' }).zoekMetGeslachtsnaamEnGeboortedatum({ geslachtsnaam: 'Burger', geboortedatum: '1968-03-12' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ kind: 'permanent', message: expect.stringMatching(/^De BRP weigert de toegang \(HTTP 40[13]\)/) });
  });

  it('too slow, garbage, or not there: each its own Dutch error', async () => {
    const vraag = { geslachtsnaam: 'Burger', geboortedatum: '1968-03-12' };
    // Each is transient: asked once more, then reported.
    const slow = server.faults.add({ method: 'POST', path: /\/personen$/, fault: { kind: 'delay', ms: 1_500 }, times: 2 });
    await expect(new BrpClient({ ...brp, timeoutMs: 500 }).zoekMetGeslachtsnaamEnGeboortedatum(vraag)).rejects.toMatchObject({ message: 'De BRP antwoordt niet op tijd.', status: null });
    expect(slow.hits()).toBe(2);
    server.faults.add({ method: 'POST', path: /\/personen$/, fault: { kind: 'malformed-json' }, times: 2 });
    await expect(new BrpClient(brp).zoekMetGeslachtsnaamEnGeboortedatum(vraag)).rejects.toMatchObject({ message: 'Onleesbaar antwoord van de BRP (HTTP 200).' });
    await expect(new BrpClient({ ...brp, url: 'http://127.0.0.1:9/haalcentraal/api/brp' }).zoekMetGeslachtsnaamEnGeboortedatum(vraag)).rejects.toMatchObject({ message: 'De BRP is niet bereikbaar.' });
  });
});
