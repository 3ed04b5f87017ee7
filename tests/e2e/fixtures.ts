import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { ArticleSummary } from '../../src/contract/articles';
import { FavoritePage } from '../../src/contract/favorites';
import { AppShell } from './pages/AppShell';
import { ArticleReader } from './pages/ArticleReader';
import { AuthForm } from './pages/AuthForm';
import { BrowseList } from './pages/BrowseList';
import { FavoritesList } from './pages/FavoritesList';

export const CSRF = { 'X-Requested-With': 'favorites' };
export const PASSWORD = 'correct horse battery';

let userCounter = 0;
/** A username no other test (or earlier run on the same server) has taken. */
export function uniqueUsername(prefix = 'e2e'): string {
  userCounter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${userCounter}`.slice(0, 32);
}

/** Signs up through the API; the context (and its pages) then carry the session cookie. */
export async function signUpViaApi(request: APIRequestContext, username = uniqueUsername()): Promise<string> {
  const response = await request.post('/api/v1/auth/signup', { data: { username, password: PASSWORD }, headers: CSRF });
  expect(response.status()).toBe(201);
  return username;
}

/** The newest catalogue articles, as the Browse page lists them first. */
export async function newestArticles(request: APIRequestContext, count: number): Promise<ArticleSummary[]> {
  const response = await request.get(`/api/v1/articles?limit=${count}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { items: unknown[] };
  return body.items.map((item) => ArticleSummary.parse(item));
}

/** What the server holds for the signed-in user of this request context. */
export async function serverFavoriteIds(request: APIRequestContext): Promise<string[]> {
  const response = await request.get('/api/v1/favorites?limit=500');
  expect(response.status()).toBe(200);
  return FavoritePage.parse(await response.json()).items.map((favorite) => favorite.articleId);
}

interface Pages {
  shell: AppShell;
  auth: AuthForm;
  browse: BrowseList;
  reader: ArticleReader;
  favorites: FavoritesList;
}

export function pagesOf(page: Page): Pages {
  return {
    shell: new AppShell(page),
    auth: new AuthForm(page),
    browse: new BrowseList(page),
    reader: new ArticleReader(page),
    favorites: new FavoritesList(page),
  };
}

export const test = base.extend<{ app: Pages }>({
  app: async ({ page }, use) => {
    await use(pagesOf(page));
  },
});
export { expect };
