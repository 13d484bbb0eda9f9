/**
 * Identify by achternaam + geboortedatum (issue 3): the search asks the BRP (the embedded
 * demo's BRP API Personen) and shows the customers with the BSNs it finds; an invalid date is
 * explained as you type.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startApp, type RunningApp } from './harness';

const SHOTS_DIR = join(REPO_ROOT, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots');
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

describe('search by achternaam + geboortedatum (BRP)', () => {
  it('Ctrl+K, "Burger 12-03-1968": Bert Burger appears and opens', async () => {
    const { page } = app;
    await page.goto(app.appUrl);
    await page.locator('#customer-search').waitFor();
    await page.locator('body').click();
    await page.keyboard.press('Control+K');
    await expect.poll(() => page.evaluate<string>("document.activeElement ? document.activeElement.id : ''")).toBe('customer-search');
    await page.keyboard.type('Burger 12-03-1968');
    const bert = page.locator('[role="option"]', { hasText: 'Bert Burger' });
    await bert.first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="search-kind"]').innerText()).toContain('geboortedatum');
    await mkdir(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SHOTS_DIR, 'klantbeeld-zoeken-brp.png') });
    const options = await page.locator('[role="option"]').allInnerTexts();
    expect(options.filter((o) => o.includes('Burger')).length).toBeGreaterThanOrEqual(1);
    await bert.first().click();
    await page.waitForURL(/#\/klant\/[0-9a-f-]{36}$/);
    await page.locator('h1#customer-name', { hasText: 'Bert Burger' }).waitFor();
  });

  it('an impossible date is explained at once, without results', async () => {
    const { page } = app;
    const input = page.locator('#customer-search');
    await input.fill('');
    await input.pressSequentially('Burger 31-02-1968');
    await expect.poll(() => page.getByText('Dit is geen geldige geboortedatum', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('[role="option"]').count()).toBe(0);
  });

  it('a wrong birth date finds no one', async () => {
    const { page } = app;
    const input = page.locator('#customer-search');
    await input.fill('');
    await input.pressSequentially('Burger 13-03-1968');
    // The proof that the search answered (and also asked the zaaksysteem): its "done" line, or its message.
    await page.locator('[data-testid="search-kind"] .remote', { hasText: 'Ook in het zaaksysteem gezocht' }).or(page.locator('[data-testid="search-message"]')).waitFor({ timeout: 60_000 });
    expect(await page.locator('[role="option"]', { hasText: 'Bert Burger' }).count()).toBe(0);
    expect(app.hostLog()).not.toContain('999993653');
  });
});
