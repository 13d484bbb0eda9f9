/**
 * A person only the BRP knows becomes a customer from the search (issue 12): Tab from the search
 * field reaches "Klant aanmaken en openen", Enter opens the new customer at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './harness';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

describe('a register-only person becomes a customer', () => {
  it('BSN of a resident Open Klant does not know: Tab to the button, Enter, the customer opens', async () => {
    const { page } = app;
    await page.goto(app.appUrl);
    const input = page.locator('#customer-search');
    await input.waitFor();
    await input.click();
    await input.pressSequentially('999990019');
    const create = page.locator('[data-testid="register-only-create"]');
    await create.waitFor({ timeout: 60_000 });
    expect(await create.innerText()).toBe('Klant aanmaken en openen');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate<string>("document.activeElement?.getAttribute('data-testid') ?? ''")).toBe('register-only-create');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/klant\/[0-9a-f-]{36}$/);
    await page.locator('h1#customer-name', { hasText: 'Anouk Veenstra' }).waitFor();
    expect(app.hostLog()).not.toContain('999990019');
  });
});
