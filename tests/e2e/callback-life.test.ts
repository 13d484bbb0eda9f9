/**
 * A terugbelverzoek's whole life across three clerks, each signed in on their own browser host
 * with its own data dir, sharing ONE demo zaaksysteem (started here, standalone): Bianca (KCC) creates it from a
 * contact for groep KCC; Marloes (teamleider) sees it under "Alle" and reassigns it to Kevin
 * with a reason; Kevin is notified, logs a failed attempt and handles it; Marloes sees it
 * handled; the demo zaaksysteem holds the interne taak with status verwerkt. Also: keyboard in
 * the queue, axe on the callbacks view, screenshots of the queue and the detail panel.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, demoEndpoints, startDemoServer, type DemoServer } from '../../src/demo';
import { DEMO_ACCOUNTS } from '../../src/main/core/auth/demo-accounts';
import { activeId, openBert, REPO_ROOT, startApp, type RunningApp } from './harness';

// The detail panel's shot goes to docs/ with `UPDATE_SCREENSHOTS=1`; the others stay in test-results/.
const RESULTS_DIR = join(REPO_ROOT, 'test-results/screenshots');
const SHOTS_DIR = process.env.UPDATE_SCREENSHOTS === '1' ? join(REPO_ROOT, 'docs/screenshots') : RESULTS_DIR;
const BERT_BSN = '999993653';
// The demo zaaksysteem is this test's own: the onderwerp needs no run suffix to be unique.
const ONDERWERP = 'Afvalpas kwijt, nieuwe pas nodig';
const TOELICHTING = 'Klant belde al twee keer; graag na 14:00 bellen.';
const REDEN = 'Kevin kent dit dossier.';

let demoDir: string;
let biancaDir: string;
let demo: DemoServer;
let bianca: RunningApp;
let marloes: RunningApp;
let kevin: RunningApp;

/** A host on the shared demo zaaksysteem (adapter zgw); the harness signs the clerk in with a demo account. */
function sharedDemo(): Record<string, string> {
  const endpoints = demoEndpoints(demo.url.replace(/\/$/, ''));
  return {
    KLANTBEELD_ADAPTER: 'zgw',
    KLANTBEELD_ADAPTER_LABEL: 'Demo-zaaksysteem Turfbrug (gedeeld)',
    KLANTBEELD_ZAKEN_URL: endpoints.zakenUrl,
    KLANTBEELD_CATALOGI_URL: endpoints.catalogiUrl,
    KLANTBEELD_KLANTINTERACTIES_URL: endpoints.klantinteractiesUrl,
    KLANTBEELD_ZGW_CLIENT_ID: endpoints.zgwClientId,
    KLANTBEELD_ZGW_SECRET: endpoints.zgwSecret,
    KLANTBEELD_KLANTINTERACTIES_TOKEN: endpoints.klantinteractiesToken,
    KLANTBEELD_BRONORGANISATIE: '002756419',
    KLANTBEELD_WORKQUEUE_SECONDS: '2',
  };
}

async function ki(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${demo.url.replace(/\/$/, '')}/klantinteracties/api/v1${path}`, {
    headers: { Authorization: `Token ${DEMO_CREDENTIALS.klantinteractiesToken}`, Accept: 'application/json' },
  });
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** The interne taak behind our klantcontact, as the demo zaaksysteem holds it (null until it arrived). */
async function taakInDemo(): Promise<Record<string, unknown> | null> {
  const partijen = await ki(`/partijen?partijIdentificator__codeSoortObjectId=bsn&partijIdentificator__objectId=${BERT_BSN}`);
  const partij = (partijen.results as { uuid: string }[])[0];
  if (!partij) return null;
  const contacten = await ki(`/klantcontacten?hadBetrokkene__wasPartij__uuid=${partij.uuid}&pageSize=100`);
  const kc = (contacten.results as { uuid: string; onderwerp: string }[]).find((k) => k.onderwerp === ONDERWERP);
  if (!kc) return null;
  const taken = await ki(`/internetaken?aanleidinggevendKlantcontact__uuid=${kc.uuid}`);
  return ((taken.results as Record<string, unknown>[])[0] ?? null) as Record<string, unknown> | null;
}

/**
 * Every axe violation (any impact) in what this feature draws: the work area with the queue and
 * the detail, the navigation with its badge, and the notice when it shows.
 */
async function axeViolations(page: Page): Promise<unknown[]> {
  if (!(await page.evaluate<boolean>("'axe' in window"))) {
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  }
  return (await page.evaluate(
    `axe.run({ include: ['main', 'nav', '[data-testid="callback-notice"]'].filter((s) => document.querySelector(s)).map((s) => [s]) }, { resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
  )) as unknown[];
}

