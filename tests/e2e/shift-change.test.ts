/**
 * A shift change at one workstation (issue 12), with the bounded local index (no copy of the
 * partij register, the default outside the demo) and with the full copy (the demo's default):
 * bianca signs in, finds Bert Burger through the BRP ("Bert Burger"), helps
 * him (a klantcontact), signs out (which drops the local index); kevin signs in and types
 * "Burger" once. Bert Burger must appear for that one query, without retyping: at sign-in the
 * workstation's working set (the partijen opened here in the last werkdagen) is re-read from
 * Open Klant at once, and the search follows it.
 * Nothing of bianca's work is left on the page.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, startApp, type DemoAccount, type RunningApp } from './harness';

const DEMO_TOKEN = 'Token turfbrug-demo-token';
const BERT_BSN = '999993653';

let app: RunningApp;

async function signIn(page: Page, account: DemoAccount): Promise<void> {
  await page.locator('#signin-account').waitFor();
  await page.locator('#signin-account').fill(account);
  await page.locator('#signin-wachtwoord').fill(demoPassword(account));
  await page.keyboard.press('Enter');
  await page.locator('#customer-search').waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.locator('.user-menu .toggle').click();
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await page.locator('#signin-account').waitFor();
}

/** Types the query once; the option must come without typing again. */
async function typeOnce(page: Page, query: string, expected: string): Promise<void> {
  const input = page.locator('#customer-search');
  await input.fill('');
  await input.pressSequentially(query);
  await page.locator('[role="option"]', { hasText: expected }).first().waitFor({ timeout: 15_000 });
}

async function bertHasContact(onderwerp: string): Promise<boolean> {
  const get = async (path: string) => (await (await fetch(`${app.demoUrl}/klantinteracties/api/v1${path}`, { headers: { Authorization: DEMO_TOKEN, Accept: 'application/json' } })).json()) as { results: Record<string, unknown>[] };
  const partij = (await get(`/partijen?partijIdentificator__codeSoortObjectId=bsn&partijIdentificator__objectId=${BERT_BSN}`)).results[0]!;
  const contacts = await get(`/klantcontacten?hadBetrokkene__wasPartij__uuid=${String(partij.uuid)}&pageSize=100`);
  return contacts.results.some((k) => k.onderwerp === onderwerp);
}

for (const prefetchPartijen of [false, true]) {
  describe(`a shift change at one workstation (${prefetchPartijen ? 'full copy of the register' : 'bounded local index'})`, () => {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'klantbeeld-shift-'));
      await writeFile(join(dataDir, 'klantbeeld.config.json'), JSON.stringify({ sync: { prefetchPartijen } }));
      app = await startApp({ account: null, dataDir });
    });
    afterAll(async () => {
      await app?.stop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('bianca helps Bert Burger and signs out; kevin signs in and "Burger" finds him with one query', async () => {
      const { page } = app;
      await page.goto(app.appUrl);
      await signIn(page, 'bianca');
      await typeOnce(page, 'Bert Burger', 'Bert Burger');
      await page.locator('[role="option"]', { hasText: 'Bert Burger' }).first().click();
      await page.locator('h1#customer-name', { hasText: 'Bert Burger' }).waitFor();
      const onderwerp = `Afvalpas kwijt ${Date.now().toString(36)}`;
      await page.locator('#contact-onderwerp').fill(onderwerp);
      await page.locator('#contact-resultaat').selectOption('zelfstandig_afgehandeld');
      await page.locator('#contact-afdeling').selectOption('Afval en Reiniging');
      await page.keyboard.press('Control+Enter');
      // In Open Klant before the shift ends (the outbox delivers it).
      await expect.poll(() => bertHasContact(onderwerp), { timeout: 30_000 }).toBe(true);
      await signOut(page);
      expect(await page.locator('body').innerText()).not.toContain('Bert Burger');

      await signIn(page, 'kevin');
      expect(await page.locator('.user-menu .toggle').innerText()).toContain('Kevin');
      await typeOnce(page, 'Burger', 'Bert Burger');
    });
  });
}
