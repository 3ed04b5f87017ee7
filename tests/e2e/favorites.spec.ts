import { PushRequest, type PushResponse } from '../../src/contract/sync';
import { formatHlc } from '../../src/core/hlc';
import { CSRF, expect, newestArticles, pagesOf, PASSWORD, serverFavoriteIds, signUpViaApi, test, uniqueUsername } from './fixtures';

test.describe('saving favorites', () => {
  test('a saved article shows as saved, after a reload and in a new browser context', async ({ page, app, browser }) => {
    const username = uniqueUsername('save');
    await app.auth.signUp(username, PASSWORD);
    await app.shell.expectSignedInAs(username);
    const [article] = await newestArticles(page.request, 1);

    await app.browse.open();
    await app.browse.save(article!.title);

    await page.reload();
    await expect(app.browse.saveButton(article!.title)).toHaveAttribute('aria-pressed', 'true');

    await app.reader.open(article!.id, article!.title);
    await expect(app.reader.saveButton).toHaveAttribute('aria-pressed', 'true');

    // A second device: a fresh context with no local data, signed in as the same user.
    const otherDevice = await browser.newContext();
    try {
      const otherPage = await otherDevice.newPage();
      const other = pagesOf(otherPage);
      await other.auth.logIn(username, PASSWORD);
      await other.shell.expectSignedInAs(username);
      await other.browse.open();
      await expect(other.browse.saveButton(article!.title)).toHaveAttribute('aria-pressed', 'true');
    } finally {
      await otherDevice.close();
    }
  });

  test('saving from the reader view saves the article', async ({ page, app }) => {
    await signUpViaApi(page.request);
    const [, article] = await newestArticles(page.request, 2);
    await app.reader.open(article!.id, article!.title);
    await expect(app.reader.saveButton).toHaveAttribute('aria-pressed', 'false');
    await app.reader.saveButton.click();
    await expect(app.reader.saveButton).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => serverFavoriteIds(page.request)).toEqual([article!.id]);
  });

  test('the favorites page lists every saved article, newest first', async ({ page, app }) => {
    await signUpViaApi(page.request);
    const articles = await newestArticles(page.request, 4);
    await app.browse.open();
    for (const article of articles) await app.browse.save(article.title);
    await expect.poll(async () => (await serverFavoriteIds(page.request)).length).toBe(articles.length);

    await app.shell.goToFavorites();
    await expect(app.favorites.rows).toHaveCount(articles.length);
    const titles = articles.map((article) => article.title).reverse();
    for (const [index, title] of titles.entries()) {
      await expect(app.favorites.rows.nth(index)).toHaveAccessibleName(title);
    }
  });

  test('removing a favorite updates the page at once and the server within 3 s', async ({ page, app }) => {
    await signUpViaApi(page.request);
    const articles = await newestArticles(page.request, 2);
    for (const article of articles) {
      const response = await page.request.put(`/api/v1/favorites/${article.id}`, { data: {}, headers: CSRF });
      expect(response.status()).toBe(200);
    }
    await app.favorites.open();
    await expect(app.favorites.rows).toHaveCount(2);

    await app.favorites.remove(articles[0]!.title);
    await expect(app.favorites.row(articles[0]!.title)).toHaveCount(0);
    await expect(app.favorites.rows).toHaveCount(1);
    await expect.poll(() => serverFavoriteIds(page.request), { timeout: 3_000 }).toEqual([articles[1]!.id]);

    await app.favorites.remove(articles[1]!.title);
    await expect(app.favorites.emptyState).toBeVisible();
  });
});

