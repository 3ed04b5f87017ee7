import { FavoriteSetArgs, validationError, type ArticleSummary } from '../contract';
import { applyFavoritePatch, type FavoritePatch, type FavoriteRecord } from '../core/favoriteRecord';
import { send } from '../core/hlc';
import type { OutboxEntry } from '../sync/LocalStore';
import { storableArticle } from './articlesRepo';
import type { FavoritesDb } from './FavoritesDb';
import { readSyncMeta } from './readSyncMeta';
import { recordRow } from './recordRow';
import { sameSummary } from './sameSummary';

/**
 * A local write (protocol.md, "Client outbox"): the record, its outbox entry, the mutation
 * counter and the clock change in one transaction, so no local write exists without its entry
 * and no id is used twice or skipped. The article's summary is kept too, to list it offline.
 */
export function writeFavorite(
  db: FavoritesDb,
  article: ArticleSummary,
  patch: FavoritePatch | ((view: FavoriteRecord | null) => FavoritePatch),
  nowMs: number,
): Promise<{ entry: OutboxEntry; view: FavoriteRecord }> {
  return db.transaction('rw', [db.records, db.outbox, db.syncMeta, db.articles], async () => {
    const [meta, row, stored] = await Promise.all([readSyncMeta(db), db.records.get(article.id), db.articles.get(article.id)]);
    const args = setArgs(article.id, typeof patch === 'function' ? patch(row?.view ?? null) : patch);
    const { state: clock, hlc } = send(meta.clock, nowMs);
    const entry: OutboxEntry = { id: meta.nextMutationId, op: 'favorite.set.v1', args, hlc, queuedAtMs: nowMs };
    // The new HLC is after every one this device has made or seen, so every register of the
    // patch applies: the view after it equals the rebase of confirmed and all pending writes.
    const view = applyFavoritePatch(row?.view, args, hlc, article.id).record;

    await db.records.put(recordRow(view, row?.confirmed ?? null, row?.legacy));
    await db.outbox.add(entry);
    if (!sameSummary(stored, article)) await db.articles.put(storableArticle(article, stored));
    await db.syncMeta.put({ ...meta, clock, nextMutationId: meta.nextMutationId + 1 });
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
