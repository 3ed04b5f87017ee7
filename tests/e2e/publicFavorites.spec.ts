import { expect, newestArticles, signUpViaApi, test } from './fixtures';

test.describe('public favorites', () => {
  test('a favorite shown on the public page is listed at /@username for anyone; private ones never are', async ({
    page,
    app,
    browser,
  }) => {
    const username = await signUpViaApi(page.request);
    const [shown, hidden] = await newestArticles(page.request, 2);

    await app.reader.open(shown!.id, shown!.title);
    await app.reader.saveButton.click();
    const toggle = page.getByRole('button', { name: 'Show on my public page' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.getByLabel('Note').fill('The clearest take on this.');
    await page.getByRole('button', { name: 'Save note' }).click();
    // Stored on the device (the draft is gone): only then may the page navigate away.
    await expect(page.getByRole('button', { name: 'Save note' })).toBeDisabled();

    await app.reader.open(hidden!.id, hidden!.title);
    await app.reader.saveButton.click();
    await expect(app.reader.saveButton).toHaveAttribute('aria-pressed', 'true');
    await expect(app.shell.syncStatus).toHaveText('Synced');

    const visitor = await browser.newContext();
    try {
      const visit = await visitor.newPage();
      await visit.goto(`/@${username}`);
      const list = visit.getByRole('feed', { name: `Public favorites of @${username}` });
      await expect(list.getByRole('article')).toHaveCount(1);
      await expect(list.getByRole('article', { name: shown!.title })).toContainText('The clearest take on this.');
      await expect(visit.getByRole('article', { name: hidden!.title })).toHaveCount(0);

      // Made private again: gone for the visitor at the next load.
      await app.reader.open(shown!.id, shown!.title);
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      await expect(app.shell.syncStatus).toHaveText('Synced');
      await visit.reload();
      await expect(visit.getByText(`@${username} has not made any favorites public.`)).toBeVisible();
    } finally {
      await visitor.close();
    }
  });

  test("a visitor's open page shows a favorite the moment it is published, without a reload", async ({ page, app, browser }) => {
    const username = await signUpViaApi(page.request);
    const [article] = await newestArticles(page.request, 1);
    await app.reader.open(article!.id, article!.title);
    await app.reader.saveButton.click();
    await expect(app.shell.syncStatus).toHaveText('Synced');

    const visitor = await browser.newContext();
    try {
      const visit = await visitor.newPage();
      await visit.goto(`/@${username}`);
      await expect(visit.getByText(`@${username} has not made any favorites public.`)).toBeVisible();

      await page.getByRole('button', { name: 'Show on my public page' }).click();
      await expect(visit.getByRole('article', { name: article!.title })).toBeVisible();

      await page.getByRole('button', { name: 'Show on my public page' }).click();
      await expect(visit.getByRole('article', { name: article!.title })).toHaveCount(0);
    } finally {
      await visitor.close();
    }
  });

  test('an unknown user gets a clear page, not an error', async ({ page }) => {
    await page.goto('/@nobody-by-this-name');
    await expect(page.getByRole('heading', { level: 1, name: 'No one here' })).toBeVisible();
  });
});
