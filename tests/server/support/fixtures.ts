/** Small data sets written straight through the storage interface. */
import type { Article } from '../../../src/contract';
import { articleIdForUrl, newId } from '../../../src/core/ids';
import type { Storage, StoredUser } from '../../../server/storage/types';

export function article(slug: string, overrides: Partial<Article> = {}): Article {
  const url = `https://example.test/${slug}`;
  return {
    id: articleIdForUrl(url),
    url,
    title: `Title ${slug}`,
    author: 'Ada',
    excerpt: `Excerpt ${slug}`,
    publishedAt: '2026-01-01T00:00:00.000Z',
    readingMinutes: 3,
    body: `<p>Body ${slug}</p>`,
    ...overrides,
  };
}

export async function addArticles(storage: Storage, articles: Article[]): Promise<Article[]> {
  await storage.articles.insertMany(articles, 0);
  return articles;
}

export async function addUser(storage: Storage, username = `user${Math.floor(Math.random() * 1e9)}`): Promise<StoredUser> {
  const user = { id: newId(), username, passwordHash: 'not-a-real-hash', createdAtMs: 0 };
  await storage.users.create(user);
  return user;
}
