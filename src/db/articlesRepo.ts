import type { Article, ArticleSummary } from '../contract';
import type { FavoritesDb } from './FavoritesDb';
import { isoUtc } from './isoUtc';
import type { StoredArticle } from './StoredArticle';

/** Articles kept locally so opened and saved ones can be read offline. */
export interface ArticlesRepo {
  /** Store a summary; a body fetched earlier is kept. */
  putSummary(summary: ArticleSummary): Promise<void>;
  /** Store a full article, body included. */
  putFull(article: Article): Promise<void>;
  get(id: string): Promise<StoredArticle | undefined>;
}

/**
 * The row to store for `summary`: the summary's fields win (they are newer), but a body
 * already stored survives, since summaries never carry one.
 */
export function storableArticle(summary: ArticleSummary | Article, existing?: StoredArticle): StoredArticle {
  const body = 'body' in summary ? summary.body : existing?.body;
  return {
    ...summary,
    publishedAt: isoUtc(summary.publishedAt),
    ...(body !== undefined ? { body } : {}),
    storedAt: new Date().toISOString(),
  };
}

export function articlesRepo(db: FavoritesDb): ArticlesRepo {
  return {
    async putSummary(summary) {
      await db.transaction('rw', db.articles, async () => {
        const existing = await db.articles.get(summary.id);
        await db.articles.put(storableArticle(summary, existing));
      });
    },
    async putFull(article) {
      await db.articles.put(storableArticle(article));
    },
    get: (id) => db.articles.get(id),
  };
}
