/**
 * The customer at a glance (issue 13), in Chromium at 1366×768, the most common municipal
 * laptop screen: opening Bert Burger shows, without scrolling, who he is, his open zaken with
 * status and deadline state, his open terugbelverzoek (for a colleague, read from the
 * zaaksysteem although this KCC agent's queues do not hold it) and his latest contacts. The
 * history is one line per contact and expands in place by keyboard; axe finds nothing.
 * Screenshots at 1366×768 and 1920×1080 (docs/screenshots with UPDATE_SCREENSHOTS=1).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBert, pageAxeViolations, REPO_ROOT, startApp, type RunningApp } from './harness';

const SHOTS_DIR = join(REPO_ROOT, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots');

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
  await app.page.setViewportSize({ width: 1366, height: 768 });
});
afterAll(async () => {
  await app?.stop();
});

/** The element lies wholly inside the viewport, and nothing on the page was scrolled to get it there. */
async function inViewWithoutScrolling(page: Page, element: Locator): Promise<void> {
  const box = await element.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, 'rendered').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `bottom of "${(await element.innerText()).split('\n')[0]}"`).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  // Nothing on the page, the page itself included, is scrolled away from the top.
  const scrolled = await page.evaluate<string[]>(
    "[document.scrollingElement, ...document.querySelectorAll('*')].filter((e) => e && e.scrollTop !== 0).map((e) => e.tagName + '.' + e.className)",
  );
  expect(scrolled).toEqual([]);
}

describe('the customer at a glance', () => {
  it('shows Bert Burger, his open zaken, his open callback and his latest contacts at 1366×768 without scrolling', async () => {
    const { page } = app;
    await openBert(app);
    const zaken = page.locator('section[aria-labelledby="zaken-title"] > ul.list:not(.closed) > li article');
    await expect.poll(() => zaken.count(), { timeout: 60_000 }).toBe(2);
    // His callback is for a colleague (Annemarie van den Berg), in no queue of this KCC agent: read from the zaaksysteem when Bert is opened.
    const callback = page.locator('[data-testid="customer-callbacks"] li', { hasText: 'Annemarie van den Berg' });
    await callback.first().waitFor({ timeout: 60_000 });
    const history = page.locator('section[aria-labelledby="history-title"] article');
    await expect.poll(() => history.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(7);

    await mkdir(SHOTS_DIR, { recursive: true });
    await page.locator('#contact-onderwerp').blur();
    await page.screenshot({ path: join(SHOTS_DIR, 'klantbeeld-1366.png') });

    await inViewWithoutScrolling(page, page.locator('h1#customer-name'));
    for (const zaak of await zaken.all()) await inViewWithoutScrolling(page, zaak);
    expect(await zaken.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Advies gevraagd'), expect.stringContaining('Termijn verstreken')]));
    await inViewWithoutScrolling(page, callback.first());
    // Urgency in words and for whom, not by colour alone.
    expect(await callback.first().innerText()).toMatch(/(Te laat|Vandaag|Op tijd)[\s\S]*voor Annemarie van den Berg/);
    for (const row of (await history.all()).slice(0, 3)) await inViewWithoutScrolling(page, row);
    await inViewWithoutScrolling(page, page.locator('#contact-onderwerp'));
    // The default kanaal of a KCC agent.
    expect(await page.locator('#contact-kanaal').inputValue()).toBe('telefoon');

    expect(await pageAxeViolations(page)).toEqual([]);
  });

  it('expands a one-line contact by keyboard, and fits 15 contact lines at 1920×1080', async () => {
    const { page } = app;
    const first = page.locator('section[aria-labelledby="history-title"] article').first();
    const toggle = first.locator('h3 button');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await first.locator('.detail').waitFor();
    expect(await pageAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    await page.setViewportSize({ width: 1920, height: 1080 });
    const rows = page.locator('section[aria-labelledby="history-title"] article');
    const top = (await rows.first().boundingBox())!;
    // Every line is one line high: 15 of them fit below the first at 1920×1080.
    for (const row of await rows.all()) expect((await row.boundingBox())!.height).toBeLessThanOrEqual(top.height + 1);
    expect(top.y + 15 * top.height).toBeLessThanOrEqual(1080);
    await page.screenshot({ path: join(SHOTS_DIR, 'klantbeeld-1920.png') });
  });
});
