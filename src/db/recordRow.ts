import type { FavoriteRecord } from '../core/favoriteRecord';
import { mergeRecords } from '../core/mergeRecords';
import { rebaseFavorite, type PendingWrite } from '../core/rebaseFavorite';
import { savedAtIndex } from './savedAtIndex';
import type { LegacyFavorite, SyncRecordRow } from './SyncRecordRow';

/** A `records` row with its `savedAt` index value derived from the view (never set by hand). */
export function recordRow(
  view: FavoriteRecord,
  confirmed: FavoriteRecord | null,
  legacy: LegacyFavorite | undefined,
): SyncRecordRow {
  const savedAt = savedAtIndex(view, legacy?.savedAt);
  return {
    articleId: view.articleId,
    confirmed,
    view,
    ...(savedAt !== undefined ? { savedAt } : {}),
    ...(legacy ? { legacy } : {}),
  };
}

/**
 * The row's view recomputed from what the server confirmed (over the pre-sync copy, if any)
 * and `pending`. Null when nothing is left: the favorite never existed beyond refused writes.
 */
export function rebasedRow(
  articleId: string,
  confirmed: FavoriteRecord | null,
  legacy: LegacyFavorite | undefined,
  pending: readonly PendingWrite[],
): SyncRecordRow | null {
  const base = legacy && confirmed ? mergeRecords(legacy.record, confirmed).record : (confirmed ?? legacy?.record ?? null);
  const view = rebaseFavorite(articleId, base, pending);
  return view ? recordRow(view, confirmed, legacy) : null;
}