/** The team leader's tiles (helper C's /teamleider): open callbacks, and the within-norm line. */
async function tegels(page: Page): Promise<{ open: number; binnenNorm: string }> {
  await page.goto(`${marloes.appUrl}#/teamleider`);
  const open = page.locator('[data-tegel="open"] .waarde');
  await open.waitFor();
  return { open: Number(await open.innerText()), binnenNorm: await page.locator('[data-tegel="binnenNorm"] .uitleg').innerText() };
}
let tegelsBefore: { open: number; binnenNorm: string };

/** Our callback's row in the queue on screen, once the list for the current filters is in (polled every 2 s). */
const TABLE = '[data-testid="callback-table"][aria-busy="false"]';
const row = (page: Page) => page.locator(`${TABLE} tbody tr`, { hasText: ONDERWERP });

async function waitForRow(page: Page): Promise<void> {
  await expect.poll(() => row(page).count(), { timeout: 60_000 }).toBe(1);
}

beforeAll(async () => {
  demoDir = await mkdtemp(join(tmpdir(), 'klantbeeld-e2e-demo-'));
  demo = await startDemoServer({ dbPath: join(demoDir, 'demo.sqlite'), size: 'demo', log: () => undefined });
  const demoUrl = demo.url.replace(/\/$/, '');
  // Bianca's workstation asks two required questions for Team Vergunningen (the default set asks none).
  biancaDir = await mkdtemp(join(tmpdir(), 'klantbeeld-e2e-bianca-'));
  const vragen = [
    { id: 'adres', label: 'Adres van het perceel', type: 'kort', verplicht: true },
    { id: 'soort', label: 'Soort vergunning', type: 'keuze', opties: ['Bouwen', 'Kappen'], verplicht: true },
  ];
  // Turfbrug is a small municipality: Bianca's workstation (zgw adapter, no BRP) copies its register (issue 12).
  await writeFile(join(biancaDir, 'klantbeeld.config.json'), JSON.stringify({ auth: { accounts: DEMO_ACCOUNTS }, terugbellen: { vragensets: { VERG: vragen } }, sync: { prefetchPartijen: true } }));
  [bianca, marloes, kevin] = await Promise.all([
    startApp({ demoUrl, env: sharedDemo(), account: 'bianca', dataDir: biancaDir }),
    startApp({ demoUrl, env: sharedDemo(), account: 'marloes' }),
    startApp({ demoUrl, env: sharedDemo(), account: 'kevin' }),
  ]);
  await mkdir(SHOTS_DIR, { recursive: true });
  await mkdir(RESULTS_DIR, { recursive: true });
});

