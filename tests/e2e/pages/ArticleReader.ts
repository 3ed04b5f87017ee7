import { expect, type Locator, type Page } from '@playwright/test';

/** The reader view of one article. */
export class ArticleReader {
  constructor(private readonly page: Page) {}

  async open(id: string, title: string): Promise<void> {
    await this.page.goto(`/articles/${id}`);
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  get saveButton(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: 'Save to favorites' });
  }
}
