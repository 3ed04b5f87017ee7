import type { FavoriteChange, PullResponse } from '../contract';
import { catchUpClock } from '../core/catchUpClock';
import { lastChangedHlc, type FavoriteRecord } from '../core/favoriteRecord';
import { isHlc } from '../core/hlc';
import { maxHlc } from '../core/lww';
import { mergeRecords } from '../core/mergeRecords';
import type { OutboxEntry } from '../sync/LocalStore';
import { storableArticle } from './articlesRepo';
import type { FavoritesDb } from './FavoritesDb';
import { readSyncMeta } from './readSyncMeta';
import { rebasedRow } from './recordRow';
import { sameSummary } from './sameSummary';
import type { StoredArticle } from './StoredArticle';
import type { SyncRecordRow } from './SyncRecordRow';

/**
 * A parsed pull page (protocol.md, "Versions and pull"), in ONE transaction whatever its size:
 * merge each change into `confirmed` (LWW per register), recompute the view as confirmed plus
 * the writes still pending, store the article summaries, the cursor and the clock. The cursor
 * never advances without its data, and a page applied twice changes nothing.
 */
export function applyPull(db: FavoritesDb, response: PullResponse, nowMs: number): Promise<void> {
  return db.transaction('rw', [db.records, db.articles, db.outbox, db.syncMeta], async () => {
    const ids = [...new Set(response.changes.map((change) => change.articleId))];
    const [rows, articles, pending, meta] = await Promise.all([
      db.records.bulkGet(ids),
      db.articles.bulkGet(ids),
      db.outbox.where('args.articleId').anyOf(ids).toArray(),
      readSyncMeta(db),
    ]);
    const rowOf = new Map(ids.map((id, i) => [id, rows[i]]));
    const articleOf = new Map(ids.map((id, i) => [id, articles[i]]));
    const pendingOf = groupByArticle(pending);

    const nextRows = new Map<string, SyncRecordRow>();
    const nextArticles = new Map<string, StoredArticle>();
    let latestHlc = response.serverHlc;
    for (const change of response.changes) {
      const incoming = changeRecord(change);
      const seen = lastChangedHlc(incoming);
      if (isHlc(seen)) latestHlc = maxHlc(latestHlc, seen) ?? latestHlc;

      const row = nextRows.get(change.articleId) ?? rowOf.get(change.articleId);
      const confirmed = mergeRecords(row?.confirmed, incoming);
      if (confirmed.changed) {
        const next = rebasedRow(change.articleId, confirmed.record, row?.legacy, pendingOf.get(change.articleId) ?? []);
        if (next) nextRows.set(change.articleId, next);
      }
      const stored = nextArticles.get(change.articleId) ?? articleOf.get(change.articleId);
      if (!sameSummary(stored, change.article)) nextArticles.set(change.articleId, storableArticle(change.article, stored));
    }

    if (nextRows.size) await db.records.bulkPut([...nextRows.values()]);
    if (nextArticles.size) await db.articles.bulkPut([...nextArticles.values()]);
    // Only the largest HLC matters: after it, later local writes sort after every one seen.
    await db.syncMeta.put({ ...meta, clock: catchUpClock(meta.clock, latestHlc, nowMs), cursor: response.cursor });
  });
}

function changeRecord(change: FavoriteChange): FavoriteRecord {
  return { articleId: change.articleId, saved: change.saved, note: change.note, public: change.public, tags: change.tags };
}

function groupByArticle(entries: readonly OutboxEntry[]): Map<string, OutboxEntry[]> {
  const groups = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.args.articleId);
    if (group) group.push(entry);
    else groups.set(entry.args.articleId, [entry]);
  }
  return groups;
}
