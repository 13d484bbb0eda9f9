/**
 * E2E harness: the real browser host (node out/main/host.js, built by `npm test` beforehand)
 * on a fresh data dir with the embedded demo zaaksysteem, and headless Chromium via
 * playwright-core. Builds nothing; cleans up everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { captureProcessLog } from '../support/process-log';
import { HOST_SECRET_HEADER } from '../../src/shared/contract/transport';
import { DEMO_ACCOUNTS } from '../../src/main/core/auth/demo-accounts';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const HOST_ENTRY = join(REPO_ROOT, 'out/main/host.js');

export interface RunningApp {
  appUrl: string;
  demoUrl: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors (CSP violations show up here). */
  consoleErrors: string[];
  /** What the host wrote to stderr, for failure messages. */
  hostLog(): string;
  /** The host's data dir (kept after stop when it was passed in). */
  dataDir: string;
  /** Kills the host at once (SIGKILL: no shutdown, as in a crash); the browser stays. */
  killHost(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Run on this data dir (e.g. again after a crash); it is not removed on stop. */
  dataDir?: string;
  /**
   * Extra environment for the host. KLANTBEELD_USER_* switches the host to the fixed
   * development user (KLANTBEELD_AUTH=vast): no sign-in, no idle lock.
   */
  env?: Record<string, string>;
  /**
   * The demo user the harness signs in as before the test starts (through the API, once; the
   * page then opens signed in). Default `bianca`; null: nobody (the test signs in itself).
   * Demo users: bianca, kevin (kcc), marloes (teamleider), fatima (balie), sanne (kcc +
   * kennisredacteur), beheer (beheerder); password `turfbrug-<account>`.
   */
  account?: DemoAccount | null;
  /**
   * A demo zaaksysteem the test started itself and shares between several hosts (each pointed at
   * it with KLANTBEELD_ADAPTER=zgw and the URL/credential overrides): the host embeds none.
   */
  demoUrl?: string;
}

export type DemoAccount = 'bianca' | 'kevin' | 'marloes' | 'fatima' | 'sanne' | 'beheer';
export const demoPassword = (account: DemoAccount) => `turfbrug-${account}`;

/** Signs the host in as a demo user through its API (the same call the sign-in view makes). */
export async function signInByApi(appUrl: string, account: DemoAccount): Promise<void> {
  const html = await (await fetch(appUrl)).text();
  const secret = /name="klantbeeld-secret" content="([^"]+)"/.exec(html)?.[1];
  if (!secret) throw new Error('no host secret in index.html');
  const response = await fetch(`${appUrl}api/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HOST_SECRET_HEADER]: secret },
    body: JSON.stringify({ account, wachtwoord: demoPassword(account) }),
  });
  const result = (await response.json()) as { ok: boolean; error?: { message: string } };
  if (!result.ok) throw new Error(`sign-in as ${account} failed: ${result.error?.message}`);
}

function waitForUrls(host: ChildProcess, stderr: () => string, timeoutMs: number, externalDemo?: string): Promise<{ appUrl: string; demoUrl: string }> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let appUrl: string | null = null;
    let demoUrl: string | null = externalDemo ?? null;
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${why}\nstdout:\n${out}\nstderr:\n${stderr()}`));
    };
    const timer = setTimeout(() => fail(`The host did not print its URLs within ${timeoutMs} ms.`), timeoutMs);
    host.stdout?.setEncoding('utf8');
    host.stdout?.on('data', (chunk: string) => {
      out += chunk;
      appUrl ??= /^Klantbeeld: (http:\/\/\S+)$/m.exec(out)?.[1] ?? null;
      demoUrl ??= /^Demo-zaaksysteem Turfbrug: (http:\/\/\S+)$/m.exec(out)?.[1] ?? null;
      if (appUrl && demoUrl) {
        clearTimeout(timer);
        resolvePromise({ appUrl, demoUrl: demoUrl.replace(/\/$/, '') });
      }
    });
    host.once('exit', (code, signal) => fail(`The host exited early (code ${code}, signal ${signal}).`));
  });
}

