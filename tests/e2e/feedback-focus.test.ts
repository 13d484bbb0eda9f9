/**
 * Feedback and focus (issue 13), at 1366×768 in Chromium: finishing a contact is confirmed in
 * view by a live region and the fresh form stays clean under a second Ctrl+Enter; closing a
 * contact unregistered asks in the app's own dialog; callback actions move focus to their
 * outcome and refuse an empty result in Dutch; the notice about callbacks covers no field and
 * closes with Escape; the status bar says when the core is gone and always leads to the Wachtrij.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeId, openBert, pageAxeViolations, REPO_ROOT, startApp, type RunningApp } from './harness';

const SHOTS = join(REPO_ROOT, 'test-results/screenshots');
let app: RunningApp;

/** The element's box lies inside the viewport (the clerk sees it without scrolling). */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const r = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect();
    return !!r && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  })()`);
}

async function axeClean(page: Page): Promise<void> {
  const violations = await pageAxeViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  app = await startApp({ account: 'kevin' });
  await app.page.setViewportSize({ width: 1366, height: 768 });
}, 180_000);

afterAll(async () => {
  await app?.stop();
});

describe('feedback and focus', () => {
  it('confirms a finished contact in view, and a second Ctrl+Enter on the fresh form does nothing', async () => {
    const { page } = app;
    await openBert(app);
    await page.locator('#contact-onderwerp').fill('Vraag over de afvalpas');
    await page.locator('#contact-resultaat').selectOption('zelfstandig_afgehandeld');
    await page.keyboard.press('Control+Enter');
    const status = '[data-testid="work-status"]';
    await expect.poll(() => page.locator(status).innerText()).toContain('Contact geregistreerd');
    expect(await page.locator(status).getAttribute('role')).toBe('status');
    expect(await inView(page, status)).toBe(true);
    await expect.poll(() => activeId(page)).toBe('contact-onderwerp');
    await page.screenshot({ path: join(SHOTS, 'feedback-contact-geregistreerd.png') });

    // The clerk presses Ctrl+Enter once more: the fresh form is not sent and shows no banner.
    await page.keyboard.press('Control+Enter');
    await page.locator('#contact-onderwerp').pressSequentially('V');
    expect(await page.locator('.contact-form [role="alert"]').count()).toBe(0);
    expect(await page.locator('#contact-onderwerp').getAttribute('aria-invalid')).not.toBe('true');
    await axeClean(page);
  });

  it('a stale error banner goes once the fields it named are filled', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /^Contact afronden/ }).click();
    const banner = page.locator('.contact-form [role="alert"]');
    await banner.waitFor();
    await page.locator('#contact-resultaat').selectOption('zelfstandig_afgehandeld');
    await expect.poll(() => banner.count()).toBe(0);
  });

  it('asks in its own dialog before closing a contact unregistered; "verder" keeps what was typed', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Contact sluiten zonder registreren' }).click();
    const dialog = page.locator('dialog.confirm[open]');
    await dialog.waitFor();
    expect(await page.evaluate<string>('document.activeElement?.dataset.choice ?? ""')).toBe('cancel');
    await axeClean(page);
    await page.screenshot({ path: join(SHOTS, 'feedback-contact-sluiten.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.locator('#contact-onderwerp').inputValue()).toBe('V');

    await page.getByRole('button', { name: 'Contact sluiten zonder registreren' }).click();
    await dialog.locator('[data-choice="confirm"]').click();
    await expect.poll(() => page.locator('[data-testid="work-status"]').innerText()).toContain('Contact gesloten zonder registreren');
    await expect.poll(() => page.locator('#contact-onderwerp').inputValue()).toBe('');
  });

  it('moves focus to the outcome after picking up, an attempt, and handling; an empty result is refused in Dutch', async () => {
    const { page } = app;
    await page.goto(`${app.appUrl}#/terugbelverzoeken?queue=groups`);
    const rows = page.locator('[data-testid="callback-table"][aria-busy="false"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const detail = page.locator('[data-testid="callback-detail"]');
    // The first callback in his groepen that nobody has picked up yet.
    const outcome = detail.locator('[data-testid="callback-outcome"]');
    let found = false;
    for (let i = 0; i < (await rows.count()) && !found; i += 1) {
      await rows.nth(i).click();
      await detail.locator('[data-testid="callback-assignee"]').waitFor();
      found = (await detail.locator('[data-action="oppakken"]').count()) > 0 && !(await detail.locator('[data-testid="callback-assignee"]').innerText()).includes(' · ');
    }
    expect(found, 'an open callback nobody picked up').toBe(true);
    const focusedOutcome = () => page.evaluate<string>('document.activeElement?.dataset.testid ?? ""');
    await detail.locator('[data-action="oppakken"]').click();
    await expect.poll(() => outcome.innerText()).toContain('Opgepakt');
    await expect.poll(focusedOutcome).toBe('callback-outcome');
    // Released: the button pressed is gone, focus is on what happened (not on the page body).
    await detail.locator('[data-action="vrijgeven"]').click();
    await expect.poll(() => outcome.innerText()).not.toContain('Opgepakt');
    await expect.poll(focusedOutcome).toBe('callback-outcome');
    await detail.locator('[data-action="oppakken"]').click();
    await expect.poll(() => outcome.innerText()).toContain('Opgepakt');

    await detail.locator('[data-action="poging"]').click();
    await detail.locator('[data-form="poging"] button[type="submit"]').click();
    await expect.poll(() => outcome.innerText()).toContain('Belpoging vastgelegd.');
    await expect.poll(focusedOutcome).toBe('callback-outcome');

    await detail.locator('[data-action="afhandelen"]').click();
    await detail.locator('[data-form="afhandelen"] button[type="submit"]').click();
    await detail.locator('#afhandelen-resultaat-missing', { hasText: 'Kies een resultaat' }).waitFor();
    expect(await activeId(page)).toBe('afhandelen-resultaat');
    expect(await page.evaluate<boolean>("document.querySelector('#afhandelen-resultaat').matches(':invalid') && document.querySelector('[data-form=\"afhandelen\"]').noValidate")).toBe(true);
    await axeClean(page);
    await page.screenshot({ path: join(SHOTS, 'feedback-afhandelen-leeg.png') });
    await detail.locator('#afhandelen-resultaat').selectOption({ index: 1 });
    await detail.locator('[data-form="afhandelen"] button[type="submit"]').click();
    await expect.poll(() => outcome.innerText()).toContain('Afgehandeld.');
    await expect.poll(focusedOutcome).toBe('callback-outcome');
  });

  it('shows the callback notice in the navigation bar, over no field, closed with Escape', async () => {
    const { page } = app;
    await openBert(app);
    // A notice as the store raises it (the poll for new callbacks is another test's subject).
    const notice = page.locator('[data-testid="callback-notice"]');
    if (!(await notice.count())) {
      await page.evaluate(`(() => {
        const pinia = document.querySelector('#app').__vue_app__.config.globalProperties.$pinia;
        pinia._s.get('callbackNotices').notice = { seq: 999, text: '3 nieuwe meldingen', callbackId: null };
      })()`);
    }
    await notice.waitFor();
    const overlaps = await page.evaluate<boolean>(`(() => {
      const box = document.querySelector('[data-testid="callback-notice"]').getBoundingClientRect();
      return [...document.querySelectorAll('main input, main select, main textarea, main button')].some((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
      });
    })()`);
    expect(overlaps).toBe(false);
    expect(await page.locator('nav [data-testid="callback-notice"]').count()).toBe(1);
    await axeClean(page);
    await page.screenshot({ path: join(SHOTS, 'feedback-melding.png') });
    await notice.getByRole('button').first().focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => notice.count()).toBe(0);
    expect(await activeId(page)).toBe('main');
  });

  it('says the core is gone when the host stops, and still leads to the Wachtrij', async () => {
    const { page } = app;
    const sync = page.locator('.sync');
    await page.locator('[data-testid="sync-wachtrij"]').waitFor();
    await app.killHost();
    await expect.poll(() => sync.innerText(), { timeout: 30_000 }).toContain('Geen verbinding met Klantbeeld');
    expect(await sync.innerText()).not.toContain('Verbonden');
    expect(await page.locator('.sync a[href$="#/wachtrij"]').count()).toBeGreaterThan(0);
    await axeClean(page);
    await page.screenshot({ path: join(SHOTS, 'feedback-geen-verbinding.png') });
  });
});

describe('Dutch inline errors in the team leader\'s period', () => {
  it('an empty own date is refused with our message, not the browser\'s bubble', async () => {
    const leader = await startApp({ account: 'marloes' });
    try {
      const { page } = leader;
      await page.goto(`${leader.appUrl}#/teamleider`);
      await page.getByTestId('periode-preset').selectOption('eigen');
      const van = page.locator('.periode input[type="date"]').first();
      await van.fill('');
      await page.locator('.periode button[type="submit"]').click();
      await expect.poll(() => page.locator('.periode [role="alert"]').innerText()).toBe('Vul een begin- en einddatum in.');
      expect(await page.evaluate<boolean>("document.querySelector('form.periode').noValidate")).toBe(true);
    } finally {
      await leader.stop();
    }
  });
});
