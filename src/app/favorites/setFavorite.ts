import type { ArticleSummary } from '../../contract';
import { removePatch, savePatch } from '../../core/favoriteRecord';
import { createSyncStore, type FavoritesDb } from '../../db';
import { requestSync } from '../sync/syncSession';

/**
 * Save or remove `article` (set, not flip: repeating a call is harmless). The write lands in
 * the device's database first, with its outbox entry, in one transaction, so every button's
 * live query flips at once, online or not; then the engine is asked to push it.
 * The patches are the REST PUT/DELETE semantics (src/core/favoriteRecord.ts).
 */
export async function setFavorite(db: FavoritesDb, article: ArticleSummary, save: boolean, nowMs = Date.now()): Promise<void> {
  await createSyncStore(db).writeFavorite(article, (view) => (save ? savePatch(view, {}) : removePatch(view)), nowMs);
  requestSync();
}
