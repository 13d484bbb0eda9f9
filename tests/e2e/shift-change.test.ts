/**
 * A shift change at one workstation (issue 12): bianca signs in, finds Bert Burger, signs out
 * (which drops the local index); kevin signs in and types "Burger" once. Bert Burger must appear
 * for that one query, without retyping: what the sign-in re-reads is re-read at once, and the
 * search follows it (or the registers answer). Nothing of bianca's search is left on the page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, startApp, type DemoAccount, type RunningApp } from './harness';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ account: null });
});
afterAll(async () => app?.stop());

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

describe('a shift change at one workstation', () => {
  it('bianca finds Bert Burger, signs out; kevin signs in and "Burger" finds him with one query', async () => {
    const { page } = app;
    await page.goto(app.appUrl);
    await signIn(page, 'bianca');
    await typeOnce(page, 'Burger', 'Bert Burger');
    await signOut(page);
    expect(await page.locator('body').innerText()).not.toContain('Bert Burger');

    await signIn(page, 'kevin');
    expect(await page.locator('.user-menu .toggle').innerText()).toContain('Kevin');
    await typeOnce(page, 'Burger', 'Bert Burger');
  });
});
