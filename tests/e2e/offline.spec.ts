import { expect, newestArticles, pagesOf, serverFavoriteIds, signUpViaApi, test } from './fixtures';
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