async function stopHost(host: ChildProcess): Promise<void> {
  if (host.exitCode !== null || host.signalCode !== null) return;
  const exited = new Promise<void>((done) => host.once('exit', () => done()));
  host.kill('SIGTERM');
  const timer = setTimeout(() => host.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  if (!existsSync(HOST_ENTRY)) throw new Error(`${HOST_ENTRY} is missing: run \`npx electron-vite build\` (npm test builds first).`);
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'klantbeeld-e2e-')));
  let stderr = '';
  const fixedUser = Object.keys(options.env ?? {}).some((name) => name.startsWith('KLANTBEELD_USER_'));
  // A host on a shared demo zaaksysteem (adapter zgw) offers the demo users only when configured so.
  if (options.demoUrl && !fixedUser && !existsSync(join(dataDir, 'klantbeeld.config.json'))) {
    await writeFile(join(dataDir, 'klantbeeld.config.json'), JSON.stringify({ auth: { accounts: DEMO_ACCOUNTS } }));
  }
  const host = spawn(process.execPath, [HOST_ENTRY, '--port', '0', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', ...(fixedUser ? { KLANTBEELD_AUTH: 'vast' } : {}), ...options.env },
  });
  host.stderr?.setEncoding('utf8');
  host.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const logNote = captureProcessLog(host, 'e2e-host');

  let browser: Browser | null = null;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await stopHost(host);
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  const killHost = async () => {
    if (host.exitCode !== null || host.signalCode !== null) return;
    const exited = new Promise<void>((done) => host.once('exit', () => done()));
    host.kill('SIGKILL');
    await exited;
  };

  try {
    const { appUrl, demoUrl } = await waitForUrls(host, () => stderr, 90_000, options.demoUrl);
    const account = options.account === undefined ? 'bianca' : options.account;
    if (!fixedUser && account) await signInByApi(appUrl, account);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    // CSP violations are also collected from the page itself (DevTools init scripts are not subject to the CSP).
    await context.addInitScript(`window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`);
    await context.addInitScript(API_CALLS_SCRIPT);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    // Window titles end up in taskbars and screen shares: logged for the BSN scan.
    let lastTitle: string | null = null;
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      void page.title().then((title) => title !== lastTitle && logNote(`[venstertitel] ${(lastTitle = title)}`), () => undefined);
    });
    return { appUrl, demoUrl, browser, context, page, consoleErrors, hostLog: () => stderr, dataDir, killHost, stop: cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Opens Bert Burger by typing in the customer search, as a clerk does; retries while the first
 * partijen prefetch is still filling the cache. Returns when his picture and the form are there.
 */
export async function openBert(app: RunningApp): Promise<void> {
  const { page } = app;
  await page.goto(app.appUrl);
  const search = page.locator('#customer-search');
  await search.waitFor();
  const bert = page.locator('[role="option"]', { hasText: 'Bert Burger' });
  const deadline = Date.now() + 60_000;
  for (;;) {
    await search.fill('');
    await search.pressSequentially('Bert Burger');
    try {
      await bert.first().waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
  await bert.first().click();
  await page.waitForURL(/#\/klant\/[0-9a-f-]{36}$/);
  await page.locator('h1#customer-name', { hasText: 'Bert Burger' }).waitFor();
  await page.locator('#contact-onderwerp').waitFor();
}

/**
 * Counts the page's calls to the host API (/api/…) as they start and finish, and keeps the
 * refused ones (403): the proof that a view's reads are done, instead of a fixed wait.
 */
const API_CALLS_SCRIPT = `window.__kbApi = { inFlight: 0, finished: 0, refused: [] };
  const pageFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/api/')) return pageFetch(input, init);
    window.__kbApi.inFlight += 1;
    return pageFetch(input, init).then(
      (response) => { if (response.status === 403) window.__kbApi.refused.push(url); return response; },
    ).finally(() => { window.__kbApi.inFlight -= 1; window.__kbApi.finished += 1; });
  };`;

/**
 * Waits until the page has no host API call in flight, at two polls in a row with nothing
 * finished in between (a read that starts another read is caught), after the page has rendered.
 * Returns the calls refused (403) since the page loaded.
 */
export async function apiSettled(page: Page): Promise<string[]> {
  let lastFinished = -1;
  // Polled once per two painted frames; the test's own timeout is the limit.
  for (;;) {
    await nextFrame(page);
    const calls = await page.evaluate<{ inFlight: number; finished: number; refused: string[] }>('({ ...window.__kbApi, refused: [...window.__kbApi.refused] })');
    if (calls.inFlight === 0 && calls.finished === lastFinished) return calls.refused;
    lastFinished = calls.inFlight === 0 ? calls.finished : -1;
  }
}

/** Forgets the refused calls seen so far (the page keeps its counter while only the hash changes). */
export const forgetRefusedCalls = (page: Page) => page.evaluate('window.__kbApi.refused.length = 0');

/**
 * Resolves after the page has handled everything queued so far and painted twice: what a key
 * press or a hover did synchronously (and the re-render it caused) is then on the page. The
 * proof for "this did nothing", instead of a fixed wait.
 */
export const nextFrame = (page: Page) =>
  page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))');

/** The page's event stream (GET /events) is open: the host now pushes to this page (data-stream on the sync indicator). */
export const eventStreamOpen = (page: Page) => page.locator('.sync[data-stream="open"]').waitFor({ timeout: 60_000 });

/** The id of the focused element, for keyboard assertions. */
export const activeId = (page: Page) => page.evaluate<string>("document.activeElement ? document.activeElement.id : ''");

/**
 * axe-core on the whole page as it is (top bar, navigation, view, side panel), every violation,
 * with the visible-label-in-name rule (WCAG 2.5.3; off in axe by default) switched on.
 */
export async function pageAxeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  if (!(await page.evaluate<boolean>("'axe' in window"))) {
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  }
  return (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
  )) as { id: string; nodes: string[] }[];
}

/** axe-core on the page as it is: the serious and critical violations (id and the first nodes). */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
  )) as { id: string; impact: string | null; nodes: string[] }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
