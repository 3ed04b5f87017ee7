import type { FavoriteChange, PullResponse } from '../contract';
import { catchUpClock } from '../core/catchUpClock';
import { lastChangedHlc, type FavoriteRecord } from '../core/favoriteRecord';
import { isHlc } from '../core/hlc';
import { maxHlc } from '../core/lww';
import { mergeRecords } from '../core/mergeRecords';
import type { OutboxEntry } from '../sync/LocalStore';
import { entryArticle } from './entryArticle';
import type { FavoritesDb } from './FavoritesDb';
import { appendFavorites, readFavorites } from './favoriteSegments';
import { readSyncMeta } from './readSyncMeta';
import { rebasedRow } from './recordRow';
import type { FavoriteEntry } from './SyncRecordRow';

/**
 * A parsed pull page (protocol.md, "Versions and pull"), in ONE transaction whatever its size:
 * merge each change into `confirmed` (LWW per register), recompute the view as confirmed plus
 * the writes still pending, and store the changed favorites with their article summaries as one
 * segment, with the cursor and the clock. The cursor never advances without its data, and a
 * page applied twice changes nothing.
 */
export function applyPull(db: FavoritesDb, response: PullResponse, nowMs: number): Promise<void> {
  return db.transaction('rw', [db.favoriteSegments, db.outbox, db.syncMeta], async () => {
    const [view, pending, meta] = await Promise.all([readFavorites(db), pendingWrites(db, response.changes), readSyncMeta(db)]);
    const pendingOf = groupByArticle(pending);

    const next = new Map<string, FavoriteEntry>();
    let latestHlc = response.serverHlc;
    for (const change of response.changes) {
      const incoming = changeRecord(change);
      const seen = lastChangedHlc(incoming);
      if (isHlc(seen)) latestHlc = maxHlc(latestHlc, seen) ?? latestHlc;

      const stored = next.get(change.articleId) ?? view.get(change.articleId);
      const article = entryArticle(change.article, stored?.article);
      const confirmed = mergeRecords(stored?.confirmed, incoming);
      if (confirmed.changed) {
        const row = rebasedRow(change.articleId, confirmed.record, stored?.legacy, pendingOf.get(change.articleId) ?? []);
        if (row) next.set(change.articleId, { ...row, article });
      } else if (stored && article !== stored.article) {
        next.set(change.articleId, { ...stored, article });
      }
    }

    await Promise.all([
      appendFavorites(db, view, [...next.values()]),
      // Only the largest HLC matters: after it, later local writes sort after every one seen.
      db.syncMeta.put({ ...meta, clock: catchUpClock(meta.clock, latestHlc, nowMs), cursor: response.cursor }),
    ]);
  });
}

/**
 * The queued writes to the page's favorites. The whole outbox when it is small (the usual
 * case: one read, and none at all for an empty one), else an index lookup of the page's ids.
 */
async function pendingWrites(db: FavoritesDb, changes: readonly FavoriteChange[]): Promise<OutboxEntry[]> {
  if (changes.length === 0) return [];
  const queued = await db.outbox.count();
  if (queued === 0) return [];
  if (queued <= changes.length) return db.outbox.toArray();
  return db.outbox.where('args.articleId').anyOf([...new Set(changes.map((change) => change.articleId))]).toArray();
}

function changeRecord(change: FavoriteChange): FavoriteRecord {
  return { articleId: change.articleId, saved: change.saved, note: change.note, public: change.public, tags: change.tags };
}

/** Ascending ids within each favorite: the order the writes were made in. */
function groupByArticle(entries: readonly OutboxEntry[]): Map<string, OutboxEntry[]> {
  const groups = new Map<string, OutboxEntry[]>();
  for (const entry of [...entries].sort((a, b) => a.id - b.id)) {
    const group = groups.get(entry.args.articleId);
    if (group) group.push(entry);
    else groups.set(entry.args.articleId, [entry]);
  }
  return groups;
}
