/**
 * The verwerkingenlog in Chromium: a clerk's reads show up for the beheerder (BSN masked, the
 * chain intact), the BSN filter never reaches a URL, revealing a BSN in the log is itself
 * logged, the view passes axe; and "Vergeet deze persoon" removes the customer's dossier.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBert, pageAxeViolations, startApp, type RunningApp } from './harness';
import { openCacheReadonly } from '../support/cache-file';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ env: { KLANTBEELD_USER_ID: 'beheer', KLANTBEELD_USER_NAAM: 'Functioneel beheer', KLANTBEELD_USER_ROLES: 'kcc,beheerder' } });
});
afterAll(async () => app?.stop());

async function axeViolations(page: Page, selector: string): Promise<unknown[]> {
  if (!(await page.evaluate<boolean>("'axe' in window"))) {
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  }
  return (await page.evaluate(
    `axe.run(${JSON.stringify(selector)}, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
  )) as unknown[];
}

function logRows(): { actie_naam: string; gebruiker: string }[] {
  const db = openCacheReadonly(app.dataDir);
  try {
    return db.prepare('SELECT actie_naam, gebruiker FROM verwerkingsacties ORDER BY seq').all() as { actie_naam: string; gebruiker: string }[];
  } finally {
    db.close();
  }
}

describe('the verwerkingenlog', () => {
  it('shows the clerk’s reads to the beheerder, masked, filtered by BSN in the body only; a reveal is logged', async () => {
    const { page } = app;
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await openBert(app);
    await page.locator('[data-testid="bsn-toggle"]').click();
    await expect.poll(() => page.locator('[data-testid="bsn-value"]').innerText()).toBe('999993653');

    await page.getByRole('link', { name: 'Verwerkingenlog' }).click();
    await page.getByRole('heading', { name: 'Verwerkingenlog' }).waitFor();
    await expect.poll(() => page.locator('[data-testid="chain-status"]').innerText()).toMatch(/In orde: \d+ acties gecontroleerd/);
    // And whether the log reaches the central Verwerkingenlogging (the clerk never sees these batches).
    await expect.poll(() => page.locator('[data-testid="log-shipping"]').innerText()).toMatch(/centrale verwerkingenlog/);
    const table = page.locator('[data-testid="verwerkingen-table"]');
    await expect.poll(() => table.innerText()).toContain('BSN getoond');
    expect(await table.innerText()).toContain('Klantbeeld geopend');
    expect(await table.innerText()).toContain('*****3653');
    expect(await table.innerText()).not.toContain('999993653');

    // Filter by BSN with the keyboard: Enter in the field searches.
    await page.locator('[data-testid="filter-bsn"]').fill('999993653');
    await page.locator('[data-testid="filter-bsn"]').press('Enter');
    await expect.poll(() => page.getByText(/verwerkingen? gevonden/).first().innerText()).toMatch(/^\d+ verwerking/);
    // The search is itself logged (after its answer was shown): wait for that row, then count.
    await expect.poll(() => logRows().map((r) => r.actie_naam)).toContain('Verwerkingenlog doorzocht op BSN');
    const before = logRows().length;
    await table.getByRole('button', { name: /Toon het volledige nummer/ }).first().click();
    await expect.poll(() => table.innerText()).toContain('999993653');
    expect(logRows().slice(before).map((r) => r.actie_naam)).toEqual(['BSN in verwerkingenlog getoond']);
    expect(logRows().map((r) => r.actie_naam)).toContain('Verwerkingenlog doorzocht op BSN');
    expect(urls.filter((u) => u.includes('999993653'))).toEqual([]);
    expect(page.url()).not.toContain('999993653');
    expect(await axeViolations(page, '.verwerkingen')).toEqual([]);
    // The whole page too: top bar, navigation and side panel around the view.
    expect(await pageAxeViolations(page)).toEqual([]);

    // An empty date: our Dutch message at the form, not the browser's own bubble (novalidate).
    const van = page.locator('.filters input[type="date"]').first();
    await van.fill('');
    await page.locator('[data-testid="filter-bsn"]').press('Enter');
    await expect.poll(() => page.locator('.verwerkingen [role="alert"]').innerText()).toBe('Vul een begin- en einddatum in.');
    expect(await van.getAttribute('aria-invalid')).toBe('true');
  });

  it('"Vergeet deze persoon" removes Bert’s dossier after a confirmation', async () => {
    const { page } = app;
    await openBert(app);
    const customerId = /#\/klant\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await page.locator('[data-testid="forget-customer"]').click();
    const dialog = page.getByRole('dialog', { name: 'Deze persoon vergeten?' });
    await dialog.waitFor();
    // The safe choice has the focus; Escape would cancel.
    expect(await page.evaluate<string>("document.activeElement ? document.activeElement.textContent.trim() : ''")).toBe('Annuleren');
    await dialog.locator('[data-testid="forget-confirm"]').click();
    await expect.poll(() => dialog.locator('[data-testid="forget-done"]').innerText()).toMatch(/Bert Burger is vergeten/);
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/$/);
    const db = openCacheReadonly(app.dataDir);
    try {
      expect(db.prepare('SELECT count(*) AS n FROM contacts WHERE customer_id = ?').get(customerId)).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM zaken WHERE customer_id = ?').get(customerId)).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    expect(logRows().at(-1)).toEqual({ actie_naam: 'Lokale gegevens van klant verwijderd', gebruiker: 'beheer' });
  });
});
