import type { Favorite } from '../contract';
import type { FavoritesDb } from './FavoritesDb';
import { isoUtc } from './isoUtc';
import { storableArticle } from './articlesRepo';

/** The user's saved favorites, as the API describes them, kept locally. */
export interface FavoritesRepo {
  /** Every favorite, most recently saved first. */
  list(): Promise<Favorite[]>;
  /** Ids of every saved article (cheap: keys only). */
  savedIds(): Promise<Set<string>>;
  get(articleId: string): Promise<Favorite | undefined>;
  put(favorite: Favorite): Promise<void>;
  delete(articleId: string): Promise<void>;
  /** Make the local set exactly the server's (after sign-in), keeping each article's summary. */
  replaceAll(favorites: readonly Favorite[]): Promise<void>;
}

function normalise(favorite: Favorite): Favorite {
  return { ...favorite, savedAt: isoUtc(favorite.savedAt), updatedAt: isoUtc(favorite.updatedAt) };
}

export function favoritesRepo(db: FavoritesDb): FavoritesRepo {
  return {
    list: () => db.favorites.orderBy('savedAt').reverse().toArray(),
    savedIds: async () => new Set(await db.favorites.toCollection().primaryKeys()),
    get: (articleId) => db.favorites.get(articleId),
    async put(favorite) {
      // A saved article is readable offline: keep its summary next to the favorite.
      await db.transaction('rw', db.favorites, db.articles, async () => {
        await db.favorites.put(normalise(favorite));
        const existing = await db.articles.get(favorite.articleId);
        await db.articles.put(storableArticle(favorite.article, existing));
      });
    },
    delete: async (articleId) => {
      await db.favorites.delete(articleId);
    },
    async replaceAll(favorites) {
      await db.transaction('rw', db.favorites, db.articles, async () => {
        await db.favorites.clear();
        await db.favorites.bulkPut(favorites.map(normalise));
        const existing = await db.articles.bulkGet(favorites.map((f) => f.articleId));
        await db.articles.bulkPut(favorites.map((f, i) => storableArticle(f.article, existing[i])));
      });
    },
  };
}
