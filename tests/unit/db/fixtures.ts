import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Article, ArticleSummary, Favorite } from '../../../src/contract';
import { articleIdForUrl } from '../../../src/core/ids';
import { FavoritesDb } from '../../../src/db';
import { readFavorites } from '../../../src/db/favoriteSegments';

/** A database on its own in-memory IndexedDB, so tests never share state. */
export function isolatedDb(userId = 'user-1'): FavoritesDb {
  return new FavoritesDb(userId, { indexedDB: new IDBFactory(), IDBKeyRange });
}

export function summary(slug: string, publishedAt = '2024-05-01T10:00:00.000Z'): ArticleSummary {
  const url = `https://example.com/${slug}`;
  return {
    id: articleIdForUrl(url),
    url,
    title: `Title of ${slug}`,
    author: 'Ada Lovelace',
    excerpt: `About ${slug}.`,
    publishedAt,
    readingMinutes: 4,
  };
}

export function fullArticle(slug: string): Article {
  return { ...summary(slug), body: `<p>Body of ${slug}</p>` };
}

export function favorite(slug: string, savedAt: string): Favorite {
  const article = summary(slug);
  return {
    articleId: article.id,
    savedAt,
    updatedAt: savedAt,
    note: '',
    public: false,
    tags: [],
    collectionIds: [],
    article,
  };
}

/** The favorite's entry as the segments hold it (saved or not), undefined when there is none. */
export async function storedEntry(db: FavoritesDb, articleId: string) {
  return (await readFavorites(db)).get(articleId);
}

/** How many favorites (saved or not) the segments hold. */
export async function storedCount(db: FavoritesDb): Promise<number> {
  return (await readFavorites(db)).size;
}
