import type { Page } from '@playwright/test';
import { FavoritePage } from '../../src/contract/favorites';
import { CSRF, expect, newestArticles, pagesOf, PASSWORD, serverFavoriteIds, signUpViaApi, test } from './fixtures';
import { reviewShot, waitForWorkerControl } from './pwa/serviceWorker';

test.describe('offline-first favorites', () => {
  test('saves and removals made offline show at once, survive a reload, and reach the server when the network returns', async ({
    page,
    context,
    app,
  }) => {
    await signUpViaApi(page.request);
    const [first, second, third] = await newestArticles(page.request, 3);
    await app.browse.open();
    await waitForWorkerControl(page);
    // The list fetched while the worker controls the page is the one kept for offline.
    await page.reload();
    await expect(app.browse.row(third!.title)).toBeVisible();
    await expect(app.shell.syncStatus).toHaveText('Synced');

    await context.setOffline(true);
    try {
      // Each click flips its button at once: the write lands on the device first.
      for (const article of [first!, second!, third!]) await app.browse.save(article.title);
      await app.browse.saveButton(second!.title).click();
      await expect(app.browse.saveButton(second!.title)).toHaveAttribute('aria-pressed', 'false');
      await expect(app.shell.syncStatus).toHaveText('Offline · 4 pending');
      await expect(app.shell.syncRetry).toBeVisible();
      await reviewShot(page.getByRole('banner'), 'sync-offline-1280');
      await page.setViewportSize({ width: 390, height: 844 });
      await reviewShot(page.getByRole('banner'), 'sync-offline-390');

      await page.reload();
      await expect(app.shell.syncStatus).toHaveText('Offline · 4 pending');
      await expect(app.browse.saveButton(first!.title)).toHaveAttribute('aria-pressed', 'true');
      await expect(app.browse.saveButton(second!.title)).toHaveAttribute('aria-pressed', 'false');
      await app.shell.goToFavorites();
      await expect(app.favorites.rows).toHaveCount(2);
      await expect(app.favorites.rows.nth(0)).toHaveAccessibleName(third!.title);
      await expect(app.favorites.rows.nth(1)).toHaveAccessibleName(first!.title);
      expect(await serverFavoriteIds(page.request)).toEqual([]);
    } finally {
      await page.close();
    }

    const next = await context.newPage();
    await context.setOffline(false);
    const again = pagesOf(next);
    await again.browse.open();
    await expect(again.shell.syncStatus).toHaveText('Synced');
    await expect.poll(async () => (await serverFavoriteIds(next.request)).sort()).toEqual([first!.id, third!.id].sort());
    await reviewShot(next.getByRole('banner'), 'sync-synced-1280');
    await next.setViewportSize({ width: 390, height: 844 });
    await reviewShot(next.getByRole('banner'), 'sync-synced-390');
  });
});

test.describe('two devices offline', () => {
  test('both edit the same note offline; after reconnecting both show the later edit', async ({ browser }) => {
    const deviceA = await browser.newContext();
    const deviceB = await browser.newContext();
    try {
      const pageA = await deviceA.newPage();
      const pageB = await deviceB.newPage();
      const username = await signUpViaApi(pageA.request);
      const login = await pageB.request.post('/api/v1/auth/login', {
        data: { username, password: PASSWORD },
        headers: CSRF,
      });
      expect(login.status()).toBe(200);
      const [article] = await newestArticles(pageA.request, 1);
      expect((await pageA.request.put(`/api/v1/favorites/${article!.id}`, { data: {}, headers: CSRF })).status()).toBe(200);

      for (const page of [pageA, pageB]) {
        await pagesOf(page).reader.open(article!.id, article!.title);
        await waitForWorkerControl(page);
        await expect(page.getByLabel('Note')).toHaveValue('');
      }

      await deviceA.setOffline(true);
      await deviceB.setOffline(true);
      await writeNote(pageA, 'from A');
      await expect(pagesOf(pageA).shell.syncStatus).toHaveText('Offline · 1 pending');
      // B edits after A (a later wall time): B's edit is the later one and must win everywhere.
      await writeNote(pageB, 'from B');
      await expect(pagesOf(pageB).shell.syncStatus).toHaveText('Offline · 1 pending');

      await deviceA.setOffline(false);
      await expect(pagesOf(pageA).shell.syncStatus).toHaveText('Synced');
      await expect.poll(() => serverNote(pageA, article!.id)).toBe('from A');
      await deviceB.setOffline(false);
      await expect.poll(() => serverNote(pageB, article!.id)).toBe('from B');
      await expect(pageB.getByLabel('Note')).toHaveValue('from B');

      await pageA.reload();
      await expect(pageA.getByLabel('Note')).toHaveValue('from B');
    } finally {
      await deviceA.close();
      await deviceB.close();
    }
  });
});

async function writeNote(page: Page, note: string): Promise<void> {
  await page.getByLabel('Note').fill(note);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('button', { name: 'Save note' })).toBeDisabled();
}

async function serverNote(page: Page, articleId: string): Promise<string | undefined> {
  const response = await page.request.get('/api/v1/favorites?limit=500');
  return FavoritePage.parse(await response.json()).items.find((favorite) => favorite.articleId === articleId)?.note;
}
