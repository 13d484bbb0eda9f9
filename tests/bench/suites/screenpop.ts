/**
 * Screen-pop in Chromium against the built browser host (`npm run build` first): from the POST
 * to /screenpop to the rendered customer view of Bert Burger (name and zaken on screen). Moved
 * here from tests/e2e/identify.test.ts: a speed figure, not a pass/fail test.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { eventStreamOpen, REPO_ROOT, startApp } from '../../e2e/harness';
import { summarise, type BenchReport } from '../harness';

const SECRET = 'bench-screenpop-secret-0123456789';

export async function screenpopSuite(report: BenchReport, quick: boolean, log: (line: string) => void): Promise<void> {
  if (!existsSync(join(REPO_ROOT, 'out/main/host.js'))) {
    log('screenpop: skipped, out/main/host.js is missing (npm run build first)');
    return;
  }
  const app = await startApp({ env: { KLANTBEELD_SCREENPOP_SECRET: SECRET } });
  try {
    const { page } = app;
    const pop = () =>
      fetch(new URL('/screenpop', app.appUrl), { method: 'POST', headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ nummer: '06-12345678' }) });
    const samples: number[] = [];
    const runs = quick ? 5 : 20;
    for (let i = 0; i < runs; i++) {
      await page.goto(`${app.appUrl}#/terugbelverzoeken`);
      await page.locator('#customer-search').waitFor();
      await eventStreamOpen(page);
      const started = performance.now();
      const popped = pop();
      await page.waitForURL(/#\/klant\/[0-9a-f-]{36}$/);
      await page.locator('h1#customer-name', { hasText: 'Bert Burger' }).waitFor();
      await page.locator('section[aria-labelledby="zaken-title"]').waitFor();
      samples.push(performance.now() - started);
      if ((await popped).status !== 200) throw new Error('screen-pop refused');
    }
    report.add({ name: 'screen-pop → rendered customer view (Chromium, browser host)', unit: 'ms', ...summarise(samples), dataset: 'demo Turfbrug' });
  } finally {
    await app.stop();
  }
}
