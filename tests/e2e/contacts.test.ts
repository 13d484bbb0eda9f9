/**
 * Register contacts and the keyboard (issue 3), in Chromium against the real browser host:
 * a contact with two vragen (two klantcontacten with their metadata in the demo zaaksysteem),
 * starting a zaak (zaaktype and initiator rol in the demo zaaksysteem), two contacts open at
 * once, the help overlay, F6 pane cycling, axe on the contact form, and a draft that survives
 * the core being killed mid-typing.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zgwToken } from '../integration/demo/helpers';
import { REPO_ROOT, startApp, type RunningApp, openBert, activeId, nextFrame } from './harness';

const DEMO_TOKEN = 'Token turfbrug-demo-token';
const BERT_BSN = '999993653';
const SHOTS_DIR = join(REPO_ROOT, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots');
const run = Date.now().toString(36);



async function axeSerious(page: Page): Promise<unknown[]> {
  if (!(await page.evaluate<boolean>("'axe' in window"))) {
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  }
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
  )) as { impact: string | null }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('register contacts', () => {
  let app: RunningApp;

  async function demo(path: string, zgw = false): Promise<Record<string, unknown>> {
    const headers: Record<string, string> = zgw
      ? { Authorization: `Bearer ${await zgwToken()}`, 'Accept-Crs': 'EPSG:4326', Accept: 'application/json' }
      : { Authorization: DEMO_TOKEN, Accept: 'application/json' };
    const response = await fetch(`${app.demoUrl}${path}`, { headers });
    expect(response.status, `GET ${path}`).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  async function bertKlantcontacten(): Promise<Record<string, unknown>[]> {
    const partijen = await demo(`/klantinteracties/api/v1/partijen?partijIdentificator__codeSoortObjectId=bsn&partijIdentificator__objectId=${BERT_BSN}`);
    const uuid = String((partijen.results as { uuid: string }[])[0]!.uuid);
    const list = await demo(`/klantinteracties/api/v1/klantcontacten?hadBetrokkene__wasPartij__uuid=${uuid}&pageSize=100&expand=gingOverOnderwerpobjecten`);
    return list.results as Record<string, unknown>[];
  }

  beforeAll(async () => {
    app = await startApp();
    await openBert(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('a contact with two vragen becomes two klantcontacten with gespreksresultaat and afdeling', async () => {
    const { page } = app;
    const first = `Bewonersvergunning ${run}`;
    const second = `Verhuizing doorgeven ${run}`;
    await page.locator('#contact-kanaal').selectOption('telefoon');
    await page.locator('#contact-onderwerp').fill(first);
    await page.locator('#contact-notities').fill('Uitgelegd hoe de bewonersvergunning werkt.');
    await page.locator('#contact-resultaat').selectOption('zelfstandig_afgehandeld');
    await page.locator('#contact-afdeling').selectOption('Parkeren');
    await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
    expect(await activeId(page)).toBe('contact-onderwerp-2');
    await page.keyboard.type(second);
    await page.locator('#contact-resultaat-2').selectOption('doorverbonden');
    await page.locator('#contact-afdeling-2').selectOption('Burgerzaken');

    // Autosaved as a draft while typing.
    await expect.poll(() => page.getByTestId('save-state').innerText()).toMatch(/Concept opgeslagen om \d\d:\d\d/);

    // Finishing without a gespreksresultaat is refused per field; here both are filled.
    await page.locator('#contact-onderwerp-2').focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.contact-form > [role="status"]').innerText()).toContain('2 contacten geregistreerd');
    const history = page.locator('section[aria-labelledby="history-title"] article');
    for (const onderwerp of [first, second]) await history.filter({ has: page.locator('h3', { hasText: onderwerp }) }).waitFor();
    // A fresh, empty contact for Bert, focus in its first field.
    expect(await page.locator('#contact-onderwerp').inputValue()).toBe('');
    expect(await activeId(page)).toBe('contact-onderwerp');

    await expect
      .poll(async () => (await bertKlantcontacten()).filter((k) => k.onderwerp === first || k.onderwerp === second).length, { timeout: 60_000 })
      .toBe(2);
    const mine = (await bertKlantcontacten()).filter((k) => k.onderwerp === first || k.onderwerp === second);
    const byOnderwerp = Object.fromEntries(mine.map((k) => [k.onderwerp, k]));
    expect(byOnderwerp[first]).toMatchObject({ kanaal: 'telefoon', inhoud: 'Uitgelegd hoe de bewonersvergunning werkt.', metadata: { gespreksresultaat: 'zelfstandig_afgehandeld', afdeling: 'Parkeren' } });
    expect(byOnderwerp[second]).toMatchObject({ kanaal: 'telefoon', metadata: { gespreksresultaat: 'doorverbonden', afdeling: 'Burgerzaken' } });
    expect(byOnderwerp[first]!.url).not.toBe(byOnderwerp[second]!.url);
  });

  it('refuses to finish without a gespreksresultaat, keeping the text, focus on the field', async () => {
    const { page } = app;
    await page.locator('#contact-onderwerp').fill('Vraag zonder resultaat');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => activeId(page)).toBe('contact-resultaat');
    expect(await page.locator('#contact-resultaat').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#contact-onderwerp').inputValue()).toBe('Vraag zonder resultaat');
  });

  it('starts a zaak that arrives at the demo zaaksysteem with the right zaaktype and Bert as initiator', async () => {
    const { page } = app;
    const omschrijving = `Tweede auto ${run}`;
    await page.getByRole('button', { name: 'Zaak starten' }).first().click();
    const type = page.locator('#zaak-start-type');
    await expect.poll(() => type.locator('option').count()).toBeGreaterThan(3);
    const label = 'Parkeervergunning bewoners';
    await type.selectOption({ label });
    const zaaktypeUrl = await type.inputValue();
    await page.locator('#zaak-start-omschrijving').fill(omschrijving);
    await page.locator('#zaak-start-omschrijving').press('Enter');
    await expect.poll(() => page.locator('.zaak-start [role="status"]').innerText()).toContain('Zaak gestart');

    // Under the zaken at once, marked; then acknowledged with its zaaknummer.
    const card = page.locator('section[aria-labelledby="zaken-title"] article', { hasText: omschrijving });
    await card.waitFor();
    // Linked to the open vraag, whose outcome became "zaak aangemaakt".
    expect(await page.locator('#contact-resultaat').inputValue()).toBe('zaak_aangemaakt');
    await expect.poll(() => card.locator('.id').innerText(), { timeout: 60_000 }).toMatch(/^ZAAK-\d{4}-\d{7}$/);
    expect(await card.locator('.sync-badge').count()).toBe(0);

    const zaken = await demo(`/zaken/api/v1/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${BERT_BSN}&pageSize=100`, true);
    const zaak = (zaken.results as Record<string, unknown>[]).find((z) => z.omschrijving === omschrijving);
    expect(zaak, 'zaak in the demo zaaksysteem').toBeDefined();
    expect(zaak!.zaaktype).toBe(zaaktypeUrl);
    const rollen = await demo(`/zaken/api/v1/rollen?zaak=${encodeURIComponent(String(zaak!.url))}`, true);
    const initiator = (rollen.results as Record<string, unknown>[]).find((r) => r.omschrijvingGeneriek === 'initiator');
    expect(initiator).toMatchObject({ betrokkeneType: 'natuurlijk_persoon', betrokkeneIdentificatie: { inpBsn: BERT_BSN } });
    expect(zaak!.status).toBeTruthy(); // the first status was set

    // Finishing the contact links the zaak as onderwerpobject of the klantcontact.
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => {
      const kc = (await bertKlantcontacten()).find((k) => k.onderwerp === 'Vraag zonder resultaat');
      const objects = ((kc?._expand as { gingOverOnderwerpobjecten?: { onderwerpobjectidentificator: { objectId: string; codeObjecttype: string } }[] })?.gingOverOnderwerpobjecten ?? []);
      return objects.map((o) => `${o.onderwerpobjectidentificator.codeObjecttype}:${o.onderwerpobjectidentificator.objectId}`).sort();
      // As Open Klant knows a zaak (zaak-gekoppeld) and as KISS does.
    }, { timeout: 60_000 }).toEqual([`zaak:${String(zaak!.uuid)}`, `zgw-Zaak:${String(zaak!.uuid)}`]);
  });

  it('a vraag becomes a terugbelverzoek: klantcontact and interne taak for the chosen team', async () => {
    const { page } = app;
    const onderwerp = `Bezwaar WOZ-waarde ${run}`;
    await page.locator('#contact-onderwerp').fill(onderwerp);
    await page.locator('#contact-notities').fill('Wil een toelichting op de taxatie.');
    await page.getByRole('button', { name: 'Terugbelverzoek maken van deze vraag' }).click();
    expect(await activeId(page)).toBe('callback-team-1');
    await page.locator('#callback-team-1').selectOption({ label: 'Team Vergunningen' });
    await page.locator('#callback-toelichting-1').fill('Graag vandaag nog; klant is boos.');
    await page.getByRole('button', { name: 'Terugbelverzoek maken', exact: true }).click();
    await expect.poll(() => page.locator('.callback .done').innerText()).toContain('Terugbelverzoek gemaakt voor Team Vergunningen');
    expect(await page.locator('#contact-resultaat').inputValue()).toBe('terugbelverzoek');
    // Finishing registers nothing twice: the vraag went out with the terugbelverzoek.
    await page.locator('#contact-onderwerp').focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.contact-form > [role="status"]').innerText()).toContain('Contact geregistreerd');

    await expect
      .poll(async () => (await bertKlantcontacten()).filter((k) => k.onderwerp === onderwerp).length, { timeout: 60_000 })
      .toBe(1);
    const kc = (await bertKlantcontacten()).find((k) => k.onderwerp === onderwerp)!;
    // The interne taak is the callback's last step, after the klantcontact: wait for it too.
    await expect
      .poll(async () => ((await demo(`/klantinteracties/api/v1/internetaken?aanleidinggevendKlantcontact__uuid=${String(kc.uuid)}`)).results as Record<string, unknown>[])[0], { timeout: 60_000 })
      .toMatchObject({ status: 'te_verwerken', toelichting: 'Graag vandaag nog; klant is boos.' });
  });

  it('keeps two contacts open at once and switches between them with the keyboard', async () => {
    const { page } = app;
    await page.locator('#contact-onderwerp').fill(`Chat een ${run}`);
    await page.keyboard.press('Control+N');
    await expect.poll(() => page.locator('.tabs .tab').count()).toBe(2);
    await expect.poll(() => activeId(page)).toBe('contact-onderwerp');
    expect(await page.locator('#contact-onderwerp').inputValue()).toBe('');
    await page.keyboard.type(`Chat twee ${run}`);
    await page.keyboard.press('Alt+PageUp');
    await expect.poll(() => page.locator('#contact-onderwerp').inputValue()).toBe(`Chat een ${run}`);
    await page.keyboard.press('Alt+PageDown');
    await expect.poll(() => page.locator('#contact-onderwerp').inputValue()).toBe(`Chat twee ${run}`);
    expect(await page.locator('.tabs [aria-current="true"]').count()).toBe(1);
  });

  it('has no serious or critical axe violations on the contact form (two vragen, zaak starter open)', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
    await page.getByRole('button', { name: 'Zaak starten' }).first().click();
    await page.locator('#zaak-start-type').waitFor();
    await page.getByRole('button', { name: 'Terugbelverzoek maken van deze vraag' }).first().click();
    await page.locator('#callback-team-1').waitFor();
    const serious = await axeSerious(page);
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('F1 and ? open the shortcuts; ? can be switched off (and stays off); F6 cycles the panes', async () => {
    const { page } = app;
    const dialog = page.locator('dialog.help');
    await page.locator('h1#customer-name').click();
    await page.keyboard.press('F1');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await activeId(page)).toBe('');
    expect(await page.evaluate<string>("document.activeElement ? document.activeElement.textContent.trim() : ''")).toBe('Sluiten');
    const serious = await axeSerious(page);
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // ? outside a field opens it; inside a field it is just a character.
    await page.locator('#contact-onderwerp').focus();
    await page.keyboard.type('?');
    expect(await dialog.isVisible()).toBe(false);
    await page.locator('h1#customer-name').click();
    await page.keyboard.press('Shift+Slash');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.locator('#help-char-shortcuts').uncheck();
    await page.keyboard.press('Escape');
    await page.reload();
    await page.locator('#contact-onderwerp').waitFor();
    await page.locator('h1#customer-name').click();
    await page.keyboard.press('Shift+Slash');
    await nextFrame(page); // the key press and what it rendered are done
    expect(await dialog.isVisible()).toBe(false);
    await page.keyboard.press('F1');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.locator('#help-char-shortcuts').isChecked()).toBe(false);
    await page.locator('#help-char-shortcuts').check();
    await page.keyboard.press('Escape');
    // Closing gives focus back to where it was (lib/modal-dialog.ts): only then move it on.
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await nextFrame(page);

    // F6: search → customer → work area → kennisbank → search; Shift+F6 back.
    await page.locator('#customer-search').focus();
    await expect.poll(() => activeId(page)).toBe('customer-search');
    const pane = () =>
      page.evaluate<string | null>("(() => { const p = document.activeElement && document.activeElement.closest('[data-pane]'); return p ? p.getAttribute('data-pane') : null; })()");
    const order: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('F6');
      order.push(await pane());
    }
    expect(order).toEqual(['customer', 'work', 'kennis', 'search']);
    expect(await activeId(page)).toBe('customer-search');
    await page.keyboard.press('Shift+F6');
    expect(await pane()).toBe('kennis');
    await page.keyboard.press('Shift+F6');
    expect(await activeId(page)).toBe('contact-onderwerp');

    await mkdir(SHOTS_DIR, { recursive: true });
    await page.locator('#contact-onderwerp').fill('Vraag over de afvalpas');
    await page.locator('#contact-notities').fill('Pas kwijt; nieuwe aangevraagd via de website.');
    await page.locator('#contact-onderwerp').blur();
    await page.screenshot({ path: join(SHOTS_DIR, 'contactformulier.png') });
    expect(await page.evaluate('window.__cspViolations')).toEqual([]);
    expect(app.consoleErrors, app.consoleErrors.join('\n')).toEqual([]);
  });
});

describe('nothing is lost', () => {
  let dataDir: string;
  let app: RunningApp | null = null;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'klantbeeld-e2e-crash-'));
  });
  afterAll(async () => {
    await app?.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  });

  it('a draft typed when the core is killed (SIGKILL) is there again after a restart', async () => {
    app = await startApp({ dataDir });
    await openBert(app);
    const { page } = app;
    const onderwerp = `Kapotte lantaarnpaal ${run}`;
    const note = 'Lantaarnpaal voor Turfmarkt 12 brandt niet sinds dinsdag.';
    await page.locator('#contact-onderwerp').fill(onderwerp);
    await page.locator('#contact-notities').focus();
    await page.keyboard.type(note, { delay: 5 });
    // Typing stops, the autosave (~300 ms) goes out; then the core dies without a shutdown.
    await expect.poll(() => page.getByTestId('save-state').innerText()).toMatch(/Concept opgeslagen/);
    await app.killHost();
    await app.stop();

    app = await startApp({ dataDir });
    await openBert(app);
    await expect.poll(() => app!.page.locator('#contact-onderwerp').inputValue()).toBe(onderwerp);
    expect(await app.page.locator('#contact-notities').inputValue()).toBe(note);
  });
});
