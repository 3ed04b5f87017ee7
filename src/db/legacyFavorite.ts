import type { Favorite } from '../contract';
import type { FavoriteRecord } from '../core/favoriteRecord';
import { isoUtc } from './isoUtc';
import type { LegacyFavorite } from './SyncRecordRow';

/**
 * The empty HLC: smaller than every real one, so any register a pull brings replaces these,
 * and the first pull makes the server's copy the truth.
 */
const BEFORE_SYNC_HLC = '';

/** A schema v1 favorite (the API shape) as registers that every server write beats. */
export function legacyFavorite(favorite: Favorite): LegacyFavorite {
  const register = <T>(value: T) => ({ value, hlc: BEFORE_SYNC_HLC });
  const record: FavoriteRecord = {
    articleId: favorite.articleId,
    saved: register(true),
    note: register(favorite.note),
    public: register(favorite.public),
    tags: Object.fromEntries(favorite.tags.map((tag) => [tag, register(true)])),
  };
  return { record, savedAt: isoUtc(favorite.savedAt) };
}
