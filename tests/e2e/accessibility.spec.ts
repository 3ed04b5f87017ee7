import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, newestArticles, signUpViaApi, test } from './fixtures';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`);
}

test.describe('accessibility', () => {
  // axe measures colour contrast as painted: no half-finished colour transitions.
  test.use({ reducedMotion: 'reduce' });

  test('the sign-up and log-in pages have no serious or critical axe violations', async ({ page }) => {
    for (const path of ['/signup', '/login']) {
      await page.goto(path);
      await expect(page.getByLabel('Username')).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  test('browse, article and favorites pages have no serious or critical axe violations', async ({ page, app }) => {
    await signUpViaApi(page.request);
    const [article] = await newestArticles(page.request, 1);

    await app.browse.open();
    expect(await seriousViolations(page), 'browse').toEqual([]);

    await app.reader.open(article!.id, article!.title);
    expect(await seriousViolations(page), 'article').toEqual([]);

    await app.favorites.open();
    await expect(app.favorites.emptyState).toBeVisible();
    expect(await seriousViolations(page), 'favorites (empty)').toEqual([]);

    await app.reader.open(article!.id, article!.title);
    await app.reader.saveButton.click();
    // Saved on the device (the button reflects the stored favorite) before leaving the page.
    await expect(app.reader.saveButton).toHaveAttribute('aria-pressed', 'true');
    await app.favorites.open();
    await expect(app.favorites.rows).toHaveCount(1);
    expect(await seriousViolations(page), 'favorites').toEqual([]);
  });

  test('the reader of a saved favorite and the public page have no serious or critical axe violations', async ({ page, app }) => {
    const username = await signUpViaApi(page.request);
    const [article] = await newestArticles(page.request, 1);
    await app.reader.open(article!.id, article!.title);
    await app.reader.saveButton.click();
    const toggle = page.getByRole('button', { name: 'Show on my public page' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await seriousViolations(page), 'article, saved and public').toEqual([]);

    await expect(app.shell.syncStatus).toHaveText('Synced');
    await page.goto(`/@${username}`);
    await expect(page.getByRole('article', { name: article!.title })).toBeVisible();
    expect(await seriousViolations(page), 'public page').toEqual([]);
  });
});
