/**
 * The shell asks the core only what the signed-in user's roles allow (the contract's `roles`
 * per operation) and links only the views the user can use. One host; each demo user signs in,
 * walks every link of the navigation and signs out: no call is refused (403) along the way, and
 * axe finds nothing on any of those whole pages (top bar, navigation, view, kennisbank).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSettled, forgetRefusedCalls, pageAxeViolations, signInByApi, startApp, type DemoAccount, type RunningApp } from './harness';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ account: null });
});
afterAll(async () => app?.stop());

const NAV: Record<Exclude<DemoAccount, 'kevin'>, string[]> = {
  bianca: ['Klant zoeken', 'Terugbelverzoeken'],
  marloes: ['Klant zoeken', 'Terugbelverzoeken', 'Teamoverzicht'],
  fatima: ['Klant zoeken', 'Terugbelverzoeken'],
  sanne: ['Klant zoeken', 'Terugbelverzoeken', 'Kennisredactie'],
  beheer: ['Start', 'Werkdagen', 'Verwerkingenlog'],
};

async function navLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
  await nav.getByRole('link').first().waitFor();
  // The callbacks link may carry a count: "Terugbelverzoeken (2 open)".
  return (await nav.getByRole('link').allInnerTexts()).map((text) => text.replace(/\s*\(.*\)$/s, '').trim());
}

/**
 * The push channel stays open (no 'networkidle'): wait until the view's reads have answered
 * (no API call in flight after the page rendered); the calls refused so far (403).
 */
const settle = (page: Page) => apiSettled(page);

async function signOut(page: Page): Promise<void> {
  await page.locator('.user-menu .toggle').click();
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await page.getByRole('button', { name: 'Inloggen', exact: true }).waitFor();
}

describe('the shell per role', () => {
  for (const [account, links] of Object.entries(NAV) as [Exclude<DemoAccount, 'kevin'>, string[]][]) {
    it(`${account}: links ${links.join(', ')}; no refused call`, async () => {
      const { page } = app;
      await signInByApi(app.appUrl, account);
      await page.goto(app.appUrl);
      expect(await navLinks(page)).toEqual(links);
      expect(await pageAxeViolations(page), `${account} on the start page`).toEqual([]);
      // Every view of the navigation, and back to the start.
      for (const name of links.slice(1)) {
        await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name }).click();
        await page.locator('main h1').first().waitFor();
        await settle(page);
        expect(await pageAxeViolations(page), `${account} on ${name}`).toEqual([]);
      }
      await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: links[0] }).click();
      // The counter lives in the page since the goto above: every call of this walk.
      expect(await settle(page)).toEqual([]);
      expect(app.consoleErrors.filter((e) => /403|toegang/.test(e))).toEqual([]);
      await signOut(page);
    });
  }

  it('a view the role does not allow opens the start page instead', async () => {
    const { page } = app;
    await signInByApi(app.appUrl, 'beheer');
    await forgetRefusedCalls(page);
    await page.goto(`${app.appUrl}#/terugbelverzoeken`);
    await page.waitForURL(/#\/$/);
    await page.getByRole('heading', { name: 'Welkom' }).waitFor();
    expect(await settle(page)).toEqual([]);
    await signOut(page);
  });
});
