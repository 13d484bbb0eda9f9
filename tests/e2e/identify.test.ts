/**
 * Identify and the one-window picture (issue 3), in Chromium against the real browser host:
 * every search kind (BSN, a failing elfproef, postcode + huisnummer, phone in another notation,
 * e-mail, KvK-nummer, vestigingsnummer, organisation name, an unknown phone number), revealing
 * the BSN (and its verwerkingsactie), the timeline filters, a zaak's detail with statushistorie,
 * rollen and a document, and screen-pop through the host's loopback endpoint with one, several
 * and no matches. (The time from a screen-pop to the rendered view is measured by
 * `npm run bench -- --only screenpop`, tests/bench/suites/screenpop.ts, not asserted here.)
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStreamOpen, REPO_ROOT, startApp, type RunningApp } from './harness';
import { openCacheReadonly } from '../support/cache-file';

const DEMO_TOKEN = 'Token turfbrug-demo-token';
const SCREENPOP_SECRET = `e2e-screenpop-${Date.now().toString(36)}-secret`;
const SHOTS_DIR = join(REPO_ROOT, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots');

let app: RunningApp;

beforeAll(async () => {
  // The host reads screenpop.secret from the configuration; the environment override is simplest here.
  process.env.KLANTBEELD_SCREENPOP_SECRET = SCREENPOP_SECRET;
  app = await startApp();
  delete process.env.KLANTBEELD_SCREENPOP_SECRET;
});

afterAll(async () => {
  await app?.stop();
});

async function ki(path: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${app.demoUrl}/klantinteracties/api/v1${path}`, {
    ...init,
    headers: { Authorization: DEMO_TOKEN, Accept: 'application/json', 'Content-Type': 'application/json' },
  });
  expect(response.status, `${init.method ?? 'GET'} ${path}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

/** Types a query into the search and returns the option texts once the list settles (retries while the first sync fills the cache). */
async function search(query: string, expected: string | null, timeoutMs = 60_000): Promise<string[]> {
  const { page } = app;
  const input = page.locator('#customer-search');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await input.fill('');
    await input.pressSequentially(query);
    if (expected === null) {
      // Nothing found is proven only once the search answered, the zaaksysteem's part included.
      const kind = page.locator('[data-testid="search-kind"]');
      await kind.waitFor({ timeout: 60_000 });
      await expect.poll(() => kind.innerText(), { timeout: 60_000 }).not.toContain('Ook in het zaaksysteem zoeken');
      return page.locator('[role="option"]').allInnerTexts();
    }
    try {
      await page.locator('[role="option"]', { hasText: expected }).first().waitFor({ timeout: 3_000 });
      return await page.locator('[role="option"]').allInnerTexts();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** axe-core on the page as it is: no serious or critical violations. */
async function expectNoSeriousAxeViolations(): Promise<void> {
  const { page } = app;
  await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
  )) as { id: string; impact: string | null }[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
}

async function screenPop(nummer: string, secret = SCREENPOP_SECRET): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL('/screenpop', app.appUrl), {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ nummer }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('identify', () => {
  it('finds customers by every kind of key, and explains a BSN that fails the elfproef', async () => {
    const { page } = app;
    await page.goto(app.appUrl);
    await page.locator('#customer-search').waitFor();

    expect(await search('999993653', 'Bert Burger')).toHaveLength(1);
    await expect.poll(() => page.locator('[data-testid="search-kind"]').innerText()).toMatch(/Gezocht op BSN/);

    // A failing elfproef: a clear Dutch message at once, no "no results".
    await page.locator('#customer-search').fill('');
    await page.locator('#customer-search').pressSequentially('999993654');
    await expect.poll(() => page.locator('[data-testid="search-message"]').innerText()).toMatch(/geen geldig BSN.*elfproef/);
    expect(await page.locator('[role="option"]').count()).toBe(0);

    expect((await search('8441 BB 12', 'Bert Burger')).some((t) => t.includes('Bert Burger'))).toBe(true);
    expect(await search('+31 6 1234 5678', 'Bert Burger')).toHaveLength(1);
    expect(await search('BERT.BURGER@example.nl', 'Bert Burger')).toHaveLength(1);

    // Organisations: KvK-nummer, vestigingsnummer, name (taken from the demo zaaksysteem itself).
    const orgs = (await ki('/partijen?soortPartij=organisatie&pageSize=50')).results as {
      partijIdentificatie: { naam: string };
      partijIdentificatoren: { partijIdentificator: { codeSoortObjectId: string; objectId: string } }[];
    }[];
    const withVestiging = orgs.find((o) => o.partijIdentificatoren.some((p) => p.partijIdentificator.codeSoortObjectId === 'vestigingsnummer'))!;
    const id = (soort: string) => withVestiging.partijIdentificatoren.find((p) => p.partijIdentificator.codeSoortObjectId === soort)!.partijIdentificator.objectId;
    const naam = withVestiging.partijIdentificatie.naam;
    expect(await search(id('kvk_nummer'), naam)).toEqual([expect.stringContaining(naam)]);
    await expect.poll(() => page.locator('[data-testid="search-kind"]').innerText()).toMatch(/KvK-nummer/);
    expect(await search(id('vestigingsnummer'), naam)).toEqual([expect.stringContaining(naam)]);
    expect((await search(naam, naam)).some((t) => t.includes(naam))).toBe(true);

    // An unknown phone number: the zaaksysteem is asked too, and nobody is found.
    await search('06-99990000', null);
    await expect.poll(() => page.locator('[data-testid="search-kind"]').innerText()).toMatch(/Gezocht op telefoonnummer.*Ook in het zaaksysteem gezocht/s);
    expect(await page.locator('[role="option"]').count()).toBe(0);
    expect(await page.locator('p.note', { hasText: 'Geen klanten gevonden' }).count()).toBe(1);
  });

  it('finds a partij the cache does not know yet through the zaaksysteem (remote search merged in)', async () => {
    const { page } = app;
    const nieuw = (await ki('/partijen', {
      method: 'POST',
      body: JSON.stringify({
        soortPartij: 'persoon', indicatieActief: true, voorkeurstaal: 'nld', indicatieGeheimhouding: false,
        partijIdentificatie: { contactnaam: { voornaam: 'Nina', voorvoegselAchternaam: '', achternaam: 'Nieuwkomer' } },
      }),
    })) as { uuid: string };
    await ki('/digitaleadressen', {
      method: 'POST',
      body: JSON.stringify({ verstrektDoorPartij: { uuid: nieuw.uuid }, adres: 'nina.nieuwkomer@example.nl', soortDigitaalAdres: 'email', omschrijving: 'Privé' }),
    });
    expect(await search('nina.nieuwkomer@example.nl', 'Nina Nieuwkomer', 15_000)).toEqual([expect.stringContaining('Nina Nieuwkomer')]);
    await page.keyboard.press('Escape');
  });
});

describe('the customer picture', () => {
  it('reveals the BSN on request and logs it (a verwerkingsactie); filters the timeline; opens a zaak with its history and documents', async () => {
    const { page } = app;
    await page.goto(app.appUrl);
    await search('Bert Burger', 'Bert Burger');
    await page.locator('[role="option"]', { hasText: 'Bert Burger' }).first().click();
    await page.waitForURL(/#\/klant\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('[data-testid="bsn-value"]').innerText()).toBe('*****3653');
    await page.locator('[data-testid="bsn-toggle"]').click();
    await expect.poll(() => page.locator('[data-testid="bsn-value"]').innerText()).toBe('999993653');
    expect(page.url()).not.toContain('999993653');
    const db = openCacheReadonly(app.dataDir);
    try {
      // The reveal is a verwerkingsactie about Bert (VNG: objectId = his BSN, in the local log only).
      const rows = db.prepare("SELECT gebruiker, verwerkte_objecten FROM verwerkingsacties WHERE actie_naam = 'BSN getoond'").all();
      expect(rows).toEqual([{ gebruiker: 'bianca.de.vries', verwerkte_objecten: expect.stringContaining('"objectId":"999993653"') }]);
    } finally {
      db.close();
    }
    await page.locator('[data-testid="bsn-toggle"]').click();
    await expect.poll(() => page.locator('[data-testid="bsn-value"]').innerText()).toBe('*****3653');

    // Timeline: all kanalen newest first; filter by kanaal and by period.
    const items = page.locator('section[aria-labelledby="history-title"] article');
    await expect.poll(() => items.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(7);
    const all = await items.count();
    await page.locator('[data-testid="history-kanaal"]').selectOption('balie');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.locator('.kanaal').allInnerTexts()).toEqual(['Balie', 'Balie']);
    await page.locator('[data-testid="history-kanaal"]').selectOption('');
    await page.locator('[data-testid="history-period"]').selectOption('30');
    await expect.poll(() => items.count()).toBeLessThan(all);
    await page.locator('[data-testid="history-period"]').selectOption('0');
    await expect.poll(() => items.count()).toBe(all);

    // Zaak detail: statushistorie, rollen and documents, opened in place.
    const dakkapel = page.locator('section[aria-labelledby="zaken-title"] article', { hasText: 'Dakkapel voorzijde' });
    await dakkapel.getByRole('button', { name: 'Details tonen' }).click();
    const detail = dakkapel.locator('[data-testid="zaak-detail"]');
    await expect.poll(() => detail.locator('[data-testid="statushistorie"] li').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect(await detail.locator('[data-testid="rollen"]').innerText()).toContain('Bert Burger');
    const docs = detail.locator('[data-testid="documenten"] > li');
    expect(await docs.count()).toBe(4);
    expect(await detail.locator('[data-testid="documenten"]').innerText()).toMatch(/Aanvraagformulier omgevingsvergunning dakkapel[\s\S]*Zaakvertrouwelijk/);
    await page.screenshot({ path: join(SHOTS_DIR, 'klantbeeld-zaakdetail.png') }).catch(async () => {
      await mkdir(SHOTS_DIR, { recursive: true });
      await page.screenshot({ path: join(SHOTS_DIR, 'klantbeeld-zaakdetail.png') });
    });

    await expectNoSeriousAxeViolations();

    // A text document is shown as text; a PDF is offered as a file, never rendered here.
    await docs.filter({ hasText: 'Ontvangstbevestiging' }).getByRole('button', { name: 'Openen' }).click();
    await expect.poll(() => detail.locator('[data-testid="document-text"]').innerText()).toMatch(/Gemeente Turfbrug[\s\S]*ontvangen/);
    await docs.filter({ hasText: 'Bouwtekening' }).getByRole('button', { name: 'Openen' }).click();
    const save = detail.locator('[data-testid="document-save"]');
    await save.waitFor();
    expect(await save.getAttribute('download')).toBe('bouwtekening-dakkapel.pdf');
    const download = await Promise.all([page.waitForEvent('download'), save.click()]).then(([d]) => d);
    expect(download.suggestedFilename()).toBe('bouwtekening-dakkapel.pdf');
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('screen-pop through the loopback endpoint', () => {
  it('refuses without the shared secret', async () => {
    expect((await screenPop('0612345678', 'fout-geheim-fout-geheim')).status).toBe(401);
    const plain = await fetch(new URL('/screenpop', app.appUrl), { method: 'POST', headers: { Authorization: `Bearer ${SCREENPOP_SECRET}`, 'Content-Type': 'text/plain' }, body: '0612345678' });
    expect(plain.status).toBe(415);
  });

  it('one match: opens the customer with a new telephone contact', async () => {
    const { page } = app;
    await page.goto(app.appUrl);
    await page.locator('#customer-search').waitFor();
    await eventStreamOpen(page); // the screen-pop is pushed to this page only once its stream is open
    expect(await screenPop('+31 6 1234 5678')).toEqual({ status: 200, body: { ok: true, match: 'one' } });
    await page.waitForURL(/#\/klant\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1#customer-name').innerText()).toBe('Bert Burger');
    await expect.poll(() => page.locator('[data-testid="screenpop-announcement"]').innerText()).toBe('Inkomend gesprek: Bert Burger');
    await expect.poll(() => page.locator('#contact-kanaal').inputValue()).toBe('telefoon');
  });

  it('several matches: shows the candidates; choosing one opens that customer', async () => {
    const { page } = app;
    // Stored as Open Klant accepts a telefoonnummer (no dashes); dialled in another format below.
    const gedeeld = '0655501234';
    const persons = (await ki('/partijen?soortPartij=persoon&pageSize=3&page=5')).results as { uuid: string }[];
    for (const p of persons.slice(0, 2)) {
      await ki('/digitaleadressen', {
        method: 'POST',
        body: JSON.stringify({ verstrektDoorPartij: { uuid: p.uuid }, adres: gedeeld, soortDigitaalAdres: 'telefoonnummer', omschrijving: 'Gedeeld' }),
      });
    }
    expect(await screenPop('0031 6 5550 1234')).toEqual({ status: 200, body: { ok: true, match: 'several' } });
    await page.waitForURL(/#\/inkomend$/);
    const candidates = page.locator('[data-testid="screenpop-candidates"] button');
    await expect.poll(() => candidates.count()).toBe(2);
    expect(await page.locator('[data-testid="screenpop-view"]').innerText()).toContain('+31655501234');
    await expectNoSeriousAxeViolations();
    const first = (await candidates.first().locator('.naam').innerText()).trim();
    await candidates.first().click();
    await page.waitForURL(/#\/klant\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1#customer-name').innerText()).toBe(first);
  });

  it('no match: starts a contact with an unknown caller (no partij)', async () => {
    const { page } = app;
    const before = ((await ki('/partijen?pageSize=1')) as { count: number }).count;
    expect(await screenPop('06-99990001')).toEqual({ status: 200, body: { ok: true, match: 'none' } });
    await page.waitForURL(/#\/$/);
    await expect.poll(() => page.locator('[data-testid="screenpop-announcement"]').innerText()).toBe('Inkomend gesprek van een onbekend nummer');
    await expect.poll(() => page.locator('main').innerText()).toMatch(/Onbekende beller/);
    expect(((await ki('/partijen?pageSize=1')) as { count: number }).count).toBe(before);

    // A number Open Klant can never store is refused at the field, in Dutch, before anything is sent.
    const nummer = page.locator('#contact-beller-nummer');
    await nummer.fill('0900-1234567');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('#contact-beller-nummer-error').innerText()).toContain('Een 0800-, 0900- of 140-nummer kan het zaaksysteem niet opslaan');
    expect(await nummer.getAttribute('aria-invalid')).toBe('true');
  });
});
