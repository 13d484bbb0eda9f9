/**
 * The team leader's view in Chromium on the demo data (browser host, Marloes Kuipers as the
 * fixed teamleider user): tiles, tables and charts render, the numbers on screen are the core's
 * for the same period, every chart has its table, a count opens the filtered callbacks list,
 * a table downloads as CSV, and axe finds no violations.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodeVan } from '../../src/renderer/src/components/teamleider/periode';
import type { TeamleiderOverzicht } from '../../src/shared/contract/areas/teamleider';
import { HOST_SECRET_HEADER } from '../../src/shared/contract/transport';
import { pageAxeViolations, startApp, type RunningApp } from './harness';

const MARLOES = {
  KLANTBEELD_USER_ID: 'marloes.kuipers',
  KLANTBEELD_USER_NAAM: 'Marloes Kuipers',
  KLANTBEELD_USER_EMAIL: 'marloes.kuipers@turfbrug.nl',
  KLANTBEELD_USER_ROLES: 'teamleider',
  KLANTBEELD_USER_GROEPEN: 'KCC',
};

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ env: MARLOES });
}, 120_000);
afterAll(async () => app?.stop());

/** The core's answer, asked over the host's API as the window does. */
async function overzicht(periode: { van: string; tot: string; teams?: string[] }): Promise<TeamleiderOverzicht> {
  const html = await (await fetch(app.appUrl)).text();
  const secret = /name="klantbeeld-secret" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const response = await fetch(`${app.appUrl}api/teamleider.overzicht`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HOST_SECRET_HEADER]: secret },
    body: JSON.stringify(periode),
  });
  const result = (await response.json()) as { ok: boolean; value: TeamleiderOverzicht };
  if (!result.ok) throw new Error(`teamleider.overzicht: ${JSON.stringify(result)}`);
  return result.value;
}

