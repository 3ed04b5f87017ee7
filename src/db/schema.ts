/**
 * The local database's schema, every version in one place.
 *
 * Dexie upgrades an existing database by replaying the versions it has not seen yet, so a
 * version, once shipped, is never edited: a change is a new `db.version(n + 1)` entry below
 * (with an `.upgrade()` when rows must be rewritten).
 */
import type { Dexie, Transaction } from 'dexie';
import type { Favorite } from '../contract';
import { initialSyncMeta } from './initialSyncMeta';
import { legacyFavorite } from './legacyFavorite';
import { recordRow } from './recordRow';
import type { StoredArticle } from './StoredArticle';
import type { FavoriteEntry, FavoriteSegment, SyncRecordRow } from './SyncRecordRow';
import { articleSummary } from './articleSummary';
import { storableArticle } from './articlesRepo';

/** Primary key first, then indexes (Dexie's schema syntax). */
export const SCHEMA_V1 = {
  /** Article summaries from lists, and full articles (with `body`) the user opened or saved. */
  articles: 'id, publishedAt',
  /** The API's `Favorite` shape; `savedAt` is indexed for the newest-first list. */
  favorites: 'articleId, savedAt',
} as const;

/**
 * Sync (protocol.md, "Client outbox"). `favorites` stays until the app reads `records`
 * (v3 drops it).
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  /** Favorites as LWW registers (`SyncRecordRow`); `savedAt` is only set on saved ones. */
  records: 'articleId, savedAt',
  /** Queued writes by mutation id; by article for rollbacks and rebases. */
  outbox: 'id, args.articleId',
  /** One row: device id, clock, next mutation id, pull cursor. */
  syncMeta: 'id',
} as const;

/** The app reads and writes `records` only: v1's `favorites` table goes (v2 copied it into `records`). */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  favorites: null,
} as const;

/**
 * Favorites move into segments (`FavoriteSegment`): rows of many favorites with their article
 * summaries, never rewritten, the newest entry of a favorite winning. An initial sync of 10,000
 * favorites was 20,000 puts (a record and an article each), at 50–150 µs a put in Chromium;
 * it is now ten. `records` stays until v5, so the upgrade can read it.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  favoriteSegments: 'id',
} as const;

/** `records` goes: v4 copied it into one segment. */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  records: null,
} as const;

export const SCHEMA_VERSION = 5;

export function declareSchema(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  db.version(3).stores(SCHEMA_V3);
  db.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
  db.version(5).stores(SCHEMA_V5);
  // A database created at v2 or later runs no upgrade: it gets its sync state here.
  db.on('populate', (tx) => tx.table('syncMeta').add(initialSyncMeta()));
}

/** Every favorite saved before sync becomes a record the first pull overrides; none is lost. */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const favorites: Favorite[] = await tx.table('favorites').toArray();
  const records: SyncRecordRow[] = favorites.map((favorite) => {
    const legacy = legacyFavorite(favorite);
    return recordRow(legacy.record, null, legacy);
  });
  await tx.table('records').bulkPut(records);
  // v1 stored each favorite's article beside it; restore any that went missing, since a
  // record without its article cannot be listed.
  const articles: (StoredArticle | undefined)[] = await tx.table('articles').bulkGet(favorites.map((f) => f.articleId));
  const missing = favorites.filter((_, i) => !articles[i]).map((f) => storableArticle(f.article));
  if (missing.length) await tx.table('articles').bulkPut(missing);
  await tx.table('syncMeta').add(initialSyncMeta());
}

/** Every record becomes an entry of one segment, with its article's summary; none is lost. */
async function upgradeToV4(tx: Transaction): Promise<void> {
  const records: SyncRecordRow[] = await tx.table('records').toArray();
  if (records.length === 0) return;
  const articles: (StoredArticle | undefined)[] = await tx.table('articles').bulkGet(records.map((row) => row.articleId));
  const entries: FavoriteEntry[] = records.map((row, i) => {
    const article = articles[i];
    return article ? { ...row, article: articleSummary(article) } : row;
  });
  await tx.table('favoriteSegments').add({ id: 1, entries } satisfies FavoriteSegment);
}
