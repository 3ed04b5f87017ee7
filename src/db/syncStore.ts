import type { LocalStore } from '../sync/LocalStore';
import { acknowledgePush } from './acknowledgePush';
import { applyPull } from './applyPull';
import type { FavoritesDb } from './FavoritesDb';
import { readFavorites } from './favoriteSegments';
import { readSyncMeta } from './readSyncMeta';
import { rebaseOutbox } from './rebaseOutbox';
import { writeFavorite } from './writeFavorite';

/** The sync engine's view of a user's database (`LocalStore`, in src/sync), on Dexie. */
export function createSyncStore(db: FavoritesDb): LocalStore {
  return {
    writeFavorite: (article, patch, nowMs) => writeFavorite(db, article, patch, nowMs),
    pending: (limit) => db.outbox.orderBy('id').limit(limit).toArray(),
    pendingCount: () => db.outbox.count(),
    acknowledge: (lastMutationId, results, serverHlc, nowMs) => acknowledgePush(db, lastMutationId, results, serverHlc, nowMs),
    applyPull: (response, nowMs) => applyPull(db, response, nowMs),
    async meta() {
      const { id: _id, ...meta } = await db.transaction('r', db.syncMeta, () => readSyncMeta(db));
      return meta;
    },
    rebaseOutbox: () => rebaseOutbox(db),
    async get(articleId) {
      const entry = (await readFavorites(db)).get(articleId);
      if (!entry?.article) return undefined;
      return { articleId, confirmed: entry.confirmed, view: entry.view, article: entry.article };
    },
  };
}
