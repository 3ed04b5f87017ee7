import type { Page } from '@playwright/test';
import { expect, newestArticles, serverFavoriteIds, signUpViaApi, test } from '../fixtures';
import { reviewShot, waitForWorkerControl } from './serviceWorker';

/**
 * Stands in for a deploy: a worker script the browser has not seen (the same build under
 * another URL, as Playwright cannot rewrite worker script fetches) installs next to the
 * active one and waits, exactly as a new release does. Returns its script URL.
 */
async function installNewWorker(page: Page): Promise<string> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js?release=next', { scope: '/' });
    return new URL('/sw.js?release=next', location.href).href;
  });
}

test.describe('app updates', () => {
  test('a new version is offered, and Reload switches to it keeping the local database', async ({ page, context, app }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signUpViaApi(page.request);
    const [article] = await newestArticles(page.request, 1);
    await app.browse.open();
    await waitForWorkerControl(page);
    await app.browse.save(article!.title);
    await expect.poll(() => serverFavoriteIds(page.request)).toEqual([article!.id]);

    const nextWorker = await installNewWorker(page);
    const prompt = page.getByRole('status').filter({ hasText: 'A new version is available' });
    await expect(prompt).toBeVisible();
    const reload = prompt.getByRole('button', { name: 'Reload' });
    await expect(reload).toBeVisible();
    await reviewShot(page, 'pwa-update-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(reload).toBeInViewport({ ratio: 1 });
    await reviewShot(page, 'pwa-update-mobile');

    // Offline from here: what the reloaded page shows can only come from this device.
    await page.evaluate(() => {
      (window as { beforeUpdate?: boolean }).beforeUpdate = true;
    });
    await context.setOffline(true);
    try {
      await reload.click();
      await page.waitForFunction(() => !(window as { beforeUpdate?: boolean }).beforeUpdate);
      await waitForWorkerControl(page);
      await expect(page.getByRole('status').filter({ hasText: 'A new version is available' })).toHaveCount(0);
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(nextWorker);

      await app.shell.goToFavorites();
      await expect(app.favorites.row(article!.title)).toBeVisible();
    } finally {
      await context.setOffline(false);
    }
  });
});
