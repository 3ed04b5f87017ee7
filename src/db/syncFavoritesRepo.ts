import type { Favorite } from '../contract';
import { favoriteFields } from '../core/favoriteRecord';
import { articleSummary } from './articleSummary';
import type { FavoritesDb } from './FavoritesDb';
import type { StoredArticle } from './StoredArticle';
import type { SyncRecordRow } from './SyncRecordRow';

/**
 * The saved favorites as the UI reads them from the sync store (`records`), in the API's
 * `Favorite` shape. Every method is one read, safe inside `useLiveQuery`.
 */
export interface SyncFavoritesRepo {
  /** Saved favorites, most recently saved first: a walk of the `savedAt` index, never a sort. */
  list(page?: { offset?: number; limit?: number }): Promise<Favorite[]>;
  /** How many are saved (an index count). */
  count(): Promise<number>;
  /** Ids of every saved article (index keys only). */
  savedIds(): Promise<Set<string>>;
  /** The favorite if it is saved. */
  get(articleId: string): Promise<Favorite | undefined>;
}

export function syncFavoritesRepo(db: FavoritesDb): SyncFavoritesRepo {
  return {
    list: ({ offset = 0, limit = Infinity } = {}) =>
      db.transaction('r', [db.records, db.articles], async () => {
        let rows = db.records.orderBy('savedAt').reverse().offset(offset);
        if (Number.isFinite(limit)) rows = rows.limit(limit);
        const saved = await rows.toArray();
        const articles = await db.articles.bulkGet(saved.map((row) => row.articleId));
        return saved.flatMap((row, i) => toFavorite(row, articles[i]));
      }),
    count: () => db.records.orderBy('savedAt').count(),
    savedIds: async () => new Set(await db.records.orderBy('savedAt').primaryKeys()),
    get: (articleId) =>
      db.transaction('r', [db.records, db.articles], async () => {
        const [row, article] = await Promise.all([db.records.get(articleId), db.articles.get(articleId)]);
        return row ? toFavorite(row, article)[0] : undefined;
      }),
  };
}

/**
 * Empty unless saved. Every write path stores the article with the record, so a missing one
 * means a damaged database; the list skips that row rather than failing as a whole.
 */
function toFavorite(row: SyncRecordRow, article: StoredArticle | undefined): Favorite[] {
  if (row.savedAt === undefined || !article) return [];
  const fields = favoriteFields(row.view);
  // Registers carried over from schema v1 have no time: they keep the time they were saved.
  const updatedAt = fields.updatedAt > row.savedAt ? fields.updatedAt : row.savedAt;
  return [{ ...fields, savedAt: row.savedAt, updatedAt, collectionIds: [], article: articleSummary(article) }];
}
