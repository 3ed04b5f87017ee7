import type { ArticleSummary } from '../../contract';
import { createSyncStore, type FavoritesDb } from '../../db';
import { requestSync } from '../sync/syncSession';

/**
 * Show (or stop showing) a saved favorite on the user's public page: one LWW register, written
 * on the device with its outbox entry first like every write, then pushed.
 */
export async function setPublic(db: FavoritesDb, article: ArticleSummary, value: boolean, nowMs = Date.now()): Promise<void> {
  await createSyncStore(db).writeFavorite(article, { public: value }, nowMs);
  requestSync();
}
