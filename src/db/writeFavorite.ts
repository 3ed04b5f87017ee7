import { FavoriteSetArgs, validationError, type ArticleSummary } from '../contract';
import { applyFavoritePatch, type FavoritePatch, type FavoriteRecord } from '../core/favoriteRecord';
import { send } from '../core/hlc';
import type { OutboxEntry } from '../sync/LocalStore';
import { entryArticle } from './entryArticle';
import type { FavoritesDb } from './FavoritesDb';
import { appendFavorites, readFavorites } from './favoriteSegments';
import { readSyncMeta } from './readSyncMeta';
import { recordRow } from './recordRow';

/**
 * A local write (protocol.md, "Client outbox"): the record, its outbox entry, the mutation
 * counter and the clock change in one transaction, so no local write exists without its entry
 * and no id is used twice or skipped. The article's summary is kept with the favorite, to list
 * it offline.
 */
export function writeFavorite(
  db: FavoritesDb,
  article: ArticleSummary,
  patch: FavoritePatch | ((view: FavoriteRecord | null) => FavoritePatch),
  nowMs: number,
): Promise<{ entry: OutboxEntry; view: FavoriteRecord }> {
  return db.transaction('rw', [db.favoriteSegments, db.outbox, db.syncMeta], async () => {
    const [meta, favorites] = await Promise.all([readSyncMeta(db), readFavorites(db)]);
    const stored = favorites.get(article.id);
    const args = setArgs(article.id, typeof patch === 'function' ? patch(stored?.view ?? null) : patch);
    const { state: clock, hlc } = send(meta.clock, nowMs);
    const entry: OutboxEntry = { id: meta.nextMutationId, op: 'favorite.set.v1', args, hlc, queuedAtMs: nowMs };
    // The new HLC is after every one this device has made or seen, so every register of the
    // patch applies: the view after it equals the rebase of confirmed and all pending writes.
    const view = applyFavoritePatch(stored?.view, args, hlc, article.id).record;
    const row = recordRow(view, stored?.confirmed ?? null, stored?.legacy);

    await Promise.all([
      appendFavorites(db, favorites, [{ ...row, article: entryArticle(article, stored?.article) }]),
      db.outbox.add(entry),
      db.syncMeta.put({ ...meta, clock, nextMutationId: meta.nextMutationId + 1 }),
    ]);
    return { entry, view };
  });
}

/**
 * The op's arguments as the server will parse them: refused here rather than queued (a write
 * the server is certain to reject would only roll back later), and normalised the same way
 * (tags lower-cased) so the local register names match the server's.
 */
function setArgs(articleId: string, patch: FavoritePatch): FavoriteSetArgs {
  const parsed = FavoriteSetArgs.safeParse({ ...patch, articleId });
  if (!parsed.success) throw validationError(parsed.error, 'body');
  return parsed.data;
}
