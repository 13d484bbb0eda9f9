/**
 * Beheer → Werkdagen in Chromium: the beheerder adds and removes a sluitingsdag with the
 * keyboard, sees Dutch messages at the field, and the view passes axe. A clerk gets no link
 * and the core refuses the operations.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeId, startApp, type RunningApp } from './harness';

let beheer: RunningApp;
beforeAll(async () => {
  beheer = await startApp({ account: 'beheer' });
});
afterAll(async () => beheer?.stop());

async function axeViolations(page: Page, selector: string): Promise<unknown[]> {
  if (!(await page.evaluate<boolean>("'axe' in window"))) {
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  }
  return (await page.evaluate(
    `axe.run(${JSON.stringify(selector)}, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
  )) as unknown[];
}

describe('Beheer → Werkdagen', () => {
  it('the beheerder adds the Friday after Ascension and removes it again, by keyboard', async () => {
    const { page } = beheer;
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 403) refused.push(new URL(response.url()).pathname);
    });
    await page.goto(beheer.appUrl);
    await page.getByRole('link', { name: 'Werkdagen' }).click();
    await page.getByRole('heading', { name: 'Werkdagen en sluitingsdagen' }).waitFor();
    await page.locator('#beheer-jaar').fill('2026');
    await page.locator('#beheer-jaar').press('Enter');
    await page.locator('#beheer-jaar').blur();
    const tabel = page.locator('table.dagen');
    await expect.poll(() => tabel.locator('caption').innerText()).toContain('Vrije dagen in 2026');
    expect(await tabel.innerText()).toMatch(/donderdag 14 mei 2026\s+Hemelvaartsdag\s+Feestdag/);

    // Empty: Dutch messages, focus on the first field in error.
    await page.locator('#sluitingsdag-omschrijving').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#sluitingsdag-datum-fout').innerText()).toBe('Kies een datum.');
    expect(await page.locator('#sluitingsdag-omschrijving-fout').innerText()).toContain('Geef een omschrijving');
    expect(await activeId(page)).toBe('sluitingsdag-datum');

    // A Saturday: the core's message, at the date.
    await page.locator('#sluitingsdag-datum').fill('2026-05-16');
    await page.locator('#sluitingsdag-omschrijving').focus();
    await page.keyboard.type('Zaterdag');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#sluitingsdag-datum-fout').innerText()).toBe('zaterdag 16 mei 2026 valt in het weekend en is dus al geen werkdag.');

    await page.locator('#sluitingsdag-datum').fill('2026-05-15');
    await page.locator('#sluitingsdag-omschrijving').fill('');
    await page.locator('#sluitingsdag-omschrijving').focus();
    await page.keyboard.type('Vrijdag na Hemelvaart');
    await page.keyboard.press('Enter');
    const rij = tabel.locator('tr[data-datum="2026-05-15"]');
    await expect.poll(() => rij.innerText()).toMatch(/vrijdag 15 mei 2026\s+Vrijdag na Hemelvaart\s+Sluitingsdag/);
    expect(await page.locator('[role="status"]').filter({ hasText: 'toegevoegd' }).count()).toBe(1);
    expect(await activeId(page)).toBe('sluitingsdag-datum');
    expect(await axeViolations(page, '.beheer-kalender')).toEqual([]);

    // Remove with the keyboard; the confirmation is the app's own dialog, focus on the safe choice.
    await page.getByRole('button', { name: 'Sluitingsdag Vrijdag na Hemelvaart op vrijdag 15 mei 2026 verwijderen' }).focus();
    await page.keyboard.press('Enter');
    const vraag = page.locator('dialog.confirm[open]');
    await expect.poll(() => vraag.innerText()).toContain('Die dag telt dan weer als werkdag.');
    await expect.poll(() => page.evaluate<string>('document.activeElement?.dataset.choice ?? ""')).toBe('cancel');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => rij.count()).toBe(0);
    expect(await page.evaluate<string>('document.activeElement?.tagName ?? ""')).toBe('CAPTION');
    // The Saturday was refused (400); nothing of beheer was forbidden; no CSP or script errors.
    expect(refused.filter((path) => path.startsWith('/api/beheer.'))).toEqual([]);
    expect(beheer.consoleErrors.filter((line) => !line.startsWith('Failed to load resource'))).toEqual([]);
  });
});

describe('without the role', () => {
  it('a clerk gets no Werkdagen link and the core refuses beheer.sluitingsdagToevoegen', async () => {
    const clerk = await startApp();
    try {
      await clerk.page.goto(clerk.appUrl);
      await clerk.page.getByRole('link', { name: 'Terugbelverzoeken' }).waitFor();
      expect(await clerk.page.getByRole('link', { name: 'Werkdagen' }).count()).toBe(0);
      const secret = await clerk.page.locator('meta[name="klantbeeld-secret"]').getAttribute('content');
      const result = await clerk.page.evaluate(
        async (s) =>
          (await fetch('/api/beheer.sluitingsdagToevoegen', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-klantbeeld-secret': s as string },
            body: JSON.stringify({ datum: '2026-05-15', omschrijving: 'x' }),
          }).then((r) => r.json())) as { ok: boolean; error?: { code: string } },
        secret,
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      await clerk.stop();
    }
  });
});
