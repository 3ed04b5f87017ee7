import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNT } from '../../../mocks/state';
import { pagesOf } from '../fixtures';

// `npm run dev:mock`: the whole app runs on the MSW handlers in the browser, with no server.
// The mocks keep their data in memory, so the test moves through the app by its links (a
// reload would start the mocks afresh).
test('the app runs on the mocks alone: log in as the demo user, save, see it in Favorites', async ({ page }) => {
  const app = pagesOf(page);
  await app.auth.logIn(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password);
  await app.shell.expectSignedInAs(DEMO_ACCOUNT.username);

  await app.shell.goToBrowse();
  const firstRow = page.getByRole('main').getByRole('article').first();
  const title = (await firstRow.getByRole('heading').textContent())!.trim();
  await app.browse.save(title);

  await app.shell.goToFavorites();
  await expect(app.favorites.rows).toHaveCount(1);
  await expect(app.favorites.row(title)).toBeVisible();
});
