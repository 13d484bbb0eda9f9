/**
 * A clerk whose Klantbeeld may read documents only up to `openbaar` (issue 11): the zaak detail
 * still opens, the documents above that show as "Niet beschikbaar" and cannot be opened, the
 * readable one opens as before. Real host, real Chromium, the strict demo zaaksysteem.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, demoEndpoints, startDemoServer, type DemoServer, type ZgwClient } from '../../src/demo';
import { openBert, seriousAxeViolations, startApp, type RunningApp } from './harness';

const ALLEEN_OPENBAAR: ZgwClient = {
  clientId: 'kb-openbaar',
  secret: 'kb-openbaar-secret-0123456789abcdef',
  autorisaties: [
    { component: 'zrc', scopes: ['zaken.lezen', 'zaken.aanmaken', 'zaken.bijwerken'], maxVertrouwelijkheidaanduiding: 'vertrouwelijk' },
    { component: 'ztc', scopes: ['catalogi.lezen'] },
    { component: 'drc', scopes: ['documenten.lezen'], maxVertrouwelijkheidaanduiding: 'openbaar' },
  ],
};

let demoDir: string;
let demo: DemoServer;
let app: RunningApp;

beforeAll(async () => {
  demoDir = await mkdtemp(join(tmpdir(), 'klantbeeld-e2e-demo-'));
  demo = await startDemoServer({ dbPath: join(demoDir, 'demo.sqlite'), size: 'demo', log: () => undefined, credentials: { ...DEMO_CREDENTIALS, zgwClients: [ALLEEN_OPENBAAR] } });
  const endpoints = demoEndpoints(demo.url.replace(/\/$/, ''));
  app = await startApp({
    demoUrl: demo.url,
    env: {
      KLANTBEELD_ADAPTER: 'zgw',
      KLANTBEELD_ZAKEN_URL: endpoints.zakenUrl,
      KLANTBEELD_CATALOGI_URL: endpoints.catalogiUrl,
      KLANTBEELD_KLANTINTERACTIES_URL: endpoints.klantinteractiesUrl,
      KLANTBEELD_ZGW_CLIENT_ID: ALLEEN_OPENBAAR.clientId,
      KLANTBEELD_ZGW_SECRET: ALLEEN_OPENBAAR.secret,
      KLANTBEELD_KLANTINTERACTIES_TOKEN: endpoints.klantinteractiesToken,
      KLANTBEELD_BRONORGANISATIE: '002756419',
      // No BRP here: the full partij copy lets the clerk find Bert by name.
      KLANTBEELD_PREFETCH_PARTIJEN: 'true',
    },
  });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await demo?.close();
  if (demoDir) await rm(demoDir, { recursive: true, force: true });
});

it('shows the documents above the maximum vertrouwelijkheid as not available; the zaak and the readable document still open', async () => {
  const { page } = app;
  await openBert(app);
  const dakkapel = page.locator('section[aria-labelledby="zaken-title"] article', { hasText: 'Dakkapel voorzijde' });
  await dakkapel.getByRole('button', { name: 'Details tonen' }).click();
  const detail = dakkapel.locator('[data-testid="zaak-detail"]');
  await expect.poll(() => detail.locator('[data-testid="statushistorie"] li').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  const docs = detail.locator('[data-testid="documenten"] > li');
  expect(await docs.count()).toBe(4);
  const hidden = detail.locator('[data-testid="document-niet-beschikbaar"]');
  expect(await hidden.count()).toBe(3);
  expect(await hidden.first().innerText()).toContain('Niet beschikbaar');
  expect(await docs.filter({ has: hidden }).getByRole('button', { name: 'Openen' }).count()).toBe(0);
  await docs.filter({ hasText: 'Ontvangstbevestiging' }).getByRole('button', { name: 'Openen' }).click();
  await expect.poll(() => detail.locator('[data-testid="document-text"]').innerText()).toMatch(/Gemeente Turfbrug/);
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});
