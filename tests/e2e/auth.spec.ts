import { expect, PASSWORD, test, uniqueUsername } from './fixtures';

test.describe('accounts', () => {
  test('signing up signs in; logging out ends the session; logging in again restores it', async ({ page, app }) => {
    const username = uniqueUsername('auth');
    await app.auth.signUp(username, PASSWORD);
    await app.shell.expectSignedInAs(username);

    await app.shell.logOut();
    expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
    await page.goto('/favorites');
    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();

    await app.auth.logIn(username, PASSWORD);
    await app.shell.expectSignedInAs(username);
  });

  test('a wrong password is refused with a message and no session', async ({ page, app }) => {
    const username = uniqueUsername('wrong');
    await app.auth.signUp(username, PASSWORD);
    await app.shell.logOut();

    await app.auth.logIn(username, 'not the password');
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
    expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
  });

  test('a taken username is refused on sign-up', async ({ page, app }) => {
    const username = uniqueUsername('taken');
    await app.auth.signUp(username, PASSWORD);
    await app.shell.logOut();
    await app.auth.signUp(username, PASSWORD);
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
  });
});
