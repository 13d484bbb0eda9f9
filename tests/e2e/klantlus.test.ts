/**
 * De klantlus: find Bert Burger with the keyboard, see his history and zaken, register a
 * telephone contact, watch it go from "Nog niet verzonden" to acknowledged, and find it in the
 * demo zaaksysteem itself. Also: axe-core on the customer view, and no console errors (CSP).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startApp, type RunningApp } from './harness';

const DEMO_TOKEN = 'Token turfbrug-demo-token';
const BERT_BSN = '999993653';
// Screenshots go to test-results/ on every run; `UPDATE_SCREENSHOTS=1 npm test` refreshes the README's.
const SHOTS_DIR = join(REPO_ROOT, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots');
const SCREENSHOT = join(SHOTS_DIR, 'klantbeeld.png');
const SCREENSHOT_ZAKEN = join(SHOTS_DIR, 'klantbeeld-zaken.png');

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

async function demoGet(path: string): Promise<unknown> {
  const response = await fetch(`${app.demoUrl}${path}`, { headers: { Authorization: DEMO_TOKEN, Accept: 'application/json' } });
  expect(response.status, `GET ${path}`).toBe(200);
  return response.json();
}

/** All results of a DRF-style paginated list (or a plain array). */
async function demoList(path: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let next: string | null = path;
  while (next) {
    const page = (await demoGet(next)) as { results?: Record<string, unknown>[]; next?: string | null } | Record<string, unknown>[];
    if (Array.isArray(page)) return page;
    out.push(...(page.results ?? []));
    next = page.next ? page.next.replace(app.demoUrl, '') : null;
  }
  return out;
}

describe('de klantlus', () => {
  it('finds Bert Burger, shows his picture, registers a contact that reaches the zaaksysteem', async () => {
    const { page } = app;
    const onderwerp = `Vraag over parkeervergunning ${Date.now().toString(36)}`;
    const note = 'Wil weten of de bewonersvergunning ook geldt voor een deelauto. Uitgelegd; geen vervolg nodig.';

    await page.goto(app.appUrl);
    const search = page.locator('#customer-search');
    await search.waitFor();

    // Ctrl+K focuses the search from anywhere.
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+K');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('customer-search');

    // Type "Burger"; on a fresh data dir the first sync may still be filling the cache: retype until he is there.
    const bert = page.locator('[role="option"]', { hasText: 'Bert Burger' });
    const deadline = Date.now() + 60_000;
    for (;;) {
      await search.fill('');
      await page.keyboard.type('Burger');
      try {
        await bert.first().waitFor({ timeout: 3_000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
    await expect.poll(() => search.getAttribute('aria-expanded')).toBe('true');
    // Escape closes the list; the arrow key opens it again.
    await page.keyboard.press('Escape');
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowDown');
    expect(await search.getAttribute('aria-expanded')).toBe('true');

    // Move the active option to Bert with the arrow keys, then open with Enter.
    for (let i = 0; i < 25; i++) {
      const activeId = await search.getAttribute('aria-activedescendant');
      const activeText = activeId ? await page.locator(`#${activeId}`).innerText() : '';
      if (activeText.includes('Bert Burger')) break;
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.locator(`#${await search.getAttribute('aria-activedescendant')}`).innerText()).toContain('Bert Burger');
    await page.keyboard.press('Enter');

    await page.waitForURL(/#\/klant\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1#customer-name').innerText()).toBe('Bert Burger');
    expect(page.url()).not.toContain(BERT_BSN);
    await expect.poll(() => page.getByText('*****3653').count()).toBeGreaterThan(0);

    // Earlier contacts and zaken (the background refresh may still be bringing them in).
    const contacts = page.locator('section[aria-labelledby="history-title"] article');
    const zaken = page.locator('section[aria-labelledby="zaken-title"] article');
    await expect.poll(() => contacts.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => zaken.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const earlierContacts = await contacts.count();

    // Accessibility of the customer view with the form.
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = (await page.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
    )) as { id: string; impact: string | null; help: string; nodes: string[] }[];
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);

    // Register a telephone contact, keyboard only. Focus landed in the form after opening.
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('contact-onderwerp');
    await page.locator('#contact-kanaal').selectOption('telefoon');
    await page.locator('#contact-onderwerp').focus();
    await page.keyboard.type(onderwerp);
    await page.keyboard.press('Tab');
    await page.keyboard.type(note);
    // Every vraag records its gespreksresultaat (required).
    await page.locator('#contact-resultaat').selectOption('zelfstandig_afgehandeld');
    await page.locator('#contact-notities').focus();

    // Local-first: the write answers before anything is sent. (The badge of the first render is
    // not a reliable witness: under load Vue may batch the answer and the acknowledgement.)
    const finished = page.waitForResponse((r) => r.url().endsWith('/api/contacts.finish'));
    await page.keyboard.press('Control+Enter');

    const item = contacts.filter({ has: page.locator('h3', { hasText: onderwerp }) });
    await item.waitFor();
    const answer = (await (await finished).json()) as { ok: boolean; value?: { contacts: { onderwerp: string; syncState: string }[] } };
    expect(answer.value?.contacts.map((c) => [c.onderwerp, c.syncState])).toEqual([[onderwerp, 'pending']]);
    expect(await contacts.count()).toBe(earlierContacts + 1);
    expect(await contacts.first().locator('h3').innerText()).toBe(onderwerp); // newest first
    await expect.poll(() => page.locator('.contact-form > [role="status"]').innerText()).toContain('Contact geregistreerd');
    expect(await page.locator('#contact-onderwerp').inputValue()).toBe('');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('contact-onderwerp');

    // Acknowledged by the zaaksysteem: the badge goes away (and never turns into "mislukt").
    await expect
      .poll(async () => ((await item.locator('.badge').count()) === 0 ? 'sent' : await item.locator('.badge').innerText()), { timeout: 90_000 })
      .toBe('sent');

    await mkdir(SHOTS_DIR, { recursive: true });
    await page.locator('#contact-notities').blur();
    await page.screenshot({ path: SCREENSHOT });
    await page.evaluate(`document.getElementById('zaken-title').scrollIntoView({ block: 'start' })`);
    await page.screenshot({ path: SCREENSHOT_ZAKEN });

    // And it is really there, in the demo zaaksysteem (Open Klant 2 Klantinteracties API).
    const partijen = await demoList(`/klantinteracties/api/v1/partijen?partijIdentificator__codeSoortObjectId=bsn&partijIdentificator__objectId=${BERT_BSN}`);
    expect(partijen).toHaveLength(1);
    const partijUuid = String(partijen[0]!.uuid);
    const klantcontacten = await demoList(`/klantinteracties/api/v1/klantcontacten?hadBetrokkene__wasPartij__uuid=${partijUuid}`);
    const mine = klantcontacten.filter((k) => k.onderwerp === onderwerp);
    expect(mine, `klantcontacten of Bert: ${klantcontacten.map((k) => k.onderwerp).join(' | ')}`).toHaveLength(1);
    expect(mine[0]!.kanaal).toBe('telefoon');
    expect(mine[0]!.inhoud).toBe(note);

    expect(await page.evaluate('window.__cspViolations')).toEqual([]);
    expect(app.consoleErrors, app.consoleErrors.join('\n')).toEqual([]);
  });
});
