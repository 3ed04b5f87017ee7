import { expect, type Locator, type Page } from '@playwright/test';

/** The header every page shares: navigation, sync status, the signed-in user, log out. */
export class AppShell {
  constructor(private readonly page: Page) {}

  /** "Synced", "3 pending", "Offline · 3 pending", "Syncing…", "Sync error · 1 pending". */
  get syncStatus(): Locator {
    return this.page.getByRole('banner').getByRole('status');
  }

  /** Offered after a failed sync pass. */
  get syncRetry(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Retry' });
  }

  async goToBrowse(): Promise<void> {
    await this.page.getByRole('link', { name: 'Browse', exact: true }).click();
  }

  async goToFavorites(): Promise<void> {
    await this.page.getByRole('link', { name: 'Favorites', exact: true }).click();
  }

  async expectSignedInAs(username: string): Promise<void> {
    await expect(this.page.getByRole('banner').getByText(username, { exact: true })).toBeVisible();
    await expect(this.page.getByRole('button', { name: 'Log out' })).toBeVisible();
  }

  async logOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Log out' }).click();
    await expect(this.page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
  }
}
