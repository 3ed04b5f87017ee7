import { Article, ArticleEnvelope } from '../../../src/contract/articles';
import { expect, newestArticles, serverFavoriteIds, signUpViaApi, test } from '../fixtures';
import { cachedUrls, firstParagraphText, waitForWorkerControl } from './serviceWorker';

async function fullArticle(request: import('@playwright/test').APIRequestContext, id: string): Promise<Article> {
  const response = await request.get(`/api/v1/articles/${id}`);
  expect(response.status()).toBe(200);
  return ArticleEnvelope.parse(await response.json()).article;
}

test.describe('offline', () => {
  test('an article opened and saved online reads offline, signed in, and is listed in Favorites', async ({ page, context, app }) => {
    const username = await signUpViaApi(page.request);
    const [summary] = await newestArticles(page.request, 1);
    const article = await fullArticle(page.request, summary!.id);

    await app.browse.open();
    await waitForWorkerControl(page);
    await app.reader.open(article.id, article.title);
    await app.reader.saveButton.click();
    await expect(app.reader.saveButton).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => serverFavoriteIds(page.request)).toEqual([article.id]);

    await context.setOffline(true);
    try {
      await page.reload();
      await app.shell.expectSignedInAs(username);
      await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(firstParagraphText(article.body));
      await expect(app.reader.saveButton).toHaveAttribute('aria-pressed', 'true');

      await app.shell.goToFavorites();
      await expect(app.favorites.row(article.title)).toBeVisible();
      await expect(app.favorites.rows).toHaveCount(1);

      // A full page load of another app URL, with a query string: the navigation fallback.
      await page.goto('/favorites?from=offline');
      await expect(page.getByRole('heading', { level: 1, name: 'Favorites' })).toBeVisible();
      await expect(app.favorites.row(article.title)).toBeVisible();
    } finally {
      await context.setOffline(false);
    }
  });

  test('Browse shows the last list seen online, and any app URL still loads offline', async ({ page, context, app }) => {
    const [first] = await newestArticles(page.request, 1);
    await page.goto('/');
    await waitForWorkerControl(page);
    // The list fetched while the worker controls the page is the one kept for offline.
    await page.reload();
    await expect(app.browse.row(first!.title)).toBeVisible();

    await context.setOffline(true);
    try {
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Browse articles' })).toBeVisible();
      await expect(app.browse.row(first!.title)).toBeVisible();

      await page.goto('/articles/not-opened-before?ref=offline');
      await expect(page.getByRole('banner')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    } finally {
      await context.setOffline(false);
    }
  });

  test('only the public catalogue is cached: no session, favorite or write ever is', async ({ page, app }) => {
    await signUpViaApi(page.request);
    const [article] = await newestArticles(page.request, 1);
    await app.browse.open();
    await waitForWorkerControl(page);
    await page.reload();
    await app.browse.save(article!.title);
    await app.reader.open(article!.id, article!.title);
    await expect(app.reader.saveButton).toHaveAttribute('aria-pressed', 'true');

    const urls = await cachedUrls(page);
    expect(urls).toContain(`/api/v1/articles/${article!.id}`);
    expect(urls.some((url) => url.startsWith('/api/v1/articles?'))).toBe(true);
    const apiUrls = urls.filter((url) => url.startsWith('/api/'));
    expect(apiUrls.filter((url) => !url.startsWith('/api/v1/articles'))).toEqual([]);
  });
});
