/**
 * Wrong input refused at the door, parked work repairable (issue 11), in real Chromium on the
 * browser host with a demo zaaksysteem of the test's own (faults injected there):
 * - a callback for a team the zaaksysteem does not know (a list gone stale: KCCX) is refused
 *   with the message at the team field, focus on it;
 * - a terugbelverzoek the zaaksysteem refused is corrected in the Wachtrij by keyboard (team,
 *   number), refused at the field while wrong, then sent; the demo holds the interne taak for
 *   the corrected team and number. axe on the whole page; a screenshot of the correction form.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEndpoints, startDemoServer, type DemoServer } from '../../src/demo';
import { HOST_SECRET_HEADER } from '../../src/shared/contract/transport';
import { activeId, openBert, pageAxeViolations, REPO_ROOT, startApp, type RunningApp } from './harness';
import { TELEFOON_ONGELDIG } from '../../src/shared/telefoon';

const SHOTS_DIR = join(REPO_ROOT, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots');
const VRAAG = 'Dhr. Smit terugbellen over zijn container';

let demoDir: string;
let demo: DemoServer;
let app: RunningApp;

beforeAll(async () => {
  demoDir = await mkdtemp(join(tmpdir(), 'klantbeeld-e2e-door-'));
  demo = await startDemoServer({ dbPath: join(demoDir, 'demo.sqlite'), size: 'demo', log: () => undefined });
  const endpoints = demoEndpoints(demo.url.replace(/\/$/, ''));
  app = await startApp({
    demoUrl: demo.url.replace(/\/$/, ''),
    account: 'bianca',
    env: {
      KLANTBEELD_ADAPTER: 'zgw',
      // No BRP here: the full partij copy lets the clerk find Bert by name.
      KLANTBEELD_PREFETCH_PARTIJEN: 'true',
      KLANTBEELD_ADAPTER_LABEL: 'Demo-zaaksysteem Turfbrug (eigen)',
      KLANTBEELD_ZAKEN_URL: endpoints.zakenUrl,
      KLANTBEELD_CATALOGI_URL: endpoints.catalogiUrl,
      KLANTBEELD_KLANTINTERACTIES_URL: endpoints.klantinteractiesUrl,
      KLANTBEELD_ZGW_CLIENT_ID: endpoints.zgwClientId,
      KLANTBEELD_ZGW_SECRET: endpoints.zgwSecret,
      KLANTBEELD_KLANTINTERACTIES_TOKEN: endpoints.klantinteractiesToken,
      KLANTBEELD_BRONORGANISATIE: '002756419',
    },
  });
  await mkdir(SHOTS_DIR, { recursive: true });
});

afterAll(async () => {
  await app?.stop();
  await demo?.close();
  if (demoDir) await rm(demoDir, { recursive: true, force: true });
});

/** A call as the window makes it (the host's secret from index.html), for what this test only sets up. */
async function api<T>(operation: string, input: unknown): Promise<T> {
  const html = await (await fetch(app.appUrl)).text();
  const secret = /name="klantbeeld-secret" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const response = await fetch(`${app.appUrl}api/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json', [HOST_SECRET_HEADER]: secret }, body: JSON.stringify(input) });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${operation}: ${result.error?.message}`);
  return result.value;
}

describe('refused at the door', () => {
  it('a team the zaaksysteem does not know: the message at the team field, focus there', async () => {
    const { page } = app;
    await openBert(app);
    await page.locator('#contact-onderwerp').fill('Container niet geleegd');
    await page.getByRole('button', { name: 'Terugbelverzoek maken van deze vraag' }).click();
    expect(await activeId(page)).toBe('callback-team-1');
    // A list gone stale (a team the beheerder removed while this window was open).
    await page.evaluate("document.getElementById('callback-team-1').add(new Option('Team KCCX', 'groep:KCCX'))");
    await page.locator('#callback-team-1').selectOption('groep:KCCX');
    await page.getByRole('button', { name: 'Terugbelverzoek maken', exact: true }).click();
    const error = page.locator('#callback-team-error-1');
    await error.waitFor();
    expect(await error.innerText()).toBe('Kies een team uit de lijst.');
    expect(await page.locator('#callback-team-1').getAttribute('aria-describedby')).toBe('callback-team-error-1');
    expect(await page.locator('#callback-team-1').getAttribute('aria-invalid')).toBe('true');
    expect(await activeId(page)).toBe('callback-team-1');
    expect(await page.locator('.callback [role="alert"]').innerText()).toContain('Onbekende groep "KCCX"');
  });
});

