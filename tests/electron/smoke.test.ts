/**
 * The real Electron app, launched (issue 15): the unpacked build (`out/` under node_modules/electron)
 * or a packaged app (KLANTBEELD_ELECTRON_APP). Skipped, with one line saying why, where Electron's
 * binary is not installed (our build machines); the release pipeline (docs/release.md) runs it.
 *
 * It starts the executable itself with --remote-debugging-port and attaches over CDP instead of
 * playwright's `_electron.launch`: that one needs `--inspect`, which the packaged app's fuse
 * (enableNodeCliInspectArguments: false) refuses, and both targets should be tested alike.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readSync, closeSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronTarget } from './target';
import { processMemory } from './memory';

const target = electronTarget();
if (target.kind === 'none') console.log(`Electron-smoketest overgeslagen: ${target.why}.`);

describe.skipIf(target.kind === 'none')(`Klantbeeld in Electron (${target.kind})`, () => {
  let app: ChildProcess;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let log = '';
  let coldStartMs = 0;

  /** Waits for a line in the app's log (stderr): evidence that the main process refused something. */
  const logShows = (pattern: RegExp) => expect.poll(() => pattern.test(log), { timeout: 15_000 }).toBe(true);

  beforeAll(async () => {
    if (target.kind === 'none') return;
    dataDir = mkdtempSync(join(tmpdir(), 'klantbeeld-electron-'));
    const started = performance.now();
    app = spawn(
      target.executable,
      [
        ...target.args,
        '--remote-debugging-port=0',
        `--user-data-dir=${dataDir}`,
        // Under Xvfb there is no desktop session to pick the keyring: name it (the pipeline unlocks gnome-keyring).
        ...(process.platform === 'linux' ? ['--password-store=gnome-libsecret'] : []),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        // Linux: userData follows XDG_CONFIG_HOME as well, should --user-data-dir not be honoured.
        env: { ...process.env, XDG_CONFIG_HOME: dataDir, ELECTRON_RENDERER_URL: '', KLANTBEELD_MACHINE_CONFIG: join(dataDir, 'geen-machineconfig.json') },
      },
    );
    app.stderr?.setEncoding('utf8');
    app.stdout?.setEncoding('utf8');
    app.stdout?.on('data', (chunk: string) => (log += chunk));
    const endpoint = await new Promise<string>((resolve, reject) => {
      app.stderr?.on('data', (chunk: string) => {
        log += chunk;
        const ws = /DevTools listening on (ws:\/\/\S+)/.exec(log)?.[1];
        if (ws) resolve(ws);
      });
      app.once('exit', (code) => reject(new Error(`Klantbeeld stopped at start (code ${code}):\n${log}`)));
    });
    browser = await chromium.connectOverCDP(endpoint);
    const context = browser.contexts()[0] ?? (await browser.newContext());
    page = context.pages().find((p) => p.url().startsWith('file:')) ?? (await context.waitForEvent('page'));
    await page.locator('h1', { hasText: 'Inloggen bij Klantbeeld' }).waitFor({ timeout: 60_000 });
    coldStartMs = performance.now() - started;
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (app && app.exitCode === null) {
      const exited = new Promise((done) => app.once('exit', done));
      app.kill();
      await exited;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  });

  it('opens the window with the renderer sandboxed and isolated', async () => {
    expect(await page.evaluate<string>('typeof process')).toBe('undefined');
    // The preload runs in its own world; there a sandboxed preload's `process` says so.
    const cdp = await page.context().newCDPSession(page);
    const worlds: { id: number; name: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push({ id: context.id, name: context.name }));
    await cdp.send('Runtime.enable');
    await expect.poll(() => worlds.some((w) => w.name === 'Electron Isolated Context')).toBe(true);
    const isolated = worlds.find((w) => w.name === 'Electron Isolated Context');
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'process.sandboxed === true', contextId: isolated?.id, returnByValue: true });
    expect(result.value).toBe(true);
    await cdp.detach();
  });

  it('signs in, and the preload client answers app.info', async () => {
    await page.locator('#signin-account').fill('bianca');
    await page.locator('#signin-wachtwoord').fill('turfbrug-bianca');
    await page.keyboard.press('Enter');
    await page.locator('#customer-search').waitFor({ timeout: 30_000 });
    const info = await page.evaluate<{ dataSource: { kind: string }; user: { naam: string } }>('window.klantbeeld.app.info({})');
    expect(info.dataSource.kind).toBe('demo');
    expect(info.user.naam).toBe('Bianca de Vries');
  });

  it('keeps the cache in the encrypted SQLite file (the native module loads in Electron)', () => {
    const file = join(dataDir, 'klantbeeld.sqlite');
    expect(existsSync(file), `no cache at ${file}: did Electron honour --user-data-dir?\n${log}`).toBe(true);
    const head = Buffer.alloc(16);
    const fd = openSync(file, 'r');
    readSync(fd, head, 0, 16, 0);
    closeSync(fd);
    expect(head.toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('opens a customer and registers a contact', async () => {
    const search = page.locator('#customer-search');
    const bert = page.locator('[role="option"]', { hasText: 'Bert Burger' });
    // The first partijen prefetch may still be filling the cache: search again until he is there.
    await expect
      .poll(async () => {
        await search.fill('');
        await search.pressSequentially('Bert Burger');
        return bert.first().waitFor({ timeout: 3_000 }).then(() => true, () => false);
      }, { timeout: 60_000 })
      .toBe(true);
    await bert.first().click();
    await page.locator('h1#customer-name', { hasText: 'Bert Burger' }).waitFor();
    await page.locator('#contact-kanaal').selectOption('telefoon');
    await page.locator('#contact-onderwerp').fill('Smoketest: afvalpas aangevraagd');
    await page.locator('#contact-resultaat').selectOption('zelfstandig_afgehandeld');
    await page.locator('#contact-afdeling').selectOption('Afval en Reiniging');
    await page.locator('#contact-onderwerp').focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.contact-form > [role="status"]').innerText()).toContain('Contact geregistreerd');
  });

  it('serves the page with the CSP as a response header, and the policy blocks inline script', async () => {
    const cdp = await page.context().newCDPSession(page);
    const headers: Record<string, string>[] = [];
    cdp.on('Network.responseReceived', ({ type, response }) => {
      if (type === 'Document') headers.push(response.headers);
    });
    await cdp.send('Network.enable');
    await page.reload();
    await page.locator('#customer-search').waitFor();
    await expect.poll(() => headers.length).toBeGreaterThan(0);
    const csp = Object.entries(headers[0] ?? {}).find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1];
    expect(csp).toContain("frame-ancestors 'none'");
    await cdp.detach();
    // An inline script the policy allowed would run synchronously on append; a blocked one fires the event.
    const blocked = await page.evaluate<string>(`new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true });
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      if (window.__inlineRan) resolve('ran');
    })`);
    expect(blocked).toMatch(/^script-src/);
  });

  it('refuses a navigation to a foreign site', async () => {
    const own = page.url();
    await page.evaluate(`(() => {
      const link = document.createElement('a');
      link.href = 'https://example.org/';
      document.body.append(link);
      link.click();
    })()`);
    await logShows(/refused navigation to https:\/\/example\.org/);
    expect(page.url()).toBe(own);
  });

  it('refuses window.open', async () => {
    expect(await page.evaluate<boolean>("window.open('https://example.org/') === null")).toBe(true);
    await logShows(/refused to open a window for https:\/\/example\.org/);
    expect(page.context().pages()).toHaveLength(1);
  });

  it('reports its cold start and memory', () => {
    const memory = app.pid ? processMemory(app.pid) : null;
    console.log(
      `Klantbeeld (${target.kind}): bruikbaar venster na ${Math.round(coldStartMs)} ms` +
        (memory ? `; geheugen (RSS) hoofdproces ${memory.main} MB, utility-processen (core, netwerk) ${memory.utility} MB, renderer ${memory.renderer} MB` : '; geheugen alleen gemeten op Linux'),
    );
    expect(coldStartMs).toBeGreaterThan(0);
  });
});