afterAll(async () => {
  await Promise.all([bianca?.stop(), marloes?.stop(), kevin?.stop()]);
  await demo?.close();
  for (const dir of [demoDir, biancaDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the life of a terugbelverzoek across users', () => {
  it('Bianca creates it from a contact for groep KCC: numbers prefilled, a preferred moment; a required question left open is refused at the question', async () => {
    const { page } = bianca;
    await openBert(bianca);
    await page.locator('#contact-onderwerp').fill(ONDERWERP);
    await page.locator('#contact-notities').fill('Afvalpas kwijt; wil weten of een nieuwe pas kosten heeft.');
    await page.getByRole('button', { name: 'Terugbelverzoek maken van deze vraag' }).click();
    expect(await activeId(page)).toBe('callback-team-1');

    // A team with a vragenset shows its questions; the core refuses the required ones left open,
    // each message at its question, and keeps what was typed. KCC has no vragenset.
    await page.locator('#callback-team-1').selectOption({ label: 'Team Vergunningen' });
    await page.locator('[data-testid="callback-vragenset"]', { hasText: 'Adres van het perceel' }).waitFor();
    await page.locator('#callback-toelichting-1').fill(TOELICHTING);
    await page.getByRole('button', { name: 'Terugbelverzoek maken', exact: true }).click();
    await page.locator('#callback-vraag-1-adres-issue', { hasText: 'Beantwoord "Adres van het perceel".' }).waitFor();
    expect(await page.locator('#callback-vraag-1-adres').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#callback-vraag-1-soort-issue').innerText()).toContain('Soort vergunning');
    expect(await page.locator('#callback-toelichting-1').inputValue()).toBe(TOELICHTING);
    await page.locator('#callback-team-1').selectOption({ label: 'Klantcontactcentrum' });
    await expect.poll(() => page.locator('[data-testid="callback-vragenset"]').count()).toBe(0);

    // Bert's number is prefilled from his customer picture, and stays editable.
    expect(await page.locator('#callback-nummer-1-1').inputValue()).not.toBe('');
    await page.getByRole('radio', { name: 'In eigen woorden' }).check();
    await page.locator('#callback-voorkeur-1-tekst').fill('na 14:00');
    await page.getByRole('button', { name: 'Terugbelverzoek maken', exact: true }).click();
    await expect.poll(() => page.locator('.callback .done').innerText()).toContain('Terugbelverzoek gemaakt voor Klantcontactcentrum');

    // Bert's picture lists it with its urgency, linked to it in the work queue.
    const inPicture = page.locator('[data-testid="customer-callbacks"] li', { hasText: ONDERWERP });
    await expect.poll(() => inPicture.count()).toBe(1);
    expect(await inPicture.locator('[data-urgentie]').innerText()).toMatch(/^(Op tijd|Vandaag uiterlijk), 0 werkdagen oud$/);
    expect(await inPicture.getByRole('link', { name: ONDERWERP }).getAttribute('href')).toMatch(/#\/terugbelverzoeken\?open=[0-9a-f-]{36}$/);

    await expect.poll(async () => (await taakInDemo())?.status ?? null, { timeout: 60_000 }).toBe('te_verwerken');
  });

  it('Marloes (teamleider) sees it under "Alle" and reassigns it to Kevin with a reason', async () => {
    // Kevin's window is open from here on: pushed notices reach only an open window.
    await kevin.page.goto(`${kevin.appUrl}#/terugbelverzoeken?queue=mine`);
    await kevin.page.locator('[data-queue="mine"][aria-pressed="true"]').waitFor();
    const { page } = marloes;
    await page.goto(`${marloes.appUrl}#/terugbelverzoeken?queue=all`);
    await page.locator('[data-queue="all"][aria-pressed="true"]').waitFor();
    await waitForRow(page);
    tegelsBefore = await tegels(page);
    await page.goto(`${marloes.appUrl}#/terugbelverzoeken?queue=all`);
    await waitForRow(page);
    await expect.poll(() => row(page).innerText()).toContain('Bert Burger');
    await expect.poll(() => row(page).locator('[data-urgentie]').innerText()).toMatch(/Op tijd|Vandaag uiterlijk/);

    await row(page).locator('input[type="checkbox"]').check();
    await page.locator('[data-action="herverdelen"]').click();
    await page.locator('#herverdelen-naar').selectOption({ label: 'Kevin Mulder' });
    await page.locator('[data-form="herverdelen"] button[type="submit"]').click();
    // No reason: refused before the call, with the message at the field.
    await page.locator('#herverdelen-reden-missing', { hasText: 'Vul een reden in.' }).waitFor();
    expect(await activeId(page)).toBe('herverdelen-reden');
    await page.locator('#herverdelen-reden').fill(REDEN);
    await page.locator('[data-form="herverdelen"] button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-testid="bulk-reassign"]').innerText()).toContain('1 terugbelverzoek herverdeeld naar Kevin Mulder');
    await expect.poll(() => row(page).innerText(), { timeout: 30_000 }).toContain('Kevin Mulder');
    if (await page.locator('[data-testid="callback-notice"]').count()) await page.getByRole('button', { name: 'Melding sluiten' }).click();
    await page.screenshot({ path: join(RESULTS_DIR, 'terugbelverzoeken-alle.png') });

    // Her own history of it shows the reassignment, who did it and the reason.
    await row(page).click();
    const history = page.locator('[data-testid="callback-detail"] [data-testid="callback-history"]');
    await expect.poll(() => history.locator('[data-soort="doorgestuurd"]').last().innerText()).toContain('Doorgestuurd naar Kevin Mulder');
    expect(await history.locator('[data-soort="doorgestuurd"]').last().innerText()).toContain(REDEN);
    expect(await history.locator('[data-soort="doorgestuurd"]').last().innerText()).toContain('Marloes Kuipers');
  });

  it('Kevin is told, finds it in his own queue with the keyboard, logs a failed attempt and handles it', async () => {
    const { page } = kevin;
    await waitForRow(page);
    // Told in the window (a notice right after a first one waits for the 30-second bundle).
    await expect
      .poll(() => page.locator('[data-testid="callback-notice-live"]').innerText(), { timeout: 45_000 })
      .toBe('Nieuw terugbelverzoek voor u: Bert Burger');
    const nav = async () => (await page.locator('[data-testid="nav-callbacks"]').innerText()).replace(/\s+/g, ' ').trim();
    await expect.poll(nav).toMatch(/^Terugbelverzoeken \(\d+ (open|te laat)\)$/);

    // Keyboard: focus the row, Enter opens the detail with focus on its heading.
    await row(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe('callback-detail-title');
    const detail = page.locator('[data-testid="callback-detail"]');
    await expect.poll(() => detail.innerText()).toContain(TOELICHTING);
    expect(await detail.innerText()).toContain('alleen intern');
    expect(await detail.innerText()).toContain('na 14:00');
    expect(await detail.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    expect(await detail.locator('[data-testid="callback-assignee"]').innerText()).toContain('Kevin Mulder');
    // The reason travels with the taak (a line in its toelichting), so Kevin reads it too; his
    // history starts with Bianca's creation, read from the zaaksysteem.
    expect(await detail.innerText()).toContain(REDEN);
    await expect.poll(() => detail.locator('[data-testid="callback-history"] [data-soort="aangemaakt"]').innerText()).toContain('Bianca de Vries');

    await detail.locator('[data-action="poging"]').click();
    await detail.getByRole('radio', { name: 'Niet bereikt' }).check();
    await detail.locator('#poging-notitie').fill('Voicemail stond uit; over een uur opnieuw.');
    await detail.locator('[data-form="poging"] button[type="submit"]').click();
    await expect.poll(() => detail.innerText()).toContain('Belpoging vastgelegd.');
    await expect.poll(() => detail.locator('[data-testid="callback-history"] [data-soort="poging"]').innerText()).toContain('Niet bereikt');

    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await page.locator('[data-testid="callback-notice"]').getByRole('button', { name: 'Melding sluiten' }).click();
    await page.evaluate("document.querySelector('main').scrollTop = 0");
    await page.screenshot({ path: join(SHOTS_DIR, 'terugbelverzoeken.png') });

    await detail.locator('[data-action="afhandelen"]').click();
    await detail.locator('#afhandelen-resultaat').selectOption({ label: 'Vraag beantwoord' });
    await detail.locator('#afhandelen-notitie').fill('Tweede keer bereikt: nieuwe pas is gratis.');
    await detail.locator('[data-form="afhandelen"] button[type="submit"]').click();
    await expect.poll(() => detail.innerText()).toContain('Afgehandeld.');
    await expect.poll(() => detail.locator('[data-action="heropenen"]').count()).toBe(1);

    // Escape goes back to the list, onto the same row.
    await detail.locator('#callback-detail-title').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid="callback-detail"]').count()).toBe(0);
  });

  it('the demo zaaksysteem holds the interne taak as verwerkt; Kevin has it under Afgehandeld', async () => {
    await expect.poll(async () => (await taakInDemo())?.status ?? null, { timeout: 60_000 }).toBe('verwerkt');

    // Kevin's own handled ones, newest first.
    await kevin.page.goto(`${kevin.appUrl}#/terugbelverzoeken?queue=mine&status=afgehandeld&sort=aangemaakt&richting=af`);
    await waitForRow(kevin.page);
    expect(await row(kevin.page).locator('[data-urgentie]').innerText()).toContain('Afgehandeld');
  });

  it('Marloes sees it handled: it leaves the open callbacks of "Alle", and her tiles count one open fewer', async () => {
    const { page } = marloes;
    await page.goto(`${marloes.appUrl}#/terugbelverzoeken?queue=all&sort=aangemaakt&richting=af`);
    // Counted only while the list for these filters is in (never the empty moment of a reload).
    const ours = async () => ((await page.locator(`${TABLE} tbody tr`).count()) > 0 ? row(page).count() : null);
    await expect.poll(ours, { timeout: 60_000 }).toBe(0);
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // The team leader's tiles: one open callback fewer, one more handled within the norm.
    await expect.poll(async () => (await tegels(page)).open, { timeout: 60_000 }).toBe(tegelsBefore.open - 1);
    expect((await tegels(page)).binnenNorm).not.toBe(tegelsBefore.binnenNorm);
  });

  it('a link from the team leader\'s view opens the queue with its filters (queue, team, urgency)', async () => {
    const { page } = marloes;
    await page.goto(`${marloes.appUrl}#/terugbelverzoeken?queue=all&team=KCC&urgentie=te_laat`);
    await page.locator('[data-queue="all"][aria-pressed="true"]').waitFor();
    await expect.poll(() => page.locator('#filter-team').inputValue()).toBe('KCC');
    expect(await page.locator('#filter-urgentie').inputValue()).toBe('te_laat');
    await expect.poll(() => page.locator(`${TABLE} tbody tr`).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const urgencies = await page.locator(`${TABLE} [data-urgentie]`).evaluateAll((els) => els.map((el) => el.getAttribute('data-urgentie')));
    expect(new Set(urgencies)).toEqual(new Set(['te_laat']));

    // The arrow keys, Home and End move through the rows; one row is in the tab order.
    const rows = page.locator(`${TABLE} tbody tr`);
    const focusedId = () => page.evaluate<string | null>("document.activeElement && document.activeElement.getAttribute('data-id')");
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await focusedId()).toBe(await rows.nth(1).getAttribute('data-id'));
    await page.keyboard.press('End');
    expect(await focusedId()).toBe(await rows.last().getAttribute('data-id'));
    await page.keyboard.press('Home');
    expect(await focusedId()).toBe(await rows.first().getAttribute('data-id'));
    expect(await page.locator('[data-testid="callback-table"] tbody tr[tabindex="0"]').count()).toBe(1);
    // Sorting by klant goes into the query too.
    await page.getByRole('button', { name: 'Sorteren op Klant' }).click();
    await expect.poll(() => page.url()).toContain('sort=klant');
    await expect.poll(() => page.locator('th[aria-sort="ascending"]').innerText()).toContain('Klant');
    // Alt+2: my groepen; F1 lists the queue's own shortcuts.
    await page.keyboard.press('Alt+2');
    await page.locator('[data-queue="groups"][aria-pressed="true"]').waitFor();
    await page.keyboard.press('F1');
    await expect.poll(() => page.locator('dialog.help').innerText()).toContain('Terugbelverzoeken: het gekozen verzoek openen');
    await page.keyboard.press('Escape');
  });
});
