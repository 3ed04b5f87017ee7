import type { Table } from 'dexie';
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
 * From this many ids on, `storedOf` scans keys first instead of getting every id: below it the
 * gets are few, and a key scan could list far more keys than there are ids.
 */
const KEY_SCAN_MIN_IDS = 100;

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
      storedOf(db.records, ids),
      storedOf(db.articles, ids),
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

    // All writes are sent at once: the page's main thread clones and sends the articles while
    // IndexedDB (another process) stores the records, instead of waiting for them first.
    await Promise.all([
      nextRows.size ? db.records.bulkPut([...nextRows.values()]) : undefined,
      nextArticles.size ? db.articles.bulkPut([...nextArticles.values()]) : undefined,
      // Only the largest HLC matters: after it, later local writes sort after every one seen.
      db.syncMeta.put({ ...meta, clock: catchUpClock(meta.clock, latestHlc, nowMs), cursor: response.cursor }),
    ]);
  });
}

/**
 * `table.bulkGet(ids)`, minus the gets that would find nothing. A get is one IndexedDB request
 * each; for a large page one key scan over the ids' range first (one `getAllKeys`) tells which
 * are stored, and only those are read. On a fresh device's initial sync that is none of them:
 * it halves the requests of each 1,000-change page.
 */
async function storedOf<T, I>(table: Table<T, string, I>, ids: readonly string[]): Promise<(T | undefined)[]> {
  if (ids.length < KEY_SCAN_MIN_IDS) return table.bulkGet([...ids]);
  const sorted = [...ids].sort();
  const stored = new Set(await table.where(':id').between(sorted[0]!, sorted.at(-1)!, true, true).primaryKeys());
  const present = ids.filter((id) => stored.has(id));
  if (present.length === 0) return ids.map(() => undefined);
  const found = await table.bulkGet(present);
  const byId = new Map(present.map((id, i) => [id, found[i]]));
  return ids.map((id) => byId.get(id));
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
