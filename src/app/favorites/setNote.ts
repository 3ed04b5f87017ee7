import type { ArticleSummary } from '../../contract';
import { createSyncStore, type FavoritesDb } from '../../db';
import { requestSync } from '../sync/syncSession';

/**
 * Set the note of a saved favorite: one register (last write wins per field, so a note edited
 * on two devices keeps the later edit and leaves the other fields alone). Lands on the device
 * with its outbox entry first, then the engine is asked to push it.
 */
export async function setNote(db: FavoritesDb, article: ArticleSummary, note: string, nowMs = Date.now()): Promise<void> {
  await createSyncStore(db).writeFavorite(article, { note }, nowMs);
  requestSync();
}
