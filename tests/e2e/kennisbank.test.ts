/**
 * The kennisbank beside a contact (issue 4), in Chromium against the real browser host: search
 * during a contact (Alt+K), Enter opens the best hit, the answer for the contact's channel
 * first and a switch to another channel, add it to the contact (onderwerp and afdeling
 * prefilled), finish, and the klantcontact in the demo zaaksysteem carries the article. Then a
 * script-laden article, published through the demo Objects API and synced at the next start,
 * stays inert in the browser.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kennisartikelen } from '../../src/demo/seed/kennis';
import { HOSTILE_HTML } from '../unit/kennis/hostile';
import { startApp, type RunningApp, openBert, activeId, nextFrame } from './harness';

const DEMO_TOKEN = 'Token turfbrug-demo-token';
const OBJECTS_TOKEN = 'Token turfbrug-demo-objects-token';
const ARTIKEL_TYPE = '5b1c6a9e-0b8e-4c55-9a57-6f3c1d2e4a01';
const BERT_BSN = '999993653';
const run = Date.now().toString(36);
const kwijt = kennisartikelen.find((a) => a.id === 'reisdocument-kwijt-gestolen')!;


const firstWords = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 60);

async function axeSerious(page: Page, selector: string): Promise<unknown[]> {
  if (!(await page.evaluate<boolean>("'axe' in window"))) {
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  }
  const violations = (await page.evaluate(
    `axe.run(${JSON.stringify(selector)}, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
  )) as { impact: string | null }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('kennisbank beside a contact', () => {
  let app: RunningApp;
  let dataDir: string;

  async function bertKlantcontacten(): Promise<Record<string, unknown>[]> {
    const get = async (path: string) => (await (await fetch(`${app.demoUrl}${path}`, { headers: { Authorization: DEMO_TOKEN } })).json()) as Record<string, unknown>;
    const partijen = await get(`/klantinteracties/api/v1/partijen?partijIdentificator__codeSoortObjectId=bsn&partijIdentificator__objectId=${BERT_BSN}`);
    const uuid = String((partijen.results as { uuid: string }[])[0]!.uuid);
    return (await get(`/klantinteracties/api/v1/klantcontacten?hadBetrokkene__wasPartij__uuid=${uuid}&pageSize=100`)).results as Record<string, unknown>[];
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'klantbeeld-e2e-kennis-'));
    app = await startApp({ dataDir });
    await openBert(app);
  });
  afterAll(async () => {
    await app?.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  });

  it('search during a contact, open, switch channel, add to the contact; the klantcontact carries it', async () => {
    const { page } = app;
    await page.locator('#contact-kanaal').selectOption('telefoon');
    await page.locator('#contact-notities').focus();
    await page.keyboard.press('Alt+k');
    expect(await activeId(page)).toBe('kennis-zoek');
    await page.keyboard.type('mijn paspoort is kwijt');
    const best = page.locator('.kennisbank button.hit').first();
    await expect.poll(() => best.locator('.titel').innerText()).toBe(kwijt.titel);
    await expect.poll(() => page.locator('.kennisbank [role="status"]').innerText()).toMatch(/\d+ resultaten?/);
    // The customer picture stays in view beside the results.
    expect(await page.locator('h1#customer-name').isVisible()).toBe(true);
    expect(await best.locator('mark').first().innerText()).toMatch(/paspoort|kwijt/i);

    await page.keyboard.press('Enter');
    await page.locator('#kennis-article-title', { hasText: kwijt.titel }).waitFor();
    expect(await activeId(page)).toBe('kennis-article-title');
    // The telephone answer first: the contact is by phone.
    const selected = page.locator('.kennisbank [role="tab"][aria-selected="true"]');
    expect(await selected.innerText()).toBe('Telefoon');
    expect(firstWords(await page.locator('#kennis-tabpanel').innerText())).toBe(firstWords(kwijt.kanaalAntwoorden.telefoon));
    await page.locator('.kennisbank [role="tab"]', { hasText: 'Balie' }).click();
    expect(await selected.innerText()).toBe('Balie');
    expect(firstWords(await page.locator('#kennis-tabpanel').innerText())).toBe(firstWords(kwijt.kanaalAntwoorden.balie));
    await selected.press('ArrowRight');
    expect(await selected.innerText()).toBe('E-mail');

    expect(await axeSerious(page, '.kennisbank')).toEqual([]);

    await page.getByRole('button', { name: 'Toevoegen aan contact' }).click();
    await page.locator('.kennisbank .chip', { hasText: kwijt.titel }).waitFor();
    expect(await page.getByRole('button', { name: 'Toegevoegd aan contact' }).getAttribute('aria-disabled')).toBe('true');
    // An empty onderwerp and afdeling were prefilled from the article.
    expect(await page.locator('#contact-onderwerp').inputValue()).toBe(kwijt.titel);
    expect(await page.locator('#contact-afdeling').inputValue()).toBe('Burgerzaken');
    expect(await page.locator('input[name="kennis-antwoord-gevonden"][value="true"]').isChecked()).toBe(true);

    const onderwerp = `${kwijt.titel} ${run}`;
    await page.locator('#contact-onderwerp').fill(onderwerp);
    await page.locator('#contact-resultaat').selectOption('zelfstandig_afgehandeld');
    await page.locator('#contact-onderwerp').focus();
    await page.keyboard.press('Control+Enter');
    const item = page.locator('section[aria-labelledby="history-title"] article').filter({ has: page.locator('h3', { hasText: onderwerp }) });
    await item.waitFor();
    expect(await item.innerText()).toContain(kwijt.titel);
    // Finishing cleared the chips for the next contact.
    await expect.poll(() => page.locator('.kennisbank .chip').count()).toBe(0);

    await expect.poll(async () => (await bertKlantcontacten()).some((k) => k.onderwerp === onderwerp), { timeout: 60_000 }).toBe(true);
    const kc = (await bertKlantcontacten()).find((k) => k.onderwerp === onderwerp)!;
    expect(kc.metadata).toMatchObject({ kennisartikelen: 'reisdocument-kwijt-gestolen', antwoordGevondenInKennisbank: 'ja', afdeling: 'Burgerzaken' });
  });

  it('a script-laden article from the source stays inert in the browser', async () => {
    const created = await fetch(`${app.demoUrl}/objecten/api/v2/objects`, {
      method: 'POST',
      headers: { Authorization: OBJECTS_TOKEN, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: `${app.demoUrl}/objecttypes/api/v2/objecttypes/${ARTIKEL_TYPE}`,
        record: {
          typeVersion: 1,
          startAt: '2026-11-28',
          data: {
            id: `vijandig-${run}`,
            titel: `Zwembadpas Turfbrug ${run}`,
            samenvatting: 'Een artikel met scripts erin.',
            afdeling: 'Dienstverlening',
            trefwoorden: ['zwembadpas'],
            synoniemen: [],
            secties: { inleiding: HOSTILE_HTML, bijzonderheden: '<p>Gewone tekst <img src="https://tracker.example/p.gif"></p>' },
            kanaalAntwoorden: { telefoon: `<b onmouseover="window.__pwned=1">Bel</b><script>window.__pwned=1</script>`, balie: '<a href="javascript:window.__pwned=1">klik</a>' },
          },
        },
      }),
    });
    expect(created.status).toBe(201);
    // The next start syncs it (the sync also runs every refreshMinutes).
    await app.stop();
    app = await startApp({ dataDir });
    const { page } = app;
    await page.goto(app.appUrl);
    await page.locator('#kennis-zoek').waitFor();
    await page.locator('#kennis-zoek').fill('zwembadpas');
    await page.locator('.kennisbank button.hit', { hasText: `Zwembadpas Turfbrug ${run}` }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.locator('#kennis-article-title', { hasText: `Zwembadpas Turfbrug ${run}` }).waitFor();
    await page.locator('.kennisbank [role="tab"]', { hasText: 'Balie' }).click();
    const article = page.locator('.kennisbank article');
    await article.hover();
    for (const link of await article.locator('a').all()) await link.hover();
    await nextFrame(page); // every mouseover handler has run and rendered
    expect(await page.evaluate<unknown>('window.__pwned')).toBeUndefined();
    expect(await article.locator('script, img, iframe, svg, form, style, object, embed').count()).toBe(0);
    const html = await article.innerHTML();
    expect(html).not.toMatch(/\son[a-z]+=|javascript:|tracker\.example/i);
    expect(await article.innerText()).toContain('Kop één');
    expect(app.consoleErrors).toEqual([]);
    expect(await page.evaluate<string[]>('window.__cspViolations')).toEqual([]);
  });
});

