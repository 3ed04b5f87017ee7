import type { MutationResult } from '../contract';
import { catchUpClock } from '../core/catchUpClock';
import type { OutboxEntry, RejectedWrite } from '../sync/LocalStore';
import type { FavoritesDb } from './FavoritesDb';
import { readSyncMeta } from './readSyncMeta';
import { appendFavorites, readFavorites } from './favoriteSegments';
import type { FavoritesView } from './FavoritesView';
import { rebasedRow } from './recordRow';
import type { SegmentEntry } from './SyncRecordRow';

/** Reason shown when the server rejected a mutation without saying why. */
const UNKNOWN_REASON = 'rejected';

/**
 * After a parsed push response (protocol.md, "Push"), in one transaction: drop every entry the
 * server processed (`<= lastMutationId`), roll back the rejected and no-op ones by recomputing
 * their favorites from confirmed + still pending, and catch the clock up to the server's.
 */
export function acknowledgePush(
  db: FavoritesDb,
  lastMutationId: number,
  results: readonly MutationResult[],
  serverHlc: string,
  nowMs: number,
): Promise<RejectedWrite[]> {
  return db.transaction('rw', [db.favoriteSegments, db.outbox, db.syncMeta], async () => {
    // Only refused and no-op writes need their entries (to roll back). When the server applied
    // every one, the common case, the batch goes as one key-range delete: no entry is read, and
    // not one IndexedDB request per entry (a 500-entry batch took tens of ms that way).
    const everyApplied = results.every((result) => result.status === 'applied');
    const processed = everyApplied ? [] : await db.outbox.where('id').belowOrEqual(lastMutationId).toArray();
    const byId = new Map(processed.map((entry) => [entry.id, entry]));
    const rejected: RejectedWrite[] = [];
    const favorites = everyApplied ? null : await readFavorites(db);
    for (const result of results) {
      const entry = byId.get(result.id);
      // A result for an entry already gone was acknowledged before (a replayed response).
      if (result.status !== 'rejected' || !entry) continue;
      const title = favorites?.get(entry.args.articleId)?.article?.title;
      rejected.push({ entry, reason: result.reason ?? UNKNOWN_REASON, ...(title !== undefined ? { title } : {}) });
    }
    await db.outbox.where('id').belowOrEqual(lastMutationId).delete();

    // Writes the server applied in this push stay in the view until a pull brings them back
    // as confirmed registers (their version bump guarantees it does). Refused ones leave it, and
    // so do no-ops: a no-op lost to a newer register (or was clamped below one: a device clock
    // more than 60 s ahead) and bumped no version, so no pull would ever correct the view.
    const applied = new Set(results.filter((r) => r.status === 'applied').map((r) => r.id));
    const noops = results.flatMap((r) => (r.status === 'noop' ? [byId.get(r.id)] : [])).filter((e) => e !== undefined);
    const articleIds = [...new Set([...rejected.map(({ entry }) => entry), ...noops].map((entry) => entry.args.articleId))];
    // Rollbacks exist only when some write was not applied, and then `favorites` was read above.
    if (favorites && articleIds.length > 0) await rollBack(db, favorites, articleIds, processed.filter((e) => applied.has(e.id)));

    const meta = await readSyncMeta(db);
    const clock = catchUpClock(meta.clock, serverHlc, nowMs);
    if (clock !== meta.clock) await db.syncMeta.put({ ...meta, clock });
    return rejected;
  });
}

/** The favorites' views recomputed from confirmed and the writes still standing, as one segment. */
async function rollBack(
  db: FavoritesDb,
  favorites: FavoritesView,
  articleIds: readonly string[],
  applied: readonly OutboxEntry[],
): Promise<void> {
  const entries: SegmentEntry[] = [];
  for (const articleId of articleIds) {
    const stored = favorites.get(articleId);
    // Ascending ids: an index walk orders equal keys by primary key.
    const pending = await db.outbox.where('args.articleId').equals(articleId).toArray();
    const writes = [...applied.filter((entry) => entry.args.articleId === articleId), ...pending];
    const next = rebasedRow(articleId, stored?.confirmed ?? null, stored?.legacy, writes);
    if (next) entries.push(stored?.article ? { ...next, article: stored.article } : next);
    else if (stored) entries.push({ articleId, removed: true });
  }
  await appendFavorites(db, favorites, entries);
}
