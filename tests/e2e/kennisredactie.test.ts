/**
 * The kennisredacteur's view: feedback a clerk sent on an article reaches it, and a synonym
 * group added there is used by the search at once. Only with the role is the view offered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './harness';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ account: 'sanne' }); // kcc + kennisredacteur
});
afterAll(async () => app?.stop());

describe('kennisredactie', () => {
  it('shows feedback on articles and adds a synonym group that the search then uses', async () => {
    const { page } = app;
    await page.goto(app.appUrl);
    await page.getByRole('link', { name: 'Kennisredactie' }).waitFor();

    // A clerk reports an article as outdated, through the contract as the panel does.
    const secret = await page.locator('meta[name="klantbeeld-secret"]').getAttribute('content');
    const call = (op: string, body: unknown) =>
      page.evaluate(
        async ([o, b, s]) => (await fetch(`/api/${o}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-klantbeeld-secret': s as string }, body: JSON.stringify(b) })).json(),
        [op, body, secret] as const,
      ) as Promise<{ ok: boolean; value: { hits: { id: string; titel: string }[]; total: number } }>;
    // The first sync of the kennisbank fills the index: wait for it to find the article.
    let hits = await call('kennis.search', { query: 'paspoort kwijt' });
    await expect.poll(async () => (hits = await call('kennis.search', { query: 'paspoort kwijt' })).value.hits.length, { timeout: 60_000 }).toBeGreaterThan(0);
    await call('kennis.feedback', { articleId: hits.value.hits[0]!.id, soort: 'verouderd', toelichting: 'De leges zijn per 1 januari veranderd.' });

    await page.getByRole('link', { name: 'Kennisredactie' }).click();
    await expect.poll(() => page.locator('.redactie table').innerText()).toContain('De leges zijn per 1 januari veranderd.');
    expect(await page.locator('.redactie table').innerText()).toContain('Verouderd');

    // Before: a made-up word finds nothing. After the editor links it to "paspoort": found.
    expect((await call('kennis.search', { query: 'grensboekje' })).value.total).toBe(0);
    await page.getByRole('button', { name: /Nieuwe groep synoniemen/ }).click();
    await page.keyboard.type('grensboekje, paspoort');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.groups').innerText()).toContain('grensboekje · paspoort');
    expect((await call('kennis.search', { query: 'grensboekje' })).value.total).toBeGreaterThan(0);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('without the role', () => {
  it('offers no kennisredactie, and the core refuses its operations', async () => {
    const clerk = await startApp();
    try {
      await clerk.page.goto(clerk.appUrl);
      await clerk.page.getByRole('link', { name: 'Terugbelverzoeken' }).waitFor();
      expect(await clerk.page.getByRole('link', { name: 'Kennisredactie' }).count()).toBe(0);
      const secret = await clerk.page.locator('meta[name="klantbeeld-secret"]').getAttribute('content');
      const status = await clerk.page.evaluate(
        async (s) => (await fetch('/api/kennis.feedbackList', { method: 'POST', headers: { 'content-type': 'application/json', 'x-klantbeeld-secret': s as string }, body: '{}' })).status,
        secret,
      );
      expect(status).toBe(403);
    } finally {
      await clerk.stop();
    }
  });
});
