import type { Page } from '@playwright/test';
import { expect, newestArticles, test } from './fixtures';

const ARTICLES_PATH = '/api/v1/articles';

/** How this page load fetched the catalogue, from the Performance API (one entry per fetch). */
function catalogueFetches(page: Page): Promise<{ query: string; initiator: string }[]> {
  return page.evaluate((articlesPath) => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return entries
      .filter((entry) => new URL(entry.name).pathname === articlesPath)
      .map((entry) => ({ query: new URL(entry.name).search, initiator: entry.initiatorType }));
  }, ARTICLES_PATH);
}

test.describe('first load of Browse', () => {
  test('fetches the first catalogue page once, from the preload index.html starts', async ({ page, app }) => {
    const [newest] = await newestArticles(page.request, 1);
    await app.browse.open();
    await expect(app.browse.row(newest!.title)).toBeVisible();
    // A preload the app's request did not match would show as a second entry, a fetch.
    expect(await catalogueFetches(page)).toEqual([{ query: '?limit=100', initiator: 'link' }]);
  });

  test('with a search, asks for the results only (no preload of the whole catalogue)', async ({ page }) => {
    await page.goto('/?q=offline');
    await expect(page.getByRole('heading', { name: 'Results for “offline”' })).toBeVisible();
    await expect(page.getByRole('feed').or(page.getByText(/no articles match/i))).toBeVisible();
    const fetches = await catalogueFetches(page);
    expect(fetches).toHaveLength(1);
    expect(fetches[0]!.initiator).toBe('fetch');
    expect(fetches[0]!.query).toContain('q=offline');
  });
});
