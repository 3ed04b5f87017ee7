import type { Page } from '@playwright/test';

/** The sign-up and log-in forms. */
export class AuthForm {
  constructor(private readonly page: Page) {}

  async signUp(username: string, password: string): Promise<void> {
    await this.page.goto('/signup');
    await this.fill(username, password);
    await this.page.getByRole('button', { name: 'Sign up' }).click();
  }

  async logIn(username: string, password: string): Promise<void> {
    await this.page.goto('/login');
    await this.fill(username, password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
  }

  private async fill(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
  }
}
