import type { LocalStore } from '../sync/LocalStore';
import { acknowledgePush } from './acknowledgePush';
import { articleSummary } from './articleSummary';
import { applyPull } from './applyPull';
import type { FavoritesDb } from './FavoritesDb';
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
    get: (articleId) =>
      db.transaction('r', [db.records, db.articles], async () => {
        const [row, article] = await Promise.all([db.records.get(articleId), db.articles.get(articleId)]);
        if (!row || !article) return undefined;
        return { articleId, confirmed: row.confirmed, view: row.view, article: articleSummary(article) };
      }),
  };
}
