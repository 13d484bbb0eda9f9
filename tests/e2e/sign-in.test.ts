/**
 * Sign-in and the idle lock in the browser, as a clerk meets them: the sign-in view with a
 * wrong and then the right password, the warning before the lock ("Ik ben er nog" extends), the
 * lock hiding the customer, unlocking bringing it back with the typed contact intact, and
 * signing out. The idle time is shortened through KLANTBEELD_IDLE_* for the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeId, demoPassword, openBert, seriousAxeViolations, startApp, type RunningApp } from './harness';

let app: RunningApp;
const IDLE_SECONDS = 15;
const WARN_SECONDS = 6;

beforeAll(async () => {
  app = await startApp({
    account: null,
    env: { KLANTBEELD_IDLE_LOCK_MINUTES: String(IDLE_SECONDS / 60), KLANTBEELD_IDLE_WARN_SECONDS: String(WARN_SECONDS) },
  });
});
afterAll(async () => {
  await app?.stop();
});

/** A call as the page makes it (same origin, the page's host secret); a string, so no DOM types here. */
function callFromPage(operation: string, input: unknown): Promise<unknown> {
  return app.page.evaluate<unknown>(`(async () => {
    const secret = document.querySelector('meta[name="klantbeeld-secret"]').content;
    const response = await fetch('/api/${operation}', { method: 'POST', headers: { 'content-type': 'application/json', 'x-klantbeeld-secret': secret }, body: ${JSON.stringify(JSON.stringify(input))} });
    return response.json();
  })()`);
}

describe('sign-in and the idle lock', () => {
  it('asks to sign in first; a wrong password gets a clear message, the right one opens Klantbeeld', async () => {
    const { page } = app;
    await page.goto(`${app.appUrl}#/klant/00000000-0000-4000-8000-000000000000`);
    await page.locator('h1', { hasText: 'Inloggen bij Klantbeeld' }).waitFor();
    expect(page.url()).toMatch(/#\/inloggen\?terug=/);
    expect(await activeId(page)).toBe('signin-account');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#signin-account-error').textContent()).toBe('Vul uw account in.');
    await page.keyboard.type('bianca');
    await page.keyboard.press('Tab');
    await page.keyboard.type('turfbrug-kevin');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#signin-error[role="alert"]').textContent()).toBe('Onbekend account of onjuist wachtwoord.');
    expect(await activeId(page)).toBe('signin-wachtwoord');
    expect(await page.locator('#signin-wachtwoord').inputValue()).toBe('');
    expect(await page.locator('#customer-search').count()).toBe(0);

    await page.keyboard.type(demoPassword('bianca'));
    await page.keyboard.press('Enter');
    await page.locator('#customer-search').waitFor();
    expect(await page.locator('.user-menu .toggle').innerText()).toContain('Bianca de Vries');
  });

  it('warns before locking; "Ik ben er nog" keeps the session', async () => {
    const { page } = app;
    await openBert(app);
    await page.locator('#contact-onderwerp').fill('Afvalpas kwijt, nieuwe aangevraagd');
    const warning = page.locator('dialog.idle[open]');
    await warning.waitFor({ timeout: IDLE_SECONDS * 1000 + 5_000 });
    expect(await warning.innerText()).toMatch(/Over \d seconden wordt het scherm vergrendeld/);
    expect(await activeId(page)).toBe('');
    expect(await page.evaluate<string>("document.activeElement ? document.activeElement.textContent.trim() : ''")).toBe('Ik ben er nog');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const lockAt = async () => Date.parse(((await callFromPage('auth.status', {})) as { value: { idle: { lockAt: string } } }).value.idle.lockAt);
    const wouldHaveLocked = await lockAt();
    await page.keyboard.press('Enter');
    await warning.waitFor({ state: 'detached' });
    // The core moved its lock moment on; then wait (for the clock, which is what is tested) until
    // the moment the lock would have come without the extension has passed: still signed in.
    await expect.poll(lockAt).toBeGreaterThan(wouldHaveLocked);
    await expect.poll(() => Date.now(), { timeout: WARN_SECONDS * 1000 + 60_000 }).toBeGreaterThan(wouldHaveLocked + 1_000);
    expect(await callFromPage('auth.status', {})).toMatchObject({ value: { state: 'ingelogd' } });
    expect(await page.locator('h1#customer-name', { hasText: 'Bert Burger' }).isVisible()).toBe(true);
  });

  it('locks after the idle time: the customer is gone from the page, the core refuses it too', async () => {
    const { page } = app;
    await page.locator('h1', { hasText: 'Scherm vergrendeld' }).waitFor({ timeout: IDLE_SECONDS * 1000 + 10_000 });
    expect(await page.locator('h1#customer-name').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('Bert Burger');
    expect(await page.locator('body').innerText()).toContain('Ingelogd als Bianca de Vries');
    expect(await activeId(page)).toBe('lock-wachtwoord');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await callFromPage('customers.search', { query: 'Bert' })).toMatchObject({ ok: false, error: { code: 'vergrendeld' } });
  });

  it('unlocks with her password only; the customer and the typed contact are back', async () => {
    const { page } = app;
    await page.keyboard.type('verkeerd');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#lock-error').textContent()).toBe('Onjuist wachtwoord.');
    await page.keyboard.type(demoPassword('bianca'));
    await page.keyboard.press('Enter');
    await page.locator('h1#customer-name', { hasText: 'Bert Burger' }).waitFor();
    expect(await page.locator('#contact-onderwerp').inputValue()).toBe('Afvalpas kwijt, nieuwe aangevraagd');
    // Saved in the core before the lock, not only kept in the window.
    expect(await callFromPage('drafts.list', {})).toMatchObject({ ok: true, value: [{ vragen: [{ onderwerp: 'Afvalpas kwijt, nieuwe aangevraagd' }] }] });
  });

  it('Ctrl+Shift+L locks at once, after writing what was just typed; signing out leads to the sign-in view', async () => {
    const { page } = app;
    await page.locator('#contact-onderwerp').focus();
    await page.keyboard.type(' (pas 2)');
    await page.keyboard.press('Control+Shift+L');
    await page.locator('h1', { hasText: 'Scherm vergrendeld' }).waitFor();
    expect(await page.locator('body').innerText()).toContain('U heeft het scherm vergrendeld.');
    await page.keyboard.type(demoPassword('bianca'));
    await page.keyboard.press('Enter');
    await page.locator('h1#customer-name', { hasText: 'Bert Burger' }).waitFor();
    expect(await callFromPage('drafts.list', {})).toMatchObject({ ok: true, value: [{ vragen: [{ onderwerp: 'Afvalpas kwijt, nieuwe aangevraagd (pas 2)' }] }] });

    await page.keyboard.press('Control+Shift+L');
    await page.locator('h1', { hasText: 'Scherm vergrendeld' }).waitFor();
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.locator('h1', { hasText: 'Inloggen bij Klantbeeld' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Bianca de Vries');
  });
});
