import { expect, type Locator, type Page } from '@playwright/test';

/** The signed-in user's favorites page. */
export class FavoritesList {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/favorites');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Favorites' })).toBeVisible();
  }

  get rows(): Locator {
    return this.page.getByRole('main').getByRole('article');
  }

  row(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  get emptyState(): Locator {
    return this.page.getByText('No favorites yet');
  }

  async remove(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: 'Save to favorites' }).click();
  }
}