test.describe('privacy', () => {
  test('user B sees none of user A’s favorites, in the UI and through the API', async ({ browser }) => {
    const contextA = await browser.newContext();
    const contextB = await browser.newContext();
    try {
      const pageA = await contextA.newPage();
      await signUpViaApi(pageA.request, uniqueUsername('alice'));
      const articles = await newestArticles(pageA.request, 3);
      const a = pagesOf(pageA);
      await a.browse.open();
      for (const article of articles) await a.browse.save(article.title);
      await expect.poll(async () => (await serverFavoriteIds(pageA.request)).length).toBe(3);

      const pageB = await contextB.newPage();
      const usernameB = await signUpViaApi(pageB.request, uniqueUsername('bob'));
      const b = pagesOf(pageB);
      await b.favorites.open();
      await b.shell.expectSignedInAs(usernameB);
      await expect(b.favorites.emptyState).toBeVisible();
      await expect(b.favorites.rows).toHaveCount(0);
      await b.browse.open();
      for (const article of articles) {
        await expect(b.browse.saveButton(article.title)).toHaveAttribute('aria-pressed', 'false');
      }
      expect(await serverFavoriteIds(pageB.request)).toEqual([]);

      // B deleting A's favorite by id changes nothing for A.
      const response = await pageB.request.delete(`/api/v1/favorites/${articles[0]!.id}`, { headers: CSRF });
      expect(response.status()).toBe(204);
      expect((await serverFavoriteIds(pageA.request)).sort()).toEqual(articles.map((article) => article.id).sort());
    } finally {
      await contextA.close();
      await contextB.close();
    }
  });
});

test.describe('when the server fails or refuses', () => {
  test('a save the server cannot take now stays saved, queued, and goes out on Retry', async ({ page, context, app }) => {
    await signUpViaApi(page.request);
    const [article] = await newestArticles(page.request, 1);
    await app.browse.open();
    await expect(app.shell.syncStatus).toHaveText('Synced');

    // Fault injection on the wire: every push answers 503 until Retry is pressed. The engine
    // retries by itself meanwhile (with backoff); only the Retry press heals the route, so
    // the test does not race those retries.
    await page.evaluate(() => {
      document.addEventListener(
        'click',
        (event) => {
          if ((event.target as Element | null)?.closest('button')?.textContent === 'Retry') {
            (window as { retryPressed?: boolean }).retryPressed = true;
          }
        },
        { capture: true },
      );
    });
    // On the context: once the app's service worker controls the page, it sends the pushes.
    await context.route('**/api/v1/sync/push', async (route) => {
      if (await page.evaluate(() => (window as { retryPressed?: boolean }).retryPressed === true)) return route.fallback();
      return route.fulfill({ status: 503, json: { error: { code: 'unavailable', message: 'Down for maintenance' } } });
    });

    await app.browse.save(article!.title);
    await expect(app.shell.syncStatus).toHaveText('Sync error · 1 pending');
    await expect(app.browse.saveButton(article!.title)).toHaveAttribute('aria-pressed', 'true');
    expect(await serverFavoriteIds(page.request)).toEqual([]);

    await app.shell.syncRetry.click();
    await expect(app.shell.syncStatus).toHaveText('Synced');
    await expect(app.shell.syncRetry).toHaveCount(0);
    expect(await serverFavoriteIds(page.request)).toEqual([article!.id]);
    await expect(app.browse.saveButton(article!.title)).toHaveAttribute('aria-pressed', 'true');
  });

  test('a save the server rejects rolls back and says what failed', async ({ page, context, app }) => {
    await signUpViaApi(page.request);
    const [article] = await newestArticles(page.request, 1);
    await app.browse.open();
    await expect(app.shell.syncStatus).toHaveText('Synced');

    // A valid push answer that refuses the one mutation, as the server does for an article
    // that left the catalogue.
    // On the context: once the app's service worker controls the page, it sends the pushes.
    await context.route(
      '**/api/v1/sync/push',
      (route) => {
        const body = PushRequest.parse(route.request().postDataJSON());
        const ids = body.mutations.map((mutation) => mutation.id);
        const response: PushResponse = {
          lastMutationId: Math.max(...ids),
          results: ids.map((id) => ({ id, status: 'rejected', reason: 'unknown_article' })),
          serverHlc: formatHlc(Date.now(), 0, 'e2e-server'),
        };
        return route.fulfill({ json: response });
      },
      { times: 1 },
    );
    await app.browse.saveButton(article!.title).click();

    await expect(page.getByRole('alert')).toContainText(`Couldn't save “${article!.title}”: the article is no longer in the catalogue`);
    await expect(app.browse.saveButton(article!.title)).toHaveAttribute('aria-pressed', 'false');
    await page.reload();
    await expect(app.browse.saveButton(article!.title)).toHaveAttribute('aria-pressed', 'false');
    expect(await serverFavoriteIds(page.request)).toEqual([]);
  });
});