async function axeViolations(page: Page, selector: string): Promise<unknown[]> {
  if (!(await page.evaluate<boolean>("'axe' in window"))) {
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  }
  return (await page.evaluate(
    `axe.run(${JSON.stringify(selector)}, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
  )) as unknown[];
}

const procent = (p: number | null) => (p === null ? '–' : `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(p)}%`);
const cells = (page: Page, row: string) => page.locator(row).locator('th, td').allInnerTexts();

describe('Teamoverzicht', () => {
  it('shows the demo data as the core counts it, with charts, tables, CSV and no axe violations', async () => {
    const { page } = app;
    const periode = periodeVan('w12');
    // The first full read of every klantcontact runs in the background; the figures follow it.
    await expect.poll(async () => (await overzicht(periode)).contacten.volledig, { timeout: 60_000, interval: 500 }).toBe(true);

    await page.goto(app.appUrl);
    await page.getByRole('link', { name: 'Teamoverzicht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Teamoverzicht' }).waitFor();
    await page.locator('[data-tegel="direct"]').waitFor();
    const core = await overzicht(periode);
    expect(core.contacten.totaal).toBeGreaterThan(100);
    expect(core.groepen.length).toBeGreaterThan(0);

    // Tiles: the core's numbers, each with its words.
    const tegel = (naam: string) => page.locator(`[data-tegel="${naam}"] .waarde`).innerText();
    expect(await tegel('open')).toBe(String(core.tegels.open));
    expect(await tegel('teLaat')).toBe(String(core.tegels.teLaat));
    expect(await tegel('vandaag')).toBe(String(core.tegels.vandaagUiterlijk));
    expect(await tegel('binnenNorm')).toBe(procent(core.tegels.binnenNormPercentage));
    expect(await tegel('direct')).toBe(procent(core.contacten.directBeantwoord.percentage));
    expect(await page.locator('[data-tegel="direct"]').innerText()).toContain('Ambitie 80%');

    // Per team: every row as the core has it.
    const groepen = page.locator('table[data-tabel="groepen"] tbody tr');
    expect(await groepen.count()).toBe(core.groepen.length);
    for (const [i, g] of core.groepen.entries()) {
      const row = await cells(page, `table[data-tabel="groepen"] tbody tr:nth-child(${i + 1})`);
      expect(row.slice(1).map(Number)).toEqual([g.open, g.vandaagUiterlijk, g.teLaat, g.afgehandeldDezeWeek]);
    }
    expect(await page.locator('table[data-tabel="medewerkers"] tbody tr').count()).toBe(core.medewerkers.length);

    // Every chart is a labelled image with a summary, and shows its figures as a table on request.
    const charts = page.locator('canvas[role="img"]');
    await expect.poll(() => charts.count()).toBe(6);
    for (const label of await charts.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''))) expect(label.length).toBeGreaterThan(20);
    const kanalen = page.locator('figure', { has: page.getByRole('heading', { name: 'Klantcontacten per kanaal' }) });
    await kanalen.getByRole('button', { name: 'Toon als tabel' }).click();
    const kanaalRijen = await kanalen.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
    expect(kanaalRijen).toEqual(core.contacten.kanalen.map((k) => [k.waarde, String(k.aantal)]));
    expect(await kanalen.getByRole('button', { name: 'Toon als grafiek' }).getAttribute('aria-pressed')).toBe('true');

    expect(await axeViolations(page, '.teamleider')).toEqual([]);
    // The whole page too: top bar, navigation and side panel around the view.
    expect(await pageAxeViolations(page)).toEqual([]);

    // Keyboard: Alt+P goes to the period; one team: the core's figures for that team.
    await page.keyboard.press('Alt+P');
    expect(await page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null")).toBe('periode-preset');
    const vergunningen = await overzicht({ ...periode, teams: ['VERG'] });
    const gefilterd = page.waitForResponse((r) => r.url().endsWith('/api/teamleider.overzicht'));
    await page.getByTestId('team').selectOption({ label: 'Team Vergunningen' });
    await gefilterd;
    await expect.poll(() => tegel('open')).toBe(String(vergunningen.tegels.open));
    expect(await groepen.count()).toBe(1);
    expect((await cells(page, 'table[data-tabel="groepen"] tbody tr')).slice(1).map(Number)).toEqual([
      vergunningen.groepen[0]?.open,
      vergunningen.groepen[0]?.vandaagUiterlijk,
      vergunningen.groepen[0]?.teLaat,
      vergunningen.groepen[0]?.afgehandeldDezeWeek,
    ]);
    await page.getByTestId('team').selectOption({ value: '' });
    await expect.poll(() => groepen.count()).toBe(core.groepen.length);

    // CSV: the download is the same table, semicolon-separated, with no BSN in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Per team als CSV downloaden' }).click()]);
    expect(download.suggestedFilename()).toBe(`klantbeeld-groepen-${periode.van}-${periode.tot}.csv`);
    const csv = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe('team;naam;open;vandaag uiterlijk;te laat;afgehandeld deze week');
    expect(lines.slice(1)).toEqual(core.groepen.map((g) => [g.code, g.naam, g.open, g.vandaagUiterlijk, g.teLaat, g.afgehandeldDezeWeek].join(';')));
    expect(csv).not.toMatch(/\b\d{9}\b/);

    // Bulk reassign from the achterstand, with a reason; the figures are read again.
    const achterstand = page.locator('table[data-tabel="achterstand"] tbody tr');
    expect(await achterstand.count()).toBe(core.achterstand.length);
    const eerste = core.achterstand[0];
    if (!eerste) throw new Error('the demo data have no overdue callbacks');
    await page.getByRole('button', { name: 'Toewijzen' }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'Kies eerst een of meer terugbelverzoeken.' }).count()).toBe(1);
    await achterstand.first().getByRole('checkbox').check();
    await page.getByTestId('toewijzen-naar').selectOption({ label: 'Team Vergunningen' });
    await page.getByTestId('toewijzen-reden').fill('Hoort bij vergunningen');
    const reloaded = page.waitForResponse((r) => r.url().endsWith('/api/teamleider.overzicht'));
    await page.getByRole('button', { name: 'Toewijzen' }).click();
    await page.getByRole('status').filter({ hasText: '1 terugbelverzoek opnieuw toegewezen.' }).waitFor();
    await reloaded;
    expect(eerste.teamNaam).not.toBe('Team Vergunningen');
    await expect.poll(() => page.locator(`table[data-tabel="achterstand"] tr[data-id="${eerste.id}"]`).innerText()).toContain('Team Vergunningen');

    // A count opens the callbacks list with exactly those filters.
    const slipt = core.groepen.find((g) => g.code !== '' && g.teLaat > 0);
    if (!slipt) throw new Error('the demo data have no team with overdue callbacks');
    await page.getByRole('link', { name: `${slipt.teLaat} te laat van ${slipt.naam} in de lijst tonen` }).click();
    await page.waitForURL(/#\/terugbelverzoeken\?/);
    const query = new URLSearchParams(page.url().split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({ queue: 'all', team: slipt.code, urgentie: 'te_laat' });
    expect(app.consoleErrors.filter((line) => !line.startsWith('Failed to load resource'))).toEqual([]);
  }, 180_000);
});