describe('a contact started on a computer whose clock was wrong', () => {
  it('is refused on finishing with the reason in the form, not a marked field that is not there', async () => {
    const { page } = app;
    await openBert(app);
    const drafts = await api<{ id: string; customerId: string | null; vragen: unknown[]; updatedAt: string }[]>('drafts.list', {});
    const draft = drafts.find((d) => d.customerId !== null)!;
    const { updatedAt: _updatedAt, ...content } = draft;
    await api('drafts.save', { ...content, startedAt: '9999-06-01T10:00:00.000Z' });
    await openBert(app);
    await page.locator('#contact-resultaat').selectOption('zelfstandig_afgehandeld');
    await page.locator('#contact-onderwerp').press('Control+Enter');
    const alert = page.locator('.contact-form [role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Dit tijdstip ligt in de toekomst; controleer de datum en tijd van deze computer.');
  });
});

describe('a parked terugbelverzoek repaired in the Wachtrij', () => {
  it('is corrected by keyboard (team and number), refused at the field while wrong, and sent', async () => {
    const { page } = app;
    demo.faults.add({ method: 'POST', path: /\/internetaken$/, fault: { kind: 'status', status: 400 }, times: 1 });
    const created = await api<{ id: string }>('callbacks.create', {
      customerId: null,
      bellerNaam: 'Dhr. Smit',
      kanaal: 'telefoon',
      onderwerp: 'Container niet geleegd',
      vraag: VRAAG,
      toegewezenAan: [{ soort: 'groep', code: 'KCC' }],
      telefoonnummers: ['0612345670'],
    });
    await page.goto(`${app.appUrl}#/wachtrij`);
    const item = page.locator('.items li', { hasText: `Terugbelverzoek: ${VRAAG}` });
    await expect.poll(() => item.locator('.badge').innerText().catch(() => ''), { timeout: 60_000 }).toBe('Geweigerd');

    // Opened and cancelled by keyboard: focus goes to the form and back to the button.
    const correct = item.getByRole('button', { name: 'Verbeteren' });
    await correct.focus();
    await page.keyboard.press('Enter');
    const select = item.getByLabel('Voor', { exact: true });
    const selectId = await select.getAttribute('id');
    await expect.poll(() => activeId(page)).toBe(selectId);
    await item.getByRole('button', { name: 'Annuleren' }).press('Enter');
    await expect.poll(() => activeId(page)).toBe(await correct.getAttribute('id'));
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe(selectId);
    await select.selectOption({ label: 'Team Vergunningen' });
    const nummer = item.getByLabel('Telefoonnummer 1');
    await nummer.fill('06-12x');
    await nummer.press('Enter');
    await item.locator('.points .error', { hasText: TELEFOON_ONGELDIG }).waitFor();
    const describedBy = await nummer.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).innerText()).toBe(TELEFOON_ONGELDIG);
    await nummer.fill('0612345679');

    expect(await pageAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS_DIR, 'klantbeeld-wachtrij-terugbelverzoek-verbeteren.png'), fullPage: true });

    await nummer.press('Enter');
    await expect.poll(() => item.count(), { timeout: 60_000 }).toBe(0);

    const { item: callback, history } = await api<{ item: { team: { code: string }; telefoonnummers: string[]; syncState: string }; history: { soort: string }[] }>('callbacks.get', { id: created.id });
    expect(callback).toMatchObject({ team: { code: 'VERG' }, telefoonnummers: ['0612345679'], syncState: 'sent' });
    expect(history.map((h) => h.soort)).toContain('gecorrigeerd');
    const taak = demo.db
      .prepare(
        `SELECT (SELECT group_concat(a.naam) FROM internetaak_actor ia JOIN actor a ON a.id = ia.actor_id WHERE ia.internetaak_id = t.id) AS actoren,
                (SELECT group_concat(d.adres) FROM digitaal_adres d JOIN betrokkene b ON b.id = d.betrokkene_id WHERE b.klantcontact_id = t.klantcontact_id) AS adressen
         FROM internetaak t WHERE t.gevraagde_handeling = ?`,
      )
      .get(VRAAG) as { actoren: string; adressen: string };
    expect(taak.actoren).toBe('Team Vergunningen');
    expect(taak.adressen.split(',')).toContain('0612345679');
  });
});
