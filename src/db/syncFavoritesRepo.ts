import type { Favorite } from '../contract';
import { favoriteFields } from '../core/favoriteRecord';
import type { FavoritesDb } from './FavoritesDb';
import { readFavorites } from './favoriteSegments';
import type { FavoriteEntry } from './SyncRecordRow';

/**
 * The saved favorites as the UI reads them, in the API's `Favorite` shape. Every method is one
 * read of the segments (only those new to this page are fetched), safe inside `useLiveQuery`;
 * ordering and counting happen on the in-memory view.
 */
export interface SyncFavoritesRepo {
  /** Saved favorites, most recently saved first. */
  list(page?: { offset?: number; limit?: number }): Promise<Favorite[]>;
  /** How many are saved. */
  count(): Promise<number>;
  /** Ids of every saved article (shared between calls: do not modify). */
  savedIds(): Promise<ReadonlySet<string>>;
  /** The favorite if it is saved. */
  get(articleId: string): Promise<Favorite | undefined>;
}

export function syncFavoritesRepo(db: FavoritesDb): SyncFavoritesRepo {
  return {
    async list({ offset = 0, limit = Infinity } = {}) {
      const saved = (await readFavorites(db)).saved();
      return saved.slice(offset, Number.isFinite(limit) ? offset + limit : undefined).flatMap(toFavorite);
    },
    count: async () => (await readFavorites(db)).saved().length,
    savedIds: async () => (await readFavorites(db)).savedIds(),
    get: async (articleId) => {
      const entry = (await readFavorites(db)).get(articleId);
      return entry ? toFavorite(entry)[0] : undefined;
    },
  };
}

/**
 * Entries are immutable, so each one's `Favorite` is built once: a list re-read after a save
 * builds one object, and rows whose favorite did not change keep their identity for React.
 */
const favoriteOf = new WeakMap<FavoriteEntry, Favorite[]>();

/**
 * Empty unless saved. Every write path stores the article with the record, so a missing one
 * means a damaged database; the list skips that row rather than failing as a whole.
 */
function toFavorite(entry: FavoriteEntry): Favorite[] {
  let favorite = favoriteOf.get(entry);
  if (!favorite) {
    favorite = buildFavorite(entry);
    favoriteOf.set(entry, favorite);
  }
  return favorite;
}

function buildFavorite(entry: FavoriteEntry): Favorite[] {
  if (entry.savedAt === undefined || !entry.article) return [];
  const fields = favoriteFields(entry.view);
  // Registers carried over from schema v1 have no time: they keep the time they were saved.
  const updatedAt = fields.updatedAt > entry.savedAt ? fields.updatedAt : entry.savedAt;
  return [{ ...fields, savedAt: entry.savedAt, updatedAt, collectionIds: [], article: entry.article }];
}
