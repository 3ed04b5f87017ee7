import { expect, type Locator, type Page } from '@playwright/test';

/** The catalogue list on the Browse page. */
export class BrowseList {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('article').first()).toBeVisible();
  }

  row(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  saveButton(title: string): Locator {
    return this.row(title).getByRole('button', { name: 'Save to favorites' });
  }

  async save(title: string): Promise<void> {
    const button = this.saveButton(title);
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }
}
